// The SQL of who created an article (private), and of an article's byline ids.
import type { Store } from "./store.js";

export async function setOwner(store: Store, articleId: number, accountId: number): Promise<void> {
  await store.db
    .insertInto("article_owners")
    .values({ article_id: articleId, account_id: accountId })
    .onConflict((oc) => oc.column("article_id").doUpdateSet({ account_id: accountId }))
    .execute();
}

export async function ownerOf(store: Store, articleId: number): Promise<number | undefined> {
  const row = await store.db
    .selectFrom("article_owners")
    .select("account_id")
    .where("article_id", "=", articleId)
    .executeTakeFirst();
  return row?.account_id == null ? undefined : Number(row.account_id);
}

export async function personIdsOfArticle(store: Store, articleId: number): Promise<number[]> {
  const rows = await store.db
    .selectFrom("article_persons")
    .select("person_id")
    .where("article_id", "=", articleId)
    .orderBy("position")
    .execute();
  return rows.map((r) => Number(r.person_id));
}
