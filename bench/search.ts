// Search benchmark (issue: finding and following). For each corpus size, on SQLite and — when a PostgreSQL
// URL is given — on PostgreSQL:
// - a full rebuild of the index: articles per second (median of several runs; one at 100,000);
// - the index's size next to the plain text it indexes;
// - latency over QUERIES queries drawn from the corpus's own vocabulary (1–3 words, some phrases, some
//   filtered, some newest-first): the bare index queries beneath a search (matching, ranking, counting),
//   timed in-process, next to the full request — the search page over HTTP from the built server, page
//   cache off, one request at a time — p50 and p99 of each;
// - precision@10 over the judged queries of bench/relevance.ts.
//   npm run build && npx tsx bench/search.ts [sizes=1000,100000] [queries=1000] [postgres-url] [postgres]
import { execFileSync } from "node:child_process";
import { getSite } from "../src/i18n/editions.js";
import { COUNT_CAP, prepareSearch, type SearchRequest, search } from "../src/search/search.js";
import { countMatches, findMatches } from "../src/storage/search.js";
import { openStore, type Store, type StoreOptions } from "../src/storage/store.js";
import { ensureCorpus, ensurePostgresCorpus } from "./corpus.js";
import { isRelevant, JUDGED } from "./relevance.js";
import { median, startServer } from "./support.js";

const sizes = (process.argv[2] ?? "1000,100000").split(",").map(Number);
const queryCount = Number(process.argv[3] ?? 1000);
const postgresUrl = process.argv[4];
/** "postgres" to measure PostgreSQL alone (its corpus loads slowly; SQLite's figures may be fresh already). */
const only = process.argv[5];
const PORT = 18_090;

