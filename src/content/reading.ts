// What each public page shows, gathered in one call per page: the web layer only renders it.
import type { CslItem } from "../citations/csl-item.js";
import { NotFoundError } from "../errors.js";
import { listArticleDocuments, type PublicDocument } from "../media/media.js";
import { getPerson } from "../people/people.js";
import type { Person } from "../people/person.js";
import { isFailingStatus, unresolvedQuotations } from "../quotations/article-quotations.js";
import * as rows from "../storage/articles.js";
import { listQuotations } from "../storage/quotations.js";
import { listAnswers, listReplies } from "../storage/replies.js";
import { findSeriesById, findSeriesBySlug } from "../storage/series.js";
import { findSourcesByKeys, listSourceKeysOfArticle } from "../storage/sources.js";
import type { Store } from "../storage/store.js";
import { listSubtopics, listTopicsOf } from "../storage/topics.js";
import type { Topic } from "../topics/topic.js";
import { getTopic, listAncestors } from "../topics/topics.js";
import type { Article, ArticleSummary, Byline, Page, PageRequest, Reply, Translation } from "./article.js";
import { getPublishedArticle } from "./articles.js";
import type { Series } from "./series.js";

export interface SeriesPlace {
  series: Series;
  part: number;
  total: number;
  previous?: { title: string; path: string };
  next?: { title: string; path: string };
}

export interface ArticleView {
  article: Article;
  bylines: Byline[];
  topics: Topic[];
  series?: SeriesPlace;
  replies: Reply[];
  answers: { id: number; title: string; path: string; publishedAt: string }[];
  translations: Translation[];
  /** PDF documents attached to the article. */
  documents: PublicDocument[];
  /** The sources it cites, as CSL-JSON (for its structured data). */
  sources: CslItem[];
  /** Its sourced quotations that were checked against their sources' texts and passed, or were overridden. */
  checkedQuotations: CheckedQuotation[];
}

export interface CheckedQuotation {
  position: number;
  /** The quotation's opening words. */
  opening: string;
  pages: string[];
  excerpt: string;
  checkedAt: string;
  overridden: boolean;
}

export async function readArticle(store: Store, path: string): Promise<ArticleView> {
  const article = await getPublishedArticle(store, path);
  const [bylines, topics, series, replies, answers, translations, documents, sources, quotations] =
    await Promise.all([
      rows.bylinesOf(store, [article.id], article.language),
      listTopicsOf(store, article.id, article.language),
      seriesPlace(store, article),
      listReplies(store, article.id),
      listAnswers(store, article.id),
      rows.listTranslations(store, article.translationGroup, article.id),
      listArticleDocuments(store, article.id),
      citedSources(store, article.id),
      publicQuotationChecks(store, article.id),
    ]);
  const view: ArticleView = {
    article,
    bylines: bylines.get(article.id) ?? [],
    topics,
    replies,
    answers,
    translations,
    documents,
    sources,
    checkedQuotations: quotations,
  };
  if (series) view.series = series;
  return view;
}

async function citedSources(store: Store, articleId: number): Promise<CslItem[]> {
  const keys = await listSourceKeysOfArticle(store, articleId);
  const found = await findSourcesByKeys(store, keys);
  return keys.flatMap((key) => {
    const csl = found.get(key);
    return csl ? [JSON.parse(csl) as CslItem] : [];
  });
}

// Readers see how a quotation was checked when it passed, or when editors overrode a failure after
// looking at the source; warnings and unresolved failures are the newsroom's business, not a public claim.
const PUBLIC_STATUSES = new Set(["exact", "exact-ellipsis", "silent-changes"]);

async function publicQuotationChecks(store: Store, articleId: number): Promise<CheckedQuotation[]> {
  const quotations = await listQuotations(store, articleId);
  if (!quotations.some((q) => q.check)) return [];
  const unresolved = new Set(
    (await unresolvedQuotations(store, articleId, quotations)).map((q) => q.position),
  );
  return quotations.flatMap((q) => {
    const check = q.check;
    if (!check?.excerpt) return [];
    const passed = PUBLIC_STATUSES.has(check.status);
    if (!passed && (unresolved.has(q.position) || !isFailingStatus(check.status))) return [];
    const words = q.text.split(/\s+/);
    return [
      {
        position: q.position,
        opening: words.slice(0, 12).join(" ") + (words.length > 12 ? " …" : ""),
        pages: [...new Set(check.passages.flatMap((p) => p.pages))],
        excerpt: check.excerpt,
        checkedAt: check.checkedAt,
        overridden: !passed,
      },
    ];
  });
}

