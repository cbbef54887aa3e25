// What the sitemaps list: every published article, and the edition homes, person, topic and series pages.
//
// Pages are ranges of primary keys: `articles-3` holds the published articles with ids 2,001 to 3,000. So a
// URL's page never changes as the archive grows, and a page costs one range scan of at most that many rows
// whatever the archive's size. 1,000 articles a page keeps a request to a few milliseconds and the file near
// 300 KB (well under the protocol's 50,000 URLs and 50 MB, even with an article in every language);
// the index lists one page per thousand ids, so 50 million articles fit in one index. Persons, topics and
// series are paged 100 ids at a time, each listed in every edition it has articles in: at most 100 × the
// editions URLs, each found by one seek of a listing index.
import { NotFoundError } from "../errors.js";
import type { Site } from "../i18n/editions.js";
import type { Store } from "../storage/store.js";
import {
  hasSitemapEntries,
  lastArticleChange,
  listNewestListings,
  listSeriesEditions,
  listSitemapArticles,
  listTranslationPaths,
  maxIdOf,
  newestPublicationIn,
  type SitemapTable,
} from "../storage/syndication.js";
import type { SitemapUrl } from "./sitemap.js";
import { absoluteUrl } from "./xml.js";

export const SITEMAP_KINDS = ["editions", "articles", "authors", "topics", "series"] as const;
export type SitemapKind = (typeof SITEMAP_KINDS)[number];

export interface SitemapPageSizes {
  /** Article ids per page. */
  articles: number;
  /** Person, topic or series ids per page. */
  sections: number;
}

export const SITEMAP_PAGE_SIZES: SitemapPageSizes = { articles: 1000, sections: 100 };

/** Articles are read this many at a time while a page is written. */
const CHUNK = 250;

export interface SitemapSettings {
  site: Site;
  origin: string;
  pageSizes: SitemapPageSizes;
}

const TABLES: Record<Exclude<SitemapKind, "editions">, SitemapTable> = {
  articles: "articles",
  authors: "persons",
  topics: "topics",
  series: "series",
};

export function sitemapPath(kind: SitemapKind, page: number): string {
  return `/sitemaps/${kind}-${page}.xml`;
}

/** `articles-3` → the third page of articles; anything else (page 0, leading zeros, letters) → undefined. */
export function parseSitemapName(name: string): { kind: SitemapKind; page: number } | undefined {
  const match = /^([a-z]+)-([1-9][0-9]{0,8})$/.exec(name);
  const kind = SITEMAP_KINDS.find((k) => k === match?.[1]);
  if (!match || !kind) return undefined;
  return { kind, page: Number(match[2]) };
}

/**
 * Every sitemap page that lists something, for the sitemap index; a page of articles with when the last
 * of them changed, so a crawler need not fetch the pages of an archive that has not.
 */
export async function listSitemaps(
  store: Store,
  settings: SitemapSettings,
): Promise<{ loc: string; lastmod?: string }[]> {
  const pages: { path: string; lastmod?: string }[] = [];
  for (const [kind, table] of Object.entries(TABLES) as [SitemapKind, SitemapTable][]) {
    const size = pageSize(kind, settings);
    const max = await maxIdOf(store, table);
    for (let page = 1; (page - 1) * size < max; page++) {
      const [from, to] = [(page - 1) * size + 1, Math.min(page * size, max) + 1];
      if (kind === "articles") {
        const lastmod = await lastArticleChange(store, from, to);
        if (lastmod) pages.push({ path: sitemapPath(kind, page), lastmod });
      } else if (await hasSitemapEntries(store, table, from, to)) {
        pages.push({ path: sitemapPath(kind, page) });
      }
    }
  }
  // The edition homes are worth listing once something is published in them, and only then.
  if (pages.length > 0) pages.unshift({ path: sitemapPath("editions", 1) });
  return pages.map(({ path, lastmod }) => ({
    loc: absoluteUrl(settings.origin, path),
    ...(lastmod ? { lastmod } : {}),
  }));
}

/**
 * One sitemap page as chunks of URLs, read as they are written. A page past the end, or one with nothing
 * in it (the index does not list those), is a NotFoundError: the first chunk is read before answering.
 */
export async function readSitemap(
  store: Store,
  kind: SitemapKind,
  page: number,
  settings: SitemapSettings,
): Promise<AsyncIterable<SitemapUrl[]>> {
  const chunks = await pageChunks(store, kind, page, settings);
  const iterator = chunks[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done || first.value.length === 0) throw new NotFoundError(`there is no sitemap ${kind}-${page}`);
  return (async function* () {
    yield first.value;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  })();
}

