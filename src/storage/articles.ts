// The SQL of articles: rows, listings by keyset, bylines and topics links, translations and replies.
import { type Selectable, sql } from "kysely";
import type {
  Article,
  ArticleStatus,
  ArticleSummary,
  Byline,
  Cursor,
  Page,
  PageRequest,
  Translation,
} from "../content/article.js";
import type { ArticleTable } from "./schema.js";
import type { Store } from "./store.js";

type ArticleRow = Selectable<ArticleTable>;
export type ArticleValues = Omit<ArticleRow, "id">;

export async function insertArticle(store: Store, values: ArticleValues): Promise<number> {
  const row = await store.db.insertInto("articles").values(values).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

/** Updates only if the stored revision is still `expectedRevision`; false when someone saved in between. */
export async function updateArticle(
  store: Store,
  id: number,
  expectedRevision: number,
  changes: Partial<ArticleValues>,
): Promise<boolean> {
  const result = await store.db
    .updateTable("articles")
    .set(changes)
    .where("id", "=", id)
    .where("revision", "=", expectedRevision)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function findArticleById(store: Store, id: number): Promise<Article | undefined> {
  const row = await store.db.selectFrom("articles").selectAll().where("id", "=", id).executeTakeFirst();
  return row && toArticle(row);
}

export async function findArticleByPath(store: Store, path: string): Promise<Article | undefined> {
  const row = await store.db.selectFrom("articles").selectAll().where("path", "=", path).executeTakeFirst();
  return row && toArticle(row);
}

/** The newest article with this slug, in the given language or in any. */
export async function findArticleBySlug(
  store: Store,
  slug: string,
  language?: string,
): Promise<Article | undefined> {
  let query = store.db.selectFrom("articles").selectAll().where("slug", "=", slug);
  if (language !== undefined) query = query.where("language", "=", language);
  const row = await query.orderBy("id", "desc").executeTakeFirst();
  return row && toArticle(row);
}

export async function isPathTaken(store: Store, path: string, exceptId: number): Promise<boolean> {
  const row = await store.db
    .selectFrom("articles")
    .select("id")
    .where("path", "=", path)
    .where("id", "!=", exceptId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function setArticlePersons(
  store: Store,
  articleId: number,
  personIds: readonly number[],
  language: string,
  listedAt: string | null,
): Promise<void> {
  await store.db.deleteFrom("article_persons").where("article_id", "=", articleId).execute();
  if (personIds.length === 0) return;
  await store.db
    .insertInto("article_persons")
    .values(
      personIds.map((personId, position) => ({
        article_id: articleId,
        person_id: personId,
        position,
        language,
        listed_at: listedAt,
      })),
    )
    .execute();
}

export async function setArticleTopics(
  store: Store,
  articleId: number,
  topicIds: readonly number[],
  language: string,
  listedAt: string | null,
): Promise<void> {
  await store.db.deleteFrom("article_topics").where("article_id", "=", articleId).execute();
  if (topicIds.length === 0) return;
  await store.db
    .insertInto("article_topics")
    .values(
      topicIds.map((topicId) => ({
        article_id: articleId,
        topic_id: topicId,
        language,
        listed_at: listedAt,
      })),
    )
    .execute();
}

/** Keeps the listing keys of the link tables in step with the article's status and language. */
export async function setListing(store: Store, articleId: number, language: string, listedAt: string | null) {
  await store.db
    .updateTable("article_persons")
    .set({ language, listed_at: listedAt })
    .where("article_id", "=", articleId)
    .execute();
  await store.db
    .updateTable("article_topics")
    .set({ language, listed_at: listedAt })
    .where("article_id", "=", articleId)
    .execute();
}

export async function topicIdsOf(store: Store, articleId: number): Promise<number[]> {
  const rows = await store.db
    .selectFrom("article_topics")
    .select("topic_id")
    .where("article_id", "=", articleId)
    .orderBy("topic_id")
    .execute();
  return rows.map((r) => r.topic_id);
}

export async function bylinesOf(store: Store, articleIds: readonly number[], language: string) {
  const byArticle = new Map<number, Byline[]>();
  if (articleIds.length === 0) return byArticle;
  const rows = await store.db
    .selectFrom("article_persons as ap")
    .innerJoin("persons as p", "p.id", "ap.person_id")
    .leftJoin("person_localizations as pl", (join) =>
      join.onRef("pl.person_id", "=", "p.id").on("pl.language", "=", language),
    )
    .select(["ap.article_id", "p.id", "p.slug", "p.kind", "p.name", "pl.name as localName"])
    .where("ap.article_id", "in", articleIds)
    .orderBy("ap.article_id")
    .orderBy("ap.position")
    .execute();
  for (const row of rows) {
    const list = byArticle.get(row.article_id) ?? [];
    list.push({ personId: row.id, slug: row.slug, kind: row.kind, name: row.localName ?? row.name });
    byArticle.set(row.article_id, list);
  }
  return byArticle;
}

export const SUMMARY_COLUMNS = [
  "a.id",
  "a.kind",
  "a.language",
  "a.title",
  "a.standfirst",
  "a.path",
  "a.published_at",
] as const;

export type Listing =
  | { by: "edition"; language: string }
  | { by: "featured"; language: string }
  | { by: "person"; language: string; personId: number }
  | { by: "topic"; language: string; topicId: number }
  | { by: "dates"; language: string; from: string; to: string };

/**
 * A newest-first page of published articles, read by keyset: one range scan of an index (the articles'
 * own, or a link table's for a person or topic), so its cost does not grow with the archive.
 */
export async function listPublished(store: Store, listing: Listing, page: PageRequest) {
  const ascending = page.after !== undefined;
  const cursor = page.after ?? page.before;
  const keys = await pageKeys(store, listing, cursor, ascending ? "asc" : "desc", page.limit + 1);
  const more = keys.length > page.limit;
  const shown = keys.slice(0, page.limit);
  if (ascending) shown.reverse();
  const items = await summariesOf(
    store,
    shown.map((k) => k.id),
    listing.language,
  );
  const first = items[0];
  const last = items.at(-1);
  const result: Page<ArticleSummary> = { items };
  const hasOlder = ascending ? cursor !== undefined : more;
  const hasNewer = ascending ? more : cursor !== undefined;
  if (hasOlder && last) result.older = { publishedAt: last.publishedAt, id: last.id };
  if (hasNewer && first) result.newer = { publishedAt: first.publishedAt, id: first.id };
  return result;
}

/** Summaries of these articles with their bylines in `language`, in the order of `ids`. */
export async function summariesOf(
  store: Store,
  ids: readonly number[],
  language: string,
): Promise<ArticleSummary[]> {
  if (ids.length === 0) return [];
  const [rows, bylines] = await Promise.all([
    store.db.selectFrom("articles as a").select(SUMMARY_COLUMNS).where("a.id", "in", ids).execute(),
    bylinesOf(store, ids, language),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const items: ArticleSummary[] = [];
  for (const id of ids) {
    const r = byId.get(id);
    if (!r) continue;
    items.push({
      id: r.id,
      kind: r.kind,
      language: r.language,
      title: r.title,
      standfirst: r.standfirst,
      path: r.path ?? "",
      publishedAt: r.published_at ?? "",
      bylines: bylines.get(r.id) ?? [],
    });
  }
  return items;
}

type Direction = "asc" | "desc";

/** Ids are `serial` on PostgreSQL: no row has a larger one, and PostgreSQL refuses to compare with one. */
export const MAX_ID = 2_147_483_647;

/** A cursor with its id brought into the column's range; no row lies between the two, so pages are alike. */
function withinIdRange(cursor: Cursor): Cursor {
  return cursor.id > MAX_ID ? { publishedAt: cursor.publishedAt, id: MAX_ID } : cursor;
}

async function pageKeys(
  store: Store,
  listing: Listing,
  cursor: Cursor | undefined,
  direction: Direction,
  limit: number,
): Promise<{ id: number }[]> {
  const compare = direction === "asc" ? ">" : "<";
  cursor = cursor && withinIdRange(cursor);
  if (listing.by === "person" || listing.by === "topic") {
    // The link table carries the listing keys, so the range scan and the order come from its own index.
    // Both link tables have the same shape but for the owner's column; the casts name one to Kysely.
    const [table, owner, ownerId] =
      listing.by === "person"
        ? (["article_persons", "person_id", listing.personId] as const)
        : (["article_topics", "topic_id", listing.topicId] as const);
    const query = store.db
      .selectFrom(table as "article_topics")
      .select(["article_id as id", "listed_at"])
      .where(owner as "topic_id", "=", ownerId);
    let keyed = query.where("language", "=", listing.language).where("listed_at", "is not", null);
    if (cursor) {
      keyed = keyed.where((eb) =>
        eb(eb.refTuple("listed_at", "article_id"), compare, eb.tuple(cursor.publishedAt, cursor.id)),
      );
    }
    return keyed.orderBy("listed_at", direction).orderBy("article_id", direction).limit(limit).execute();
  }
  let query = store.db
    .selectFrom("articles")
    .select("id")
    .where("language", "=", listing.language)
    .where("status", "=", "published");
  if (listing.by === "featured") query = query.where("featured", "=", 1);
  if (listing.by === "dates") {
    query = query.where("published_at", ">=", listing.from).where("published_at", "<", listing.to);
  }
  if (cursor) {
    query = query.where((eb) =>
      eb(eb.refTuple("published_at", "id"), compare, eb.tuple(cursor.publishedAt, cursor.id)),
    );
  }
  return query.orderBy("published_at", direction).orderBy("id", direction).limit(limit).execute();
}

export async function listSeriesArticles(store: Store, seriesId: number, language: string) {
  return store.db
    .selectFrom("articles")
    .select(["id", "title", "path", "series_part", "published_at", "language"])
    .where("series_id", "=", seriesId)
    .where("status", "=", "published")
    .where("language", "=", language)
    .orderBy("series_part")
    .orderBy("published_at")
    .limit(500)
    .execute();
}

export async function listTranslations(
  store: Store,
  group: number,
  exceptId: number,
): Promise<Translation[]> {
  const rows = await store.db
    .selectFrom("articles")
    .select(["id", "language", "title", "path"])
    .where("translation_group", "=", group)
    .where("id", "!=", exceptId)
    .where("status", "=", "published")
    .orderBy("language")
    .execute();
  return rows.map((r) => ({ id: r.id, language: r.language, title: r.title, path: r.path ?? "" }));
}

/** Scheduled articles whose time has come, oldest first. */
export async function listDueScheduled(store: Store, now: string, limit: number) {
  const rows = await store.db
    .selectFrom("articles")
    .select("id")
    .where("status", "=", "scheduled")
    .where("published_at", "<=", now)
    .orderBy("published_at")
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

export async function hasAnyArticle(store: Store): Promise<boolean> {
  return (await store.db.selectFrom("articles").select("id").limit(1).executeTakeFirst()) !== undefined;
}

export async function countArticles(store: Store, status?: ArticleStatus): Promise<number> {
  let query = store.db.selectFrom("articles").select((eb) => eb.fn.countAll<number>().as("n"));
  if (status) query = query.where("status", "=", status);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.n);
}

export function toArticle(row: ArticleRow): Article {
  return {
    id: row.id,
    kind: row.kind,
    language: row.language,
    translationGroup: row.translation_group ?? row.id,
    title: row.title,
    standfirst: row.standfirst,
    slug: row.slug,
    body: row.body,
    html: row.html,
    text: row.text,
    status: row.status as ArticleStatus,
    publishedAt: row.published_at,
    path: row.path,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    revision: row.revision,
    seriesId: row.series_id,
    seriesPart: row.series_part,
    correction: row.correction,
    featured: row.featured === 1,
    wordCount: row.word_count,
  };
}

export async function hasPublishedBetween(store: Store, language: string, from: string, to: string) {
  const row = await store.db
    .selectFrom("articles")
    .select("id")
    .where("language", "=", language)
    .where("status", "=", "published")
    .where("published_at", ">=", from)
    .where("published_at", "<", to)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** The days of a month (1–31) that have published articles: one range scan of the listing index. */
export async function listPublishedDays(store: Store, language: string, from: string, to: string) {
  const rows = await store.db
    .selectFrom("articles")
    .select(sql<string>`substr(published_at, 9, 2)`.as("day"))
    .distinct()
    .where("language", "=", language)
    .where("status", "=", "published")
    .where("published_at", ">=", from)
    .where("published_at", "<", to)
    .execute();
  return rows.map((r) => Number(r.day)).sort((a, b) => a - b);
}

/**
 * What the read API may filter published articles by. Each query below is driven by one index range scan
 * (a series, a person's or a topic's link rows, or a language's listing); the other filters are checked on
 * the rows that scan reaches.
 */
export interface ArticleFilter {
  /** One or more languages; without a series, each is a range scan of its own and the results are merged. */
  languages: readonly string[];
  personId?: number;
  topicId?: number;
  seriesId?: number;
  kind?: string;
  /** Published at or after this instant. */
  from?: string;
  /** Published before this instant. */
  to?: string;
}

/**
 * The keys of the newest `limit` published articles matching the filter and older than `before`, newest
 * first. Each language is read by its own keyset scan of `limit` rows at most, so the cost is bounded by the
 * number of languages and the page size, not by the archive.
 */
export async function listMatchingKeys(
  store: Store,
  filter: ArticleFilter,
  before: Cursor | undefined,
  limit: number,
): Promise<Cursor[]> {
  if (filter.languages.length === 0) return [];
  before = before && withinIdRange(before);
  if (filter.seriesId !== undefined) return seriesKeys(store, filter, filter.seriesId, before, limit);
  const perLanguage = await Promise.all(
    filter.languages.map((language) => languageKeys(store, filter, language, before, limit)),
  );
  const merged = perLanguage.flat();
  merged.sort((a, b) =>
    a.publishedAt === b.publishedAt ? b.id - a.id : a.publishedAt < b.publishedAt ? 1 : -1,
  );
  return merged.slice(0, limit);
}

async function languageKeys(
  store: Store,
  filter: ArticleFilter,
  language: string,
  before: Cursor | undefined,
  limit: number,
): Promise<Cursor[]> {
  if (filter.personId === undefined && filter.topicId === undefined) {
    let query = store.db
      .selectFrom("articles")
      .select(["id", "published_at"])
      .where("language", "=", language)
      .where("status", "=", "published");
    if (filter.from !== undefined) query = query.where("published_at", ">=", filter.from);
    if (filter.to !== undefined) query = query.where("published_at", "<", filter.to);
    if (filter.kind !== undefined) query = query.where("kind", "=", filter.kind);
    if (before) {
      query = query.where((eb) =>
        eb(eb.refTuple("published_at", "id"), "<", eb.tuple(before.publishedAt, before.id)),
      );
    }
    const rows = await query.orderBy("published_at", "desc").orderBy("id", "desc").limit(limit).execute();
    return rows.map((r) => ({ id: r.id, publishedAt: r.published_at ?? "" }));
  }
  // A person's link rows when a person is named, else the topic's: their index carries language and
  // listed_at, so the scan and its order come from it. The casts name one of the two alike tables to Kysely.
  const [table, owner, ownerId] =
    filter.personId !== undefined
      ? (["article_persons", "person_id", filter.personId] as const)
      : (["article_topics", "topic_id", filter.topicId as number] as const);
  let query = store.db
    .selectFrom(`${table as "article_topics"} as l`)
    .select(["l.article_id", "l.listed_at"])
    .where(`l.${owner as "topic_id"}`, "=", ownerId)
    .where("l.language", "=", language)
    .where("l.listed_at", "is not", null);
  if (filter.from !== undefined) query = query.where("l.listed_at", ">=", filter.from);
  if (filter.to !== undefined) query = query.where("l.listed_at", "<", filter.to);
  if (filter.personId !== undefined && filter.topicId !== undefined) {
    const topicId = filter.topicId;
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom("article_topics as t")
          .select("t.article_id")
          .whereRef("t.article_id", "=", "l.article_id")
          .where("t.topic_id", "=", topicId),
      ),
    );
  }
  if (filter.kind !== undefined) {
    const kind = filter.kind;
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom("articles as a")
          .select("a.id")
          .whereRef("a.id", "=", "l.article_id")
          .where("a.kind", "=", kind),
      ),
    );
  }
  if (before) {
    query = query.where((eb) =>
      eb(eb.refTuple("l.listed_at", "l.article_id"), "<", eb.tuple(before.publishedAt, before.id)),
    );
  }
  const rows = await query
    .orderBy("l.listed_at", "desc")
    .orderBy("l.article_id", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.article_id, publishedAt: r.listed_at ?? "" }));
}

/**
 * A series is read whole through its own index (series are short) and sorted; the other filters are checks
 * on its rows. Materialising the series first keeps a planner from preferring the language's listing index
 * for a date range, which would walk every article of the language in that range.
 */
async function seriesKeys(
  store: Store,
  filter: ArticleFilter,
  seriesId: number,
  before: Cursor | undefined,
  limit: number,
): Promise<Cursor[]> {
  let query = store.db
    .with(
      (cte) => cte("parts").materialized(),
      (db) =>
        db
          .selectFrom("articles")
          .select(["id", "published_at", "language", "kind"])
          .where("series_id", "=", seriesId)
          .where("status", "=", "published"),
    )
    .selectFrom("parts as a")
    .select(["a.id", "a.published_at"])
    .where("a.language", "in", filter.languages);
  if (filter.from !== undefined) query = query.where("a.published_at", ">=", filter.from);
  if (filter.to !== undefined) query = query.where("a.published_at", "<", filter.to);
  if (filter.kind !== undefined) query = query.where("a.kind", "=", filter.kind);
  const { personId, topicId } = filter;
  if (personId !== undefined) {
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom("article_persons as p")
          .select("p.article_id")
          .whereRef("p.article_id", "=", "a.id")
          .where("p.person_id", "=", personId),
      ),
    );
  }
  if (topicId !== undefined) {
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom("article_topics as t")
          .select("t.article_id")
          .whereRef("t.article_id", "=", "a.id")
          .where("t.topic_id", "=", topicId),
      ),
    );
  }
  if (before) {
    query = query.where((eb) =>
      eb(eb.refTuple("a.published_at", "a.id"), "<", eb.tuple(before.publishedAt, before.id)),
    );
  }
  const rows = await query.orderBy("a.published_at", "desc").orderBy("a.id", "desc").limit(limit).execute();
  return rows.map((r) => ({ id: r.id, publishedAt: r.published_at ?? "" }));
}

