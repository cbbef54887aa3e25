// The SQL of feeds and sitemaps. A feed is the newest N rows of one listing index; a sitemap page is a
// range of primary keys read in chunks. Nothing here reads more rows than the page it serves.
import { bylinesOf } from "./articles.js";
import type { Store } from "./store.js";

/** The lists a feed can follow. */
export type FeedListing =
  | { by: "edition"; language: string }
  | { by: "person"; language: string; personId: number }
  | { by: "topic"; language: string; topicId: number }
  | { by: "series"; language: string; seriesId: number };

/** The ids of the newest `limit` published articles of a listing, newest first: one index range scan. */
export async function listNewestArticleIds(
  store: Store,
  listing: FeedListing,
  limit: number,
): Promise<number[]> {
  const db = store.db;
  if (listing.by === "person" || listing.by === "topic") {
    // The link tables carry the listing keys (language, listed_at), so their own index gives the order.
    const [table, owner, ownerId] =
      listing.by === "person"
        ? (["article_persons", "person_id", listing.personId] as const)
        : (["article_topics", "topic_id", listing.topicId] as const);
    const rows = await db
      .selectFrom(table as "article_topics")
      .select("article_id")
      .where(owner as "topic_id", "=", ownerId)
      .where("language", "=", listing.language)
      .where("listed_at", "is not", null)
      .orderBy("listed_at", "desc")
      .orderBy("article_id", "desc")
      .limit(limit)
      .execute();
    return rows.map((r) => r.article_id);
  }
  if (listing.by === "series") {
    // A series is read whole through its own index (series are short) and sorted. Left to itself, a planner
    // may prefer the edition's listing index and walk the whole edition looking for the series' parts.
    const rows = await db
      .with(
        (cte) => cte("parts").materialized(),
        (db) =>
          db
            .selectFrom("articles")
            .select(["id", "published_at", "language", "status"])
            .where("series_id", "=", listing.seriesId),
      )
      .selectFrom("parts")
      .select("id")
      .where("language", "=", listing.language)
      .where("status", "=", "published")
      .orderBy("published_at", "desc")
      .orderBy("id", "desc")
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  }
  const rows = await db
    .selectFrom("articles")
    .select("id")
    .where("language", "=", listing.language)
    .where("status", "=", "published")
    .orderBy("published_at", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** A published article as a feed shows it, with its bylines and topics named in the feed's language. */
export interface FeedArticle {
  id: number;
  title: string;
  standfirst: string;
  path: string;
  publishedAt: string;
  updatedAt: string;
  html: string;
  authors: string[];
  topics: string[];
}

/** The published articles with these ids, in the order of `ids`. */
export async function listFeedArticles(
  store: Store,
  ids: readonly number[],
  language: string,
): Promise<FeedArticle[]> {
  if (ids.length === 0) return [];
  const [rows, bylines, topics] = await Promise.all([
    store.db
      .selectFrom("articles")
      .select(["id", "title", "standfirst", "path", "published_at", "updated_at", "html"])
      .where("id", "in", ids)
      .where("status", "=", "published")
      .execute(),
    bylinesOf(store, ids, language),
    topicNamesOf(store, ids, language),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const articles: FeedArticle[] = [];
  for (const id of ids) {
    const r = byId.get(id);
    if (!r || r.path === null || r.published_at === null) continue;
    articles.push({
      id: r.id,
      title: r.title,
      standfirst: r.standfirst,
      path: r.path,
      publishedAt: r.published_at,
      updatedAt: r.updated_at,
      html: r.html,
      authors: (bylines.get(r.id) ?? []).map((b) => b.name),
      topics: topics.get(r.id) ?? [],
    });
  }
  return articles;
}

async function topicNamesOf(store: Store, ids: readonly number[], language: string) {
  const rows = await store.db
    .selectFrom("article_topics as at")
    .innerJoin("topics as t", "t.id", "at.topic_id")
    .leftJoin("topic_localizations as tl", (join) =>
      join.onRef("tl.topic_id", "=", "t.id").on("tl.language", "=", language),
    )
    .select(["at.article_id", "t.name", "tl.name as localName"])
    .where("at.article_id", "in", ids)
    .orderBy("at.article_id")
    .orderBy("t.id")
    .execute();
  const byArticle = new Map<number, string[]>();
  for (const row of rows) {
    const list = byArticle.get(row.article_id) ?? [];
    list.push(row.localName ?? row.name);
    byArticle.set(row.article_id, list);
  }
  return byArticle;
}

/** The tables a sitemap pages over, each by its primary key. */
export type SitemapTable = "articles" | "persons" | "topics" | "series";

/** The highest id in a table (0 when empty): a single seek to the end of its primary key. */
export async function maxIdOf(store: Store, table: SitemapTable): Promise<number> {
  const row = await store.db
    .selectFrom(table)
    .select((eb) => eb.fn.max("id").as("id"))
    .executeTakeFirst();
  return Number(row?.id ?? 0);
}

/** When a published article with an id in [from, to) last changed; undefined when there is none. */
export async function lastArticleChange(store: Store, from: number, to: number): Promise<string | undefined> {
  const row = await store.db
    .selectFrom("articles")
    .select((eb) => eb.fn.max("updated_at").as("at"))
    .where("id", ">=", from)
    .where("id", "<", to)
    .where("status", "=", "published")
    .executeTakeFirst();
  return row?.at ?? undefined;
}

/**
 * Whether ids in [from, to) hold anything a sitemap lists: a published article, or a person, topic or
 * series with one. Each is one index range scan that stops at the first match.
 */
export async function hasSitemapEntries(
  store: Store,
  table: SitemapTable,
  from: number,
  to: number,
): Promise<boolean> {
  const db = store.db;
  let found: unknown;
  if (table === "articles" || table === "series") {
    const column = table === "articles" ? "id" : "series_id";
    found = await db
      .selectFrom("articles")
      .select("id")
      .where(column, ">=", from)
      .where(column, "<", to)
      .where("status", "=", "published")
      .limit(1)
      .executeTakeFirst();
  } else {
    const [link, owner] =
      table === "persons"
        ? (["article_persons", "person_id"] as const)
        : (["article_topics", "topic_id"] as const);
    found = await db
      .selectFrom(link as "article_topics")
      .select("article_id")
      .where(owner as "topic_id", ">=", from)
      .where(owner as "topic_id", "<", to)
      .where("listed_at", "is not", null)
      .limit(1)
      .executeTakeFirst();
  }
  return found !== undefined;
}

/** A published article as a sitemap lists it. */
export interface SitemapArticle {
  id: number;
  language: string;
  path: string;
  updatedAt: string;
  translationGroup: number;
}

/** Published articles with ids after `afterId` and before `to`, in id order: a range of the primary key. */
export async function listSitemapArticles(
  store: Store,
  afterId: number,
  to: number,
  limit: number,
): Promise<SitemapArticle[]> {
  const rows = await store.db
    .selectFrom("articles")
    .select(["id", "language", "path", "updated_at", "translation_group"])
    .where("id", ">", afterId)
    .where("id", "<", to)
    .where("status", "=", "published")
    .where("path", "is not", null)
    .orderBy("id")
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    language: r.language,
    path: r.path ?? "",
    updatedAt: r.updated_at,
    translationGroup: r.translation_group ?? r.id,
  }));
}

/** The published members of these translation groups: each group's languages and paths. */
export async function listTranslationPaths(store: Store, groups: readonly number[]) {
  const byGroup = new Map<number, { language: string; path: string }[]>();
  if (groups.length === 0) return byGroup;
  const rows = await store.db
    .selectFrom("articles")
    .select(["translation_group", "language", "path"])
    .where("translation_group", "in", groups)
    .where("status", "=", "published")
    .where("path", "is not", null)
    .orderBy("translation_group")
    .orderBy("language")
    .execute();
  for (const row of rows) {
    if (row.translation_group === null || row.path === null) continue;
    const list = byGroup.get(row.translation_group) ?? [];
    list.push({ language: row.language, path: row.path });
    byGroup.set(row.translation_group, list);
  }
  return byGroup;
}

/** The newest publication time in an edition, or undefined when it has none: one seek of its index. */
export async function newestPublicationIn(store: Store, language: string): Promise<string | undefined> {
  const row = await store.db
    .selectFrom("articles")
    .select("published_at")
    .where("language", "=", language)
    .where("status", "=", "published")
    .orderBy("published_at", "desc")
    .limit(1)
    .executeTakeFirst();
  return row?.published_at ?? undefined;
}

/**
 * Persons or topics with ids in [from, to), each with the time of its newest article in `language` (null
 * when it has none there): one seek of the link table's listing index per row, however long its archive.
 */
export async function listNewestListings(
  store: Store,
  table: "persons" | "topics",
  from: number,
  to: number,
  language: string,
): Promise<{ id: number; slug: string; newest: string | null }[]> {
  const [link, owner] =
    table === "persons"
      ? (["article_persons", "person_id"] as const)
      : (["article_topics", "topic_id"] as const);
  return store.db
    .selectFrom(`${table as "topics"} as o`)
    .select([
      "o.id",
      "o.slug",
      (eb) =>
        eb
          .selectFrom(`${link as "article_topics"} as l`)
          .select("l.listed_at")
          .whereRef(`l.${owner as "topic_id"}`, "=", "o.id")
          .where("l.language", "=", language)
          .where("l.listed_at", "is not", null)
          .orderBy("l.listed_at", "desc")
          .limit(1)
          .as("newest"),
    ])
    .where("o.id", ">=", from)
    .where("o.id", "<", to)
    .orderBy("o.id")
    .execute();
}

/** Series with ids in [from, to) and, per language with published parts, the newest part's time. */
export async function listSeriesEditions(store: Store, from: number, to: number) {
  const [series, parts] = await Promise.all([
    store.db
      .selectFrom("series")
      .select(["id", "slug"])
      .where("id", ">=", from)
      .where("id", "<", to)
      .orderBy("id")
      .execute(),
    store.db
      .selectFrom("articles")
      .select(["series_id", "language", (eb) => eb.fn.max("published_at").as("newest")])
      .where("series_id", ">=", from)
      .where("series_id", "<", to)
      .where("status", "=", "published")
      .groupBy(["series_id", "language"])
      .orderBy("language")
      .execute(),
  ]);
  return series.map((s) => ({
    id: s.id,
    slug: s.slug,
    editions: parts
      .filter((p) => p.series_id === s.id && p.newest !== null)
      .map((p) => ({ language: p.language, newest: p.newest ?? "" })),
  }));
}

/**
 * When an article in the language was last withdrawn: a feed that held it changed then, though none of
 * the articles it still holds did.
 */
export async function latestWithdrawal(store: Store, language: string): Promise<string | undefined> {
  const row = await store.db
    .selectFrom("articles")
    .select((eb) => eb.fn.max("updated_at").as("at"))
    .where("language", "=", language)
    .where("status", "=", "withdrawn")
    .executeTakeFirst();
  return row?.at ?? undefined;
}
