// Generates a publication: its people, topics, series and sources, and a lazy, date-ordered stream of
// articles (so 100,000 articles of 2,000 words need no more memory than ten). Deterministic for a seed.
import { people, series, sources, topics } from "./cast.js";
import { Random } from "./prng.js";
import { fill, type Vocabulary } from "./vocabulary.js";
import { german } from "./vocabulary-de.js";
import { english } from "./vocabulary-en.js";

export interface GeneratedPerson {
  key: string;
  name: string;
  kind: "individual" | "pen_name" | "institution";
  bio: string;
  localizations: { language: string; name: string; bio?: string }[];
}
export interface GeneratedTopic {
  key: string;
  name: string;
  parentKey?: string;
  description: string;
  localizations: { language: string; name: string; description?: string }[];
}
export interface GeneratedSeries {
  key: string;
  title: string;
  description: string;
}
export interface GeneratedSource {
  id: string;
  [field: string]: unknown;
}
export type GeneratedKind =
  | "article"
  | "analysis"
  | "statement"
  | "review"
  | "letter"
  | "interview"
  | "obituary";
export interface GeneratedArticle {
  key: string;
  kind: GeneratedKind;
  language: string;
  title: string;
  standfirst: string;
  body: string;
  authorKeys: string[];
  topicKeys: string[];
  series?: { key: string; part: number };
  translationOfKey?: string;
  inReplyToKeys: string[];
  externalReply?: { title: string; author: string; publisher: string; url?: string };
  publishedAt: string;
  featured: boolean;
}
export interface GenerateOptions {
  articles: number;
  seed?: number;
  languages?: string[];
  years?: number;
  end?: Date;
  wordsPerArticle?: number;
}
export interface GeneratedPublication {
  persons: GeneratedPerson[];
  topics: GeneratedTopic[];
  series: GeneratedSeries[];
  sources: GeneratedSource[];
  articles: Iterable<GeneratedArticle>;
}

const VOCABULARIES: Record<string, Vocabulary> = { en: english, de: german };
const KINDS: [GeneratedKind, number][] = [
  ["article", 70],
  ["analysis", 12],
  ["statement", 6],
  ["review", 5],
  ["letter", 3],
  ["interview", 2],
  ["obituary", 2],
];
const SERIES_PARTS = 4;
const EXCHANGE_LENGTH = 4;

export function generatePublication(options: GenerateOptions): GeneratedPublication {
  const cast = { persons: people(), topics: topics(), series: series(), sources: sources() };
  return { ...cast, articles: { [Symbol.iterator]: () => articles(options, cast) } };
}

function* articles(
  options: GenerateOptions,
  cast: {
    persons: GeneratedPerson[];
    topics: GeneratedTopic[];
    series: GeneratedSeries[];
    sources: GeneratedSource[];
  },
): Generator<GeneratedArticle> {
  const random = new Random(options.seed ?? 1937);
  const languages = options.languages ?? ["en", "de"];
  const first = languages[0] ?? "en";
  const count = options.articles;
  const end = (options.end ?? new Date("2026-11-20T09:00:00Z")).getTime();
  const start = end - (options.years ?? 6) * 365.25 * 86_400_000;
  const step = (end - start) / Math.max(count, 1);
  const words = options.wordsPerArticle ?? 700;
  const writers = cast.persons.filter((p) => p.kind === "individual").map((p) => p.key);
  const pens = cast.persons.filter((p) => p.kind === "pen_name").map((p) => p.key);
  const topicKeys = cast.topics.map((t) => t.key);
  const sourceIds = cast.sources.map((s) => s.id);

  // Planned slots: series parts every third article, and an exchange of replies, placed by position.
  const planned = new Map<number, { series?: { key: string; part: number }; exchange?: number }>();
  cast.series.forEach((s, i) => {
    const from = Math.floor(count * (0.35 + i * 0.25));
    for (let part = 1; part <= SERIES_PARTS; part++)
      planned.set(from + (part - 1) * 3, { series: { key: s.key, part } });
  });
  const exchangeFrom = Math.floor(count * 0.5) + 1;
  for (let i = 0; i < EXCHANGE_LENGTH; i++) planned.set(exchangeFrom + i * 2, { exchange: i });

  const recent: { key: string; authors: string[]; topics: string[] }[] = [];
  let exchangePrevious: string | undefined;
  for (let i = 0; i < count; i++) {
    const plan = planned.get(i);
    const key = `a${i + 1}`;
    const when = new Date(start + i * step + random.next() * step * 0.5);
    when.setUTCSeconds(0, 0);
    const inFirst = plan !== undefined || languages.length === 1 || random.chance(0.8);
    const language = inFirst ? first : random.pick(languages.slice(1));
    const vocabulary = VOCABULARIES[language] ?? english;
    const kind: GeneratedKind = plan ? "article" : random.weighted(KINDS);
    const original = !inFirst && recent.length > 0 && random.chance(0.4) ? random.pick(recent) : undefined;
    const authorKeys =
      original?.authors ??
      (kind === "statement"
        ? [language === first ? "board" : "board-de"]
        : random.chance(0.08)
          ? [random.pick(pens)]
          : random.chance(0.1)
            ? [random.pick(writers), random.pick(writers)].filter((k, n, all) => all.indexOf(k) === n)
            : [random.pick(writers)]);
    const topicsOf =
      original?.topics ??
      [random.pick(topicKeys), random.pick(topicKeys)].filter((k, n, all) => all.indexOf(k) === n);
    const article: GeneratedArticle = {
      key,
      kind,
      language,
      title: headline(vocabulary, random, plan?.series),
      standfirst: fill(random.pick(vocabulary.standfirsts), vocabulary, random),
      body: body(
        vocabulary,
        random,
        kind === "analysis" ? words * 1.3 : kind === "letter" ? words * 0.4 : words,
        kind,
        sourceIds,
      ),
      authorKeys,
      topicKeys: topicsOf,
      inReplyToKeys: [],
      publishedAt: when.toISOString(),
      featured: random.chance(0.03),
    };
    if (plan?.series) article.series = plan.series;
    if (original) article.translationOfKey = original.key;
    if (plan?.exchange !== undefined) {
      if (exchangePrevious) article.inReplyToKeys.push(exchangePrevious);
      exchangePrevious = key;
    } else if (inFirst && recent.length > 0 && random.chance(0.04)) {
      article.inReplyToKeys.push(random.pick(recent).key);
    }
    if (random.chance(0.02)) {
      article.externalReply = {
        title: fill(random.pick(vocabulary.headlines), vocabulary, random),
        author: random.pick(["M. Kariuki", "J. Lindqvist", "P. Okafor", "R. Alvarez"]),
        publisher: random.pick(["The Morning Ledger", "League for Order", "Northern Review"]),
        ...(random.chance(0.5) ? { url: `https://ledger.example/articles/${i}` } : {}),
      };
    }
    if (inFirst) {
      recent.push({ key, authors: authorKeys, topics: topicsOf });
      if (recent.length > 40) recent.shift();
    }
    yield article;
  }
}

