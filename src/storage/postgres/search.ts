// Full-text search on PostgreSQL: each article's text is folded (no diacritics, so unaccented queries
// match) and turned into a tsvector by its language's own text-search configuration — title weighted A,
// standfirst B, body C — with a second, small tsvector of the title and standfirst alone. GIN indexes
// find matches; filters are a GIN-indexed text array.
//
// Ranking follows the SQLite side's rule (sqlite/search.ts): a query matching at most RANKING_WINDOW (500)
// articles is ranked by ts_rank over the whole weighted text; a larger one ranks its 500 newest matches
// plus the older ones whose title or standfirst carries its words, by ts_rank over that small tsvector —
// reading every long tsvector of a common word's matches would cost far more than the answer is worth.
import { type RawBuilder, sql } from "kysely";
import { foldText } from "../../search/analyze.js";
import type { QueryTerm } from "../../search/query.js";
import {
  docidOf,
  docidRange,
  freeDocid,
  pageOfRanked,
  RANKING_WINDOW,
  type SearchCriteria,
  type SearchDocument,
  type SearchMatches,
  type SearchPageRequest,
} from "../search.js";
import type { Store } from "../store.js";

const HEAD_EXTRAS = 50;

/** PostgreSQL's built-in text-search configurations, by our language codes; others use "simple". */
const CONFIGURATIONS: Record<string, string> = {
  ar: "arabic",
  da: "danish",
  de: "german",
  el: "greek",
  en: "english",
  es: "spanish",
  fi: "finnish",
  fr: "french",
  hi: "hindi",
  hu: "hungarian",
  id: "indonesian",
  it: "italian",
  nl: "dutch",
  no: "norwegian",
  pt: "portuguese",
  "pt-br": "portuguese",
  ro: "romanian",
  ru: "russian",
  sv: "swedish",
  ta: "tamil",
  tr: "turkish",
};

function configuration(language: string): RawBuilder<unknown> {
  return sql`${CONFIGURATIONS[language] ?? "simple"}::regconfig`;
}

export async function writeSearchDocument(store: Store, document: SearchDocument): Promise<void> {
  const docid = await freeDocid(store, docidOf(document.publishedAt, document.articleId), document.articleId);
  await sql`INSERT INTO search_documents (article_id, docid, language, facets, head, document)
    VALUES ${rowOf(document, docid)}
    ON CONFLICT (article_id) DO UPDATE SET docid = excluded.docid, language = excluded.language,
      facets = excluded.facets, head = excluded.head, document = excluded.document`.execute(store.db);
}

/** Adds documents to an index that holds none of them, in one statement; `taken` holds used docids. */
export async function appendSearchDocuments(store: Store, documents: SearchDocument[], taken: Set<number>) {
  if (documents.length === 0) return;
  const rows = documents.map((document) => {
    let docid = docidOf(document.publishedAt, document.articleId);
    while (taken.has(docid)) docid++;
    taken.add(docid);
    return rowOf(document, docid);
  });
  await sql`INSERT INTO search_documents (article_id, docid, language, facets, head, document)
    VALUES ${sql.join(rows)}`.execute(store.db);
}

function rowOf(document: SearchDocument, docid: number) {
  const { language } = document;
  const config = configuration(language);
  const fold = (text: string) => foldText(text, language);
  const head = sql`setweight(to_tsvector(${config}, ${fold(document.title)}), 'A')
    || setweight(to_tsvector(${config}, ${fold(document.standfirst)}), 'B')`;
  return sql`(${document.articleId}, ${docid}, ${language}, ${sql.val(document.facets)}::text[], ${head},
    ${head} || setweight(to_tsvector(${config}, ${fold(document.text)}), 'C'))`;
}

export async function deleteSearchDocument(store: Store, articleId: number): Promise<void> {
  await sql`DELETE FROM search_documents WHERE article_id = ${articleId}`.execute(store.db);
}

export async function clearSearchIndex(store: Store): Promise<void> {
  await sql`DELETE FROM search_documents`.execute(store.db);
}

const GIN_INDEXES = {
  search_documents_document: "document",
  search_documents_head: "head",
  search_documents_facets: "facets",
} as const;

/**
 * Empties the index for a rebuild and drops its GIN indexes: building a GIN index once over every row is
 * several times faster than keeping it up to date row by row. `endRebuild` builds them again.
 */
export async function beginRebuild(store: Store): Promise<void> {
  await sql`TRUNCATE search_documents`.execute(store.db);
  for (const name of Object.keys(GIN_INDEXES))
    await sql`DROP INDEX IF EXISTS ${sql.id(name)}`.execute(store.db);
}

export async function endRebuild(store: Store): Promise<void> {
  for (const [name, column] of Object.entries(GIN_INDEXES)) {
    await sql`CREATE INDEX IF NOT EXISTS ${sql.id(name)} ON search_documents USING gin (${sql.id(column)})`.execute(
      store.db,
    );
  }
  await sql`ANALYZE search_documents`.execute(store.db);
}

