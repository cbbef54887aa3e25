// The search index: what the domain (src/search/) asks of it, and the one rule both dialects share — the
// document id. Each dialect's SQL is in sqlite/search.ts and postgres/search.ts.
//
// A document's id is its publication second times 2^20 plus the low 20 bits of the article id: ids sort as
// publication times do, so "newest first" is the index read backwards and a date range is an id range,
// both without touching the articles table. Two articles whose publication second and low id bits both
// agree get neighbouring ids (see `freeDocid` in the dialects).
import { sql } from "kysely";
import type { Analysed } from "../search/analysis.js";
import type { ParsedQuery } from "../search/query.js";
import * as postgres from "./postgres/search.js";
import * as sqlite from "./sqlite/search.js";
import type { Store } from "./store.js";

export interface SearchDocument {
  articleId: number;
  language: string;
  publishedAt: string;
  title: string;
  standfirst: string;
  /** The article's plain text: body, notes and quotations. */
  text: string;
  /** Filter values, as `facetOf` spells them. */
  facets: string[];
  /** The text already analysed for the SQLite index (a rebuild does it in a worker); analysed here if not. */
  analysed?: Analysed;
}

export interface SearchCriteria {
  query: ParsedQuery;
  /** The languages searched: the query is read in each, and only articles in them are found. */
  languages: string[];
  /** Every one of these must hold (`facetOf`). */
  facets: string[];
  /** Publication time bounds, ISO 8601: from `since` (inclusive) to `until` (exclusive). */
  since?: string;
  until?: string;
}

export interface SearchHit {
  articleId: number;
  docid: number;
  /** Higher is better; comparable only within one search. */
  score: number;
}

export type SearchOrder = "relevance" | "newest";

export interface SearchPageRequest {
  order: SearchOrder;
  limit: number;
  /** The last hit of the previous page. */
  after?: { score: number; docid: number };
}

export interface SearchMatches {
  hits: SearchHit[];
  /** True when another page follows. */
  more: boolean;
  /**
   * How the hits were ranked: "exact" when every match was scored, "bounded" when the query matched so much
   * that only its newest matches and its title and standfirst matches were ranked.
   */
  ranking: "exact" | "bounded" | "date";
  /**
   * How many articles match, when finding them told: exactly when every match was seen, or WINDOW + 1 when
   * there were more than a ranking window holds (read as "more than WINDOW"). Otherwise counted apart.
   */
  count?: number;
}

/**
 * How many of a query's newest matches a ranking within bounds scores; finding them also tells whether
 * there are more, so a search that fills it needs no separate count.
 */
export const RANKING_WINDOW = 500;

export type FacetKind = "person" | "topic" | "series" | "kind";

const FACET_PREFIX: Record<FacetKind, string> = { person: "p", topic: "t", series: "s", kind: "k" };

/** A filter value as the index stores it: a letter and the value, letters and digits only. */
export function facetOf(kind: FacetKind, value: string | number): string {
  return (
    FACET_PREFIX[kind] +
    String(value)
      .replace(/[^a-z0-9]/gi, "")
      .toLowerCase()
  );
}

const LOW_BITS = 2 ** 20;

export function docidOf(publishedAt: string, articleId: number): number {
  return Math.floor(Date.parse(publishedAt) / 1000) * LOW_BITS + (articleId % LOW_BITS);
}

/** The docid wanted, or the next one up that no other article holds. */
export async function freeDocid(store: Store, wanted: number, articleId: number): Promise<number> {
  let docid = wanted;
  for (;;) {
    const { rows } = await sql`SELECT 1 FROM search_documents
      WHERE docid = ${docid} AND article_id <> ${articleId}`.execute(store.db);
    if (rows.length === 0) return docid;
    docid++;
  }
}

/** The docid range [from, to) of a publication time range. */
export function docidRange(since?: string, until?: string): { from: number; to: number } {
  return {
    from: since ? Math.floor(Date.parse(since) / 1000) * LOW_BITS : Number.MIN_SAFE_INTEGER,
    to: until ? Math.ceil(Date.parse(until) / 1000) * LOW_BITS : Number.MAX_SAFE_INTEGER,
  };
}

/** Puts an article in the index, replacing what was there for it. */
export function writeSearchDocument(store: Store, document: SearchDocument): Promise<void> {
  return store.kind === "sqlite"
    ? sqlite.writeSearchDocument(store, document)
    : postgres.writeSearchDocument(store, document);
}

/** Adds documents to an index known to hold none of them (a rebuild); `taken` holds the docids used. */
export function appendSearchDocuments(store: Store, documents: SearchDocument[], taken: Set<number>) {
  return store.kind === "sqlite"
    ? sqlite.appendSearchDocuments(store, documents, taken)
    : postgres.appendSearchDocuments(store, documents, taken);
}

export function deleteSearchDocument(store: Store, articleId: number): Promise<void> {
  return store.kind === "sqlite"
    ? sqlite.deleteSearchDocument(store, articleId)
    : postgres.deleteSearchDocument(store, articleId);
}

/** Empties the index before a rebuild, setting aside what would slow the refill until `endRebuild`. */
export function beginRebuild(store: Store): Promise<void> {
  return store.kind === "sqlite" ? sqlite.beginRebuild(store) : postgres.beginRebuild(store);
}