function headline(vocabulary: Vocabulary, random: Random, series?: { part: number }): string {
  const title = fill(random.pick(vocabulary.headlines), vocabulary, random);
  return series ? `${title} (${vocabulary.linkWords.partOf} ${series.part})` : title;
}

function body(
  vocabulary: Vocabulary,
  random: Random,
  words: number,
  kind: GeneratedKind,
  sourceIds: string[],
): string {
  const paragraphs: string[] = [];
  const notes: string[] = [];
  const target = Math.max(1, Math.round(words / 85));
  const quotationsAt = new Set<number>();
  if (kind !== "letter" && kind !== "statement") {
    const quotations = random.int(0, 2);
    for (let q = 0; q < quotations; q++) quotationsAt.add(random.int(1, Math.max(1, target - 1)));
  }
  for (let p = 0; p < target; p++) {
    if (target > 12 && p > 0 && p % 6 === 0)
      paragraphs.push(`## ${fill(random.pick(vocabulary.headings), vocabulary, random)}`);
    const sentences: string[] = [];
    for (let s = random.int(3, 6); s > 0; s--)
      sentences.push(fill(random.pick(vocabulary.sentences), vocabulary, random));
    let paragraph = sentences.join(" ");
    if (random.chance(0.15)) paragraph = paragraph.replace(/^(\S+ \S+ \S+)/, "*$1*");
    if (notes.length < 3 && random.chance(0.12)) {
      notes.push(fill(random.pick(vocabulary.footnotes), vocabulary, random));
      paragraph += `[^${notes.length}]`;
    } else if (random.chance(0.05)) {
      paragraph = `${paragraph.replace(/\.$/, "")} [see @${random.pick(sourceIds)}, p. ${random.int(3, 400)}].`;
    }
    paragraphs.push(paragraph);
    if (quotationsAt.has(p)) paragraphs.push(quotation(vocabulary, random, sourceIds));
    if (kind === "analysis" && p === 2) paragraphs.push(table(vocabulary, random));
    if (p === 4 && random.chance(0.15)) paragraphs.push(list(vocabulary, random));
  }
  for (const [n, note] of notes.entries()) paragraphs.push(`[^${n + 1}]: ${note}`);
  return paragraphs.join("\n\n");
}

function quotation(vocabulary: Vocabulary, random: Random, sourceIds: string[]): string {
  const lines = [];
  for (let n = random.int(1, 2); n > 0; n--)
    lines.push(`> ${fill(random.pick(vocabulary.quotations), vocabulary, random)}`);
  const page = random.int(5, 600);
  const locator = random.weighted<string>([
    [`p. ${page}`, 5],
    [`pp. ${page}, ${page + random.int(1, 9)}`, 3],
    [`ch. ${random.int(1, 12)}`, 1],
  ]);
  return `${lines.join("\n>\n")}\n>\n> [@${random.pick(sourceIds)}, ${locator}]`;
}

function table(vocabulary: Vocabulary, random: Random): string {
  const header = vocabulary.table.caption.map((c) => fill(c, vocabulary, random));
  const rows = [
    `| ${header.join(" | ")} |`,
    `| ${header.map((_, i) => (i === 0 ? "---" : "---:")).join(" | ")} |`,
  ];
  let year = random.int(1920, 2000);
  for (let r = 0; r < vocabulary.table.rows; r++) {
    rows.push(
      `| ${year} | ${random.int(1000, 900_000).toLocaleString("en")} | ${random.int(10_000, 9_000_000).toLocaleString("en")} |`,
    );
    year += random.int(1, 4);
  }
  return rows.join("\n");
}

function list(vocabulary: Vocabulary, random: Random): string {
  return Array.from(
    { length: random.int(3, 5) },
    () => `- ${fill(random.pick(vocabulary.sentences), vocabulary, random)}`,
  ).join("\n");
}
