// Markdown import benchmark: writes N generated articles as Markdown files with front matter, imports them
// into a fresh SQLite store in a child process, and reports articles/s and the child's peak memory, for
// several N so that a memory that grows with the number of files shows.
//   npx tsx bench/import.ts [sizes=1000,5000,10000] [runs=3]
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generatePublication } from "../src/demo/generate.js";
import { BENCH_DIR } from "./corpus.js";
import { formatRow, median } from "./support.js";

const sizes = (process.argv[2] ?? "1000,5000,10000").split(",").map(Number);
const runs = Number(process.argv[3] ?? 3);

function writeFiles(count: number): string {
  const dir = join(BENCH_DIR, `markdown-${count}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const publication = generatePublication({
    articles: count,
    wordsPerArticle: 2000,
    years: 25,
    seed: 11,
    languages: ["en"],
  });
  const names = new Map(publication.persons.map((p) => [p.key, p.name]));
  const topics = new Map(publication.topics.map((t) => [t.key, t.name]));
  // The articles cite the publication's sources, so each names the file that holds them, as the seed does.
  writeFileSync(join(dir, "sources.json"), JSON.stringify(publication.sources));
  let n = 0;
  for (const a of publication.articles) {
    const front = [
      "---",
      `title: ${JSON.stringify(a.title)}`,
      `standfirst: ${JSON.stringify(a.standfirst)}`,
      `authors: ${JSON.stringify(a.authorKeys.map((k) => names.get(k)))}`,
      `date: ${a.publishedAt}`,
      `language: ${a.language}`,
      `kind: ${a.kind}`,
      `slug: article-${n}`,
      `topics: ${JSON.stringify(a.topicKeys.map((k) => topics.get(k)))}`,
      "sources: sources.json",
      "---",
    ].join("\n");
    writeFileSync(join(dir, `${String(n).padStart(6, "0")}.md`), `${front}\n\n${a.body}\n`);
    n++;
  }
  return dir;
}

execFileSync("npm", ["run", "build"], { stdio: "ignore" });
console.log(formatRow(["files", "articles/s", "peak RSS MB"]));
for (const size of sizes) {
  const dir = writeFiles(size);
  const rates: number[] = [];
  const peaks: number[] = [];
  for (let run = 0; run < runs; run++) {
    const data = join(BENCH_DIR, `import-data-${size}`);
    rmSync(data, { recursive: true, force: true });
    const started = performance.now();
    // GNU time's %M is the child's peak resident set in KB.
    const child = spawnSync(
      "/usr/bin/time",
      ["-f", "PEAK %M", process.execPath, "dist/cli/main.js", "import", "markdown", dir, "--data", data],
      { encoding: "utf8", env: { ...process.env, LOG_LEVEL: "warn" }, timeout: 600_000 },
    );
    const seconds = (performance.now() - started) / 1000;
    if (child.status !== 0) throw new Error(`import failed: ${child.stderr}`);
    rates.push(size / seconds);
    peaks.push(Number(child.stderr.match(/PEAK (\d+)/)?.[1] ?? 0) / 1024);
    rmSync(data, { recursive: true, force: true });
  }
  console.log(formatRow([size, median(rates), median(peaks)]));
}
