// Generates a demo publication: its people, topics, series and sources, and a lazy, date-ordered stream of
// articles, so that 100,000 articles of 2,000 words need no more memory than ten. Deterministic for a seed,
// and free of storage: src/demo/load.ts puts the result into a store.
import { InvalidError } from "../errors.js";
import { Desk } from "./bylines.js";
import { Calendar } from "./calendar.js";
import { people, series, topicKey, topics } from "./cast.js";
import { planArticles } from "./plan.js";
import { Random } from "./random.js";
import { answersOf, outsidePiece, remember, translatable, type Written } from "./replies.js";
import { sources } from "./sources.js";
import { voiceFor } from "./voice.js";
import { type Piece, writeArticle } from "./writing.js";

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
/** A CSL-JSON item: type book, chapter or article-newspaper, author, title, container-title, issued… */
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
  /** Markdown, with Pandoc citations of `sources` and footnotes. */
  body: string;
  authorKeys: string[];
  topicKeys: string[];
  series?: { key: string; part: number };
  translationOfKey?: string;
  /** Earlier articles of the same publication that this one answers. */
  inReplyToKeys: string[];
  externalReply?: { title: string; author: string; publisher: string; url?: string };
  /** ISO 8601, UTC. */
  publishedAt: string;
  featured: boolean;
}
export interface GenerateOptions {
  articles: number;
  seed?: number;
  /** The first is the main edition; default ["en", "de"]. */
  languages?: string[];
  /** How many years the archive spans; default 6. */
  years?: number;
  /** The last possible publication time; default 2026-11-20T09:00:00Z, so the output is deterministic. */
  end?: Date;
  /** Default 700 for the demo; the benchmarks ask for 2,000. */
  wordsPerArticle?: number;
}
export interface GeneratedPublication {
  persons: GeneratedPerson[];
  topics: GeneratedTopic[];
  series: GeneratedSeries[];
  sources: GeneratedSource[];
  /** Lazy: each iteration writes the articles afresh, the same ones in the same order. */
  articles: Iterable<GeneratedArticle>;
}

const DEFAULT_END = "2026-11-20T09:00:00Z";

export function generatePublication(options: GenerateOptions): GeneratedPublication {
  const { articles, years = 6, languages = ["en", "de"], wordsPerArticle = 700 } = options;
  if (!Number.isInteger(articles) || articles < 0) throw new InvalidError("articles must be a whole number");
  if (!(years > 0)) throw new InvalidError("years must be more than zero");
  if (!(wordsPerArticle > 0)) throw new InvalidError("wordsPerArticle must be more than zero");
  if (languages.length === 0) throw new InvalidError("a publication needs at least one language");
  for (const language of languages) {
    try {
      voiceFor(language);
    } catch (error) {
      throw new InvalidError(`cannot write demo articles in "${language}"`, { cause: error });
    }
  }
  const cast: Cast = { persons: people(), topics: topics(), series: series(), sources: sources() };
  const settings: Settings = {
    articles,
    years,
    languages,
    wordsPerArticle,
    seed: options.seed ?? 1937,
    end: options.end ?? new Date(DEFAULT_END),
  };
  return { ...cast, articles: { [Symbol.iterator]: () => stream(settings, cast) } };
}

type Cast = Omit<GeneratedPublication, "articles">;
type Settings = Required<Omit<GenerateOptions, "end">> & { end: Date };

const KINDS: [GeneratedKind, number][] = [
  ["article", 62],
  ["analysis", 14],
  ["statement", 6],
  ["review", 6],
  ["letter", 4],
  ["interview", 5],
  ["obituary", 3],
];
/** An analysis runs longer than the average article, a letter much shorter. */
const LENGTHS: Record<GeneratedKind, number> = {
  article: 1,
  analysis: 1.4,
  statement: 0.6,
  review: 0.9,
  letter: 0.35,
  interview: 1,
  obituary: 0.6,
};
const SERIES_TOPICS = [
  ["Spanish Civil War", "Spain"],
  ["Finance", "Economy"],
  ["Kenya", "Africa"],
].map((names) => names.map(topicKey));

