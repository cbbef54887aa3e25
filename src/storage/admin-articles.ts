// The SQL of the admin's article list: every status, newest first by id, filtered by status, language,
// person or topic, read by keyset so that a page costs the same at 1,000 articles and at 100,000.
import { sql } from "kysely";
import { MAX_ID } from "./articles.js";
import type { Store } from "./store.js";

export interface AdminListFilter {
  status?: string;
  language?: string;
  personId?: number;
  topicId?: number;
  /** Only what this account may work on: articles it created or signs as one of `personIds`. */
  scope?: { accountId: number; personIds: readonly number[]; languages: readonly string[] };
}

export interface AdminListRow {
  id: number;
  title: string;
  kind: string;
  language: string;
  status: string;
  path: string | null;
  publishedAt: string | null;
  updatedAt: string;
  revision: number;
}

/** What a row of the list shows: never the text columns. */
const LIST_COLUMNS = [
  "a.id",
  "a.title",
  "a.kind",
  "a.language",
  "a.status",
  "a.path",
  "a.published_at",
  "a.updated_at",
  "a.revision",
] as const;

/** One page of articles with ids below `beforeId`; one more than `limit` tells there is another page. */
export async function listAdminArticles(
  store: Store,
  filter: AdminListFilter,
  beforeId: number | undefined,
  limit: number,
  /** How many ids a writer's lists read at a time; small in tests, to reach the batches' edges. */
  batch = 500,
): Promise<AdminListRow[]> {
  if (filter.scope) return listScoped(store, filter, beforeId, limit, batch);
  return listFiltered(store, filter, beforeId ?? MAX_ID, limit);
}

async function listFiltered(store: Store, filter: AdminListFilter, beforeId: number, limit: number) {
  // Driven from the link table when a person or topic is asked for: its (person_id, article_id) index walks
  // that person's articles newest first; otherwise the articles' own (status|language, id) indexes.
  let query = store.db.selectFrom("articles as a").select(LIST_COLUMNS).where("a.id", "<", beforeId);
  if (filter.personId !== undefined) {
    query = query
      .innerJoin("article_persons as ap", "ap.article_id", "a.id")
      .where("ap.person_id", "=", filter.personId)
      .where("ap.article_id", "<", beforeId);
  }
  if (filter.topicId !== undefined) {
    const topicId = filter.topicId;
    query =
      filter.personId === undefined
        ? query
            .innerJoin("article_topics as at", "at.article_id", "a.id")
            .where("at.topic_id", "=", topicId)
            .where("at.article_id", "<", beforeId)
        : query.where((eb) =>
            eb.exists(
              eb
                .selectFrom("article_topics as t")
                .select(sql.lit(1).as("one"))
                .whereRef("t.article_id", "=", "a.id")
                .where("t.topic_id", "=", topicId),
            ),
          );
  }
  if (filter.status !== undefined) query = query.where("a.status", "=", filter.status);
  if (filter.language !== undefined) query = query.where("a.language", "=", filter.language);
  const orderColumn =
    filter.personId !== undefined ? "ap.article_id" : filter.topicId !== undefined ? "at.article_id" : "a.id";
  const rows = await query.orderBy(sql.ref(orderColumn), "desc").limit(limit).execute();
  return rows.map(toRow);
}

/**
 * A writer's or translator's own articles: ids from the owners' and bylines' indexes (and, for a translator,
 * the languages granted), merged newest first, then filtered; read in batches until the page is full.
 */
async function listScoped(
  store: Store,
  filter: AdminListFilter,
  beforeId: number | undefined,
  limit: number,
  batch: number,
) {
  const scope = filter.scope as NonNullable<AdminListFilter["scope"]>;
  const found: AdminListRow[] = [];
  let cursor = beforeId ?? MAX_ID;
  // Rounds go on until the lists run out: a page must never stop short while older matches exist, and one
  // account's own articles are at most thousands. The cap only guards against a loop that cannot end.
  for (let round = 0; round < 10_000 && found.length < limit; round++) {
    const lists = await Promise.all([
      store.db
        .selectFrom("article_owners")
        .select("article_id as id")
        .where("account_id", "=", scope.accountId)
        .where("article_id", "<", cursor)
        .orderBy("article_id", "desc")
        .limit(batch)
        .execute(),
      scope.personIds.length === 0
        ? []
        : store.db
            .selectFrom("article_persons")
            .select("article_id as id")
            .where("person_id", "in", [...scope.personIds])
            .where("article_id", "<", cursor)
            .orderBy("article_id", "desc")
            .limit(batch)
            .execute(),
      ...scope.languages.map((language) =>
        store.db
          .selectFrom("articles")
          .select("id")
          .where("language", "=", language)
          .where("id", "<", cursor)
          .orderBy("id", "desc")
          .limit(batch)
          .execute(),
      ),
    ]);
    // Each list is complete down to its last id only: the merge is trusted down to the highest of those.
    const floors = lists.filter((l) => l.length === batch).map((l) => Number(l.at(-1)?.id));
    const floor = floors.length ? Math.max(...floors) : 0;
    const ids = [...new Set(lists.flat().map((r) => Number(r.id)))]
      .filter((id) => id >= floor)
      .sort((a, b) => b - a);
    if (ids.length === 0) break;
    // Rows are read a page or two at a time: most pages fill from the newest few ids.
    for (let i = 0; i < ids.length && found.length < limit; i += limit * 2) {
      for (const row of await rowsOf(store, ids.slice(i, i + limit * 2))) {
        if (matches(row, filter) && (await matchesLinks(store, row.id, filter))) found.push(row);
        if (found.length >= limit) break;
      }
    }
    cursor = Math.min(...ids);
    if (floor === 0) break;
  }
  return found.slice(0, limit);
}

async function rowsOf(store: Store, ids: readonly number[]): Promise<AdminListRow[]> {
  if (ids.length === 0) return [];
  const rows = await store.db
    .selectFrom("articles as a")
    .select(LIST_COLUMNS)
    .where("a.id", "in", [...ids])
    .orderBy("a.id", "desc")
    .execute();
  return rows.map(toRow);
}

function matches(row: AdminListRow, filter: AdminListFilter): boolean {
  return (
    (filter.status === undefined || row.status === filter.status) &&
    (filter.language === undefined || row.language === filter.language)
  );
}

async function matchesLinks(store: Store, articleId: number, filter: AdminListFilter): Promise<boolean> {
  if (filter.personId !== undefined) {
    const hit = await store.db
      .selectFrom("article_persons")
      .select("article_id")
      .where("article_id", "=", articleId)
      .where("person_id", "=", filter.personId)
      .executeTakeFirst();
    if (!hit) return false;
  }
  if (filter.topicId !== undefined) {
    const hit = await store.db
      .selectFrom("article_topics")
      .select("article_id")
      .where("article_id", "=", articleId)
      .where("topic_id", "=", filter.topicId)
      .executeTakeFirst();
    if (!hit) return false;
  }
  return true;
}

function toRow(r: {
  id: number;
  title: string;
  kind: string;
  language: string;
  status: string;
  path: string | null;
  published_at: string | null;
  updated_at: string;
  revision: number;
}): AdminListRow {
  return {
    id: Number(r.id),
    title: r.title,
    kind: r.kind,
    language: r.language,
    status: r.status,
    path: r.path,
    publishedAt: r.published_at,
    updatedAt: r.updated_at,
    revision: Number(r.revision),
  };
}
