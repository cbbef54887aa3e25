// Opens the store: the SQLite file in the data folder by default, PostgreSQL when the database URL says so.
// Everything above storage/ sees only `Store`; the SQL for each noun lives beside this file.
import { type Kysely, Migrator, type Transaction } from "kysely";
import { UnavailableError } from "../errors.js";
import { migrationProvider } from "./migrations/index.js";
import { openPostgres } from "./postgres/connection.js";
import type { Database } from "./schema.js";
import { openSqlite } from "./sqlite/connection.js";

export type StoreKind = "sqlite" | "postgres";

export interface Store {
  readonly kind: StoreKind;
  /** Where the data lives, for messages: a file path, or a PostgreSQL URL without its password. */
  readonly location: string;
  readonly db: Kysely<Database>;
  /**
   * Bumped in this process whenever published content changes, so this server's page cache can drop stale
   * pages at once; other servers notice through the content_version setting.
   */
  readonly local: { contentVersion: number };
  /** Runs `work` in one transaction; inside a transaction it simply runs it. */
  transaction<T>(work: (store: Store) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** A `postgres://` URL, or undefined for the SQLite file in `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  /** PostgreSQL only: a schema to work in (the tests give each run its own). */
  schema?: string;
  /**
   * SQLite only: open the existing file for reading, without migrating or recording a start (a worker
   * thread reading beside the process that writes).
   */
  readOnly?: boolean;
}

export async function openStore(options: StoreOptions): Promise<Store> {
  const url = options.databaseUrl;
  const isPostgres = url !== undefined && /^postgres(ql)?:\/\//.test(url);
  if (url !== undefined && url !== "" && !isPostgres) {
    throw new UnavailableError(`DATABASE_URL must begin with postgres:// (got "${redact(url)}")`);
  }
  const opened = isPostgres
    ? await openPostgres(url as string, options.schema)
    : openSqlite(options.dataDir, options.readOnly);
  const store = makeStore(opened.kind, opened.location, opened.db);
  if (options.readOnly && !isPostgres) return store;
  try {
    await migrate(store, opened.migrationContext, "schema" in opened ? opened.schema : undefined);
    await recordStart(store);
  } catch (error) {
    await store.close();
    if (error instanceof UnavailableError) throw error;
    throw new UnavailableError(`cannot use the database at ${store.location}: ${messageOf(error)}`, {
      cause: error,
    });
  }
  return store;
}

function makeStore(
  kind: StoreKind,
  location: string,
  db: Kysely<Database>,
  local = { contentVersion: 0 },
  inTransaction = false,
): Store {
  return {
    kind,
    location,
    db,
    local,
    transaction(work) {
      if (inTransaction) return work(this);
      return db
        .transaction()
        .execute((trx: Transaction<Database>) => work(makeStore(kind, location, trx, local, true)));
    },
    close: () => db.destroy(),
  };
}

async function migrate(
  store: Store,
  context: Parameters<typeof migrationProvider>[0],
  schema: string | undefined,
): Promise<void> {
  // Named explicitly when set: Kysely looks for its bookkeeping tables in every schema otherwise, and would
  // find another schema's on a shared server.
  const migrator = new Migrator({
    db: store.db,
    provider: migrationProvider(context),
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
}

/** A real write at start, so a database that can be read but not written is reported now, not on first save. */
async function recordStart(store: Store): Promise<void> {
  const value = new Date().toISOString();
  await store.db
    .insertInto("settings")
    .values({ key: "last_started_at", value })
    .onConflict((oc) => oc.column("key").doUpdateSet({ value }))
    .execute();
}

export function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@/]*@/, "//$1:***@");
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
