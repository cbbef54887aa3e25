// Full-text search on SQLite: FTS5 over text analysed in JavaScript (src/search/analyze.ts), so stemming
// and folding are the same for every language FTS5 has no stemmer for.
//
// Why ranking is not simply `ORDER BY bm25()`: FTS5's bm25 first walks the whole list of articles of every
// phrase in the query to count them, which for a word in most articles costs ~10 ms at 100,000 articles
// before a single row is scored. So:
// - a query whose words are all rare enough (each in at most RARE articles) and that matches at most
//   RANKING_WINDOW (500) articles is ranked exactly, by bm25, title and standfirst weighted above the body;
// - any other query ranks a bounded set: its 500 newest matches, scored by which of its words stand in
//   their title (2) or standfirst (1), a word found in fewer titles counting more, newer first among
//   equals; plus, when there are older matches, the newest HEAD_EXTRAS older articles whose titles or
//   standfirsts carry every word asked for, scored the same way. Titles and standfirsts are asked of the
//   small `search_heads` table, whose lists are short even for common words.
// Phrases are fast because the most frequent words are stored joined to the next word (analyze.ts).
import { sql } from "kysely";
import { analyseDocument } from "../../search/analysis.js";
import { analyzerFor, phraseTerms } from "../../search/analyze.js";
import { type AnalyzedQuery, type AnalyzedTerm, analyzeQuery } from "../../search/query.js";
import {
  docidOf,
  docidRange,
  freeDocid,
  pageOfRanked,
  RANKING_WINDOW,
  type SearchCriteria,
  type SearchDocument,
  type SearchHit,
  type SearchMatches,
  type SearchPageRequest,
} from "../search.js";
import type { Store } from "../store.js";

const RARE = 3000;
/** Older title and standfirst matches added to a bounded ranking. */
const HEAD_EXTRAS = 30;
const TEXT_COLUMNS = "{title standfirst body}";

export async function writeSearchDocument(store: Store, document: SearchDocument): Promise<void> {
  await deleteSearchDocument(store, document.articleId);
  await insertDocument(
    store,
    document,
    await freeDocid(store, docidOf(document.publishedAt, document.articleId), document.articleId),
  );
}

/**
 * Adds documents to an index that holds none of them; `taken` holds the docids already used. A row to a
 * statement: measured on a rebuild, statements of many rows were slower (SQLite copies a multi-row VALUES
 * through a co-routine), and every statement here is prepared once and kept.
 */
export async function appendSearchDocuments(store: Store, documents: SearchDocument[], taken: Set<number>) {
  for (const document of documents) {
    let docid = docidOf(document.publishedAt, document.articleId);
    while (taken.has(docid)) docid++;
    taken.add(docid);
    await insertDocument(store, document, docid);
  }
}

function analysed(document: SearchDocument) {
  return {
    ...(document.analysed ?? analyseDocument(document)),
    facets: [languageFacet(document.language), ...document.facets].join(" "),
  };
}

async function insertDocument(store: Store, document: SearchDocument, docid: number): Promise<void> {
  const { title, standfirst, body, facets } = analysed(document);
  await sql`INSERT INTO search_documents (docid, article_id, language)
    VALUES (${docid}, ${document.articleId}, ${document.language})`.execute(store.db);
  await sql`INSERT INTO search_index (rowid, title, standfirst, body, facets)
    VALUES (${docid}, ${title}, ${standfirst}, ${body}, ${facets})`.execute(store.db);
  await sql`INSERT INTO search_heads (rowid, title, standfirst)
    VALUES (${docid}, ${title}, ${standfirst})`.execute(store.db);
}

export async function deleteSearchDocument(store: Store, articleId: number): Promise<void> {
  const { rows } = await sql<{ docid: number }>`SELECT docid FROM search_documents
    WHERE article_id = ${articleId}`.execute(store.db);
  const docid = rows[0]?.docid;
  if (docid === undefined) return;
  await sql`DELETE FROM search_index WHERE rowid = ${docid}`.execute(store.db);
  await sql`DELETE FROM search_heads WHERE rowid = ${docid}`.execute(store.db);
  await sql`DELETE FROM search_documents WHERE docid = ${docid}`.execute(store.db);
}

export async function clearSearchIndex(store: Store): Promise<void> {
  for (const table of FTS_TABLES) await fts(store, table, "delete-all");
  await sql`DELETE FROM search_documents`.execute(store.db);
}

const FTS_TABLES = ["search_index", "search_heads"] as const;

