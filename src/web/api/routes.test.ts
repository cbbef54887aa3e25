import { expect, it } from "vitest";
import { type ArticleInput, createArticle, publishArticle, withdrawArticle } from "../../content/articles.js";
import { createSeries } from "../../content/series-ops.js";
import { createLogger } from "../../log.js";
import { createPerson } from "../../people/people.js";
import type { Store } from "../../storage/store.js";
import { describeEachStore } from "../../storage/test-stores.js";
import { createTopic } from "../../topics/topics.js";
import { createApp } from "../app.js";

// biome-ignore lint/suspicious/noExplicitAny: a response body is whatever the assertions below say it is.
type Body = any;

const ORIGIN = "https://broadside.example";
const day = (d: number) => new Date(Date.UTC(2024, 0, d, 9, 0, 0));

/**
 * A small publication: two editions with a translated pair, a pen name and an institution, a topic with a
 * sub-topic, a two-part series, an answer to one of ours and to a printed work, a draft and a withdrawn one.
 */
async function publication(store: Store) {
  const kip = await createPerson(store, {
    name: "Kip Writer",
    kind: "pen_name",
    bio: "Writes on strikes.",
    localizations: [{ language: "de", name: "Kip Schreiber", bio: "Schreibt über Streiks." }],
  });
  const board = await createPerson(store, { name: "Editorial Board", kind: "institution" });
  const politics = await createTopic(store, {
    name: "Politics",
    localizations: [{ language: "de", name: "Politik" }],
  });
  const africa = await createTopic(store, { name: "Africa", parentId: politics });
  const series = await createSeries(store, { title: "The Long Depression" });
  const write = async (d: number, input: Partial<ArticleInput> & { title: string }) => {
    const created = await createArticle(store, { language: "en", body: `Body of ${input.title}.`, ...input });
    return (await publishArticle(store, created.id, day(d), day(100))).id;
  };
  const first = await write(1, { title: "First things", personIds: [kip], topicIds: [politics] });
  const review = await write(2, {
    title: "A review",
    kind: "review",
    personIds: [kip, board],
    topicIds: [africa],
  });
  const german = await write(3, {
    title: "Erste Dinge",
    language: "de",
    personIds: [kip],
    topicIds: [politics],
    translationOf: first,
  });
  const part1 = await write(4, { title: "Part one", personIds: [board], seriesId: series, seriesPart: 1 });
  const part2 = await write(5, {
    title: "Part two",
    personIds: [board],
    topicIds: [politics],
    seriesId: series,
    seriesPart: 2,
    correction: "An earlier version gave the wrong year.",
    replies: [
      { articleId: first, title: "", author: "", publisher: "", date: "" },
      { title: "The Revolution Betrayed", author: "L. Trotsky", publisher: "Doubleday", date: "1937" },
    ],
  });
  const withdrawn = await write(6, { title: "Withdrawn piece", personIds: [kip] });
  await withdrawArticle(store, withdrawn);
  const draft = await createArticle(store, {
    language: "en",
    title: "Secret draft",
    body: "x",
    personIds: [kip],
  });
  return { ids: { first, review, german, part1, part2, withdrawn, draft: draft.id } };
}

