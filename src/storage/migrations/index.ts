// Versioned migrations, applied in name order at start by Kysely's Migrator (which takes a lock, so several
// app servers starting at once on PostgreSQL apply each migration once).
import type { ColumnDataType, ColumnDefinitionBuilder, Migration, MigrationProvider } from "kysely";
import * as content from "./001-content.js";
import * as search from "./002-search.js";
import * as listingIndexes from "./003-listing-indexes.js";
import * as newsroom from "./004-newsroom.js";
import * as corrections from "./005-corrections.js";
import * as sources from "./006-sources.js";

/** What a migration needs to know of the dialect: which it is, and how an auto-numbered key is declared. */
export interface MigrationContext {
  dialect: "sqlite" | "postgres";
  idColumn: { type: ColumnDataType; build: (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder };
}

export function migrationProvider(context: MigrationContext): MigrationProvider {
  const all: Record<string, Migration> = {
    "001-content": { up: (db) => content.up(db, context) },
    "002-search": { up: (db) => search.up(db, context) },
    "003-listing-indexes": { up: (db) => listingIndexes.up(db) },
    "004-newsroom": { up: (db) => newsroom.up(db, context) },
    "005-corrections": { up: (db) => corrections.up(db) },
    "006-sources": { up: (db) => sources.up(db, context) },
  };
  return { getMigrations: async () => all };
}