/**
 * Empties the index for a rebuild (FTS5's delete-all, not a delete per row) and stops FTS5 merging while
 * it is refilled: each batch is written as a segment of its own and `endRebuild` merges them all in one
 * pass. Merging as it went, FTS5 rewrote each article about three times over at 100,000 articles, and the
 * rebuild ran at 1,550–1,750 articles/s instead of about 2,000.
 */
export async function beginRebuild(store: Store): Promise<void> {
  await clearSearchIndex(store);
  for (const table of FTS_TABLES) {
    await fts(store, table, "automerge", 0);
    // FTS5 merges regardless once a level holds this many segments; a rebuild stays well below it.
    await fts(store, table, "crisismerge", 1999);
    await fts(store, table, "hashsize", REBUILD_HASH_SIZE);
  }
}

/** Merges what a rebuild wrote into one segment a table, and puts back everyday merging. */
export async function endRebuild(store: Store): Promise<void> {
  for (const table of FTS_TABLES) {
    await fts(store, table, "optimize");
    await fts(store, table, "automerge", 8);
    await fts(store, table, "crisismerge", 16);
    await fts(store, table, "hashsize", HASH_SIZE);
  }
}

/**
 * True when a rebuild stopped before its end (the process was killed): its merge settings are still in
 * force. They are put back, so that the index merges as articles are saved; what the rebuild had not yet
 * written is missing until the next one.
 */
export async function recoverInterruptedRebuild(store: Store): Promise<boolean> {
  const { rows } = await sql<{ v: unknown }>`SELECT v FROM search_index_config WHERE k = 'automerge'`.execute(
    store.db,
  );
  if (Number(rows[0]?.v ?? 8) !== 0) return false;
  for (const table of FTS_TABLES) {
    await fts(store, table, "automerge", 8);
    await fts(store, table, "crisismerge", 16);
    await fts(store, table, "hashsize", HASH_SIZE);
  }
  return true;
}

/** FTS5's buffer for pending terms: the 16 MB set by migration 002, and 32 MB while rebuilding. */
const HASH_SIZE = 16 * 2 ** 20;
const REBUILD_HASH_SIZE = 32 * 2 ** 20;

/** An FTS5 command: an insert of the command's name (and value) into the table's own column. */
async function fts(store: Store, table: (typeof FTS_TABLES)[number], command: string, value?: number) {
  const name = sql.raw(table);
  if (value === undefined) await sql`INSERT INTO ${name} (${name}) VALUES (${command})`.execute(store.db);
  else
    await sql`INSERT INTO ${name} (${name}, rank) VALUES (${command}, ${sql.lit(value)})`.execute(store.db);
}

export async function findMatches(
  store: Store,
  criteria: SearchCriteria,
  page: SearchPageRequest,
): Promise<SearchMatches> {
  const plan = planOf(criteria);
  if (!plan) return { hits: [], more: false, ranking: page.order === "newest" ? "date" : "exact" };
  const { from, to } = docidRange(criteria.since, criteria.until);

  if (page.order === "newest") {
    const below = page.after ? Math.min(page.after.docid, to) : to;
    const rows = await matchingDocids(store, plan.match, from, below, page.limit + 1);
    const hits = await hitsOf(
      store,
      rows.slice(0, page.limit).map((docid) => ({ docid, score: 0 })),
    );
    const count = page.after === undefined && rows.length <= page.limit ? rows.length : undefined;
    return { hits, more: rows.length > page.limit, ranking: "date", count };
  }

  const window = await matchingDocids(store, plan.match, from, to, RANKING_WINDOW + 1);
  let scored: { docid: number; score: number }[];
  let ranking: SearchMatches["ranking"];
  if (window.length <= RANKING_WINDOW && (await allRare(store, plan.query))) {
    scored = await bm25Scores(store, plan.query, window);
    ranking = "exact";
  } else {
    const complete = window.length <= RANKING_WINDOW;
    scored = await headScores(store, plan, window.slice(0, RANKING_WINDOW), complete, from, to);
    ranking = complete ? "exact" : "bounded";
  }
  const ranked = pageOfRanked(
    scored.map((s) => ({ articleId: 0, ...s })),
    page,
  );
  // The window stops one past its size, so when it is full the count is known to be more than that.
  const count = window.length <= RANKING_WINDOW ? window.length : RANKING_WINDOW + 1;
  return { hits: await hitsOf(store, ranked.hits), more: ranked.more, ranking, count };
}

