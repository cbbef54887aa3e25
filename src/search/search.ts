// A search, from what the reader asked to the page of results: filters checked and resolved (an unknown
// value is a 400 with a message, never an empty page that hides the mistake), the index asked, and the
// results dressed with their summaries and snippets. The HTML page and the JSON API both call `search`.
import { ARTICLE_KINDS, type ArticleKind, type ArticleSummary } from "../content/article.js";
import { InvalidError } from "../errors.js";
import type { Site } from "../i18n/editions.js";
import { summariesOf } from "../storage/articles.js";
import { findPersonBySlug } from "../storage/people.js";
import {
  articleTexts,
  countMatches,
  facetOf,
  findMatches,
  RANKING_WINDOW,
  type SearchCriteria,
  type SearchMatches,
  type SearchOrder,
} from "../storage/search.js";
import { findSeriesBySlug } from "../storage/series.js";
import type { Store } from "../storage/store.js";
import { findTopicBySlug } from "../storage/topics.js";
import { analyzerFor } from "./analyze.js";
import { analyzeQuery, isEmptyQuery, type ParsedQuery, parseQuery } from "./query.js";
import { type Snippet, snippetOf } from "./snippet.js";

export const SEARCH_ORDERS: readonly SearchOrder[] = ["relevance", "newest"];
/** Counts stop here: past it a reader learns nothing from the exact number, and counting costs. */
export const COUNT_CAP = RANKING_WINDOW;
export const MAX_SEARCH_LIMIT = 50;

/** What the reader asked, as it came: every field a string from a form or a query string. */
export interface SearchRequest {
  q?: string;
  /** "all", or one of the site's editions; the edition of the page when absent. */
  language?: string;
  person?: string;
  topic?: string;
  series?: string;
  kind?: string;
  /** A year, a month (2019-04) or a day (2019-04-17), inclusive. */
  since?: string;
  until?: string;
  order?: string;
  cursor?: string;
  limit?: number;
}

export interface SearchFilters {
  language: string;
  person?: { slug: string; name: string };
  topic?: { slug: string; name: string };
  series?: { slug: string; title: string };
  kind?: ArticleKind;
  since?: string;
  until?: string;
}

export interface SearchResult {
  article: ArticleSummary;
  snippet: Snippet;
}

export interface SearchResults {
  query: string;
  /** True when the query has no word to look for (blank, or only exclusions). */
  empty: boolean;
  filters: SearchFilters;
  order: SearchOrder;
  results: SearchResult[];
  total: { count: number; atLeast: boolean };
  /**
   * The editions a reader may search instead, when the site has several. Not counted: a count in another
   * language walks the query's lists through articles that mostly are not in it.
   */
  editions: string[];
  /** The cursor of the next page, when there is one. */
  next?: string;
  ranking: SearchMatches["ranking"];
}

/** What a request asks of the index, checked: the criteria, the order and the page. */
export async function prepareSearch(store: Store, site: Site, edition: string, request: SearchRequest) {
  const text = (request.q ?? "").trim();
  const query = parseQuery(text);
  const resolved = await resolveFilters(store, site, edition, request);
  const order = parseOrder(request.order);
  const limit = request.limit ?? 10;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_SEARCH_LIMIT) {
    throw new InvalidError(`limit must be a whole number from 1 to ${MAX_SEARCH_LIMIT}`);
  }
  const after = request.cursor !== undefined ? decodeSearchCursor(request.cursor, order) : undefined;
  const languages = resolved.filters.language === "all" ? site.editions : [resolved.filters.language];
  const criteria = criteriaOf(query, languages, resolved);
  return { text, query, filters: resolved.filters, criteria, page: { order, limit, after } };
}

export async function search(store: Store, site: Site, edition: string, request: SearchRequest) {
  const { text, query, filters, criteria, page } = await prepareSearch(store, site, edition, request);
  const { order } = page;
  const base: SearchResults = {
    query: text,
    empty: isEmptyQuery(query),
    filters,
    order,
    results: [],
    total: { count: 0, atLeast: false },
    editions: site.editions.length > 1 ? site.editions : [],
    ranking: order === "newest" ? "date" : "exact",
  };
  if (base.empty) return base;
  const { languages } = criteria;
  const matches = await findMatches(store, criteria, page);
  const summaries = await summariesOf(
    store,
    matches.hits.map((h) => h.articleId),
    edition,
  );
  const texts = await articleTexts(
    store,
    summaries.map((s) => s.id),
  );
  const highlight = analyzeQuery(
    query,
    languages.map((l) => analyzerFor(l)),
  ).highlight;
  const results = summaries.map((article) => ({
    article,
    snippet: snippetOf(
      texts.get(article.id) ?? "",
      analyzerFor(article.language),
      highlight.get(article.language) ?? new Set(),
    ),
  }));
  const last = matches.hits.at(-1);
  const total =
    matches.count !== undefined
      ? { count: Math.min(matches.count, COUNT_CAP), atLeast: matches.count > COUNT_CAP }
      : await countMatches(store, criteria, COUNT_CAP);
  return {
    ...base,
    results,
    total,
    ranking: matches.ranking,
    next: matches.more && last ? encodeSearchCursor(last) : undefined,
  };
}

