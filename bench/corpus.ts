// Builds (once) and reuses a benchmark store of N generated articles of ~2,000 words, on SQLite, in
// .bench/corpus-N/. Run directly: `npx tsx bench/corpus.ts 100000`.
import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { loadDemo } from "../src/demo/load.js";
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

if (import.meta.url === `file://${process.argv[1]}`) {
  const n = Number(process.argv[2] ?? 1000);
  console.log(await ensureCorpus(n));
}