/** How many articles match, counting no further than `limit`. */
export async function countUpTo(store: Store, criteria: SearchCriteria, limit: number): Promise<number> {
  const plan = planOf(criteria);
  if (!plan) return 0;
  const { from, to } = docidRange(criteria.since, criteria.until);
  const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM (SELECT 1 FROM search_index
    WHERE search_index MATCH ${plan.match} AND rowid >= ${from} AND rowid < ${to} LIMIT ${limit})`.execute(
    store.db,
  );
  return Number(rows[0]?.n ?? 0);
}

interface Plan {
  query: AnalyzedQuery;
  languages: string[];
  /** True when filters or exclusions narrow the words' matches. */
  filtered: boolean;
  /** The whole FTS5 expression: words, exclusions, languages and filters. */
  match: string;
}

function planOf(criteria: SearchCriteria): Plan | undefined {
  const analysed = analyzeQuery(
    criteria.query,
    criteria.languages.map((language) => analyzerFor(language)),
  );
  // A lone pairing word ("the") is not in the index by itself (see analyze.ts, `indexText`): it narrows
  // nothing, and is left out of what is asked.
  const required = analysed.required.filter((clause) => alternatives(clause) !== undefined);
  const excluded = analysed.excluded.filter((term) => phraseOf(term) !== undefined);
  if (required.length === 0) return undefined;
  const query = { ...analysed, required, excluded };
  const parts = required.map((clause) => alternatives(clause) as string);
  const languages = criteria.languages.map((language) => quote(languageFacet(language)));
  parts.push(`{facets} : (${languages.join(" OR ")})`);
  for (const facet of criteria.facets) parts.push(`{facets} : ${quote(facet)}`);
  let match = parts.map((part) => `(${part})`).join(" AND ");
  if (excluded.length > 0) {
    match = `(${match}) NOT (${TEXT_COLUMNS} : (${excluded.map(phraseOf).join(" OR ")}))`;
  }
  return {
    query,
    match,
    languages: criteria.languages,
    filtered: criteria.facets.length > 0 || excluded.length > 0,
  };
}

async function matchingDocids(store: Store, match: string, from: number, to: number, limit: number) {
  const { rows } = await sql<{ docid: number }>`SELECT rowid AS docid FROM search_index
    WHERE search_index MATCH ${match} AND rowid >= ${from} AND rowid < ${to}
    ORDER BY rowid DESC LIMIT ${limit}`.execute(store.db);
  return rows.map((row) => row.docid);
}

async function allRare(store: Store, query: AnalyzedQuery): Promise<boolean> {
  const terms = new Set(query.required.flat().flatMap((term) => phraseTerms(term.terms, term.stops)));
  for (const term of terms) {
    const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM (SELECT 1 FROM search_index
      WHERE search_index MATCH ${`${TEXT_COLUMNS} : ${quote(term)}`} LIMIT ${RARE + 1})`.execute(store.db);
    if (Number(rows[0]?.n) > RARE) return false;
  }
  return true;
}

/**
 * bm25 over the query's words alone (filters and exclusions would each cost bm25 a walk of their own
 * lists), within the matches' docid span; what the full query did not match is then dropped.
 */
async function bm25Scores(store: Store, query: AnalyzedQuery, matches: number[]) {
  if (matches.length === 0) return [];
  const words = query.required.map((clause) => `(${alternatives(clause)})`).join(" AND ");
  const { rows } = await sql<{ docid: number; score: number }>`SELECT rowid AS docid,
      -bm25(search_index, 10.0, 5.0, 1.0, 0.0) AS score
    FROM search_index WHERE search_index MATCH ${words}
      AND rowid >= ${Math.min(...matches)} AND rowid <= ${Math.max(...matches)}`.execute(store.db);
  const wanted = new Set(matches);
  return rows.filter((row) => wanted.has(row.docid));
}

/**
 * Scores the window by which words stand in each article's title (2) or standfirst (1), a word found in
 * fewer of the window's titles counting more; when the window is not every match, the older articles whose
 * titles or standfirsts carry every word asked for join it, scored the same way.
 */
