import { expect, it } from "vitest";
import { withdrawArticle } from "../../content/articles.js";
import { createSeries } from "../../content/series-ops.js";
import { createLogger } from "../../log.js";
import { createPerson } from "../../people/people.js";
import { describeEachStore } from "../../storage/test-stores.js";
import { day, publishNew } from "../../test-support/publication.js";
import { checkSitemapIndex, checkUrlSet } from "../../test-support/sitemap-rules.js";
import { createTopic } from "../../topics/topics.js";
import { type AppOptions, createApp } from "../app.js";

const ORIGIN = "http://127.0.0.1";

describeEachStore("sitemaps on the public site", (store) => {
  const app = (options: Partial<AppOptions> = {}) =>
    createApp({ store: store(), log: createLogger(), ...options });
  const get = (path: string, headers: Record<string, string> = {}, options: Partial<AppOptions> = {}) =>
    app(options).request(`${ORIGIN}${path}`, { headers });

  /** A small publication in two languages, with bylines, topics, a series and a withdrawn article. */
  async function publication() {
    const people = [
      await createPerson(store(), { name: "Kip Writer" }),
      await createPerson(store(), { name: "Leo Other" }),
    ];
    const topics = [
      await createTopic(store(), { name: "History" }),
      await createTopic(store(), { name: "Labour" }),
    ];
    const series = await createSeries(store(), { title: "The long war" });
    const articles = [];
    for (let i = 0; i < 7; i++) {
      const links = {
        personIds: [people[i % 2] ?? 0],
        topicIds: [topics[i % 2] ?? 0],
        seriesId: i < 2 ? series : null,
      };
      articles.push(await publishNew(store(), `Article ${i}`, links, day(i)));
    }
    const translation = await publishNew(
      store(),
      "Übersetzung",
      { language: "de", translationOf: articles[0]?.id },
      day(9),
    );
    await withdrawArticle(store(), articles[3]?.id ?? 0);
    const listed = [...articles.filter((_, i) => i !== 3), translation];
    return { listed, withdrawn: articles[3] };
  }

  it("lists every sitemap page in the index, and every page keeps to the protocol", async () => {
    const { listed, withdrawn } = await publication();
    const options = { sitemapPageSizes: { articles: 2, sections: 1 } };
    const res = await get("/sitemap.xml", {}, options);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/xml; charset=utf-8");
    const pages = checkSitemapIndex(await res.text(), ORIGIN);
    // Eight articles (ids 1–8), two ids a page.
    expect(pages.filter((p) => p.includes("articles-")).length).toBe(4);
    expect(pages.filter((p) => p.includes("authors-")).length).toBe(2);
    const locs: string[] = [];
    for (const page of pages) {
      const sitemap = await app(options).request(page);
      expect(sitemap.status, page).toBe(200);
      expect(sitemap.headers.get("content-type")).toBe("application/xml; charset=utf-8");
      const urls = checkUrlSet(await sitemap.text(), ORIGIN);
      if (page.includes("articles-")) expect(urls.length).toBeLessThanOrEqual(2);
      locs.push(...urls.map((u) => u.loc));
    }
    expect(new Set(locs).size).toBe(locs.length);
    for (const article of listed) expect(locs).toContain(`${ORIGIN}${encodeURI(article.path ?? "")}`);
    expect(locs).not.toContain(`${ORIGIN}${withdrawn?.path}`);
    for (const path of [
      "/en/",
      "/de/",
      "/en/authors/kip-writer",
      "/en/topics/labour",
      "/en/series/the-long-war",
    ]) {
      expect(locs).toContain(`${ORIGIN}${path}`);
    }
  });

  it("pages the default sizes the same way: one page of articles holds a small archive", async () => {
    const { listed } = await publication();
    const pages = checkSitemapIndex(await (await get("/sitemap.xml")).text(), ORIGIN);
    expect(pages).toEqual(
      ["editions-1", "articles-1", "authors-1", "topics-1", "series-1"].map(
        (n) => `${ORIGIN}/sitemaps/${n}.xml`,
      ),
    );
    const urls = checkUrlSet(await (await get("/sitemaps/articles-1.xml")).text(), ORIGIN);
    expect(urls.map((u) => u.loc).sort()).toEqual(
      listed.map((a) => `${ORIGIN}${encodeURI(a.path ?? "")}`).sort(),
    );
  });

  it("writes every address with the configured base URL", async () => {
    await publication();
    const base = "https://paper.example";
    const options = { baseUrl: base };
    for (const page of checkSitemapIndex(await (await get("/sitemap.xml", {}, options)).text(), base)) {
      const path = page.slice(base.length);
      checkUrlSet(await (await get(path, {}, options)).text(), base);
    }
    expect(await (await get("/robots.txt", {}, options)).text()).toContain(`Sitemap: ${base}/sitemap.xml`);
  });

  it("serves sitemap pages from the page cache with an ETag, and answers 304 to it", async () => {
    await publication();
    const site = app();
    const first = await site.request(`${ORIGIN}/sitemaps/articles-1.xml`);
    const body = await first.text();
    const again = await site.request(`${ORIGIN}/sitemaps/articles-1.xml`);
    expect(await again.text()).toBe(body);
    const etag = again.headers.get("etag") ?? "";
    expect(etag).toMatch(/^W\/"/);
    const cached = await site.request(`${ORIGIN}/sitemaps/articles-1.xml`, {
      headers: { "if-none-match": etag },
    });
    expect(cached.status).toBe(304);
    const index = await site.request(`${ORIGIN}/sitemap.xml`);
    const validated = await site.request(`${ORIGIN}/sitemap.xml`, {
      headers: { "if-none-match": index.headers.get("etag") ?? "" },
    });
    expect(validated.status).toBe(304);
  });

  const badPages: [string, string][] = [
    ["page 0", "/sitemaps/articles-0.xml"],
    ["letters for a page", "/sitemaps/articles-abc.xml"],
    ["a negative page", "/sitemaps/articles--1.xml"],
    ["a page past the end", "/sitemaps/articles-2.xml"],
    ["a page far past the end", "/sitemaps/articles-999999999.xml"],
    ["a page past any integer", "/sitemaps/articles-99999999999999999999999999.xml"],
    ["a leading zero", "/sitemaps/articles-01.xml"],
    ["a second page of editions", "/sitemaps/editions-2.xml"],
    ["an unknown kind", "/sitemaps/pages-1.xml"],
    ["no extension", "/sitemaps/articles-1"],
    ["another extension", "/sitemaps/articles-1.xml.gz"],
    ["a page of persons with nothing published", "/sitemaps/authors-3.xml"],
    ["a NUL byte", "/sitemaps/articles-1%00.xml"],
    ["the sitemap folder itself", "/sitemaps/"],
  ];
  for (const [what, path] of badPages) {
    it(`answers 404, never 500, to a sitemap with ${what}`, async () => {
      await publication();
      await createPerson(store(), { name: "Never Published" });
      for (const pageCache of [true, false]) {
        expect((await get(path, {}, { pageCache })).status).toBe(404);
      }
    });
  }

  it("lets crawlers in, points them at the sitemap, and keeps them out of admin, the API and search", async () => {
    await publication();
    const res = await get("/robots.txt");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    const lines = (await res.text()).split("\n");
    for (const line of [
      "User-agent: *",
      "Allow: /",
      "Disallow: /admin/",
      "Disallow: /api/",
      "Disallow: /en/search",
      "Disallow: /de/search",
      `Sitemap: ${ORIGIN}/sitemap.xml`,
    ]) {
      expect(lines).toContain(line);
    }
  });
});
