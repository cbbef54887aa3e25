import { describe, expect, it } from "vitest";
import { withdrawArticle } from "../content/articles.js";
import { createSeries } from "../content/series-ops.js";
import { NotFoundError } from "../errors.js";
import { getSite } from "../i18n/editions.js";
import { createPerson } from "../people/people.js";
import { describeEachStore } from "../storage/test-stores.js";
import { day, publishNew } from "../test-support/publication.js";
import { checkUrlSet, type ListedUrl } from "../test-support/sitemap-rules.js";
import { createTopic } from "../topics/topics.js";
import { renderUrlSet } from "./sitemap.js";
import { listSitemaps, parseSitemapName, readSitemap, type SitemapKind } from "./sitemaps.js";

const ORIGIN = "https://paper.example";

describe("sitemap names", () => {
  it("accepts a kind and a page from 1, and nothing else", () => {
    expect(parseSitemapName("articles-1")).toEqual({ kind: "articles", page: 1 });
    expect(parseSitemapName("series-123456789")).toEqual({ kind: "series", page: 123456789 });
    for (const bad of [
      "articles-0",
      "articles-01",
      "articles-abc",
      "articles-",
      "articles-1234567890",
      "pages-1",
      "-1",
      "articles-1.5",
      "articles--1",
    ]) {
      expect(parseSitemapName(bad), bad).toBeUndefined();
    }
  });
});

describeEachStore("sitemaps", (store) => {
  const settings = async (articles = 3, sections = 2) => ({
    site: await getSite(store()),
    origin: ORIGIN,
    pageSizes: { articles, sections },
  });

  async function page(kind: SitemapKind, n: number, articles = 3, sections = 2): Promise<ListedUrl[]> {
    let xml = "";
    for await (const part of renderUrlSet(
      await readSitemap(store(), kind, n, await settings(articles, sections)),
    )) {
      xml += part;
    }
    return checkUrlSet(xml, ORIGIN);
  }

  async function publishMany(n: number) {
    const articles = [];
    for (let i = 0; i < n; i++) articles.push(await publishNew(store(), `Article ${i}`, {}, day(i)));
    return articles;
  }

  it("puts every published article on exactly one page of ids, and the index lists every page with one", async () => {
    const articles = await publishMany(10);
    // Ids 4–6 (the second page of three) all withdrawn: that page has nothing and is not listed.
    for (const a of articles.slice(3, 6)) await withdrawArticle(store(), a.id);
    await withdrawArticle(store(), articles[7]?.id ?? 0);

    const index = await listSitemaps(store(), await settings());
    const articlePages = index.filter((s) => s.loc.includes("/articles-"));
    expect(articlePages.map((s) => s.loc)).toEqual(
      [1, 3, 4].map((n) => `${ORIGIN}/sitemaps/articles-${n}.xml`),
    );
    // Each page of articles says when the last of its articles changed.
    const latest = (list: typeof articles) =>
      list
        .map((a) => a.updatedAt)
        .sort()
        .at(-1);
    expect(articlePages.map((s) => s.lastmod)).toEqual([
      latest(articles.slice(0, 3)),
      latest([articles[6], articles[8]].filter((a) => a !== undefined)),
      latest(articles.slice(9)),
    ]);
    const listed = [];
    for (const n of [1, 3, 4]) listed.push(...(await page("articles", n)).map((u) => u.loc));
    const expected = articles.filter((_, i) => i < 3 || i === 6 || i > 7).map((a) => `${ORIGIN}${a.path}`);
    expect(listed).toEqual(expected);
    await expect(page("articles", 2)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("keeps each article on the same page as the archive grows", async () => {
    await publishMany(4);
    const [full, partial] = [await page("articles", 1), await page("articles", 2)];
    expect(partial.length).toBe(1);
    await publishMany(5);
    expect(await page("articles", 1)).toEqual(full);
    expect((await page("articles", 2))[0]).toEqual(partial[0]);
    expect((await page("articles", 3)).length).toBe(3);
  });

  it("reads a page larger than a chunk whole", async () => {
    const articles = await publishMany(260);
    const urls = await page("articles", 1, 1000);
    expect(urls.map((u) => u.loc)).toEqual(articles.map((a) => `${ORIGIN}${a.path}`));
  }, 120_000);

  it("lists no page at all while nothing is published", async () => {
    await createPerson(store(), { name: "Not yet" });
    expect(await listSitemaps(store(), await settings())).toEqual([]);
    await expect(page("editions", 1)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("answers NotFoundError for a page past the end, and never queries ids the column cannot hold", async () => {
    await publishMany(2);
    await expect(page("articles", 2)).rejects.toBeInstanceOf(NotFoundError);
    await expect(page("articles", 999_999_999, 1000)).rejects.toBeInstanceOf(NotFoundError);
    await expect(page("editions", 2)).rejects.toBeInstanceOf(NotFoundError);
    await expect(page("authors", 1)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("names every translation of an article, itself included, with the date it last changed", async () => {
    const original = await publishNew(store(), "Original", {}, day(1));
    const german = await publishNew(
      store(),
      "Übersetzung",
      { language: "de", translationOf: original.id },
      day(2),
    );
    const [en, de] = await page("articles", 1);
    const alternates = [
      { hreflang: "de", href: `${ORIGIN}${german.path}` },
      { hreflang: "en", href: `${ORIGIN}${original.path}` },
    ];
    expect(en).toEqual({ loc: `${ORIGIN}${original.path}`, lastmod: w3c(original.updatedAt), alternates });
    expect(de).toEqual({ loc: `${ORIGIN}${german.path}`, lastmod: w3c(german.updatedAt), alternates });
  });

  it("lists edition homes, and persons, topics and series once per edition they have articles in", async () => {
    const person = await createPerson(store(), { name: "Kip Writer" });
    const silent = await createPerson(store(), { name: "Silent" });
    const topic = await createTopic(store(), { name: "History" });
    const series = await createSeries(store(), { title: "The long war" });
    const links = { personIds: [person], topicIds: [topic], seriesId: series };
    await publishNew(store(), "English", links, day(1));
    await publishNew(store(), "Deutsch", { ...links, language: "de" }, day(2));
    expect(silent).toBeGreaterThan(person);

    const index = (await listSitemaps(store(), await settings())).map((s) => s.loc);
    expect(index).toEqual(
      ["editions-1", "articles-1", "authors-1", "topics-1", "series-1"].map(
        (n) => `${ORIGIN}/sitemaps/${n}.xml`,
      ),
    );
    const bilingual = (path: string, lastmods: string[]) => {
      const alternates = ["en", "de"].map((l) => ({ hreflang: l, href: `${ORIGIN}/${l}${path}` }));
      return ["en", "de"].map((l, i) => ({ loc: `${ORIGIN}/${l}${path}`, lastmod: lastmods[i], alternates }));
    };
    const dates = [w3c(day(1)), w3c(day(2))];
    expect(await page("editions", 1)).toEqual(bilingual("/", dates));
    expect(await page("authors", 1)).toEqual(bilingual("/authors/kip-writer", dates));
    expect(await page("topics", 1)).toEqual(bilingual("/topics/history", dates));
    expect(await page("series", 1)).toEqual(bilingual("/series/the-long-war", dates));
  });
});

function w3c(iso: string): string {
  return iso.replace(/\.\d{3}Z$/, "Z");
}
