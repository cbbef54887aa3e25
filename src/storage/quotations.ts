// The SQL of sourced quotations found in articles.
import type { QuotationRecord } from "../content/article.js";
import type { Store } from "./store.js";

export async function replaceQuotations(
  store: Store,
  articleId: number,
  quotations: readonly QuotationRecord[],
) {
  await store.db.deleteFrom("quotations").where("article_id", "=", articleId).execute();
  if (quotations.length === 0) return;
  await store.db
    .insertInto("quotations")
    .values(
      quotations.map((q) => ({
        article_id: articleId,
        position: q.position,
        text: q.text,
        citation: q.citation,
        source_key: q.sourceKey,
        locator: q.locator,
      })),
    )
    .execute();
}

export async function listQuotations(store: Store, articleId: number): Promise<QuotationRecord[]> {
  const rows = await store.db
    .selectFrom("quotations")
    .select(["position", "text", "citation", "source_key", "locator"])
    .where("article_id", "=", articleId)
    .orderBy("position")
    .execute();
  return rows.map((r) => ({
    position: r.position,
    text: r.text,
    citation: r.citation,
    sourceKey: r.source_key,
    locator: r.locator,
  }));
}
