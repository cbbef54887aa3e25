import { describe, expect, it } from "vitest";
import { generatePublication } from "./generate.js";

const sample = (articles = 300, seed = 5) => [...generatePublication({ articles, seed }).articles];

describe("the demo generator", () => {
  it("gives the same publication for the same seed", () => {
    expect(sample(50)).toEqual(sample(50));
    expect(sample(50, 6)).not.toEqual(sample(50, 5));
  });

  it("yields articles in date order within the years asked for", () => {
    const articles = sample();
    const dates = articles.map((a) => a.publishedAt);
    expect([...dates].sort()).toEqual(dates);
    expect(dates[0]?.slice(0, 4)).toBe("2020");
    expect(dates.at(-1)?.slice(0, 7)).toBe("2026-11");
  });

  it("refers only to articles generated earlier", () => {
    const seen = new Set<string>();
    for (const a of sample()) {
      for (const key of [...a.inReplyToKeys, ...(a.translationOfKey ? [a.translationOfKey] : [])]) {
        expect(seen.has(key)).toBe(true);
      }
      seen.add(a.key);
    }
  });

  it("writes series in consecutive parts, an exchange of replies and translated pairs", () => {
    const articles = sample();
    const parts = articles.filter((a) => a.series?.key === "s1").map((a) => a.series?.part);
    expect(parts).toEqual([1, 2, 3, 4]);
    const chain = articles.filter((a) => a.inReplyToKeys.length > 0);
    expect(chain.length).toBeGreaterThanOrEqual(3);
    expect(articles.some((a) => a.translationOfKey && a.language === "de")).toBe(true);
    expect(articles.filter((a) => a.language === "en").length).toBeGreaterThan(articles.length * 0.7);
  });

  it("cites only sources it has, and defines every footnote it references", () => {
    const publication = generatePublication({ articles: 200, seed: 3 });
    const ids = new Set(publication.sources.map((s) => s.id));
    for (const a of publication.articles) {
      for (const m of a.body.matchAll(/@([\w-]+)/g)) expect(ids.has(m[1] ?? "")).toBe(true);
      for (const m of a.body.matchAll(/\[\^(\d+)\](?!:)/g)) expect(a.body).toContain(`[^${m[1]}]: `);
    }
  });

  it("fills every slot of every template", () => {
    for (const a of sample(200)) expect(`${a.title} ${a.standfirst} ${a.body}`).not.toMatch(/\{\w+\}/);
  });

  it("has a pen name and an institution among its persons", () => {
    const kinds = generatePublication({ articles: 1 }).persons.map((p) => p.kind);
    expect(kinds).toContain("pen_name");
    expect(kinds).toContain("institution");
  });
});