function criteriaOf(query: ParsedQuery, languages: string[], resolved: Resolved): SearchCriteria {
  const { filters, facets } = resolved;
  return {
    query,
    languages,
    facets,
    since: filters.since ? periodStart(filters.since) : undefined,
    until: filters.until ? periodEnd(filters.until) : undefined,
  };
}

/** The filters as shown back to the reader, and as the index spells them. */
interface Resolved {
  filters: SearchFilters;
  facets: string[];
}

async function resolveFilters(
  store: Store,
  site: Site,
  edition: string,
  request: SearchRequest,
): Promise<Resolved> {
  const language = request.language ?? edition;
  if (language !== "all" && !site.editions.includes(language)) {
    throw new InvalidError(`there is no "${clip(language)}" edition to search`);
  }
  const filters: SearchFilters = { language };
  const facets: string[] = [];
  if (request.person !== undefined) {
    const person = await findPersonBySlug(store, request.person, edition);
    if (!person) throw new InvalidError(`no author is called "${clip(request.person)}"`);
    filters.person = { slug: person.slug, name: person.name };
    facets.push(facetOf("person", person.id));
  }
  if (request.topic !== undefined) {
    const topic = await findTopicBySlug(store, request.topic, edition);
    if (!topic) throw new InvalidError(`there is no topic "${clip(request.topic)}"`);
    filters.topic = { slug: topic.slug, name: topic.name };
    facets.push(facetOf("topic", topic.id));
  }
  if (request.series !== undefined) {
    const series = await findSeriesBySlug(store, request.series);
    if (!series) throw new InvalidError(`there is no series "${clip(request.series)}"`);
    filters.series = { slug: series.slug, title: series.title };
    facets.push(facetOf("series", series.id));
  }
  if (request.kind !== undefined) {
    if (!(ARTICLE_KINDS as readonly string[]).includes(request.kind)) {
      throw new InvalidError(`kind must be one of ${ARTICLE_KINDS.join(", ")}`);
    }
    filters.kind = request.kind as ArticleKind;
    facets.push(facetOf("kind", request.kind));
  }
  for (const bound of ["since", "until"] as const) {
    const value = request[bound];
    if (value === undefined || value === "") continue;
    if (!isPeriod(value)) {
      throw new InvalidError(`${bound} must be a year, a month or a day, like 2019, 2019-04 or 2019-04-17`);
    }
    filters[bound] = value;
  }
  if (filters.since && filters.until && periodStart(filters.since) >= periodEnd(filters.until)) {
    throw new InvalidError("since must come before until");
  }
  return { filters, facets };
}

function parseOrder(order: string | undefined): SearchOrder {
  if (order === undefined || order === "") return "relevance";
  if (!(SEARCH_ORDERS as readonly string[]).includes(order)) {
    throw new InvalidError(`order must be one of ${SEARCH_ORDERS.join(", ")}`);
  }
  return order as SearchOrder;
}

const PERIOD = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function isPeriod(value: string): boolean {
  const match = PERIOD.exec(value);
  if (!match) return false;
  const [, year, month, day] = match;
  const date = new Date(Date.UTC(Number(year), Number(month ?? 1) - 1, Number(day ?? 1)));
  return (
    date.getUTCFullYear() === Number(year) &&
    date.getUTCMonth() + 1 === Number(month ?? 1) &&
    date.getUTCDate() === Number(day ?? 1)
  );
}

function periodStart(period: string): string {
  const [year, month = "01", day = "01"] = period.split("-");
  return `${year}-${month}-${day}T00:00:00.000Z`;
}

/** The first instant after the period. */
function periodEnd(period: string): string {
  const [year, month, day] = period.split("-").map(Number) as [number, number?, number?];
  const end =
    day !== undefined
      ? Date.UTC(year, (month as number) - 1, day + 1)
      : month !== undefined
        ? Date.UTC(year, month, 1)
        : Date.UTC(year + 1, 0, 1);
  return new Date(end).toISOString();
}

export function encodeSearchCursor(hit: { score: number; docid: number }): string {
  return Buffer.from(JSON.stringify([hit.score, hit.docid])).toString("base64url");
}

function decodeSearchCursor(text: string, order: SearchOrder): { score: number; docid: number } {
  const invalid = new InvalidError("the page cursor of this search is not valid");
  if (text.length > 100 || !/^[A-Za-z0-9_-]+$/.test(text)) throw invalid;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    throw invalid;
  }
  if (!Array.isArray(value) || value.length !== 2) throw invalid;
  const [score, docid] = value;
  if (typeof score !== "number" || !Number.isFinite(score) || !Number.isSafeInteger(docid)) throw invalid;
  if (order === "newest" && score !== 0) throw invalid;
  return { score, docid };
}

function clip(value: string): string {
  return value.length > 60 ? `${value.slice(0, 60)}…` : value;
}
