// The SQL of articles: rows, listings by keyset, bylines and topics links, translations and replies. A little
// over 400 lines because the listings share the row mapping and keyset helpers with the rest; the read API's
// filtered lists (article-filters.ts) and the admin's (admin-articles.ts) are already apart.
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
/** corrected_at is set only by recording a correction, never when an article is created. */
export type ArticleValues = Omit<ArticleRow, "id" | "corrected_at"> & { corrected_at?: string | null };

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

/**
 * Changes an article only while its status is one of `from`; false otherwise. On PostgreSQL the row's lock
 * makes a concurrent status change wait and then see the new status, so two changes never both apply.
 */
export async function updateArticleInStatus(
  store: Store,
  id: number,
  from: readonly ArticleStatus[],
  changes: Partial<ArticleValues>,
): Promise<boolean> {
  const result = await store.db
    .updateTable("articles")
    .set(changes)
    .where("id", "=", id)
    .where("status", "in", from)
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

/** Ids of articles whose body may hold a citation (a "@" after a "["), in id order after `afterId`. */
export async function listArticleIdsWithCitations(store: Store, afterId: number, limit: number) {
  const rows = await store.db
    .selectFrom("articles")
    .select("id")
    .where("id", ">", afterId)
    .where("body", "like", "%[%@%")
    .orderBy("id")
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
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
export function withinIdRange(cursor: Cursor): Cursor {
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

/** Every scheduled article and its time, for making sure each has its publish job. */
export async function listScheduled(store: Store) {
  const rows = await store.db
    .selectFrom("articles")
    .select(["id", "published_at"])
    .where("status", "=", "scheduled")
    .orderBy("id")
    .execute();
  return rows.map((r) => ({ id: r.id, publishedAt: r.published_at ?? new Date(0).toISOString() }));
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
    correctedAt: row.corrected_at,
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
