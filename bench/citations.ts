// Citations benchmark: what citeproc-js costs at save time, per style. For each style: building an engine
// (style and locale parsed, the first citation rendered), a citation as HTML, the same as plain text, an
// article's citer taking the kept engine over from another article's (the registry reloaded), and a
// bibliography of 20 sources; then a whole article of ~2,000 words with 12 citations rendered with its
// citer. Medians of several runs. Stock styles come from a folder (Debian's by default) when present.
//   npx tsx bench/citations.ts [runs=5] [styles-folder]
import { existsSync } from "node:fs";
import { join } from "node:path";
import { type Citer, createCiter, forgetCitationEngines } from "../src/citations/citer.js";
import type { CslItem } from "../src/citations/csl-item.js";
import { parseCitationGroup } from "../src/markdown/citation.js";
import type { CitationGroup } from "../src/markdown/render.js";
import { renderMarkdown } from "../src/markdown/render.js";
import { median } from "./support.js";

const runs = Number(process.argv[2] ?? 5);
const folder = process.argv[3] ?? "/usr/share/citation-style-language/styles";
const STOCK = [
  "chicago-fullnote-bibliography",
  "chicago-note-bibliography",
  "apa",
  "modern-language-association",
];
const CITATIONS_PER_RUN = 500;
const HOUSE = "house";

const TYPES = ["chapter", "book", "article-journal", "article-newspaper", "webpage"];
const SOURCES: CslItem[] = Array.from({ length: 20 }, (_, i) => ({
  id: `source-${i}`,
  type: TYPES[i % TYPES.length] ?? "book",
  title: `Title of the ${i}th Source: A Subtitle`,
  author: [
    { family: `Family${i}`, given: "Given" },
    ...(i % 3 === 0 ? [{ family: `Second${i}`, given: "Other" }] : []),
  ],
  "container-title": `Container ${i % 4}`,
  publisher: "Pathfinder Press",
  "publisher-place": "New York",
  volume: i,
  issue: 2,
  page: "45–67",
  issued: { "date-parts": [[1930 + i, (i % 12) + 1, (i % 27) + 1]] },
  "original-date": { "date-parts": [[1920 + i]] },
  ...(i % 5 === 4
    ? { URL: `https://example.org/source/${i}`, accessed: { "date-parts": [[2024, 3, 3]] } }
    : {}),
}));
const items = new Map(SOURCES.map((item) => [item.id, item]));
const GROUPS: CitationGroup[] = SOURCES.map((_, i) =>
  group(
    i % 4 === 0 ? `[see @source-${i}, pp. 378, 382; @source-${(i + 7) % 20}]` : `[@source-${i}, p. ${i + 3}]`,
  ),
);

function group(raw: string): CitationGroup {
  const parsed = parseCitationGroup(raw);
  if (!parsed) throw new Error(`not a citation: ${raw}`);
  return parsed;
}

function time(work: () => void): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}

// A citer keeps what it rendered for one article, so each citation timed is a new one: its page differs.
let nextPage = 1;
function citationMicroseconds(citer: Citer, format: "html" | "text"): number {
  const groups = Array.from({ length: CITATIONS_PER_RUN }, (_, i) =>
    group(`[@source-${i % SOURCES.length}, p. ${nextPage++}]`),
  );
  const ms = time(() => {
    for (const g of groups) citer[format](g);
  });
  return (ms * 1000) / CITATIONS_PER_RUN;
}

function article(): string {
  const paragraph =
    "The record of those years was rewritten, and the rewriting was codified in a new history. ";
  const blocks: string[] = [];
  for (let i = 0; i < 24; i++) {
    const cite = i % 2 === 0 ? ` [@source-${i % 20}, pp. ${i + 3}–${i + 5}]` : "";
    blocks.push(`${paragraph.repeat(6).trim()}${cite}.`);
  }
  return blocks.join("\n\n");
}

function measure(style: string, stylesFolder?: string): Record<string, string> {
  const build: number[] = [];
  const html: number[] = [];
  const text: number[] = [];
  const takeOver: number[] = [];
  const bibliography: number[] = [];
  const page: number[] = [];
  const body = article();
  for (let run = 0; run < runs; run++) {
    let citer = createCiter({ style: HOUSE, items });
    forgetCitationEngines();
    build.push(
      time(() => {
        citer = createCiter({ style, stylesFolder, items });
        citer.html(GROUPS[0] as CitationGroup);
      }),
    );
    citationMicroseconds(citer, "html"); // warm the JIT on this style's code paths
    html.push(citationMicroseconds(citer, "html"));
    text.push(citationMicroseconds(citer, "text"));
    const other = createCiter({ style, stylesFolder, items: new Map(items) });
    const pair = [citer, other];
    takeOver.push(
      (time(() => {
        for (let i = 0; i < 20; i++) pair[i % 2]?.html(GROUPS[1] as CitationGroup);
      }) *
        1000) /
        20,
    );
    bibliography.push(time(() => citer.bibliographyHtml(SOURCES.map((s) => s.id))));
    page.push(
      time(() => {
        const fresh = createCiter({ style, stylesFolder, items });
        renderMarkdown(body, { citer: fresh, bibliography: (keys) => fresh.bibliographyHtml(keys) });
      }),
    );
  }
  return {
    style,
    "engine build ms": median(build).toFixed(1),
    "citation html µs": median(html).toFixed(0),
    "citation text µs": median(text).toFixed(0),
    "take-over µs": median(takeOver).toFixed(0),
    "bibliography (20) ms": median(bibliography).toFixed(1),
    "article (12 citations) ms": median(page).toFixed(1),
  };
}

const rows = [measure(HOUSE)];
if (existsSync(folder)) {
  for (const style of STOCK) if (existsSync(join(folder, `${style}.csl`))) rows.push(measure(style, folder));
} else {
  console.log(`(no styles folder at ${folder}: the house style only)`);
}
const plain = renderMarkdown(article());
const plainMs = median(Array.from({ length: runs }, () => time(() => renderMarkdown(article()))));
console.log(
  `runs: ${runs}; citations per run: ${CITATIONS_PER_RUN}; article without a citer: ${plainMs.toFixed(1)} ms (${plain.citations.length} citations)`,
);
console.table(rows);
