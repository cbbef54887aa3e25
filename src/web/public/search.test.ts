import { expect, it } from "vitest";
import { createArticle, publishArticle, withdrawArticle } from "../../content/articles.js";
import { createLogger } from "../../log.js";
import { createPerson } from "../../people/people.js";
import type { Store } from "../../storage/store.js";
import { describeEachStore } from "../../storage/test-stores.js";
import { createApp } from "../app.js";

async function publish(store: Store, title: string, body: string, language = "en", day = 8) {
  const person = await createPerson(store, { name: `Writer of ${title}`, kind: "pen_name" });
  const article = await createArticle(store, { language, title, body, personIds: [person] });
  return publishArticle(store, article.id, new Date(Date.UTC(2026, 1, day, 10)));
}

describeEachStore("the search page", (store) => {
  const get = (path: string) =>
    createApp({ store: store(), log: createLogger() }).request(`http://127.0.0.1${path}`);

  it("offers a search box on every page", async () => {
    const html = await (await get("/en/")).text();
    expect(html).toMatch(/<search class="masthead-search"><form method="get" action="\/en\/search">/);
    expect(html).toContain('<label for="masthead-q" class="visually-hidden">Search the archive</label>');
  });

  it("lists what it found with marked passages, a count, and filters as links", async () => {
    await publish(store(), "The dockers' strike", "The dockers struck for a week.");
    await publish(store(), "Unrelated", "On gardens.", "en", 9);
    await publish(store(), "Der Streik der Hafenarbeiter", "Die Hafenarbeiter streikten.", "de", 10);
    const res = await get("/en/search?q=docker");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<meta name="robots" content="noindex"/>');
    expect(html).toContain("<h1>Search results for “docker”</h1>");
    expect(html).toContain("One article found");
    expect(html).toMatch(/<a class="u-url" href="\/en\/articles\/2026\/02\/08\/the-dockers-strike"[^>]*>/);
    expect(html).toContain("The <mark>dockers</mark> struck for a week.");
    expect(html).not.toContain("Unrelated");
    expect(html).toContain('href="/en/search?q=docker&amp;order=newest"');
    expect(html).toContain('href="/en/search?q=docker&amp;kind=review"');
    expect(html).toContain('href="/en/search?q=docker&amp;language=all"');
    const german = await (await get("/de/search?q=streik")).text();
    expect(german).toContain("Ein Artikel gefunden");
    expect(german).toContain("Der Streik der Hafenarbeiter");
  });

  it("helps when nothing is found, and explains the query language on an empty search", async () => {
    await publish(store(), "Strike", "A strike.");
    const none = await (await get("/en/search?q=zeppelin")).text();
    expect(none).toContain("Nothing matched “zeppelin”.");
    expect(none).toContain("remove a filter");
    const empty = await (await get("/en/search")).text();
    expect(empty).toContain("<h1>Search</h1>");
    expect(empty).toContain("exclude a word with a minus");
  });

  it("pages with a cursor, and forgets a withdrawn article at once", async () => {
    const ids = [];
    for (let day = 1; day <= 12; day++)
      ids.push((await publish(store(), `Dispatch ${day}`, "Famine.", "en", day)).id);
    const first = await (await get("/en/search?q=famine&order=newest")).text();
    const next = first.match(/<a rel="next" href="([^"]+)"/)?.[1]?.replaceAll("&amp;", "&");
    expect(next).toMatch(/^\/en\/search\?q=famine&order=newest&cursor=/);
    const second = await (await get(next ?? "")).text();
    expect(second).toContain("Dispatch 2");
    expect(second).not.toContain("Dispatch 12<");
    await withdrawArticle(store(), ids[0] as number);
    expect(await (await get(next ?? "")).text()).not.toContain("Dispatch 1<");
  });

  it("escapes what the reader typed", async () => {
    await publish(store(), "Strike", "A strike.");
    const html = await (
      await get(`/en/search?q=${encodeURIComponent('<script>alert(1)</script> "strike')}`)
    ).text();
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("answers hostile queries with a page, and bad parameters with 400 and a message", async () => {
    await publish(store(), "Strike", "A strike.");
    for (const q of [
      '"',
      "NEAR(",
      "*",
      "title:",
      "OR",
      "-",
      "'; DROP TABLE articles; --",
      "\u0001x",
      "漢字 عربى",
    ]) {
      expect((await get(`/en/search?q=${encodeURIComponent(q)}`)).status, q).toBe(200);
    }
    const refused = [
      `/en/search?q=${"a".repeat(600)}`,
      "/en/search?q=strike&person=nobody",
      "/en/search?q=strike&topic=nothing",
      "/en/search?q=strike&kind=poem",
      "/en/search?q=strike&language=xx",
      "/en/search?q=strike&since=2026-02-30",
      "/en/search?q=strike&cursor=%00%00",
      "/en/search?q=strike&cursor=eyJ4Ijox",
      "/en/search?q=strike&order=sideways",
    ];
    for (const path of refused) {
      const res = await get(path);
      expect(res.status, path).toBe(400);
      expect(await res.text(), path).toContain("Bad request");
    }
    expect((await get(`/en/search?q=${"a".repeat(10_000)}`)).status).toBe(400);
  });
});