/** A small seeded generator, so every run asks the same questions. */
function seeded(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STOP = new Set(
  "the a an and or of to in on for with by at from as is was are be it its that this not but his her their who which what has have had been were will would than into over".split(
    " ",
  ),
);

export async function drawQueries(
  store: Store,
  count: number,
): Promise<{ edition: string; request: SearchRequest }[]> {
  const random = seeded(42);
  const max = await store.db
    .selectFrom("articles")
    .select((eb) => eb.fn.max("id").as("id"))
    .executeTakeFirstOrThrow();
  const persons = await store.db.selectFrom("persons").select("slug").execute();
  const topics = await store.db.selectFrom("topics").select("slug").execute();
  const kinds = ["analysis", "review", "statement", "letter", "interview"];
  const out: { edition: string; request: SearchRequest }[] = [];
  while (out.length < count) {
    const id = 1 + Math.floor(random() * Number(max.id));
    const article = await store.db
      .selectFrom("articles")
      .select(["language", "title", "text"])
      .where("id", "=", id)
      .where("status", "=", "published")
      .executeTakeFirst();
    if (!article) continue;
    const words = (article.text.match(/[\p{L}]{3,}/gu) ?? []).filter((w) => !STOP.has(w.toLowerCase()));
    if (words.length < 10) continue;
    const pick = () => words[Math.floor(random() * words.length)] as string;
    const roll = random();
    let q: string;
    if (roll < 0.15) {
      // A phrase as the text has it, its small words included.
      const running = article.text.match(/[\p{L}]+/gu) ?? [];
      const at = Math.floor(random() * Math.max(1, running.length - 3));
      q = `"${running.slice(at, at + 2 + Math.floor(random() * 2)).join(" ")}"`;
    } else {
      const n = roll < 0.6 ? 1 : roll < 0.85 ? 2 : 3;
      q = Array.from({ length: n }, pick).join(" ");
    }
    const request: SearchRequest = { q };
    const filter = random();
    if (filter < 0.05) request.kind = kinds[Math.floor(random() * kinds.length)];
    else if (filter < 0.1) request.person = persons[Math.floor(random() * persons.length)]?.slug;
    else if (filter < 0.15) request.topic = topics[Math.floor(random() * topics.length)]?.slug;
    else if (filter < 0.2) request.since = String(2002 + Math.floor(random() * 20));
    if (random() < 0.1) request.order = "newest";
    out.push({ edition: article.language, request });
  }
  return out;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function indexSize(store: Store): Promise<{ indexMb: number; textMb: number }> {
  let indexBytes = 0;
  let textBytes = 0;
  if (store.kind === "sqlite") {
    const { sql } = await import("kysely");
    const pages = await sql<{ bytes: number }>`SELECT sum(pgsize) AS bytes FROM dbstat
      WHERE name LIKE 'search_%' OR name LIKE 'sqlite_autoindex_search_%'`.execute(store.db);
    indexBytes = Number(pages.rows[0]?.bytes ?? 0);
    const plain = await sql<{
      bytes: number;
    }>`SELECT sum(length(CAST(title AS BLOB)) + length(CAST(standfirst AS BLOB))
      + length(CAST(text AS BLOB))) AS bytes FROM articles WHERE status = 'published'`.execute(store.db);
    textBytes = Number(plain.rows[0]?.bytes ?? 0);
  } else {
    const { sql } = await import("kysely");
    const size = await sql<{
      bytes: number;
    }>`SELECT pg_total_relation_size('search_documents') AS bytes`.execute(store.db);
    indexBytes = Number(size.rows[0]?.bytes ?? 0);
    const plain = await sql<{ bytes: number }>`SELECT sum(octet_length(title) + octet_length(standfirst)
      + octet_length(text)) AS bytes FROM articles WHERE status = 'published'`.execute(store.db);
    textBytes = Number(plain.rows[0]?.bytes ?? 0);
  }
  return { indexMb: indexBytes / 2 ** 20, textMb: textBytes / 2 ** 20 };
}

/**
 * A full rebuild as the operator runs it, `broadside search rebuild` from the build (its analysis worker
 * needs the compiled JavaScript), parsed from what it prints.
 */
function measureRebuild(size: number, dataDir: string, env: Record<string, string>) {
  const runs = size >= 50_000 ? 1 : 3;
  const rates: number[] = [];
  for (let run = 0; run < runs; run++) {
    const out = execFileSync(process.execPath, ["dist/cli/main.js", "search", "rebuild", "--data", dataDir], {
      encoding: "utf8",
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "ignore"],
    });
    rates.push(Number(out.match(/\((\d+)\/s\)/)?.[1] ?? Number.NaN));
  }
  return median(rates);
}

async function measureBare(store: Store, queries: { edition: string; request: SearchRequest }[]) {
  const site = await getSite(store);
  const times: number[] = [];
  for (const { edition, request } of queries) {
    const prepared = await prepareSearch(store, site, edition, request);
    const started = performance.now();
    const found = await findMatches(store, prepared.criteria, prepared.page);
    if (found.count === undefined) await countMatches(store, prepared.criteria, COUNT_CAP);
    times.push(performance.now() - started);
  }
  return times;
}

/** Each query over HTTP, one at a time: as the search page, or as the search API (JSON, no page to draw). */
async function measureFull(
  port: number,
  queries: { edition: string; request: SearchRequest }[],
  as: "page" | "api",
) {
  const times: number[] = [];
  let failures = 0;
  for (const { edition, request } of queries) {
    const params = new URLSearchParams(
      Object.entries(request).filter(([, v]) => v !== undefined) as [string, string][],
    );
    if (as === "api") params.set("language", edition);
    const path = as === "page" ? `/${edition}/search` : "/api/v1/search";
    const started = performance.now();
    const res = await fetch(`http://127.0.0.1:${port}${path}?${params}`);
    await res.arrayBuffer();
    times.push(performance.now() - started);
    if (res.status !== 200) failures++;
  }
  return { times, failures };
}

async function measureRelevance(store: Store) {
  const site = await getSite(store);
  const rows: { q: string; precision: number; found: number }[] = [];
  for (const judged of JUDGED) {
    const found = await search(store, site, judged.edition, { ...judged.request, limit: 10 });
    const ids = found.results.map((r) => r.article.id);
    if (ids.length === 0) {
      rows.push({ q: judged.request.q ?? "", precision: 0, found: 0 });
      continue;
    }
    const articles = await store.db
      .selectFrom("articles")
      .select(["id", "title", "standfirst", "text"])
      .where("id", "in", ids)
      .execute();
    const relevant = articles.filter((a) => isRelevant(judged, a)).length;
    rows.push({ q: judged.request.q ?? "", precision: relevant / 10, found: found.total.count });
  }
  return rows;
}

async function benchStore(label: string, options: StoreOptions, size: number, dataDir?: string) {
  const env: Record<string, string> = { BROADSIDE_PAGE_CACHE: "off", LOG_LEVEL: "warn" };
  if (options.databaseUrl)
    env.DATABASE_URL = `${options.databaseUrl}?options=-csearch_path%3D${options.schema}`;
  const rate = measureRebuild(size, dataDir ?? "", env);
  const store = await openStore(options);
  try {
    const { indexMb, textMb } = await indexSize(store);
    const queries = await drawQueries(store, queryCount);
    await measureBare(store, queries.slice(0, 50)); // warm the caches the way a running server has them
    const bare = await measureBare(store, queries);
    const relevance = await measureRelevance(store);
    await store.close();
    const env: Record<string, string> = { BROADSIDE_PAGE_CACHE: "off" };
    if (options.databaseUrl)
      env.DATABASE_URL = `${options.databaseUrl}?options=-csearch_path%3D${options.schema}`;
    const server = await startServer(dataDir ?? "", PORT, env);
    let full: { times: number[]; failures: number };
    let api: { times: number[]; failures: number };
    try {
      await measureFull(PORT, queries.slice(0, 50), "page");
      full = await measureFull(PORT, queries, "page");
      api = await measureFull(PORT, queries, "api");
    } finally {
      await server.stop();
    }
    const bareP50 = percentile(bare, 50);
    const bareP99 = percentile(bare, 99);
    const fullP50 = percentile(full.times, 50);
    const fullP99 = percentile(full.times, 99);
    const meanPrecision = relevance.reduce((sum, r) => sum + r.precision, 0) / relevance.length;
    console.log(
      [
        `${label} ${size.toLocaleString("en")} articles`,
        `  rebuild: ${rate.toFixed(0)} articles/s`,
        `  index: ${indexMb.toFixed(0)} MB for ${textMb.toFixed(0)} MB of text (${(indexMb / textMb).toFixed(2)}×)`,
        `  ${queries.length} queries, bare index queries: p50 ${bareP50.toFixed(2)} ms, p99 ${bareP99.toFixed(2)} ms`,
        `  full request (HTTP, page cache off): p50 ${fullP50.toFixed(2)} ms, p99 ${fullP99.toFixed(2)} ms` +
          ` (${full.failures} not 200)`,
        `  full / bare: p50 ${(fullP50 / bareP50).toFixed(2)}×, p99 ${(fullP99 / bareP99).toFixed(2)}×`,
        `  the same over the search API (JSON): p50 ${percentile(api.times, 50).toFixed(2)} ms, p99 ${percentile(api.times, 99).toFixed(2)} ms` +
          ` (${(percentile(api.times, 50) / bareP50).toFixed(2)}×, ${(percentile(api.times, 99) / bareP99).toFixed(2)}×; ${api.failures} not 200)`,
        `  precision@10 over ${relevance.length} judged queries: ${meanPrecision.toFixed(2)}`,
        ...relevance.map((r) => `    ${r.precision.toFixed(1)}  ${r.q}  (${r.found} found)`),
      ].join("\n"),
    );
  } finally {
    await store.close().catch(() => undefined);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const size of sizes) {
    const dataDir = await ensureCorpus(size);
    if (only !== "postgres") await benchStore("SQLite", { dataDir }, size, dataDir);
    if (postgresUrl) {
      const schema = await ensurePostgresCorpus(size, postgresUrl);
      await benchStore("PostgreSQL", { dataDir: "", databaseUrl: postgresUrl, schema }, size);
    }
  }
}
