// Revisions benchmark (issue 4: "a save with 50 revisions behind it costs no more than the first save, within
// 20%"). For each of N articles of about 2,000 words: the first save is timed, 48 more are made, and the save
// that lands on top of 50 revisions is timed — each save changes one paragraph, as an editor's does, so the
// Markdown is rendered again. Both are measured on the same article at nearly the same table size; medians
// and their ratio are printed. On SQLite, and on PostgreSQL when a URL is given.
//   npx tsx bench/revisions.ts [articles=40] [postgres-url]
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { createArticle, saveArticle } from "../src/content/articles.js";
import { openStore, type Store } from "../src/storage/store.js";
import { median } from "./support.js";

const articles = Number(process.argv[2] ?? 40);
const postgresUrl = process.argv[3];
const REVISIONS_BEHIND = 50;
const WORDS = 2000;

const VOCABULARY = (
  "the budget minister said that public spending would rise next year while taxes on income and wealth " +
  "remained where the previous government had left them critics argued this was neither fair nor prudent " +
  "because wages have fallen behind prices for three years and the housing market shows little sign of " +
  "recovery in the regions where most families rent rather than own their homes parliament will debate " +
  "the bill in committee before a final vote later this month unions called for a general strike"
).split(" ");

/** A deterministic body of about `words` words: headings, paragraphs, a footnote and a quotation. */
function body(seed: number, words: number): string[] {
  let state = seed * 2654435761;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state;
  };
  const paragraphs: string[] = [];
  let written = 0;
  while (written < words) {
    const length = 60 + (next() % 60);
    const text = Array.from({ length }, () => VOCABULARY[next() % VOCABULARY.length]).join(" ");
    const n = paragraphs.length;
    paragraphs.push(
      n % 8 === 7
        ? `## Part ${n}\n\n${text}.`
        : n === 3
          ? `> ${text}.`
          : n === 5
            ? `${text}.[^1]\n\n[^1]: A note on the figures.`
            : `${text[0]?.toUpperCase()}${text.slice(1)}.`,
    );
    written += length;
  }
  return paragraphs;
}

/** The text with its n-th edit: one paragraph rewritten in place. */
function edited(paragraphs: string[], n: number): string {
  const copy = [...paragraphs];
  const at = (n * 7) % copy.length;
  copy[at] = `${copy[at]} Edit ${n} adds a sentence here.`;
  return copy.join("\n\n");
}

async function timedSave(store: Store, id: number, text: string, base: number): Promise<number> {
  const started = process.hrtime.bigint();
  await saveArticle(store, id, { body: text, baseRevision: base });
  return Number(process.hrtime.bigint() - started) / 1e6;
}

async function run(store: Store, label: string) {
  const first: number[] = [];
  const later: number[] = [];
  // Warm-up: the first saves of a process pay for compiling, not for revisions.
  for (let i = 0; i < 3; i++) {
    const text = body(1000 + i, WORDS);
    const a = await createArticle(store, { language: "en", title: `Warm-up ${i}`, body: text.join("\n\n") });
    for (let n = 1; n < 10; n++) await saveArticle(store, a.id, { body: edited(text, n), baseRevision: n });
  }
  for (let i = 0; i < articles; i++) {
    const text = body(i, WORDS);
    const a = await createArticle(store, { language: "en", title: `Budget ${i}`, body: text.join("\n\n") });
    first.push(await timedSave(store, a.id, edited(text, 1), 1));
    for (let n = 2; n < REVISIONS_BEHIND; n++) {
      await saveArticle(store, a.id, { body: edited(text, n), baseRevision: n });
    }
    later.push(await timedSave(store, a.id, edited(text, REVISIONS_BEHIND), REVISIONS_BEHIND));
  }
  const a = median(first);
  const b = median(later);
  console.log(
    `${label.padEnd(10)} ${a.toFixed(2).padStart(14)} ${b.toFixed(2).padStart(18)} ${(b / a).toFixed(2).padStart(7)}`,
  );
  return b / a;
}

async function main() {
  const words = body(0, WORDS).join(" ").split(/\s+/).length;
  console.log(`${articles} articles of ~${words} words; one paragraph changed per save; medians in ms`);
  console.log("store      1st save (ms)  save on 50 (ms)   ratio");
  const ratios: number[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), "broadside-bench-revisions-"));
  const sqlite = await openStore({ dataDir });
  try {
    ratios.push(await run(sqlite, "sqlite"));
  } finally {
    await sqlite.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  if (postgresUrl) {
    const schema = `bench_revisions_${process.pid}`;
    const store = await openStore({ dataDir: "", databaseUrl: postgresUrl, schema });
    try {
      ratios.push(await run(store, "postgres"));
    } finally {
      await store.close();
      const client = new pg.Client({ connectionString: postgresUrl });
      await client.connect();
      await client.query(`drop schema if exists "${schema}" cascade`);
      await client.end();
    }
  }
  if (ratios.some((r) => r > 1.2)) {
    console.log("a save on 50 revisions costs more than 1.2× the first");
    process.exitCode = 1;
  }
}

await main();