/** Puts the index back to everyday working after a rebuild (merging or building what was set aside). */
export function endRebuild(store: Store): Promise<void> {
  return store.kind === "sqlite" ? sqlite.endRebuild(store) : postgres.endRebuild(store);
}

/**
 * True when a search rebuild stopped before its end, leaving the index incomplete (and on PostgreSQL,
 * without its GIN indexes, so slow): `broadside search rebuild` makes it whole again.
 */
export function recoverInterruptedRebuild(store: Store): Promise<boolean> {
  return store.kind === "sqlite"
    ? sqlite.recoverInterruptedRebuild(store)
    : postgres.recoverInterruptedRebuild(store);
}

/**
 * How many batches of a rebuild may be written at once: SQLite has one writer; PostgreSQL analyses the text
 * itself, and two connections keep two cores at it.
 */
export function rebuildWriters(store: Store): number {
  return store.kind === "sqlite" ? 1 : 2;
}

export function findMatches(
  store: Store,
  criteria: SearchCriteria,
  page: SearchPageRequest,
): Promise<SearchMatches> {
  return store.kind === "sqlite"
    ? sqlite.findMatches(store, criteria, page)
    : postgres.findMatches(store, criteria, page);
}

/** How many articles match, counted up to `cap`: `atLeast` says the count stopped there. */
export async function countMatches(
  store: Store,
  criteria: SearchCriteria,
  cap: number,
): Promise<{ count: number; atLeast: boolean }> {
  // Each dialect counts one past the cap, which is how a count that stopped is told from one that did not.
  const counted =
    store.kind === "sqlite"
      ? await sqlite.countUpTo(store, criteria, cap + 1)
      : await postgres.countUpTo(store, criteria, cap + 1);
  return counted > cap ? { count: cap, atLeast: true } : { count: counted, atLeast: false };
}

/** Orders candidates best first (newest first among equals) and cuts the page after the cursor. */
export function pageOfRanked(
  candidates: SearchHit[],
  page: SearchPageRequest,
): Pick<SearchMatches, "hits" | "more"> {
  candidates.sort((a, b) => b.score - a.score || b.docid - a.docid);
  const after = page.after;
  const start = after
    ? candidates.findIndex((h) => h.score < after.score || (h.score === after.score && h.docid < after.docid))
    : 0;
  if (start < 0) return { hits: [], more: false };
  const hits = candidates.slice(start, start + page.limit);
  return { hits, more: start + page.limit < candidates.length };
}

/** What indexing needs of a published article, without its Markdown or HTML. */
export interface IndexSource {
  id: number;
  language: string;
  kind: string;
  title: string;
  standfirst: string;
  text: string;
  publishedAt: string;
  seriesId: number | null;
  personIds: number[];
  topicIds: number[];
}

/** Published articles with ids above `afterId`, in id order: the batches of a full rebuild. */
export async function readIndexSources(store: Store, afterId: number, limit: number): Promise<IndexSource[]> {
  const rows = await store.db
    .selectFrom("articles")
    .select(["id", "language", "kind", "title", "standfirst", "text", "published_at", "series_id"])
    .where("status", "=", "published")
    .where("id", ">", afterId)
    .orderBy("id")
    .limit(limit)
    .execute();
  return withLinks(store, rows);
}

export async function readIndexSource(store: Store, articleId: number): Promise<IndexSource | undefined> {
  const rows = await store.db
    .selectFrom("articles")
    .select(["id", "language", "kind", "title", "standfirst", "text", "published_at", "series_id"])
    .where("status", "=", "published")
    .where("id", "=", articleId)
    .execute();
  return (await withLinks(store, rows))[0];
}

async function withLinks(
  store: Store,
  rows: {
    id: number;
    language: string;
    kind: string;
    title: string;
    standfirst: string;
    text: string;
    published_at: string | null;
    series_id: number | null;
  }[],
): Promise<IndexSource[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const persons = await store.db
    .selectFrom("article_persons")
    .select(["article_id", "person_id as linked"])
    .where("article_id", "in", ids)
    .execute();
  const topics = await store.db
    .selectFrom("article_topics")
    .select(["article_id", "topic_id as linked"])
    .where("article_id", "in", ids)
    .execute();
  const group = (links: { article_id: number; linked: number }[]) => {
    const map = new Map<number, number[]>();
    for (const link of links) map.set(link.article_id, [...(map.get(link.article_id) ?? []), link.linked]);
    return map;
  };
  const personsOf = group(persons);
  const topicsOf = group(topics);
  return rows.map((r) => ({
    id: r.id,
    language: r.language,
    kind: r.kind,
    title: r.title,
    standfirst: r.standfirst,
    text: r.text,
    publishedAt: r.published_at ?? "",
    seriesId: r.series_id,
    personIds: personsOf.get(r.id) ?? [],
    topicIds: topicsOf.get(r.id) ?? [],
  }));
}

/** Every topic's parent, for filing an article under its topics' ancestors too. */
export async function readTopicParents(store: Store): Promise<Map<number, number | null>> {
  const rows = await store.db.selectFrom("topics").select(["id", "parent_id"]).execute();
  return new Map(rows.map((r) => [r.id, r.parent_id]));
}

/** The plain text of these articles, for snippets. */
export async function articleTexts(store: Store, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await store.db.selectFrom("articles").select(["id", "text"]).where("id", "in", ids).execute();
  return new Map(rows.map((r) => [r.id, r.text]));
}
