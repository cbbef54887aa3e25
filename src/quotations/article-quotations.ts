// Checking the sourced quotations of articles against the texts of their sources: at every save, again
// when a source's text changes, and on demand from the command line. An editor may override a failing
// quotation to publish it; the override is recorded, and lapses when the quotation's text changes.
import { createHash } from "node:crypto";
import type { Actor } from "../accounts/audit.js";
import { recordAudit } from "../accounts/audit.js";
import type { QuotationCheck, QuotationRecord } from "../content/article.js";
import { ConflictError, InvalidError, NotFoundError } from "../errors.js";
import * as quotationRows from "../storage/quotations.js";
import { findSourceText, sourceTextFingerprints } from "../storage/sources.js";
import type { Store } from "../storage/store.js";
import { deserializeSourceIndex, type SourceIndex } from "./source-index.js";
import type { SourceText } from "./source-text.js";
import { isFailing, verifyQuotation } from "./verify.js";

interface LoadedSource {
  sha256: string;
  text: SourceText;
  index: SourceIndex;
  words: number;
}

// Indexes loaded from the store, newest use last; bounded by the words they hold (≈ 10 bytes a word for
// the index plus the text itself), so one enormous source cannot hold the server's memory.
const CACHE_WORDS = 12_000_000;
const cache = new Map<string, LoadedSource>();

async function loadSources(store: Store, keys: readonly string[]): Promise<Map<string, LoadedSource>> {
  const fingerprints = await sourceTextFingerprints(store, keys);
  const loaded = new Map<string, LoadedSource>();
  for (const [key, sha256] of fingerprints) {
    let source = cache.get(key);
    if (source?.sha256 !== sha256) {
      const row = await findSourceText(store, key);
      if (!row) continue;
      source = {
        sha256: row.sha256,
        text: { text: row.text, pages: JSON.parse(row.pages) as SourceText["pages"] },
        index: deserializeSourceIndex(row.wordIndex),
        words: row.wordCount,
      };
    }
    cache.delete(key);
    cache.set(key, source);
    loaded.set(key, source);
  }
  let words = [...cache.values()].reduce((sum, s) => sum + s.words, 0);
  for (const [key, source] of cache) {
    if (words <= CACHE_WORDS) break;
    cache.delete(key);
    words -= source.words;
  }
  return loaded;
}

/** The quotations with their checks filled in, for those whose source has a text. */
export async function checkQuotations(
  store: Store,
  quotations: readonly QuotationRecord[],
  now = new Date(),
): Promise<QuotationRecord[]> {
  if (quotations.length === 0) return [];
  const sources = await loadSources(store, [...new Set(quotations.map((q) => q.sourceKey))]);
  return quotations.map((q) => {
    const source = sources.get(q.sourceKey);
    const { check: _, ...quotation } = q;
    return source ? { ...quotation, check: checkOne(q, source, now) } : quotation;
  });
}

function checkOne(q: QuotationRecord, source: LoadedSource, now: Date): QuotationCheck {
  const result = verifyQuotation(q.text, q.locator, source);
  const check: QuotationCheck = {
    status: result.status,
    message: result.message,
    passages: result.passages,
    checkedAt: now.toISOString(),
  };
  if (result.diff) check.diff = result.diff;
  if (result.expectedPages) check.expectedPages = result.expectedPages;
  const excerpt = excerptOf(source.text.text, result.passages);
  if (excerpt) check.excerpt = excerpt;
  return check;
}

const EXCERPT_CONTEXT = 200;
const EXCERPT_MAX = 4000;

/** The source's words from the first passage found to the last, with a little on either side. */
function excerptOf(text: string, passages: QuotationCheck["passages"]): string | undefined {
  if (passages.length === 0) return undefined;
  const start = Math.min(...passages.map((p) => p.start));
  const end = Math.max(...passages.map((p) => p.end));
  const from = wordBoundary(text, Math.max(0, start - EXCERPT_CONTEXT), -1);
  const to = wordBoundary(text, Math.min(text.length, end + EXCERPT_CONTEXT, from + EXCERPT_MAX), 1);
  return `${from > 0 ? "… " : ""}${text.slice(from, to).trim()}${to < text.length ? " …" : ""}`;
}

function wordBoundary(text: string, at: number, step: -1 | 1): number {
  let i = at;
  for (let n = 0; n < 40 && i > 0 && i < text.length && !/\s/.test(text[i] ?? ""); n++) i += step;
  return i;
}

/** Checks one article's quotations again and stores the results. */
export async function recheckArticleQuotations(store: Store, articleId: number, now = new Date()) {
  return store.transaction(async (tx) => {
    const checked = await checkQuotations(tx, await quotationRows.listQuotations(tx, articleId), now);
    for (const q of checked) await quotationRows.saveQuotationCheck(tx, articleId, q.position, q.check);
    return checked;
  });
}

