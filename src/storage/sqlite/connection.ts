// SQLite: one file in the data folder, WAL so readers never wait for the writer, foreign keys on.
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import Sqlite from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import { UnavailableError } from "../../errors.js";
import type { MigrationContext } from "../migrations/index.js";
import type { Database } from "../schema.js";

export const SQLITE_FILE = "broadside.db";

/** `readOnly` opens an existing file for reading alone, as a worker thread beside the writer does. */
export function openSqlite(dataDir: string, readOnly = false) {
  const file = resolve(join(dataDir, SQLITE_FILE));
  let handle: Sqlite.Database;
  try {
    if (readOnly) {
      handle = new Sqlite(file, { readonly: true, fileMustExist: true });
    } else {
      mkdirSync(dataDir, { recursive: true });
      handle = new Sqlite(file);
      // 16 KB pages make the full-text index about a third smaller; it only applies to a new file.
      handle.pragma("page_size = 16384");
      handle.pragma("journal_mode = WAL");
      // NORMAL in WAL mode loses nothing a process crash could reach: a commit is in the WAL before it returns.
      handle.pragma("synchronous = NORMAL");
      handle.pragma("foreign_keys = ON");
    }
    handle.pragma("busy_timeout = 5000");
    handle.pragma("cache_size = -32000");
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UnavailableError(`cannot open the database file ${file}: ${reason}`, { cause: error });
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(handle) }) });
  const migrationContext: MigrationContext = {
    dialect: "sqlite",
    idColumn: { type: "integer", build: (c) => c.primaryKey().autoIncrement() },
  };
  return { kind: "sqlite" as const, location: file, db, migrationContext };
}

const STATEMENT_CACHE = 500;

/**
 * Kysely prepares every query anew; preparing costs more than running a typical indexed read, so the
 * statements are kept by their SQL text (which carries no values: those are bound parameters).
 */
function withStatementCache(handle: Sqlite.Database) {
  const statements = new Map<string, Sqlite.Statement>();
  return {
    close: () => handle.close(),
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (!statement) {
        statement = handle.prepare(sql);
        statements.set(sql, statement);
        if (statements.size > STATEMENT_CACHE) statements.delete(statements.keys().next().value as string);
      }
      return statement;
    },
  };
}
