// The SQL of autosaved editor text: one row per article and account.
import type { Store } from "./store.js";

export interface AutosaveRow {
  articleId: number;
  accountId: number;
  baseRevision: number;
  title: string;
  standfirst: string;
  body: string;
  savedAt: string;
}

export async function upsertAutosave(store: Store, row: AutosaveRow): Promise<void> {
  const values = {
    base_revision: row.baseRevision,
    title: row.title,
    standfirst: row.standfirst,
    body: row.body,
    saved_at: row.savedAt,
  };
  await store.db
    .insertInto("autosaves")
    .values({ article_id: row.articleId, account_id: row.accountId, ...values })
    .onConflict((oc) => oc.columns(["article_id", "account_id"]).doUpdateSet(values))
    .execute();
}

export async function findAutosave(store: Store, articleId: number, accountId: number) {
  const row = await store.db
    .selectFrom("autosaves")
    .selectAll()
    .where("article_id", "=", articleId)
    .where("account_id", "=", accountId)
    .executeTakeFirst();
  return (
    row && {
      articleId: Number(row.article_id),
      accountId: Number(row.account_id),
      baseRevision: Number(row.base_revision),
      title: row.title,
      standfirst: row.standfirst,
      body: row.body,
      savedAt: row.saved_at,
    }
  );
}

export async function deleteAutosave(store: Store, articleId: number, accountId: number): Promise<void> {
  await store.db
    .deleteFrom("autosaves")
    .where("article_id", "=", articleId)
    .where("account_id", "=", accountId)
    .execute();
}
