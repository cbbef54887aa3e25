// PostgreSQL: a connection pool; bigint and numeric come back as numbers, as they do from SQLite.
import {
  type DatabaseIntrospector,
  type DatabaseMetadata,
  Kysely,
  PostgresDialect,
  type SchemaMetadata,
  sql,
  type TableMetadata,
} from "kysely";
import pg from "pg";
import { UnavailableError } from "../../errors.js";
import type { MigrationContext } from "../migrations/index.js";
import type { Database } from "../schema.js";

const INT8 = 20;
const NUMERIC = 1700;

const types = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === INT8 || oid === NUMERIC) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
};

export async function openPostgres(url: string, schema?: string) {
  const location = url.replace(/\/\/([^:/@]+):[^@/]*@/, "//$1:***@");
  const pool = new pg.Pool({
    connectionString: url,
    types,
    max: Number(process.env.BROADSIDE_DB_POOL ?? 10),
    connectionTimeoutMillis: 5000,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  let currentSchema: string;
  try {
    const client = await pool.connect();
    try {
      if (schema) await client.query(`create schema if not exists "${schema.replace(/"/g, "")}"`);
      currentSchema =
        (await client.query<{ name: string }>("select current_schema() as name")).rows[0]?.name ?? "public";
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end();
    const reason = error instanceof Error ? error.message : String(error);
    throw new UnavailableError(`cannot connect to PostgreSQL at ${location}: ${reason}`, { cause: error });
  }
  const db = new Kysely<Database>({ dialect: new OwnSchemaDialect({ pool }) });
  const migrationContext: MigrationContext = {
    dialect: "postgres",
    idColumn: { type: "serial", build: (c) => c.primaryKey() },
  };
  return { kind: "postgres" as const, location, db, migrationContext, schema: currentSchema };
}

/**
 * Kysely's migrator asks the introspector whether its tables exist, and PostgreSQL's stock introspector
 * reads every schema of the database, calling has_schema_privilege on each: a schema dropped meanwhile by
 * someone else (another app's, a parallel test run's) fails the start. Ours looks at our own schema only.
 */
class OwnSchemaDialect extends PostgresDialect {
  override createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new OwnSchemaIntrospector(db);
  }
}

class OwnSchemaIntrospector implements DatabaseIntrospector {
  constructor(private readonly db: Kysely<unknown>) {}

  async getSchemas(): Promise<SchemaMetadata[]> {
    const result = await sql<{ name: string }>`select current_schema() as name`.execute(this.db);
    return result.rows.filter((r) => r.name !== null);
  }

  async getTables(): Promise<TableMetadata[]> {
    const result = await sql<{ name: string; schema: string; type: string }>`
      select table_name as name, table_schema as schema, table_type as type
      from information_schema.tables where table_schema = current_schema()`.execute(this.db);
    return result.rows.map((r) => ({
      name: r.name,
      schema: r.schema,
      isView: r.type === "VIEW",
      columns: [],
    }));
  }

  async getMetadata(): Promise<DatabaseMetadata> {
    return { tables: await this.getTables() };
  }
}
