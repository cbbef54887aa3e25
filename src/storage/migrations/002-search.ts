// The full-text search index (DESIGN §2; issue "finding and following"). Each dialect keeps its own kind of
// index, filled by storage/search.ts in the same transaction as the article it reflects:
// - SQLite: two contentless FTS5 tables of analysed text (src/search/analyze.ts stems and folds it first,
//   so FTS5 only splits on spaces). `search_index` holds everything a search matches; `search_heads` holds
//   titles and standfirsts alone, so ranking can ask "is it in the title?" without walking a common word's
//   whole list of articles.
// - PostgreSQL: weighted tsvectors built with the article language's own text-search configuration.
// In both, `docid` orders documents by publication time (see storage/search.ts), so "newest first" and date
// ranges are a walk of the index in docid order.
import { type Kysely, sql } from "kysely";
import type { MigrationContext } from "./index.js";

export async function up(db: Kysely<unknown>, { dialect }: MigrationContext): Promise<void> {
  if (dialect === "sqlite") {
    await sql`CREATE TABLE search_documents (
      docid INTEGER PRIMARY KEY,
      article_id INTEGER NOT NULL UNIQUE REFERENCES articles(id) ON DELETE CASCADE,
      language TEXT NOT NULL
    )`.execute(db);
    const fts = sql.raw("content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0'");
    await sql`CREATE VIRTUAL TABLE search_index USING fts5(title, standfirst, body, facets, ${fts})`.execute(
      db,
    );
    await sql`CREATE VIRTUAL TABLE search_heads USING fts5(title, standfirst, ${fts})`.execute(db);
    // A 16 MB in-memory buffer and merges of eight segments at a time: a rebuild writes about 30% faster,
    // and the index is no larger.
    for (const table of ["search_index", "search_heads"]) {
      const name = sql.raw(table);
      await sql`INSERT INTO ${name} (${name}, rank) VALUES ('hashsize', ${sql.lit(16 * 2 ** 20)})`.execute(
        db,
      );
      await sql`INSERT INTO ${name} (${name}, rank) VALUES ('automerge', ${sql.lit(8)})`.execute(db);
    }
    return;
  }
  await sql`CREATE TABLE search_documents (
    article_id integer PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    docid bigint NOT NULL UNIQUE,
    language text NOT NULL,
    facets text[] NOT NULL,
    head tsvector NOT NULL,
    document tsvector NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX search_documents_document ON search_documents USING gin (document)`.execute(db);
  await sql`CREATE INDEX search_documents_head ON search_documents USING gin (head)`.execute(db);
  await sql`CREATE INDEX search_documents_facets ON search_documents USING gin (facets)`.execute(db);
}