/** Checks again every article quoting `key` (after its text was attached, replaced or removed). */
export async function recheckSourceQuotations(store: Store, key: string, now = new Date()): Promise<number> {
  let after = 0;
  let count = 0;
  for (;;) {
    const ids = await quotationRows.listArticlesQuoting(store, key, after, 100);
    for (const id of ids) await recheckArticleQuotations(store, id, now);
    count += ids.length;
    if (ids.length < 100) return count;
    after = ids.at(-1) ?? after;
  }
}

export function quotationHash(q: Pick<QuotationRecord, "text" | "citation">): string {
  return createHash("sha256").update(`${q.citation}\n${q.text}`).digest("hex").slice(0, 32);
}

/**
 * The quotations that stop an article from being published: failing, and not overridden as they stand.
 * A caller that has read the article's quotations already passes them.
 */
export async function unresolvedQuotations(
  store: Store,
  articleId: number,
  quotations?: readonly QuotationRecord[],
): Promise<QuotationRecord[]> {
  const all = quotations ?? (await quotationRows.listQuotations(store, articleId));
  const failing = all.filter((q) => q.check && isFailingStatus(q.check.status));
  if (failing.length === 0) return [];
  const overrides = await quotationRows.listQuotationOverrides(store, articleId);
  const accepted = new Set(overrides.map((o) => `${o.quotationHash} ${o.status}`));
  return failing.filter((q) => !accepted.has(`${quotationHash(q)} ${q.check?.status}`));
}

/** Whether a stored status (a string from the database) is one that stops publishing. */
export function isFailingStatus(status: string): boolean {
  return isFailing(status as Parameters<typeof isFailing>[0]);
}

export async function assertQuotationsPublishable(store: Store, articleId: number): Promise<void> {
  const blocking = await unresolvedQuotations(store, articleId);
  if (blocking.length === 0) return;
  const which = blocking
    .slice(0, 5)
    .map((q) => `quotation ${q.position + 1}: ${q.check?.status}`)
    .join("; ");
  const subject =
    blocking.length === 1
      ? `Quotation ${(blocking[0]?.position ?? 0) + 1} does not match its source (${blocking[0]?.check?.status})`
      : `${blocking.length} quotations do not match their sources (${which})`;
  throw new ConflictError(
    `${subject}: correct the text, or an editor may override in the Quotations panel, saying why.`,
    null,
    null,
  );
}

export const MAX_OVERRIDE_REASON = 1000;

/** An editor accepts a failing quotation as it stands, saying why; recorded in the audit log. */
export async function overrideQuotation(
  store: Store,
  actor: Actor,
  articleId: number,
  position: number,
  reason: string,
  now = new Date(),
) {
  const why = reason.trim();
  if (why === "") throw new InvalidError("reason: say why the quotation stands as written");
  if (why.length > MAX_OVERRIDE_REASON) {
    throw new InvalidError(`reason: at most ${MAX_OVERRIDE_REASON} characters`);
  }
  await store.transaction(async (tx) => {
    const quotation = (await quotationRows.listQuotations(tx, articleId)).find(
      (q) => q.position === position,
    );
    if (!quotation) throw new NotFoundError(`article ${articleId} has no quotation ${position + 1}`);
    if (!quotation.check || !isFailingStatus(quotation.check.status)) {
      throw new InvalidError(`quotation ${position + 1} passed its check; there is nothing to override`);
    }
    await quotationRows.saveQuotationOverride(tx, articleId, {
      quotationHash: quotationHash(quotation),
      status: quotation.check.status,
      accountId: actor.id,
      reason: why,
      at: now.toISOString(),
    });
    await recordAudit(
      tx,
      actor,
      {
        action: "quotation.override",
        subject: `article ${articleId}`,
        detail: { quotation: position + 1, status: quotation.check.status, reason: why },
      },
      now,
    );
  });
}

export function listArticleQuotations(store: Store, articleId: number) {
  return quotationRows.listQuotations(store, articleId);
}

export function listQuotationOverrides(store: Store, articleId: number) {
  return quotationRows.listQuotationOverrides(store, articleId);
}

export interface ArticleCheckReport {
  articleId: number;
  quotations: QuotationRecord[];
  /** Failing quotations an editor has not overridden. */
  unresolved: QuotationRecord[];
}

/** Checks the quotations of one article, or of every article that has any, reporting each as it goes. */
export async function checkArticles(
  store: Store,
  { articleId }: { articleId?: number },
  report: (result: ArticleCheckReport) => void,
  now = new Date(),
): Promise<void> {
  const one = async (id: number) => {
    const quotations = await recheckArticleQuotations(store, id, now);
    report({ articleId: id, quotations, unresolved: await unresolvedQuotations(store, id, quotations) });
  };
  if (articleId !== undefined) return one(articleId);
  let after = 0;
  for (;;) {
    const ids = await quotationRows.listArticlesWithQuotations(store, after, 200);
    for (const id of ids) await one(id);
    if (ids.length < 200) return;
    after = ids.at(-1) ?? after;
  }
}