async function seriesPlace(store: Store, article: Article): Promise<SeriesPlace | undefined> {
  if (article.seriesId === null) return undefined;
  const series = await findSeriesById(store, article.seriesId);
  if (!series) return undefined;
  const parts = await rows.listSeriesArticles(store, series.id, article.language);
  const index = parts.findIndex((p) => p.id === article.id);
  if (index < 0) return undefined;
  const link = (p: (typeof parts)[number] | undefined) => p && { title: p.title, path: p.path ?? "" };
  const place: SeriesPlace = { series, part: index + 1, total: parts.length };
  const previous = link(parts[index - 1]);
  const next = link(parts[index + 1]);
  if (previous) place.previous = previous;
  if (next) place.next = next;
  return place;
}

export async function listArticles(store: Store, listing: rows.Listing, page: PageRequest) {
  return rows.listPublished(store, listing, page);
}

export interface EditionView {
  featured: ArticleSummary[];
  latest: Page<ArticleSummary>;
}

export async function readEdition(store: Store, language: string, page: PageRequest): Promise<EditionView> {
  const firstPage = !page.before && !page.after;
  const [featured, latest] = await Promise.all([
    firstPage ? rows.listPublished(store, { by: "featured", language }, { limit: 3 }) : undefined,
    rows.listPublished(store, { by: "edition", language }, page),
  ]);
  return { featured: featured?.items ?? [], latest };
}

export async function readPerson(store: Store, slug: string, language: string, page: PageRequest) {
  const person: Person = await getPerson(store, slug, language);
  const articles = await rows.listPublished(store, { by: "person", language, personId: person.id }, page);
  return { person, articles };
}

export async function readTopic(store: Store, slug: string, language: string, page: PageRequest) {
  const topic = await getTopic(store, slug, language);
  const [ancestors, subtopics, articles] = await Promise.all([
    listAncestors(store, topic, language),
    listSubtopics(store, topic.id, language),
    rows.listPublished(store, { by: "topic", language, topicId: topic.id }, page),
  ]);
  return { topic, ancestors, subtopics, articles };
}

export async function readSeries(store: Store, slug: string, language: string) {
  const series = await findSeriesBySlug(store, slug);
  if (!series) throw new NotFoundError(`no series has the slug ${slug}`);
  const parts = await rows.listSeriesArticles(store, series.id, language);
  if (parts.length === 0)
    throw new NotFoundError(`the series ${slug} has nothing published in this language`);
  return {
    series,
    parts: parts.map((p) => ({ title: p.title, path: p.path ?? "", publishedAt: p.published_at ?? "" })),
  };
}

export type ArchivePeriod = { year: number; month?: number; day?: number };

/**
 * A date archive: the articles of a year, month or day (newest first, by keyset), and for a year or month
 * the months or days within it that have articles.
 */
export async function readArchive(store: Store, language: string, period: ArchivePeriod, page: PageRequest) {
  const { from, to } = periodRange(period);
  const articles = await rows.listPublished(store, { by: "dates", language, from, to }, page);
  let parts: number[] = [];
  if (period.month !== undefined && period.day === undefined) {
    parts = await rows.listPublishedDays(store, language, from, to);
  } else if (period.month === undefined) {
    // Twelve index seeks cost less than grouping a year's worth of rows.
    const checks = Array.from({ length: 12 }, (_, i) => {
      const range = periodRange({ year: period.year, month: i + 1 });
      return rows.hasPublishedBetween(store, language, range.from, range.to).then((has) => (has ? i + 1 : 0));
    });
    parts = (await Promise.all(checks)).filter((n) => n > 0);
  }
  return { period, articles, parts };
}

export function isValidPeriod(period: ArchivePeriod): boolean {
  const { year, month, day } = period;
  if (!Number.isInteger(year) || year < 1800 || year > 2200) return false;
  if (month === undefined) return day === undefined;
  if (!Number.isInteger(month) || month < 1 || month > 12) return false;
  return day === undefined || (Number.isInteger(day) && day >= 1 && day <= daysIn(year, month));
}

function periodRange({ year, month, day }: ArchivePeriod): { from: string; to: string } {
  const start = new Date(Date.UTC(year, (month ?? 1) - 1, day ?? 1));
  const end = new Date(start);
  if (day !== undefined) end.setUTCDate(end.getUTCDate() + 1);
  else if (month !== undefined) end.setUTCMonth(end.getUTCMonth() + 1);
  else end.setUTCFullYear(end.getUTCFullYear() + 1);
  return { from: start.toISOString(), to: end.toISOString() };
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