/** True when a rebuild stopped before its end: it left the index without its GIN indexes. */
export async function recoverInterruptedRebuild(store: Store): Promise<boolean> {
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_indexes
    WHERE schemaname = current_schema() AND indexname = 'search_documents_document'`.execute(store.db);
  return (rows[0]?.n ?? 0) === 0;
}

export async function findMatches(
  store: Store,
  criteria: SearchCriteria,
  page: SearchPageRequest,
): Promise<SearchMatches> {
  const plan = planOf(criteria);
  if (!plan) return { hits: [], more: false, ranking: page.order === "newest" ? "date" : "exact" };
  const { from, to } = docidRange(criteria.since, criteria.until);
  const where = sql`document @@ ${plan.query} AND ${filters(criteria, from, to)}`;

  if (page.order === "newest") {
    const below = page.after ? Math.min(page.after.docid, to) : to;
    const { rows } = await sql<{ article_id: number; docid: number }>`SELECT article_id, docid
      FROM search_documents WHERE ${where} AND docid < ${below}
      ORDER BY docid DESC LIMIT ${page.limit + 1}`.execute(store.db);
    const hits = rows
      .slice(0, page.limit)
      .map((r) => ({ articleId: r.article_id, docid: r.docid, score: 0 }));
    const count = page.after === undefined && rows.length <= page.limit ? rows.length : undefined;
    return { hits, more: rows.length > page.limit, ranking: "date", count };
  }

  const { rows: window } = await sql<{ article_id: number; docid: number }>`SELECT article_id, docid
    FROM search_documents WHERE ${where} ORDER BY docid DESC LIMIT ${RANKING_WINDOW + 1}`.execute(store.db);
  if (window.length <= RANKING_WINDOW) {
    const { rows } = await sql<{ article_id: number; docid: number; score: number }>`SELECT article_id, docid,
        ts_rank('{0.1, 0.2, 0.5, 1.0}', document, ${plan.query}) AS score
      FROM search_documents WHERE ${where}`.execute(store.db);
    return { ...pageOfRanked(rows.map(hitOf), page), ranking: "exact", count: rows.length };
  }
  const newest = window.slice(0, RANKING_WINDOW).map((r) => r.docid);
  const { rows } = await sql<{ article_id: number; docid: number; score: number }>`
    WITH candidates AS (
      (SELECT article_id, docid, head FROM search_documents
        WHERE docid IN (SELECT unnest(${sql.val(newest)}::bigint[])))
      UNION
      (SELECT article_id, docid, head FROM search_documents
        WHERE head @@ ${plan.anyWord} AND ${where}
        ORDER BY ts_rank('{0.1, 0.2, 0.5, 1.0}', head, ${plan.anyWord}) DESC LIMIT ${HEAD_EXTRAS})
    )
    SELECT article_id, docid, ts_rank('{0.1, 0.2, 0.5, 1.0}', head, ${plan.anyWord}) AS score
    FROM candidates`.execute(store.db);
  return { ...pageOfRanked(rows.map(hitOf), page), ranking: "bounded", count: RANKING_WINDOW + 1 };
}

/** How many articles match, counting no further than `limit`. */
export async function countUpTo(store: Store, criteria: SearchCriteria, limit: number): Promise<number> {
  const plan = planOf(criteria);
  if (!plan) return 0;
  const { from, to } = docidRange(criteria.since, criteria.until);
  const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM (SELECT 1 FROM search_documents
    WHERE document @@ ${plan.query} AND ${filters(criteria, from, to)} LIMIT ${limit}) AS m`.execute(
    store.db,
  );
  return Number(rows[0]?.n ?? 0);
}

function hitOf(row: { article_id: number; docid: number; score: number }) {
  return { articleId: row.article_id, docid: Number(row.docid), score: Number(row.score) };
}

function filters(criteria: SearchCriteria, from: number, to: number) {
  return sql`language IN (${sql.join(criteria.languages)}) AND facets @> ${sql.val(criteria.facets)}::text[]
    AND docid >= ${from} AND docid < ${to}`;
}

interface Plan {
  /** The whole query as a tsquery, read in each language searched. */
  query: RawBuilder<unknown>;
  /** Any of its required words: what the title-and-standfirst ranking looks for. */
  anyWord: RawBuilder<unknown>;
}

function planOf(criteria: SearchCriteria): Plan | undefined {
  const { required, excluded } = criteria.query;
  if (required.length === 0) return undefined;
  const perLanguage = (build: (language: string) => string) =>
    sql.join(
      criteria.languages.map((language) => sql`to_tsquery(${configuration(language)}, ${build(language)})`),
      sql` || `,
    );
  const whole = (language: string) => {
    const all = required
      .map((terms) => `(${terms.map((t) => tsPhrase(t, language)).join(" | ")})`)
      .join(" & ");
    if (excluded.length === 0) return all;
    return `${all} & !(${excluded.map((t) => tsPhrase(t, language)).join(" | ")})`;
  };
  const any = (language: string) =>
    required
      .flat()
      .map((t) => tsPhrase(t, language))
      .join(" | ");
  return { query: sql`(${perLanguage(whole)})`, anyWord: sql`(${perLanguage(any)})` };
}

/** A term in to_tsquery's syntax: each word quoted (so it is only ever a word), joined as a phrase. */
function tsPhrase(term: QueryTerm, language: string): string {
  const words = term.words.map(
    (word) => `'${foldText(word, language).replaceAll("'", "''").replaceAll("\\", "")}'`,
  );
  return words.length === 1 ? (words[0] as string) : `(${words.join(" <-> ")})`;
}
