// Feed and sitemap benchmark (issue 3: feeds, sitemaps). For each corpus size it serves the store with the
// built server and measures, with wrk (-t2 -c50, 127.0.0.1, median of several runs), the edition's RSS feed,
// the Atom feed of the largest topic and a sitemap page from the middle of the archive, with the page cache
// on and off; then prints how the largest size compares with the smallest (the target: no slower).
//   npm run build && npx tsx bench/feeds.ts [sizes=1000,100000] [seconds=5] [runs=3]
// A size whose corpus is missing is built first (npx tsx bench/corpus.ts N; minutes for 100,000).
import { execFileSync } from "node:child_process";
import { SITEMAP_PAGE_SIZES } from "../src/feeds/sitemaps.js";
import { openStore } from "../src/storage/store.js";
import { ensureCorpus } from "./corpus.js";
import { formatRow, median, rssMb, startServer, wrk } from "./support.js";

const sizes = (process.argv[2] ?? "1000,100000").split(",").map(Number);
const seconds = Number(process.argv[3] ?? 5);
const runs = Number(process.argv[4] ?? 3);
const PORT = 18_082;

type Kind = "edition feed" | "topic feed" | "sitemap page";

async function pickUrls(dataDir: string): Promise<Record<Kind, string>> {
  const store = await openStore({ dataDir });
  try {
    const db = store.db;
    const topic = await db
      .selectFrom("article_topics as at")
      .innerJoin("topics as t", "t.id", "at.topic_id")
      .select(["t.slug", (eb) => eb.fn.countAll<number>().as("n")])
      .where("at.language", "=", "en")
      .groupBy("t.slug")
      .orderBy("n", "desc")
      .limit(1)
      .executeTakeFirstOrThrow();
    const max = await db
      .selectFrom("articles")
      .select((eb) => eb.fn.max("id").as("id"))
      .executeTakeFirstOrThrow();
    // The middle page of the articles: as deep in the archive as a page can be and still be full.
    const page = Math.max(1, Math.ceil(Number(max.id) / SITEMAP_PAGE_SIZES.articles / 2));
    return {
      "edition feed": "/en/feed.xml",
      "topic feed": `/en/topics/${topic.slug}/atom.xml`,
      "sitemap page": `/sitemaps/articles-${page}.xml`,
    };
  } finally {
    await store.close();
  }
}

function measure(url: string): { rps: number; p99: number } {
  wrk(url, 1); // warm-up
  const results = Array.from({ length: runs }, () => wrk(url, seconds));
  if (results.some((r) => r.non2xx > 0)) throw new Error(`${url} answered errors during the run`);
  return { rps: median(results.map((r) => r.requestsPerSecond)), p99: median(results.map((r) => r.p99ms)) };
}

async function main() {
  execFileSync("npm", ["run", "build"], { stdio: "ignore" });
  const table: Record<number, Record<string, number>> = {};
  console.log(`wrk -t2 -c50 -d${seconds}s, median of ${runs} runs; requests/s (p99 ms)`);
  for (const size of sizes) {
    const dataDir = await ensureCorpus(size);
    const urls = await pickUrls(dataDir);
    const row: Record<string, number> = {};
    for (const cache of ["on", "off"]) {
      const server = await startServer(dataDir, PORT, { BROADSIDE_PAGE_CACHE: cache });
      try {
        // Sizes first, back to back: a kept-alive connection left idle through a wrk run would be closed.
        for (const [kind, path] of Object.entries(urls)) {
          const body = await (await fetch(`http://127.0.0.1:${PORT}${path}`)).arrayBuffer();
          row[`${kind}/kb`] = body.byteLength / 1024;
        }
        for (const [kind, path] of Object.entries(urls)) {
          const m = measure(`http://127.0.0.1:${PORT}${path}`);
          row[`${kind}/${cache}`] = m.rps;
          row[`${kind}/${cache}/p99`] = m.p99;
        }
        row[`rss/${cache}`] = rssMb(server.process.pid ?? 0);
      } finally {
        await server.stop();
      }
    }
    table[size] = row;
    console.log(
      `\n${size} articles — RSS ${row["rss/on"]?.toFixed(0)} MB (cache on) / ${row["rss/off"]?.toFixed(0)} MB (off)`,
    );
    console.log(formatRow(["url", "KB", "cache on", "p99", "cache off", "p99"]));
    for (const [kind, path] of Object.entries(urls)) {
      console.log(
        formatRow([
          kind,
          row[`${kind}/kb`] ?? 0,
          row[`${kind}/on`] ?? 0,
          row[`${kind}/on/p99`] ?? 0,
          row[`${kind}/off`] ?? 0,
          row[`${kind}/off/p99`] ?? 0,
        ]),
        ` ${path}`,
      );
    }
  }
  const [small, large] = sizes;
  if (small !== undefined && large !== undefined && table[small] && table[large]) {
    console.log(
      `\n${large} vs ${small} articles, requests/s (target: about 100%, cost independent of depth):`,
    );
    for (const key of Object.keys(table[small] ?? {}).filter(
      (k) => /\/(on|off)$/.test(k) && !k.startsWith("rss"),
    )) {
      const ratio = (table[large]?.[key] ?? 0) / (table[small]?.[key] ?? 1);
      console.log(formatRow([key, `${(ratio * 100).toFixed(0)}%`]));
    }
  }
}

await main();