async function pageChunks(
  store: Store,
  kind: SitemapKind,
  page: number,
  settings: SitemapSettings,
): Promise<AsyncIterable<SitemapUrl[]>> {
  if (kind === "editions") {
    if (page !== 1) throw new NotFoundError("the edition homes fit on one sitemap page");
    return once(editionUrls(store, settings));
  }
  const size = pageSize(kind, settings);
  // Ids past the highest are never queried: they could be past what the id column holds.
  const max = await maxIdOf(store, TABLES[kind]);
  const from = (page - 1) * size + 1;
  if (from > max) throw new NotFoundError(`there is no sitemap ${kind}-${page}`);
  const to = Math.min(page * size, max) + 1;
  if (kind === "articles") return articleChunks(store, from, to, settings.origin);
  if (kind === "series") return once(seriesUrls(store, from, to, settings));
  return once(listingUrls(store, TABLES[kind] as "persons" | "topics", from, to, settings));
}

function pageSize(kind: SitemapKind, settings: SitemapSettings): number {
  return kind === "articles" ? settings.pageSizes.articles : settings.pageSizes.sections;
}

async function* once<T>(value: Promise<T>): AsyncGenerator<T> {
  yield await value;
}

/** Articles with ids in [from, to), a chunk at a time, each with its published translations. */
async function* articleChunks(store: Store, from: number, to: number, origin: string) {
  let after = from - 1;
  for (;;) {
    const rows = await listSitemapArticles(store, after, to, CHUNK);
    if (rows.length === 0) return;
    const groups = await listTranslationPaths(store, [...new Set(rows.map((r) => r.translationGroup))]);
    yield rows.map(
      (r): SitemapUrl => ({
        loc: absoluteUrl(origin, r.path),
        lastmod: r.updatedAt,
        alternates: (groups.get(r.translationGroup) ?? [r]).map((t) => ({
          language: t.language,
          href: absoluteUrl(origin, t.path),
        })),
      }),
    );
    if (rows.length < CHUNK) return;
    after = rows[rows.length - 1]?.id ?? to;
  }
}

/** Edition homes with something published, each an alternate of the others. */
async function editionUrls(store: Store, { site, origin }: SitemapSettings): Promise<SitemapUrl[]> {
  const newest = await Promise.all(site.editions.map((language) => newestPublicationIn(store, language)));
  const editions = site.editions.flatMap((language, i) => {
    const at = newest[i];
    return at === undefined ? [] : [{ language, path: `/${language}/`, newest: at }];
  });
  return pagesInLanguages(editions, origin);
}

/** Person or topic pages: one per edition the person or topic has articles in. */
async function listingUrls(
  store: Store,
  table: "persons" | "topics",
  from: number,
  to: number,
  { site, origin }: SitemapSettings,
): Promise<SitemapUrl[]> {
  const section = table === "persons" ? "authors" : "topics";
  const perEdition = await Promise.all(
    site.editions.map((language) => listNewestListings(store, table, from, to, language)),
  );
  const byId = new Map<number, { language: string; path: string; newest: string }[]>();
  site.editions.forEach((language, i) => {
    for (const row of perEdition[i] ?? []) {
      const editions = byId.get(row.id) ?? [];
      if (row.newest)
        editions.push({ language, path: `/${language}/${section}/${row.slug}`, newest: row.newest });
      byId.set(row.id, editions);
    }
  });
  return [...byId.values()].flatMap((editions) => pagesInLanguages(editions, origin));
}

async function seriesUrls(store: Store, from: number, to: number, { site, origin }: SitemapSettings) {
  const urls: SitemapUrl[] = [];
  for (const series of await listSeriesEditions(store, from, to)) {
    const editions = site.editions.flatMap((language) => {
      const newest = series.editions.find((e) => e.language === language)?.newest;
      return newest ? [{ language, path: `/${language}/series/${series.slug}`, newest }] : [];
    });
    urls.push(...pagesInLanguages(editions, origin));
  }
  return urls;
}

/** One page in several languages: a URL for each, every one naming all of them as alternates. */
function pagesInLanguages(
  editions: { language: string; path: string; newest: string }[],
  origin: string,
): SitemapUrl[] {
  const alternates = editions.map((e) => ({ language: e.language, href: absoluteUrl(origin, e.path) }));
  return editions.map((e) => ({ loc: absoluteUrl(origin, e.path), lastmod: e.newest, alternates }));
}
