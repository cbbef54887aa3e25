// Page benchmark (issue: the public site of a deep archive). For each corpus size it serves the store with
// the built server and measures, with wrk (-c 50, 127.0.0.1, median of several runs), an article page, the
// edition home, a topic page and a month archive deep in the past, with the page cache on and off; then
// nginx (one worker) serving the same article page as a file, in the same run. Also: start to first
// response, and resident memory after the runs.
//   npm run build && npx tsx bench/pages.ts [sizes=1000,100000] [seconds=5] [runs=3]
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { openStore } from "../src/storage/store.js";
import { BENCH_DIR, ensureCorpus } from "./corpus.js";
import { formatRow, median, rssMb, startServer, wrk } from "./support.js";

const sizes = (process.argv[2] ?? "1000,100000").split(",").map(Number);
const seconds = Number(process.argv[3] ?? 5);
const runs = Number(process.argv[4] ?? 3);
const PORT = 18_080;
const NGINX_PORT = 18_081;

type PageKind = "article" | "home" | "topic" | "month";

async function pickPages(dataDir: string): Promise<Record<PageKind, string>> {
  const store = await openStore({ dataDir });
  try {
    const db = store.db;
    const oldest = await db
      .selectFrom("articles")
      .select("published_at")
      .where("status", "=", "published")
      .where("language", "=", "en")
      .orderBy("published_at")
      .limit(1)
      .executeTakeFirstOrThrow();
    const year = Number(oldest.published_at?.slice(0, 4)) + 1;
    const article = await db
      .selectFrom("articles")
      .select("path")
      .where("language", "=", "en")
      .where("status", "=", "published")
      .where("body", "like", "%> [@%")
      .orderBy("id")
      .limit(1)
      .offset(10)
      .executeTakeFirstOrThrow();
    const topic = await db
      .selectFrom("article_topics as at")
      .innerJoin("topics as t", "t.id", "at.topic_id")
      .select(["t.slug", (eb) => eb.fn.countAll<number>().as("n")])
      .groupBy("t.slug")
      .orderBy("n", "desc")
      .limit(1)
      .executeTakeFirstOrThrow();
    return {
      article: article.path ?? "",
      home: "/en/",
      topic: `/en/topics/${topic.slug}`,
      month: `/en/archive/${year}/03`,
    };
  } finally {
    await store.close();
  }
}

function measure(url: string): { rps: number; p50: number; p99: number } {
  wrk(url, 1); // warm-up
  const results = Array.from({ length: runs }, () => wrk(url, seconds));
  if (results.some((r) => r.non2xx > 0)) throw new Error(`${url} answered errors during the run`);
  return {
    rps: median(results.map((r) => r.requestsPerSecond)),
    p50: median(results.map((r) => r.p50ms)),
    p99: median(results.map((r) => r.p99ms)),
  };
}

async function nginxServing(html: string): Promise<number> {
  const root = join(BENCH_DIR, "nginx");
  rmSync(root, { recursive: true, force: true });
  mkdirSync(join(root, "www"), { recursive: true });
  writeFileSync(join(root, "www", "index.html"), html);
  const conf = join(root, "nginx.conf");
  writeFileSync(
    conf,
    `worker_processes 1; daemon off; pid ${root}/nginx.pid; error_log ${root}/error.log;
events { worker_connections 1024; }
http { access_log off; sendfile on; tcp_nopush on; keepalive_requests 100000;
  types { text/html html; } default_type text/html;
  client_body_temp_path ${root}; proxy_temp_path ${root}; fastcgi_temp_path ${root}; uwsgi_temp_path ${root}; scgi_temp_path ${root};
  server { listen 127.0.0.1:${NGINX_PORT}; root ${root}/www; location / { try_files /index.html =404; } } }
`,
  );
  const child = spawn("nginx", ["-c", conf, "-p", root], { stdio: "inherit" });
  await new Promise((r) => setTimeout(r, 500));
  try {
    return measure(`http://127.0.0.1:${NGINX_PORT}/`).rps;
  } finally {
    child.kill("SIGTERM");
  }
}

async function main() {
  execFileSync("npm", ["run", "build"], { stdio: "ignore" });
  const table: Record<number, Record<string, number>> = {};
  console.log(`wrk -t2 -c50 -d${seconds}s, median of ${runs} runs; requests/s (p99 ms)`);
  for (const size of sizes) {
    const dataDir = await ensureCorpus(size);
    const pages = await pickPages(dataDir);
    const row: Record<string, number> = {};
    for (const cache of ["on", "off"]) {
      const server = await startServer(dataDir, PORT, { BROADSIDE_PAGE_CACHE: cache });
      try {
        if (cache === "on") row.startMs = server.startMs;
        for (const [kind, path] of Object.entries(pages)) {
          const m = measure(`http://127.0.0.1:${PORT}${path}`);
          row[`${kind}/${cache}`] = m.rps;
          row[`${kind}/${cache}/p99`] = m.p99;
        }
        row[`rss/${cache}`] = rssMb(server.process.pid ?? 0);
        if (cache === "on") {
          const html = await (await fetch(`http://127.0.0.1:${PORT}${pages.article}`)).text();
          row.nginx = await nginxServing(html);
          row.articleKb = html.length / 1024;
        }
      } finally {
        await server.stop();
      }
    }
    table[size] = row;
    console.log(
      `\n${size} articles — start to first response ${row.startMs?.toFixed(0)} ms, RSS ${row["rss/on"]?.toFixed(0)} MB (cache on) / ${row["rss/off"]?.toFixed(0)} MB (off), article page ${row.articleKb?.toFixed(1)} KB`,
    );
    console.log(formatRow(["page", "cache on", "p99", "cache off", "p99"]));
    for (const kind of Object.keys(pages)) {
      console.log(
        formatRow([
          kind,
          row[`${kind}/on`] ?? 0,
          row[`${kind}/on/p99`] ?? 0,
          row[`${kind}/off`] ?? 0,
          row[`${kind}/off/p99`] ?? 0,
        ]),
      );
    }
    const nginx = row.nginx ?? Number.NaN;
    console.log(formatRow(["nginx (file)", nginx]));
    console.log(
      `article vs nginx: cache on ${(((row["article/on"] ?? 0) / nginx) * 100).toFixed(0)}% (target ≥ 50%), cache off ${(((row["article/off"] ?? 0) / nginx) * 100).toFixed(0)}% (target ≥ 15%)`,
    );
  }
  const [small, large] = sizes;
  if (small !== undefined && large !== undefined && table[small] && table[large]) {
    console.log(`\n${large} vs ${small} articles (target: every page within 20%):`);
    for (const key of Object.keys(table[small] ?? {}).filter((k) =>
      /^(article|home|topic|month)\/(on|off)$/.test(k),
    )) {
      const ratio = (table[large]?.[key] ?? 0) / (table[small]?.[key] ?? 1);
      console.log(formatRow([key, `${(ratio * 100).toFixed(0)}%`]));
    }
  }
}

await main();
