// The SQL of sourced quotations found in articles, their last check, and editors' overrides.
import type { QuotationCheck, QuotationRecord } from "../content/article.js";
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
        ...checkColumns(q.check),
      })),
    )
    .execute();
}

export async function saveQuotationCheck(
  store: Store,
  articleId: number,
  position: number,
  check: QuotationCheck | undefined,
) {
  await store.db
    .updateTable("quotations")
    .set(checkColumns(check))
    .where("article_id", "=", articleId)
    .where("position", "=", position)
    .execute();
}

function checkColumns(check: QuotationCheck | undefined) {
  if (!check) return { status: null, result: null, checked_at: null };
  const { status, checkedAt, ...rest } = check;
  return { status, result: JSON.stringify(rest), checked_at: checkedAt };
}

export async function listQuotations(store: Store, articleId: number): Promise<QuotationRecord[]> {
  const rows = await store.db
    .selectFrom("quotations")
    .select(["position", "text", "citation", "source_key", "locator", "status", "result", "checked_at"])
    .where("article_id", "=", articleId)
    .orderBy("position")
    .execute();
  return rows.map((r) => {
    const record: QuotationRecord = {
      position: r.position,
      text: r.text,
      citation: r.citation,
      sourceKey: r.source_key,
      locator: r.locator,
    };
    if (r.status !== null && r.result !== null) {
      record.check = {
        ...(JSON.parse(r.result) as Omit<QuotationCheck, "status" | "checkedAt">),
        status: r.status,
        checkedAt: r.checked_at ?? "",
      };
    }
    return record;
  });
}

/** Ids of articles holding a quotation of `key`, after `afterId`, for checking them again. */
export async function listArticlesQuoting(store: Store, key: string, afterId: number, limit: number) {
  const rows = await store.db
    .selectFrom("quotations")
    .select("article_id")
    .distinct()
    .where("source_key", "=", key)
    .where("article_id", ">", afterId)
    .orderBy("article_id")
    .limit(limit)
    .execute();
  return rows.map((r) => r.article_id);
}

export interface QuotationOverride {
  quotationHash: string;
  status: string;
  accountId: number | null;
  reason: string;
  at: string;
}

export async function saveQuotationOverride(store: Store, articleId: number, override: QuotationOverride) {
  const values = {
    article_id: articleId,
    quotation_hash: override.quotationHash,
    status: override.status,
    account_id: override.accountId,
    reason: override.reason,
    at: override.at,
  };
  await store.db
    .insertInto("quotation_overrides")
    .values(values)
    .onConflict((oc) =>
      oc.columns(["article_id", "quotation_hash"]).doUpdateSet({
        status: values.status,
        account_id: values.account_id,
        reason: values.reason,
        at: values.at,
      }),
    )
    .execute();
}

export async function listQuotationOverrides(store: Store, articleId: number): Promise<QuotationOverride[]> {
  const rows = await store.db
    .selectFrom("quotation_overrides")
    .select(["quotation_hash", "status", "account_id", "reason", "at"])
    .where("article_id", "=", articleId)
    .execute();
  return rows.map((r) => ({
    quotationHash: r.quotation_hash,
    status: r.status,
    accountId: r.account_id,
    reason: r.reason,
    at: r.at,
  }));
}

/** Ids of articles holding any sourced quotation, in id order after `afterId`. */
export async function listArticlesWithQuotations(store: Store, afterId: number, limit: number) {
  const rows = await store.db
    .selectFrom("quotations")
    .select("article_id")
    .distinct()
    .where("article_id", ">", afterId)
    .orderBy("article_id")
    .limit(limit)
    .execute();
  return rows.map((r) => r.article_id);
}