async function headScores(
  store: Store,
  plan: Plan,
  window: number[],
  complete: boolean,
  from: number,
  to: number,
) {
  const oldest = window.length > 0 ? Math.min(...window) : to;
  const heads = plan.query.required.map((clause) => alternatives(clause, "{title standfirst}"));
  const older = complete ? [] : await headDocids(store, heads.join(" AND "), from, oldest, HEAD_EXTRAS);
  const confirmed = older.length > 0 ? await confirmMatches(store, plan, older) : [];
  const candidates = new Set([...window, ...confirmed]);
  const scores = new Map<number, number>();
  for (const clause of plan.query.required) {
    const inTitle = new Set(
      await headDocids(store, alternatives(clause, "{title}") as string, oldest, to, RANKING_WINDOW),
    );
    const inStandfirst = await headDocids(
      store,
      alternatives(clause, "{standfirst}") as string,
      oldest,
      to,
      RANKING_WINDOW,
    );
    const weight = 1 / Math.log(Math.E + inTitle.size + inStandfirst.length);
    const olderInTitle = new Set(
      confirmed.length > 0
        ? await headDocidsAmong(store, alternatives(clause, "{title}") as string, confirmed)
        : [],
    );
    for (const docid of confirmed)
      scores.set(docid, (scores.get(docid) ?? 0) + (olderInTitle.has(docid) ? 2 : 1) * weight);
    for (const docid of inTitle)
      if (candidates.has(docid)) scores.set(docid, (scores.get(docid) ?? 0) + 2 * weight);
    for (const docid of inStandfirst) {
      if (candidates.has(docid) && !inTitle.has(docid)) scores.set(docid, (scores.get(docid) ?? 0) + weight);
    }
  }
  return [...candidates].map((docid) => ({ docid, score: scores.get(docid) ?? 0 }));
}

/** Which of these documents' titles or standfirsts match: a few lookups in the small heads table. */
async function headDocidsAmong(store: Store, match: string, docids: number[]) {
  const { rows } = await sql<{ docid: number }>`SELECT rowid AS docid FROM search_heads
    WHERE search_heads MATCH ${match}
      AND rowid IN (SELECT value FROM json_each(${JSON.stringify(docids)}))`.execute(store.db);
  return rows.map((row) => row.docid);
}

async function headDocids(store: Store, match: string, from: number, to: number, limit: number) {
  const { rows } = await sql<{ docid: number }>`SELECT rowid AS docid FROM search_heads
    WHERE search_heads MATCH ${match} AND rowid >= ${from} AND rowid < ${to}
    ORDER BY rowid DESC LIMIT ${limit}`.execute(store.db);
  return rows.map((row) => row.docid);
}

/**
 * Which of these documents, whose titles or standfirsts carry every word asked for, the whole query matches. Without
 * filters or exclusions that is only a question of language, answered by the documents table; otherwise
 * the full expression is tried on each (dearer, so it is the exception).
 */
async function confirmMatches(store: Store, plan: Plan, docids: number[]) {
  const list = JSON.stringify(docids);
  if (!plan.filtered) {
    const { rows } = await sql<{ docid: number }>`SELECT docid FROM search_documents
      WHERE docid IN (SELECT value FROM json_each(${list}))
        AND language IN (${sql.join(plan.languages)})`.execute(store.db);
    return rows.map((row) => row.docid);
  }
  const { rows } = await sql<{ docid: number }>`SELECT rowid AS docid FROM search_index
    WHERE search_index MATCH ${plan.match}
      AND rowid IN (SELECT value FROM json_each(${list}))`.execute(store.db);
  return rows.map((row) => row.docid);
}

async function hitsOf(store: Store, scored: { docid: number; score: number }[]): Promise<SearchHit[]> {
  if (scored.length === 0) return [];
  const { rows } = await sql<{ docid: number; article_id: number }>`SELECT docid, article_id
    FROM search_documents
    WHERE docid IN (SELECT value FROM json_each(${JSON.stringify(scored.map((s) => s.docid))}))`.execute(
    store.db,
  );
  const articleOf = new Map(rows.map((row) => [row.docid, row.article_id]));
  return scored.flatMap((s) => {
    const articleId = articleOf.get(s.docid);
    return articleId === undefined ? [] : [{ articleId, docid: s.docid, score: s.score }];
  });
}

/** A clause's alternatives in `columns`; undefined when none of them can be matched (lone pairing words). */
function alternatives(terms: AnalyzedTerm[], columns = TEXT_COLUMNS): string | undefined {
  const phrases = terms.map(phraseOf).filter((p): p is string => p !== undefined);
  if (phrases.length === 0) return undefined;
  return `${columns} : ${phrases.length === 1 ? phrases[0] : `(${phrases.join(" OR ")})`}`;
}

/** A word or phrase as an FTS5 phrase of index terms (see analyze.ts, `indexText` and `phraseTerms`). */
function phraseOf(term: AnalyzedTerm): string | undefined {
  const terms = phraseTerms(term.terms, term.stops);
  return terms.length === 0 ? undefined : quote(terms.join(" "));
}

/** An FTS5 string: whatever it holds is matched as text, never read as syntax. */
function quote(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

function languageFacet(language: string): string {
  return `l${language.replace(/[^a-z]/g, "")}`;
}
