// The SQL of revisions and redirects: the history an article leaves behind.
import type { Store } from "./store.js";

export interface RevisionValues {
  articleId: number;
  revision: number;
  kind: "save" | "conflict";
  title: string;
  standfirst: string;
  body: string;
  savedAt: string;
  /** Who saved it; null for imports, the demo and tools. */
  accountId?: number | null;
}

export async function insertRevision(store: Store, r: RevisionValues): Promise<void> {
  await store.db
    .insertInto("revisions")
    .values({
      article_id: r.articleId,
      revision: r.revision,
      kind: r.kind,
      title: r.title,
      standfirst: r.standfirst,
      body: r.body,
      saved_at: r.savedAt,
      account_id: r.accountId ?? null,
    })
    .execute();
}

/** Newest first. */
export async function listRevisions(store: Store, articleId: number, limit = 100): Promise<RevisionValues[]> {
  const rows = await store.db
    .selectFrom("revisions")
    .selectAll()
    .where("article_id", "=", articleId)
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    articleId: r.article_id,
    revision: r.revision,
    kind: r.kind as RevisionValues["kind"],
    title: r.title,
    standfirst: r.standfirst,
    body: r.body,
    savedAt: r.saved_at,
  }));
}

/** A line of an article's history: no texts, and who saved it (admin eyes only). */
export interface RevisionEntry {
  id: number;
  revision: number;
  kind: RevisionValues["kind"];
  savedAt: string;
  accountId: number | null;
  /** The account's name, or its e-mail when it has none; null when unknown or deleted. */
  savedBy: string | null;
}

/** Newest first, by keyset on id. */
export async function listRevisionEntries(
  store: Store,
  articleId: number,
  options: { beforeId?: number; limit: number },
): Promise<RevisionEntry[]> {
  let query = store.db
    .selectFrom("revisions as r")
    .leftJoin("accounts as a", "a.id", "r.account_id")
    .select(["r.id", "r.revision", "r.kind", "r.saved_at", "r.account_id", "a.name", "a.email"])
    .where("r.article_id", "=", articleId)
    .orderBy("r.id", "desc")
    .limit(options.limit);
  if (options.beforeId !== undefined) query = query.where("r.id", "<", options.beforeId);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: Number(r.id),
    revision: Number(r.revision),
    kind: r.kind as RevisionValues["kind"],
    savedAt: r.saved_at,
    accountId: r.account_id === null ? null : Number(r.account_id),
    savedBy: r.name || r.email || null,
  }));
}

/** One revision's texts: an accepted save by its number, or a refused (conflict) save by its row id. */
export async function findRevisionText(
  store: Store,
  articleId: number,
  ref: { revision: number } | { conflictId: number },
): Promise<(RevisionValues & { id: number }) | undefined> {
  let query = store.db.selectFrom("revisions").selectAll().where("article_id", "=", articleId);
  query =
    "revision" in ref
      ? query.where("kind", "=", "save").where("revision", "=", ref.revision)
      : query.where("kind", "=", "conflict").where("id", "=", ref.conflictId);
  const r = await query.orderBy("id", "desc").executeTakeFirst();
  return (
    r && {
      id: Number(r.id),
      articleId: r.article_id,
      revision: Number(r.revision),
      kind: r.kind as RevisionValues["kind"],
      title: r.title,
      standfirst: r.standfirst,
      body: r.body,
      savedAt: r.saved_at,
      accountId: r.account_id,
    }
  );
}

export async function upsertRedirect(store: Store, fromPath: string, articleId: number): Promise<void> {
  const createdAt = new Date().toISOString();
  await store.db
    .insertInto("redirects")
    .values({ from_path: fromPath, article_id: articleId, created_at: createdAt })
    .onConflict((oc) => oc.column("from_path").doUpdateSet({ article_id: articleId, created_at: createdAt }))
    .execute();
}

/** Where an old path leads now: the article's current path and status. */
export async function findRedirectTarget(store: Store, fromPath: string) {
  return store.db
    .selectFrom("redirects as r")
    .innerJoin("articles as a", "a.id", "r.article_id")
    .select(["a.path", "a.status"])
    .where("r.from_path", "=", fromPath)
    .executeTakeFirst();
}
