import { parseFeed } from "@rowanmanning/feed-parser";
import { XMLValidator } from "fast-xml-parser";
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from "feedsmith";
import { expect, it } from "vitest";
import { withdrawArticle } from "../../content/articles.js";
import { createSeries } from "../../content/series-ops.js";
import { escapeXml } from "../../feeds/xml.js";
import { createLogger } from "../../log.js";
import { createPerson } from "../../people/people.js";
import { describeEachStore } from "../../storage/test-stores.js";
import { addSource, day, publishNew } from "../../test-support/publication.js";
import { createTopic } from "../../topics/topics.js";
import { type AppOptions, createApp } from "../app.js";

const ORIGIN = "http://127.0.0.1";
const PAGES = ["/en/", "/en/authors/kip-writer", "/en/topics/history", "/en/series/the-long-war"];
const TYPES = {
  "feed.xml": "application/rss+xml; charset=utf-8",
  "atom.xml": "application/atom+xml; charset=utf-8",
  "feed.json": "application/feed+json; charset=utf-8",
};

describeEachStore("feeds on the public site", (store) => {
  const app = (options: Partial<AppOptions> = {}) =>
    createApp({ store: store(), log: createLogger(), ...options });
  const get = (path: string, headers: Record<string, string> = {}, options: Partial<AppOptions> = {}) =>
    app(options).request(`${ORIGIN}${path}`, { headers });

  async function publishLinked(title: string, at = day(1), extra: Record<string, unknown> = {}) {
    const [person, topic, series] = await Promise.all([
      createPerson(store(), { name: "Kip Writer", slug: "kip-writer" }).catch(() => 1),
      createTopic(store(), { name: "History", slug: "history" }).catch(() => 1),
      createSeries(store(), { title: "The long war", slug: "the-long-war" }).catch(() => 1),
    ]);
    return publishNew(
      store(),
      title,
      { personIds: [person], topicIds: [topic], seriesId: series, ...extra },
      at,
    );
  }

  it("serves every feed of an edition, person, topic and series, readable by real parsers", async () => {
    const article = await publishLinked("Against the falsifiers");
    for (const page of PAGES) {
      for (const [file, type] of Object.entries(TYPES)) {
        const path = `${page.replace(/\/$/, "")}/${file}`;
        const res = await get(path);
        expect(res.status, path).toBe(200);
        expect(res.headers.get("content-type")).toBe(type);
        const text = await res.text();
        if (file === "feed.json") {
          const feed = parseJsonFeed(text);
          expect(feed.feed_url).toBe(`${ORIGIN}${path}`);
          expect(feed.home_page_url).toBe(`${ORIGIN}${page}`);
          expect((feed.items ?? []).map((i) => i.url)).toEqual([`${ORIGIN}${article.path}`]);
          continue;
        }
        expect(XMLValidator.validate(text)).toBe(true);
        const feed = parseFeed(text);
        expect(feed.self).toBe(`${ORIGIN}${path}`);
        expect(feed.url).toBe(`${ORIGIN}${page}`);
        expect(feed.language).toBe("en");
        expect((feed.items ?? []).map((i) => i.url)).toEqual([`${ORIGIN}${article.path}`]);
        if (file === "atom.xml") expect(parseAtomFeed(text).entries).toHaveLength(1);
        else expect(parseRssFeed(text).items).toHaveLength(1);
      }
    }
  });

  it("carries the stored HTML in full, the bylines by name only and the topics as categories", async () => {
    await addSource(store(), "some-source");
    const article = await publishLinked("In full", day(1), {
      body: "Opens here.[^1]\n\n> Quoted.\n>\n> [@some-source, p. 3]\n\n[^1]: A note.\n",
    });
    // Read away from the site, the note's links must still lead to the article.
    const html = article.html.replaceAll('href="#', `href="${ORIGIN}${article.path}#`);
    expect(html).toContain(`href="${ORIGIN}${article.path}#fn-1"`);
    const text = await (await get("/en/atom.xml")).text();
    expect(text).toContain(`<content type="html">${escapeXml(html)}</content>`);
    const atom = parseAtomFeed(text).entries?.[0];
    // This parser trims the value it hands back.
    expect(atom?.content?.value).toBe(html.trim());
    expect(atom?.authors).toEqual([{ name: "Kip Writer" }]);
    expect(atom?.categories).toEqual([{ term: "History" }]);
    expect(atom?.summary?.value).toBe(article.standfirst);
    const jsonText = await (await get("/en/feed.json")).text();
    expect(JSON.parse(jsonText).items[0].content_html).toBe(html);
    const json = parseJsonFeed(jsonText).items?.[0];
    expect(json?.authors).toEqual([{ name: "Kip Writer" }]);
  });

  it("keeps hostile titles and bodies well-formed on the way through", async () => {
    const title = "Tom & Jerry <i>]]></i> 🚩 «مرحبا» שלום";
    await publishLinked(title, day(1), { body: "a < b && c ]]> d 🚩 مرحبا\n\n<script>alert(1)</script>" });
    const rss = await (await get("/en/feed.xml")).text();
    const atom = await (await get("/en/atom.xml")).text();
    const json = await (await get("/en/feed.json")).text();
    for (const xml of [rss, atom]) {
      expect(XMLValidator.validate(xml)).toBe(true);
      expect(parseFeed(xml).items[0]?.title).toBeTruthy();
    }
    const contents = [
      parseRssFeed(rss).items?.[0]?.content?.encoded,
      parseAtomFeed(atom).entries?.[0]?.content?.value,
      parseJsonFeed(json).items?.[0]?.content_html,
    ];
    for (const html of contents) {
      expect(html).toContain("a &lt; b &amp;&amp; c ]]&gt; d 🚩 مرحبا");
      expect(html).not.toContain("<script");
    }
    expect(parseRssFeed(rss).items?.[0]?.title).toBe(title);
    expect(parseAtomFeed(atom).entries?.[0]?.title?.value).toBe(title);
    expect(parseJsonFeed(json).items?.[0]?.title).toBe(title);
  });

  it("answers 304 to If-None-Match and to If-Modified-Since, with the page cache and without", async () => {
    const article = await publishLinked("Unchanged");
    for (const pageCache of [true, false]) {
      for (const path of [
        "/en/feed.xml",
        "/en/topics/history/atom.xml",
        "/en/authors/kip-writer/feed.json",
      ]) {
        const first = await get(path, {}, { pageCache });
        const etag = first.headers.get("etag") ?? "";
        const lastModified = first.headers.get("last-modified") ?? "";
        expect(etag).toMatch(/^W\/"/);
        expect(lastModified).toBe(new Date(article.updatedAt).toUTCString());
        expect((await get(path, { "if-none-match": etag }, { pageCache })).status).toBe(304);
        expect((await get(path, { "if-modified-since": lastModified }, { pageCache })).status).toBe(304);
        const earlier = new Date(Date.parse(lastModified) - 1000).toUTCString();
        expect((await get(path, { "if-modified-since": earlier }, { pageCache })).status).toBe(200);
        // If-None-Match decides alone when both are sent.
        const both = { "if-none-match": 'W/"other"', "if-modified-since": lastModified };
        expect((await get(path, both, { pageCache })).status).toBe(200);
      }
    }
  });

  it("says it changed when an article left it, so a reader asking by date alone does not keep it", async () => {
    await publishLinked("Kept", day(1));
    const withdrawn = await publishLinked("Withdrawn", day(2));
    const first = await get("/en/feed.xml", {}, { pageCache: false });
    const lastModified = first.headers.get("last-modified") ?? "";
    await withdrawArticle(store(), withdrawn.id, new Date(Date.parse(lastModified) + 60_000));
    const again = await get("/en/feed.xml", { "if-modified-since": lastModified }, { pageCache: false });
    expect(again.status).toBe(200);
    expect(parseFeed(await again.text()).items.map((i) => i.title)).toEqual(["Kept"]);
    const now = again.headers.get("last-modified") ?? "";
    expect((await get("/en/feed.xml", { "if-modified-since": now }, { pageCache: false })).status).toBe(304);
  });

  it("is served from the page cache, and a withdrawal reaches it at once", async () => {
    const site = app();
    const kept = await publishLinked("Kept", day(1));
    const withdrawn = await publishLinked("Withdrawn", day(2));
    const titles = async (path: string) =>
      parseFeed(await (await site.request(`${ORIGIN}${path}`)).text()).items.map((i) => i.title);
    expect(await titles("/en/feed.xml")).toEqual(["Withdrawn", "Kept"]);
    // A change made behind the content clock's back is not seen: the feed came from the cache.
    await store().db.updateTable("articles").set({ title: "Renamed" }).where("id", "=", kept.id).execute();
    expect(await titles("/en/feed.xml")).toEqual(["Withdrawn", "Kept"]);
    await withdrawArticle(store(), withdrawn.id);
    for (const page of PAGES.slice(0, 3)) {
      expect(await titles(`${page.replace(/\/$/, "")}/atom.xml`)).toEqual(["Renamed"]);
    }
  });

  it("holds as many articles as the app is told to put in a feed", async () => {
    for (let i = 0; i < 4; i++) await publishNew(store(), `Article ${i}`, {}, day(i));
    const feed = parseJsonFeed(await (await get("/en/feed.json", {}, { feedItems: 2 })).text());
    expect((feed.items ?? []).map((i) => i.title)).toEqual(["Article 3", "Article 2"]);
  });

  it("writes every link with the configured base URL", async () => {
    const article = await publishLinked("Linked");
    const base = "https://paper.example";
    const text = await (await get("/en/atom.xml", {}, { baseUrl: base })).text();
    const feed = parseFeed(text);
    expect(feed.self).toBe(`${base}/en/atom.xml`);
    expect(feed.items[0]?.url).toBe(`${base}${article.path}`);
    expect(feed.items[0]?.id).toMatch(/^tag:paper\.example,2026-01-02:article-\d+$/);
    expect(text).not.toContain(ORIGIN);
  });

  // The feed, and the page it follows when that page is missing too.
  const missing: [string, string, string?][] = [
    ["an unknown person", "/en/authors/nobody/feed.xml", "/en/authors/nobody"],
    ["an unknown topic", "/en/topics/nothing/atom.xml", "/en/topics/nothing"],
    ["an unknown series", "/en/series/none/feed.json", "/en/series/none"],
    ["a series with nothing in the edition", "/de/series/the-long-war/feed.xml", "/de/series/the-long-war"],
    ["an unknown edition", "/xx/feed.xml", "/xx/"],
    ["a feed format we do not publish", "/en/feed.rss"],
    ["a feed name under a person", "/en/authors/kip-writer/rss.xml"],
    ["a 10 KB slug", `/en/topics/${"a".repeat(10_240)}/feed.xml`],
  ];
  for (const [what, path, page] of missing) {
    it(`answers 404 to the feed of ${what}${page ? ", as to its page" : ""}`, async () => {
      await publishLinked("Something");
      await publishNew(store(), "Deutsch", { language: "de" });
      const res = await get(path);
      // A 10 KB address is refused for its length (400) before any route is tried.
      expect(res.status).toBe(path.length > 2048 ? 400 : 404);
      expect(res.headers.get("content-type")).toMatch(/^text\/html/);
      if (page) expect((await get(page)).status).toBe(404);
    });
  }

  it("announces the three feeds in the head of each listing page and links them in the page", async () => {
    await publishLinked("Announced");
    for (const page of PAGES) {
      const html = await (await get(page)).text();
      const announced = [
        ...html.matchAll(/<link rel="alternate" type="([^"]+)" title="([^"]+)" href="([^"]+)"\/>/g),
      ];
      expect(
        announced.map((m) => m[1]),
        page,
      ).toEqual(["application/rss+xml", "application/atom+xml", "application/feed+json"]);
      for (const [, type, title, href] of announced) {
        expect(title).toMatch(/^Broadside — .+ \((RSS|Atom|JSON Feed)\)$/);
        const res = await app().request(href ?? "");
        expect(res.status).toBe(200);
        expect(res.headers.get("content-type")).toBe(`${type}; charset=utf-8`);
      }
      const visible = html.match(/<p class="feeds">(.*?)<\/p>/s)?.[1] ?? "";
      expect(visible).toContain("Subscribe:");
      expect([...visible.matchAll(/<a href="([^"]+)"/g)].map((m) => m[1])).toEqual(
        ["feed.xml", "atom.xml", "feed.json"].map((f) => `${page.replace(/\/$/, "")}/${f}`),
      );
    }
  });
});
