// Builds (once) and reuses a benchmark store of N generated articles of ~2,000 words, on SQLite, in
// .bench/corpus-N/. Run directly: `npx tsx bench/corpus.ts 100000`.
import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { sql } from "kysely";
import { loadDemo } from "../src/demo/load.js";
import { hasAnyArticle } from "../src/storage/articles.js";
import { openStore } from "../src/storage/store.js";

export const BENCH_DIR = join(process.cwd(), ".bench");

export async function ensureCorpus(articles: number): Promise<string> {
  const dir = join(BENCH_DIR, `corpus-${articles}`);
  if (existsSync(join(dir, "broadside.db"))) return dir;
  const building = `${dir}.building`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building, { recursive: true });
  const store = await openStore({ dataDir: building });
  const started = Date.now();
  let last = 0;
  await loadDemo(store, { articles, wordsPerArticle: 2000, years: 25, seed: 7 }, (loaded) => {
    if (loaded - last >= 5000 || loaded === articles) {
      last = loaded;
      const rate = loaded / ((Date.now() - started) / 1000);
      process.stderr.write(`  corpus ${articles}: ${loaded} articles (${rate.toFixed(0)}/s)\n`);
    }
  });
  await store.close();
  renameSync(building, dir);
  return dir;
}

/**
 * The same corpus in a PostgreSQL schema of its own (`corpus_N`), loaded once; returns the schema name.
 * The generator is seeded, so it holds the same articles as the SQLite corpus of that size.
 */
export async function ensurePostgresCorpus(articles: number, databaseUrl: string): Promise<string> {
  const schema = `corpus_${articles}`;
  const store = await openStore({ dataDir: "", databaseUrl, schema });
  try {
    if (await hasAnyArticle(store)) return schema;
    const started = Date.now();
    let last = 0;
    await loadDemo(store, { articles, wordsPerArticle: 2000, years: 25, seed: 7 }, (loaded) => {
      if (loaded - last >= 5000 || loaded === articles) {
        last = loaded;
        const rate = loaded / ((Date.now() - started) / 1000);
        process.stderr.write(`  postgres corpus ${articles}: ${loaded} articles (${rate.toFixed(0)}/s)\n`);
      }
    });
    // A database in service has been vacuumed and analysed by autovacuum long since; a corpus loaded a
    // moment ago has not, and its plans would be those of a table with no statistics.
    const tables = await sql<{
      name: string;
    }>`select tablename as name from pg_tables where schemaname = ${schema}`.execute(store.db);
    for (const { name } of tables.rows) await sql`vacuum analyze ${sql.id(schema, name)}`.execute(store.db);
    return schema;
  } finally {
    await store.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const n = Number(process.argv[2] ?? 1000);
  const postgres = process.argv[3];
  console.log(postgres ? await ensurePostgresCorpus(n, postgres) : await ensureCorpus(n));
}
