import { describe, expect, it } from "vitest";
import { type GeneratedArticle, type GenerateOptions, generatePublication } from "./generate.js";

const END = new Date("2026-11-20T09:00:00Z");
const cache = new Map<string, GeneratedArticle[]>();

function articles(options: Partial<GenerateOptions> = {}): GeneratedArticle[] {
  const all = { articles: 400, seed: 5, ...options };
  const key = JSON.stringify(all);
  let found = cache.get(key);
  if (!found) {
    found = [...generatePublication(all).articles];
    cache.set(key, found);
  }
  return found;
}

describe("the demo publication", () => {
  it("is the same for the same seed and different for another", () => {
    expect([...generatePublication({ articles: 60, seed: 8 }).articles]).toEqual(
      articles({ articles: 60, seed: 8 }),
    );
    expect(articles({ articles: 60, seed: 9 })).not.toEqual(articles({ articles: 60, seed: 8 }));
  });

  it("yields the same articles in the same order when iterated twice", () => {
    const publication = generatePublication({ articles: 80, seed: 3 });
    expect([...publication.articles]).toEqual([...publication.articles]);
  });

  it("publishes in ascending order over the years asked for, ending no later than the end", () => {
    const dates = articles({ years: 4 }).map((a) => a.publishedAt);
    expect([...dates].sort()).toEqual(dates);
    const earliest = END.getTime() - (4 * 365.25 + 1) * 86_400_000;
    expect(Date.parse(dates[0] ?? "")).toBeGreaterThanOrEqual(earliest);
    expect(Date.parse(dates[0] ?? "")).toBeLessThan(earliest + 120 * 86_400_000);
    expect(Date.parse(dates.at(-1) ?? "")).toBeLessThanOrEqual(END.getTime());
    expect(Date.parse(dates.at(-1) ?? "")).toBeGreaterThan(END.getTime() - 30 * 86_400_000);
  });

  it("gives every article its own key and refers only to articles that came before", () => {
    const seen = new Set<string>();
    for (const a of articles()) {
      expect(seen.has(a.key)).toBe(false);
      for (const key of [...a.inReplyToKeys, ...(a.translationOfKey ? [a.translationOfKey] : [])]) {
        expect(seen.has(key)).toBe(true);
      }
      seen.add(a.key);
    }
  });

  it("refers only to persons, topics and series it has", () => {
    const publication = generatePublication({ articles: 300, seed: 5 });
    const persons = new Set(publication.persons.map((p) => p.key));
    const topics = new Set(publication.topics.map((t) => t.key));
    const series = new Set(publication.series.map((s) => s.key));
    for (const t of publication.topics) if (t.parentKey) expect(topics.has(t.parentKey)).toBe(true);
    for (const a of articles({ articles: 300 })) {
      for (const key of a.authorKeys) expect(persons.has(key)).toBe(true);
      for (const key of a.topicKeys) expect(topics.has(key)).toBe(true);
      if (a.series) expect(series.has(a.series.key)).toBe(true);
    }
  });

  it("publishes each series in consecutive parts a few days apart", () => {
    const parts = articles().filter((a) => a.series?.key === "s1");
    expect(parts.map((a) => a.series?.part)).toEqual([1, 2, 3, 4]);
    expect(parts.every((a) => a.title.includes("of 4)"))).toBe(true);
    const days = parts.map((a) => Date.parse(a.publishedAt) / 86_400_000);
    for (let i = 1; i < days.length; i++) {
      expect((days[i] ?? 0) - (days[i - 1] ?? 0)).toBeGreaterThan(0.5);
      expect((days[i] ?? 0) - (days[i - 1] ?? 0)).toBeLessThan(8);
    }
  });

  it("writes about four articles in five in the first language", () => {
    const all = articles({ articles: 2000, wordsPerArticle: 60 });
    const share = all.filter((a) => a.language === "en").length / all.length;
    expect(share).toBeGreaterThan(0.74);
    expect(share).toBeLessThan(0.86);
    expect(articles({ articles: 50, languages: ["de"] }).every((a) => a.language === "de")).toBe(true);
  });

  it("translates some earlier articles with their authors and topics", () => {
    const all = articles({ articles: 2000, wordsPerArticle: 60 });
    const byKey = new Map(all.map((a) => [a.key, a]));
    const translations = all.filter((a) => a.translationOfKey);
    const others = all.filter((a) => a.language !== "en").length;
    expect(translations.length).toBeGreaterThan(others * 0.05);
    expect(translations.length).toBeLessThan(others * 0.15);
    for (const translation of translations) {
      const original = byKey.get(translation.translationOfKey ?? "");
      expect(original?.language).toBe("en");
      expect(translation.language).not.toBe("en");
      expect(translation.authorKeys).toEqual(original?.authorKeys);
      expect(translation.topicKeys).toEqual(original?.topicKeys);
      expect(translation.body.split("\n\n").length).toBe(original?.body.split("\n\n").length);
    }
  });

  it("has an exchange in which each article answers the one before", () => {
    const all = articles();
    const answers = new Map(all.filter((a) => a.inReplyToKeys.length === 1).map((a) => [a.key, a]));
    const longest = Math.max(
      ...all.map((a) => {
        let length = 1;
        let current: GeneratedArticle | undefined = a;
        while (current?.inReplyToKeys.length === 1) {
          length++;
          current = all.find((b) => b.key === current?.inReplyToKeys[0]);
        }
        return length;
      }),
    );
    expect(answers.size).toBeGreaterThan(0);
    expect(longest).toBeGreaterThanOrEqual(3);
  });

  it("answers other publications, some on the web and some only in print", () => {
    const outside = articles({ articles: 2000, wordsPerArticle: 60 }).flatMap((a) =>
      a.externalReply ? [a.externalReply] : [],
    );
    expect(outside.some((reply) => reply.url?.match(/^https:\/\/[a-z-]+\.example\//))).toBe(true);
    expect(outside.some((reply) => reply.url === undefined)).toBe(true);
  });

  it("has a pen name, institutions signing statements, shared bylines and a few featured articles", () => {
    const publication = generatePublication({ articles: 1 });
    const kindOf = new Map(publication.persons.map((p) => [p.key, p.kind]));
    expect([...kindOf.values()]).toContain("pen_name");
    const all = articles();
    const statements = all.filter((a) => a.kind === "statement");
    expect(statements.length).toBeGreaterThan(0);
    for (const s of statements) expect(s.authorKeys.map((k) => kindOf.get(k))).toEqual(["institution"]);
    expect(all.some((a) => a.authorKeys.some((k) => kindOf.get(k) === "pen_name"))).toBe(true);
    expect(all.some((a) => a.authorKeys.length === 2)).toBe(true);
    expect(all.filter((a) => a.featured).length).toBeGreaterThan(0);
    expect(all.filter((a) => a.featured).length).toBeLessThan(all.length * 0.08);
  });

  it("refuses a language it has no words for", () => {
    expect(() => generatePublication({ articles: 1, languages: ["en", "xx"] })).toThrow(/xx/);
  });
});