/** A published article as the read API lists it; `html` and `text` only when asked for. */
export interface ListedArticle {
  id: number;
  kind: string;
  language: string;
  slug: string;
  title: string;
  standfirst: string;
  path: string;
  publishedAt: string;
  updatedAt: string;
  wordCount: number;
  series: { slug: string; title: string; part: number | null } | null;
  html?: string;
  text?: string;
}

/** The listed articles with these ids, in the order of `ids`; ids not published are left out. */
export async function findListedArticles(
  store: Store,
  ids: readonly number[],
  withText: boolean,
): Promise<ListedArticle[]> {
  if (ids.length === 0) return [];
  const rows = await store.db
    .selectFrom("articles as a")
    .leftJoin("series as s", "s.id", "a.series_id")
    .select([
      "a.id",
      "a.kind",
      "a.language",
      "a.slug",
      "a.title",
      "a.standfirst",
      "a.path",
      "a.published_at",
      "a.updated_at",
      "a.word_count",
      "a.series_part",
      "s.slug as series_slug",
      "s.title as series_title",
    ])
    .$if(withText, (q) => q.select(["a.html", "a.text"]))
    .where("a.id", "in", ids)
    .where("a.status", "=", "published")
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const listed: ListedArticle[] = [];
  for (const id of ids) {
    const r = byId.get(id);
    if (!r) continue;
    const article: ListedArticle = {
      id: r.id,
      kind: r.kind,
      language: r.language,
      slug: r.slug,
      title: r.title,
      standfirst: r.standfirst,
      path: r.path ?? "",
      publishedAt: r.published_at ?? "",
      updatedAt: r.updated_at,
      wordCount: r.word_count,
      series:
        r.series_slug === null || r.series_title === null
          ? null
          : { slug: r.series_slug, title: r.series_title, part: r.series_part },
    };
    if (withText) {
      article.html = r.html ?? "";
      article.text = r.text ?? "";
    }
    listed.push(article);
  }
  return listed;
}