describeEachStore("the read API", (store) => {
  const app = () => createApp({ store: store(), log: createLogger(), baseUrl: ORIGIN });
  const request = (path: string, init: RequestInit = {}) => app().request(`http://127.0.0.1${path}`, init);
  const json = async (path: string) => {
    const res = await request(path);
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    return { res, body: (await res.json()) as Body };
  };

  it("lists published articles newest first, with absolute URLs and the default fields", async () => {
    const { ids } = await publication(store());
    const { res, body } = await json("/api/v1/articles");
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("cache-control")).toBe("public, max-age=60");
    expect(res.headers.get("etag")).toMatch(/^W\/"/);
    expect(body.items.map((a: { id: number }) => a.id)).toEqual([
      ids.part2,
      ids.part1,
      ids.german,
      ids.review,
      ids.first,
    ]);
    expect(body.next).toBeNull();
    expect(Object.keys(body.items[0])).toEqual([
      "id",
      "kind",
      "language",
      "slug",
      "title",
      "standfirst",
      "url",
      "api_url",
      "published_at",
      "updated_at",
      "word_count",
      "bylines",
      "topics",
      "series",
    ]);
    const german = body.items[2];
    expect(german.url).toBe(`${ORIGIN}/de/articles/2024/01/03/erste-dinge`);
    expect(german.api_url).toBe(`${ORIGIN}/api/v1/articles/${ids.german}`);
    expect(german.bylines).toEqual([
      { slug: "kip-writer", name: "Kip Schreiber", kind: "pen_name", url: `${ORIGIN}/de/authors/kip-writer` },
    ]);
    expect(german.topics).toEqual([
      { slug: "politics", name: "Politik", url: `${ORIGIN}/de/topics/politics` },
    ]);
  });

  it("pages with an opaque cursor, a next_url and a Link header until the last page", async () => {
    await publication(store());
    const all = (await json("/api/v1/articles")).body.items.map((a: { id: number }) => a.id);
    const seen: number[] = [];
    let path: string | null = "/api/v1/articles?limit=2&fields=id";
    while (path) {
      const { res, body } = await json(path);
      seen.push(...body.items.map((a: { id: number }) => a.id));
      if (body.next_url) {
        expect(res.headers.get("link")).toBe(`<${body.next_url}>; rel="next"`);
        expect(body.next_url).toContain(`cursor=${body.next}`);
      }
      path = body.next_url ? body.next_url.slice(ORIGIN.length) : null;
    }
    expect(seen).toEqual(all);
  });

  it("filters by language, person, topic (without its sub-topics), series, kind and publication time", async () => {
    const { ids } = await publication(store());
    const idsAt = async (query: string) =>
      (await json(`/api/v1/articles?fields=id&${query}`)).body.items.map((a: { id: number }) => a.id);
    expect(await idsAt("language=de")).toEqual([ids.german]);
    expect(await idsAt("person=editorial-board")).toEqual([ids.part2, ids.part1, ids.review]);
    expect(await idsAt("topic=politics")).toEqual([ids.part2, ids.german, ids.first]);
    expect(await idsAt("topic=africa")).toEqual([ids.review]);
    expect(await idsAt("series=the-long-depression")).toEqual([ids.part2, ids.part1]);
    expect(await idsAt("kind=review")).toEqual([ids.review]);
    expect(await idsAt("person=kip-writer&topic=politics&language=en")).toEqual([ids.first]);
    // A date covers its whole day (UTC); a datetime is one instant, included at either end.
    expect(await idsAt("since=2024-01-02&until=2024-01-03")).toEqual([ids.german, ids.review]);
    expect(await idsAt("since=2024-01-03T09:00:00Z&until=2024-01-04T09:00:00.000Z")).toEqual([
      ids.part1,
      ids.german,
    ]);
    expect(await idsAt("until=2024-01-02T10:00:00%2B01:00")).toEqual([ids.review, ids.first]);
    expect(await idsAt("until=2024-01-02T10:00:00+01:00")).toEqual([ids.review, ids.first]);
    expect(await idsAt("kind=letter")).toEqual([]);
  });

  it("returns only the fields asked for, in the documented order, with html and text on request", async () => {
    const { ids } = await publication(store());
    const { body } = await json("/api/v1/articles?language=de&fields=text,title,id,html");
    expect(body.items).toEqual([
      {
        id: ids.german,
        title: "Erste Dinge",
        html: "<p>Body of Erste Dinge.</p>\n",
        text: "Body of Erste Dinge.",
      },
    ]);
  });

  it("shows one article by id with bylines, topics, series, translations and both ends of an answer", async () => {
    const { ids } = await publication(store());
    const { res, body } = await json(`/api/v1/articles/${ids.part2}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("last-modified")).toBeTruthy();
    const { html, text, updated_at, word_count, ...rest } = body;
    expect(html).toContain("<p>Body of Part two.</p>");
    expect(text).toBe("Body of Part two.");
    expect(rest).toEqual({
      id: ids.part2,
      kind: "article",
      language: "en",
      slug: "part-two",
      title: "Part two",
      standfirst: "",
      url: `${ORIGIN}/en/articles/2024/01/05/part-two`,
      api_url: `${ORIGIN}/api/v1/articles/${ids.part2}`,
      published_at: "2024-01-05T09:00:00.000Z",
      bylines: [
        {
          slug: "editorial-board",
          name: "Editorial Board",
          kind: "institution",
          url: `${ORIGIN}/en/authors/editorial-board`,
        },
      ],
      topics: [{ slug: "politics", name: "Politics", url: `${ORIGIN}/en/topics/politics` }],
      series: {
        slug: "the-long-depression",
        title: "The Long Depression",
        url: `${ORIGIN}/en/series/the-long-depression`,
        part: 2,
        total: 2,
      },
      correction: "An earlier version gave the wrong year.",
      translations: [],
      answers: [
        {
          id: ids.first,
          title: "First things",
          author: "",
          publisher: "",
          date: "",
          url: `${ORIGIN}/en/articles/2024/01/01/first-things`,
          api_url: `${ORIGIN}/api/v1/articles/${ids.first}`,
        },
        {
          id: null,
          title: "The Revolution Betrayed",
          author: "L. Trotsky",
          publisher: "Doubleday",
          date: "1937",
          url: null,
          api_url: null,
        },
      ],
      answered_by: [],
    });
    expect(typeof updated_at).toBe("string");
    expect(typeof word_count).toBe("number");
    const first = (await json(`/api/v1/articles/${ids.first}`)).body;
    expect(first.answered_by).toEqual([
      {
        id: ids.part2,
        language: "en",
        title: "Part two",
        url: `${ORIGIN}/en/articles/2024/01/05/part-two`,
        api_url: `${ORIGIN}/api/v1/articles/${ids.part2}`,
        published_at: "2024-01-05T09:00:00.000Z",
      },
    ]);
    expect(first.translations).toEqual([
      {
        id: ids.german,
        language: "de",
        title: "Erste Dinge",
        url: `${ORIGIN}/de/articles/2024/01/03/erste-dinge`,
        api_url: `${ORIGIN}/api/v1/articles/${ids.german}`,
      },
    ]);
    expect(first.correction).toBeNull();
    expect(first.series).toBeNull();
  });

  it("finds an article by slug; a shared slug answers 300 with the candidates until ?language= picks one", async () => {
    const { ids } = await publication(store());
    expect((await json("/api/v1/articles/first-things")).body.id).toBe(ids.first);
    const later = await createArticle(store(), { language: "de", title: "First things", body: "x" });
    await publishArticle(store(), later.id, day(7), day(100));
    const { res, body } = await json("/api/v1/articles/first-things");
    expect(res.status).toBe(300);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(body.error.status).toBe(300);
    expect(body.error.code).toBe("ambiguous");
    expect(body.error.candidates.map((c: { id: number; language: string }) => [c.id, c.language])).toEqual([
      [later.id, "de"],
      [ids.first, "en"],
    ]);
    expect((await json("/api/v1/articles/first-things?language=en")).body.id).toBe(ids.first);
  });

  it("answers 410 for a withdrawn article and 404 for an unknown, draft or unknown-slug one, in JSON", async () => {
    const { ids } = await publication(store());
    for (const [path, status, code] of [
      [`/api/v1/articles/${ids.withdrawn}`, 410, "gone"],
      ["/api/v1/articles/withdrawn-piece", 410, "gone"],
      [`/api/v1/articles/${ids.draft}`, 404, "not_found"],
      ["/api/v1/articles/secret-draft", 404, "not_found"],
      ["/api/v1/articles/999999", 404, "not_found"],
      ["/api/v1/articles/999999999999999", 404, "not_found"],
      ["/api/v1/articles/no-such-slug", 404, "not_found"],
    ] as const) {
      const { res, body } = await json(path);
      expect([path, res.status]).toEqual([path, status]);
      expect(body.error).toMatchObject({ status, code });
      expect(res.headers.get("access-control-allow-origin")).toBe("*");
    }
  });

  it("keeps &, <, ]]>, emoji and right-to-left text exactly through JSON", async () => {
    const title = `Fish & chips <b>not bold</b> ]]> 🏴‍☠️ ✊🏽 — العمال يضربون "quoted" \\ back`;
    const person = await createPerson(store(), { name: "مريم & <Co> ]]>" });
    const created = await createArticle(store(), {
      language: "en",
      title,
      standfirst: "Ends with ]]> & <script>alert(1)</script>",
      body: "Text with &amp; and ]]> and 👍🏿 and עברית.",
      personIds: [person],
    });
    await publishArticle(store(), created.id, day(1), day(100));
    const list = (await json("/api/v1/articles?fields=id,title,standfirst,bylines,text")).body.items[0];
    const one = (await json(`/api/v1/articles/${created.id}`)).body;
    for (const article of [list, one]) {
      expect(article.title).toBe(title);
      expect(article.standfirst).toBe("Ends with ]]> & <script>alert(1)</script>");
      expect(article.bylines[0].name).toBe("مريم & <Co> ]]>");
      expect(article.text).toContain("Text with & and ]]> and 👍🏿 and עברית.");
    }
  });

  it("names no account, login or e-mail anywhere", async () => {
    const { ids } = await publication(store());
    const keys = new Set<string>();
    const collect = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(collect);
      else if (value && typeof value === "object") {
        for (const [key, inner] of Object.entries(value)) {
          keys.add(key);
          collect(inner);
        }
      }
    };
    for (const path of [
      "/api/v1/articles?fields=id,kind,language,slug,title,standfirst,url,api_url,published_at,updated_at,word_count,bylines,topics,series,html,text",
      `/api/v1/articles/${ids.part2}`,
      `/api/v1/articles/${ids.first}`,
      "/api/v1/people",
      "/api/v1/topics",
    ]) {
      collect((await json(path)).body);
    }
    expect([...keys].filter((k) => /account|user|login|mail|password|role|session/i.test(k))).toEqual([]);
  });

  it("lists people and topics by slug, named in the edition asked for, with their pages", async () => {
    await publication(store());
    const people = (await json("/api/v1/people?language=de")).body;
    expect(people).toEqual({
      items: [
        {
          slug: "editorial-board",
          name: "Editorial Board",
          kind: "institution",
          bio: "",
          url: `${ORIGIN}/de/authors/editorial-board`,
          articles_url: `${ORIGIN}/api/v1/articles?person=editorial-board`,
        },
        {
          slug: "kip-writer",
          name: "Kip Schreiber",
          kind: "pen_name",
          bio: "Schreibt über Streiks.",
          url: `${ORIGIN}/de/authors/kip-writer`,
          articles_url: `${ORIGIN}/api/v1/articles?person=kip-writer`,
        },
      ],
      next: null,
      next_url: null,
    });
    const firstTopic = (await json("/api/v1/topics?limit=1")).body;
    expect(firstTopic.items).toEqual([
      {
        slug: "africa",
        name: "Africa",
        description: "",
        parent: "politics",
        url: `${ORIGIN}/en/topics/africa`,
        articles_url: `${ORIGIN}/api/v1/articles?topic=africa`,
      },
    ]);
    const second = (await json(firstTopic.next_url.slice(ORIGIN.length))).body;
    expect(second.items.map((t: { slug: string; name: string }) => [t.slug, t.name])).toEqual([
      ["politics", "Politics"],
    ]);
    expect(second.next).toBeNull();
  });

  it("answers a matching If-None-Match with 304 and its CORS headers", async () => {
    const { ids } = await publication(store());
    for (const path of ["/api/v1/articles", `/api/v1/articles/${ids.first}`, "/api/v1/people"]) {
      const first = await request(path);
      const etag = first.headers.get("etag") ?? "";
      const again = await request(path, { headers: { "if-none-match": `"other", ${etag}` } });
      expect(again.status).toBe(304);
      expect(again.headers.get("etag")).toBe(etag);
      expect(again.headers.get("access-control-allow-origin")).toBe("*");
    }
  });

  it("answers HEAD like GET, without a body", async () => {
    await publication(store());
    const res = await request("/api/v1/articles", { method: "HEAD" });
    expect(res.status).toBe(200);
    expect(res.headers.get("etag")).toMatch(/^W\//);
    expect(await res.text()).toBe("");
  });

  it("answers a CORS preflight from any origin", async () => {
    const res = await request("/api/v1/articles", {
      method: "OPTIONS",
      headers: {
        origin: "https://reader.example",
        "access-control-request-method": "GET",
        "access-control-request-headers": "if-none-match",
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-allow-methods")).toBe("GET, HEAD, OPTIONS");
    expect(res.headers.get("access-control-allow-headers")).toBe("*");
    expect(res.headers.get("access-control-max-age")).toBe("86400");
  });

  it("refuses methods other than GET, HEAD and OPTIONS with 405 in JSON", async () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      const res = await request("/api/v1/articles/1", { method, body: method === "DELETE" ? null : "{}" });
      expect(res.status).toBe(405);
      expect(res.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
      expect(res.headers.get("access-control-allow-origin")).toBe("*");
      expect(((await res.json()) as Body).error).toMatchObject({ status: 405, code: "method_not_allowed" });
    }
  });

  it("answers errors anywhere under /api/ in JSON, while the site keeps its HTML error pages", async () => {
    for (const [path, status] of [
      ["/api/v1/nothing", 404],
      ["/api/v2/articles", 404],
      ["/api/v1/articles/", 404],
      ["/api/v1/authors/%00", 404],
      [`/api/v1/articles?language=${"e".repeat(3000)}`, 400],
    ] as const) {
      const res = await request(path);
      expect([path, res.status]).toEqual([path, status]);
      expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
      expect(res.headers.get("access-control-allow-origin")).toBe("*");
      expect(res.headers.get("cache-control")).toBe("no-store");
      const body = (await res.json()) as Body;
      expect(body.error.status).toBe(status);
      expect(body.error.message).toEqual(expect.any(String));
    }
    const page = await request("/en/nothing/here");
    expect(page.status).toBe(404);
    expect(await page.text()).toContain("<!doctype html>");
  });
});