interface Exchange {
  last: Written;
  /** The authors of the article before the last, who answer in turn. */
  before?: string[];
}

function* stream(settings: Settings, cast: Cast): Generator<GeneratedArticle> {
  const { articles: count, languages, seed } = settings;
  const [first = "en", ...others] = languages;
  const random = new Random(seed);
  const calendar = new Calendar(count, settings.end, settings.years, new Random(seed ^ 0x5f3759df));
  const plans = planArticles(
    calendar,
    count,
    cast.series.map((s) => s.key),
    random,
  );
  const times = calendar.times(new Random(seed ^ 0x2545f491));
  const desk = new Desk(cast.persons, cast.topics);
  const recent: Written[] = [];
  const exchanges = new Map<number, Exchange>();

  for (let i = 0; i < count; i++) {
    const publishedAt = times.next().value ?? settings.end.toISOString();
    const key = `a${i + 1}`;
    const plan = plans.get(i);
    const language = plan || others.length === 0 || random.chance(0.8) ? first : random.pick(others);

    const original = language === first ? undefined : translatable(recent, language, random);
    if (original) {
      original.translatedInto.add(language);
      yield {
        key,
        kind: original.piece.kind,
        language,
        ...writeArticle(language, original.piece, cast.sources),
        authorKeys: original.authorKeys,
        topicKeys: original.topicKeys,
        translationOfKey: original.key,
        inReplyToKeys: [],
        publishedAt,
        featured: false,
      };
      continue;
    }

    const kind = plan ? "article" : random.weighted(KINDS);
    const exchange = plan?.exchange && exchanges.get(plan.exchange.chain);
    let answered: Written[] = [];
    if (exchange) answered = [exchange.last];
    else if (!plan && language === first) answered = answersOf(kind, recent, random);
    const externalReply =
      !plan && answered.length === 0 && kind !== "letter" && random.chance(0.015)
        ? outsidePiece(language, publishedAt.slice(0, 4), random)
        : undefined;
    const authorKeys = exchange
      ? (exchange.before ?? [desk.otherThan(exchange.last.authorKeys, random)])
      : desk.authorsOf(kind, language, random);
    const seriesIndex = cast.series.findIndex((s) => s.key === plan?.series?.key);
    const topicKeys = SERIES_TOPICS[seriesIndex] ?? exchange?.last.topicKeys ?? desk.topicsOf(kind, random);
    const [answer] = answered;
    const replyTo = answer
      ? { person: desk.printed(answer.authorKeys, language), title: answer.title }
      : externalReply && { person: externalReply.author, title: externalReply.title };
    const piece: Piece = {
      kind,
      seed: random.uint32(),
      words: Math.round(settings.wordsPerArticle * LENGTHS[kind]),
      year: Number(publishedAt.slice(0, 4)),
      ...(plan?.series ? { series: { part: plan.series.part, parts: plan.series.parts } } : {}),
      ...(replyTo ? { answers: replyTo } : {}),
    };
    const text = writeArticle(language, piece, cast.sources);
    // The first part of the newest series leads the front page; a few others are chosen by the editors.
    const lead = plan?.series?.part === 1 && plan.series.key === cast.series.at(-1)?.key;
    const article: GeneratedArticle = {
      key,
      kind,
      language,
      ...text,
      authorKeys,
      topicKeys,
      inReplyToKeys: answered.map((a) => a.key),
      publishedAt,
      featured: random.chance(0.03) || lead,
    };
    if (plan?.series) article.series = { key: plan.series.key, part: plan.series.part };
    if (externalReply) article.externalReply = externalReply;

    const written: Written = {
      key,
      piece,
      authorKeys,
      topicKeys,
      title: text.title,
      translatedInto: new Set(),
    };
    if (plan?.exchange) {
      exchanges.set(plan.exchange.chain, {
        last: written,
        ...(exchange ? { before: exchange.last.authorKeys } : {}),
      });
    } else if (language === first) {
      remember(recent, written);
    }
    yield article;
  }
}