/** The topics of each article, named in `language`, in the order an article page lists them. */
export async function topicsOfArticles(store: Store, articleIds: readonly number[], language: string) {
  const byArticle = new Map<number, { slug: string; name: string }[]>();
  if (articleIds.length === 0) return byArticle;
  const rows = await store.db
    .selectFrom("article_topics as at")
    .innerJoin("topics as t", "t.id", "at.topic_id")
    .leftJoin("topic_localizations as tl", (join) =>
      join.onRef("tl.topic_id", "=", "t.id").on("tl.language", "=", language),
    )
    .select(["at.article_id", "t.slug", "t.name", "tl.name as localName"])
    .where("at.article_id", "in", articleIds)
    .orderBy("t.name")
    .execute();
  for (const row of rows) {
    const list = byArticle.get(row.article_id) ?? [];
    list.push({ slug: row.slug, name: row.localName ?? row.name });
    byArticle.set(row.article_id, list);
  }
  return byArticle;
}

/** Where an article stands, without reading its text: enough to tell published, withdrawn and unknown apart. */
export async function findArticleState(store: Store, id: number) {
  if (id > MAX_ID) return undefined;
  return store.db.selectFrom("articles").select(["status", "path"]).where("id", "=", id).executeTakeFirst();
}

/** The published and withdrawn articles with this slug (in one language, or in any), newest first. */
export async function listPublicArticlesBySlug(
  store: Store,
  slug: string,
  language: string | undefined,
  limit: number,
) {
  let query = store.db
    .selectFrom("articles")
    .select(["id", "language", "status", "title", "path", "published_at"])
    .where("slug", "=", slug)
    .where("status", "in", ["published", "withdrawn"]);
  if (language !== undefined) query = query.where("language", "=", language);
  const rows = await query.orderBy("published_at", "desc").orderBy("id", "desc").limit(limit).execute();
  return rows.map((r) => ({
    id: r.id,
    language: r.language,
    status: r.status as ArticleStatus,
    title: r.title,
    path: r.path ?? "",
    publishedAt: r.published_at ?? "",
  }));
}
