// The admin's article list at each corpus size: p50/p99 of sequential requests over HTTP for the unfiltered
// list, each filter, a combination and a page deep in the archive, and the large/small p99 ratio.
// `npm run build && npx tsx bench/admin-list.ts [sizes] [requests] [postgres-url] [postgres]` (default
// 1000,100000 and 300; with a URL, PostgreSQL's corpus too; "postgres" to measure it alone).
import { createAccount } from "../src/accounts/accounts.js";
import { startSession } from "../src/accounts/sessions.js";
import { openStore } from "../src/storage/store.js";
import { ensureCorpus, ensurePostgresCorpus } from "./corpus.js";
import { formatRow, startServer } from "./support.js";

const sizes = (process.argv[2] ?? "1000,100000").split(",").map(Number);
const requests = Number(process.argv[3] ?? 300);
const postgresUrl = process.argv[4];
const only = process.argv[5];
const PORT = 18_431;

interface Measured {
  p50: number;
  p99: number;
}

/** What an editor's session and the corpus's busiest person and topic are, prepared in the store. */
async function prepare(options: { dataDir: string; databaseUrl?: string; schema?: string }) {
  const store = await openStore(options);
  try {
    const email = `bench-editor-${Date.now()}@example.org`;
    const { account } = await createAccount(store, { email, role: "editor" });
    await store.db
      .updateTable("accounts")
      .set({ must_change_password: 0 })
      .where("id", "=", account.id)
      .execute();
    const { token } = await startSession(store, account.id, "bench");
    const person = await store.db
      .selectFrom("article_persons")
      .select(["person_id", (eb) => eb.fn.countAll().as("n")])
      .groupBy("person_id")
      .orderBy("n", "desc")
      .executeTakeFirstOrThrow();
    const topic = await store.db
      .selectFrom("article_topics")
      .select(["topic_id", (eb) => eb.fn.countAll().as("n")])
      .groupBy("topic_id")
      .orderBy("n", "desc")
      .executeTakeFirstOrThrow();
    const ids = await store.db
      .selectFrom("articles")
      .select("id")
      .orderBy("id")
      .limit(1)
      .offset(100)
      .execute();
    return {
      cookie: `broadside_session=${token}`,
      person: person.person_id,
      topic: topic.topic_id,
      deep: ids[0]?.id ?? 1,
    };
  } finally {
    await store.close();
  }
}

async function measure(url: string, cookie: string): Promise<Measured> {
  const times: number[] = [];
  for (let i = 0; i < requests + 20; i++) {
    const started = performance.now();
    const res = await fetch(url, { headers: { cookie } });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
    if (i >= 20) times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? Number.NaN;
  return { p50: at(0.5), p99: at(0.99) };
}

interface Target {
  name: string;
  open: (size: number) => Promise<{ dataDir: string; databaseUrl?: string; schema?: string }>;
}

const targets: Target[] = [];
if (only !== "postgres")
  targets.push({ name: "SQLite", open: async (size) => ({ dataDir: await ensureCorpus(size) }) });
if (postgresUrl) {
  targets.push({
    name: "PostgreSQL",
    open: async (size) => ({
      dataDir: "",
      databaseUrl: postgresUrl,
      schema: await ensurePostgresCorpus(size, postgresUrl),
    }),
  });
}

for (const target of targets) {
  const results = new Map<number, Map<string, Measured>>();
  for (const size of sizes) {
    const options = await target.open(size);
    const { cookie, person, topic, deep } = await prepare(options);
    const env: Record<string, string> = options.databaseUrl
      ? { DATABASE_URL: `${options.databaseUrl}?options=-csearch_path%3D${options.schema}` }
      : {};
    const server = await startServer(options.dataDir || ".bench/empty", PORT, env);
    const base = `http://127.0.0.1:${PORT}/admin/articles`;
    const cases: Record<string, string> = {
      "all, newest": base,
      "status=published": `${base}?status=published`,
      "status=draft (rare)": `${base}?status=draft`,
      "language=de": `${base}?language=de`,
      "busiest person": `${base}?person=${person}`,
      "busiest topic": `${base}?topic=${topic}`,
      "person+topic+status": `${base}?person=${person}&topic=${topic}&status=published`,
      "deep page (oldest)": `${base}?before=${deep}`,
    };
    const row = new Map<string, Measured>();
    try {
      for (const [name, url] of Object.entries(cases)) row.set(name, await measure(url, cookie));
    } finally {
      await server.stop();
    }
    results.set(size, row);
  }
  print(target.name, results);
}

function print(name: string, results: Map<number, Map<string, Measured>>) {
  console.log(`${name}: the admin's article list, ${requests} sequential requests each, ms`);
  console.log(formatRow(["case", ...sizes.flatMap((s) => [`p50@${s}`, `p99@${s}`]), "p99 ratio"]));
  const first = sizes[0] as number;
  const last = sizes.at(-1) as number;
  for (const caseName of results.get(first)?.keys() ?? []) {
    const cells = sizes.flatMap((s) => {
      const m = results.get(s)?.get(caseName);
      return [m?.p50 ?? Number.NaN, m?.p99 ?? Number.NaN];
    });
    const ratio =
      (results.get(last)?.get(caseName)?.p99 ?? Number.NaN) /
      (results.get(first)?.get(caseName)?.p99 ?? Number.NaN);
    console.log(formatRow([caseName, ...cells, `${ratio.toFixed(2)}x`]));
  }
}
