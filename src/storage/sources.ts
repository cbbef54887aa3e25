// The SQL of the source library: CSL-JSON items keyed by citation key, their full texts with the persisted
// word index, and which articles cite which sources.
import type { Store } from "./store.js";

export interface SourceRow {
  key: string;
  csl: string;
  createdAt: string;
  updatedAt: string;
  /** Words in the source's full text; null when it has none. */
  textWords: number | null;
}

export interface SourceTextRow {
  sourceKey: string;
  text: string;
  pages: string;
  wordCount: number;
  wordIndex: Uint8Array;
  format: string;
  sha256: string;
  uploadedAt: string;
}

export async function upsertSource(store: Store, key: string, csl: string, now = new Date()): Promise<void> {
  const at = now.toISOString();
  await store.db
    .insertInto("sources")
    .values({ key, csl, created_at: at, updated_at: at })
    .onConflict((oc) => oc.column("key").doUpdateSet({ csl, updated_at: at }))
    .execute();
}

export async function findSourcesByKeys(store: Store, keys: readonly string[]) {
  if (keys.length === 0) return new Map<string, string>();
  const rows = await store.db.selectFrom("sources").select(["key", "csl"]).where("key", "in", keys).execute();
  return new Map(rows.map((r) => [r.key, r.csl]));
}

/** The whole library, key → CSL-JSON, when it holds at most `limit` sources; undefined when more. */
export async function readLibrary(store: Store, limit: number): Promise<Map<string, string> | undefined> {
  const rows = await store.db
    .selectFrom("sources")
    .select(["key", "csl"])
    .orderBy("key")
    .limit(limit + 1)
    .execute();
  return rows.length > limit ? undefined : new Map(rows.map((r) => [r.key, r.csl]));
}

/** Which of `keys` the library holds. */
export async function existingSourceKeys(store: Store, keys: readonly string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await store.db.selectFrom("sources").select("key").where("key", "in", keys).execute();
  return new Set(rows.map((r) => r.key));
}

/** One page of the library in key order, after `after`; `prefix` narrows it to keys that start so. */
export async function listSourcesPage(
  store: Store,
  { after, limit, prefix }: { after?: string; limit: number; prefix?: string },
): Promise<SourceRow[]> {
  let query = store.db
    .selectFrom("sources")
    .leftJoin("source_texts", "source_texts.source_key", "sources.key")
    .select([
      "sources.key",
      "sources.csl",
      "sources.created_at",
      "sources.updated_at",
      "source_texts.word_count",
    ])
    .orderBy("sources.key")
    .limit(limit);
  if (after !== undefined) query = query.where("sources.key", ">", after);
  // A key range rather than LIKE, so the primary key's index serves it on both databases.
  if (prefix) query = query.where("sources.key", ">=", prefix).where("sources.key", "<", `${prefix}\uffff`);
  const rows = await query.execute();
  return rows.map((r) => ({
    key: r.key,
    csl: r.csl,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    textWords: r.word_count === null ? null : Number(r.word_count),
  }));
}

export async function deleteSource(store: Store, key: string): Promise<boolean> {
  const result = await store.db.deleteFrom("sources").where("key", "=", key).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function saveSourceText(store: Store, row: SourceTextRow): Promise<void> {
  const values = {
    source_key: row.sourceKey,
    text: row.text,
    pages: row.pages,
    word_count: row.wordCount,
    word_index: row.wordIndex,
    format: row.format,
    sha256: row.sha256,
    uploaded_at: row.uploadedAt,
  };
  const { source_key: _, ...changes } = values;
  await store.db
    .insertInto("source_texts")
    .values(values)
    .onConflict((oc) => oc.column("source_key").doUpdateSet(changes))
    .execute();
}

export async function deleteSourceText(store: Store, key: string): Promise<void> {
  await store.db.deleteFrom("source_texts").where("source_key", "=", key).execute();
}

export async function findSourceText(store: Store, key: string): Promise<SourceTextRow | undefined> {
  const row = await store.db
    .selectFrom("source_texts")
    .selectAll()
    .where("source_key", "=", key)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    sourceKey: row.source_key,
    text: row.text,
    pages: row.pages,
    wordCount: Number(row.word_count),
    wordIndex: row.word_index,
    format: row.format,
    sha256: row.sha256,
    uploadedAt: row.uploaded_at,
  };
}

export interface SourceTextSummary {
  wordCount: number;
  pages: number;
  format: string;
  uploadedAt: string;
}

/** What the admin shows of a source's text, without reading the text or its index. */
export async function findSourceTextSummary(
  store: Store,
  key: string,
): Promise<SourceTextSummary | undefined> {
  const row = await store.db
    .selectFrom("source_texts")
    .select(["word_count", "pages", "format", "uploaded_at"])
    .where("source_key", "=", key)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    wordCount: Number(row.word_count),
    pages: (JSON.parse(row.pages) as unknown[]).length,
    format: row.format,
    uploadedAt: row.uploaded_at,
  };
}

/** The fingerprint of each text among `keys`: enough to tell whether a cached index is still current. */
export async function sourceTextFingerprints(store: Store, keys: readonly string[]) {
  if (keys.length === 0) return new Map<string, string>();
  const rows = await store.db
    .selectFrom("source_texts")
    .select(["source_key", "sha256"])
    .where("source_key", "in", keys)
    .execute();
  return new Map(rows.map((r) => [r.source_key, r.sha256]));
}

export async function replaceArticleSources(store: Store, articleId: number, keys: readonly string[]) {
  await store.db.deleteFrom("article_sources").where("article_id", "=", articleId).execute();
  if (keys.length === 0) return;
  await store.db
    .insertInto("article_sources")
    .values(keys.map((key) => ({ article_id: articleId, source_key: key })))
    .execute();
}

/** Ids of the articles citing `key`, in id order after `afterId`. */
export async function listArticlesCiting(store: Store, key: string, afterId: number, limit: number) {
  const rows = await store.db
    .selectFrom("article_sources")
    .select("article_id")
    .where("source_key", "=", key)
    .where("article_id", ">", afterId)
    .orderBy("article_id")
    .limit(limit)
    .execute();
  return rows.map((r) => r.article_id);
}

export async function listSourceKeysOfArticle(store: Store, articleId: number): Promise<string[]> {
  const rows = await store.db
    .selectFrom("article_sources")
    .select("source_key")
    .where("article_id", "=", articleId)
    .orderBy("source_key")
    .execute();
  return rows.map((r) => r.source_key);
}

/** Ids of articles citing any source, in id order after `afterId`: those a change of style renders again. */
export async function listArticlesWithSources(store: Store, afterId: number, limit: number) {
  const rows = await store.db
    .selectFrom("article_sources")
    .select("article_id")
    .distinct()
    .where("article_id", ">", afterId)
    .orderBy("article_id")
    .limit(limit)
    .execute();
  return rows.map((r) => r.article_id);
}
