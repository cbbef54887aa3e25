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
