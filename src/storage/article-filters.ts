// The read API's reads of published articles: listings filtered by language, person, topic, series, kind
// and time, each driven by one index range scan; what a listed article carries; an article's state by id
// and the articles a slug may mean. The site's own listings are in articles.ts.
import type { ArticleStatus, Cursor } from "../content/article.js";
import { MAX_ID, withinIdRange } from "./articles.js";
import type { Store } from "./store.js";

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
