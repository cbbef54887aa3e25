// What the read API shows of articles: the public JSON of one article and of a page of them. Only what the
// public pages show goes in (bylines are persons, never accounts); the routes in web/api send it as is.
import { GoneError, InvalidError, NotFoundError } from "../errors.js";
import * as filtered from "../storage/article-filters.js";
import * as rows from "../storage/articles.js";
import { findPersonBySlug } from "../storage/people.js";
import { findSeriesBySlug } from "../storage/series.js";
import type { Store } from "../storage/store.js";
import { findTopicBySlug } from "../storage/topics.js";
import { type ArticleKind, type Cursor, encodeCursor } from "./article.js";
import { type ArticleView, readArticle } from "./reading.js";

/** Where the API answers: the public origin for absolute URLs, and the publication's editions. */
export interface ApiPlace {
  origin: string;
  editions: readonly string[];
  defaultLanguage: string;
}

/** The fields a list may return, in the order they appear. `html` and `text` only when asked for. */
export const ARTICLE_FIELDS = [
  "id",
  "kind",
  "language",
  "slug",
  "title",
  "standfirst",
  "url",
  "api_url",
  "published_at",
  "updated_at",
  "word_count",
  "bylines",
  "topics",
  "series",
  "html",
  "text",
] as const;
export type ArticleField = (typeof ARTICLE_FIELDS)[number];
export const DEFAULT_ARTICLE_FIELDS: readonly ArticleField[] = ARTICLE_FIELDS.filter(
  (f) => f !== "html" && f !== "text",
);

export interface ArticleListQuery {
  language?: string;
  person?: string;
  topic?: string;
  series?: string;
  kind?: ArticleKind;
  /** Published at or after this instant. */
  since?: string;
  /** Published before this instant. */
  until?: string;
  cursor?: Cursor;
  limit: number;
  fields: readonly ArticleField[];
}

export interface ApiPage<T> {
  items: T[];
  /** The cursor of the next (older) page, or null on the last page. */
  next: string | null;
}

export interface ApiByline {
  slug: string;
  name: string;
  kind: string;
  url: string;
}

export interface ApiTopicLink {
  slug: string;
  name: string;
  url: string;
}

export interface ApiSeriesLink {
  slug: string;
  title: string;
  url: string;
  /** The part number the editors gave it, if any. */
  part: number | null;
}

export interface ApiArticleLink {
  id: number;
  language: string;
  title: string;
  url: string;
  api_url: string;
  published_at: string;
}

export interface ApiArticleSummary {
  id: number;
  kind: string;
  language: string;
  slug: string;
  title: string;
  standfirst: string;
  url: string;
  api_url: string;
  published_at: string;
  updated_at: string;
  word_count: number;
  bylines: ApiByline[];
  topics: ApiTopicLink[];
  series: ApiSeriesLink | null;
  html: string;
  text: string;
}

/** Something an article answers: one of ours (with its id and URLs), a page elsewhere, or a printed work. */
export interface ApiAnswered {
  id: number | null;
  title: string;
  author: string;
  publisher: string;
  date: string;
  url: string | null;
  api_url: string | null;
}

export interface ApiArticle extends Omit<ApiArticleSummary, "series"> {
  correction: string | null;
  series: (ApiSeriesLink & { total: number }) | null;
  translations: Omit<ApiArticleLink, "published_at">[];
  answers: ApiAnswered[];
  answered_by: ApiArticleLink[];
}

/** Another article that a slug could mean: returned instead of an article when the slug is ambiguous. */
export type ApiCandidate = ApiArticleLink;

export type ArticleRef = { id: number } | { slug: string; language?: string };

const MAX_CANDIDATES = 20;

/** A newest-first page of published articles matching the query, with the fields it names. */
export async function listApiArticles(
  store: Store,
  place: ApiPlace,
  query: ArticleListQuery,
): Promise<ApiPage<Partial<ApiArticleSummary>>> {
  const filter = await resolveFilter(store, place, query);
  const keys = await filtered.listMatchingKeys(store, filter, query.cursor, query.limit + 1);
  const shown = keys.slice(0, query.limit);
  const items = await summaries(store, place.origin, shown, query.fields);
  const last = shown.at(-1);
  return { items, next: keys.length > query.limit && last ? encodeCursor(last) : null };
}

/**
 * One published article by id, or by slug. A slug that several published articles share (on other days or
 * in other languages) gives the candidates instead; a withdrawn article is Gone.
 */
export async function readApiArticle(
  store: Store,
  place: ApiPlace,
  ref: ArticleRef,
): Promise<{ article: ApiArticle } | { candidates: ApiCandidate[] }> {
  let path: string;
  if ("id" in ref) {
    const state = await filtered.findArticleState(store, ref.id);
    if (state?.status === "withdrawn") throw new GoneError(`article ${ref.id} has been withdrawn`);
    if (state?.status !== "published" || !state.path) throw new NotFoundError(`no article has id ${ref.id}`);
    path = state.path;
  } else {
    if (ref.language !== undefined) checkEdition(place, ref.language);
    const found = await filtered.listPublicArticlesBySlug(store, ref.slug, ref.language, MAX_CANDIDATES);
    const published = found.filter((a) => a.status === "published");
    if (published.length > 1) {
      const candidates = published.map((a) => ({
        id: a.id,
        language: a.language,
        title: a.title,
        ...articleLink(place.origin, a.id, a.path),
        published_at: a.publishedAt,
      }));
      return { candidates };
    }
    const only = published[0];
    if (!only) {
      if (found.length > 0) throw new GoneError(`the article ${ref.slug} has been withdrawn`);
      throw new NotFoundError(`no published article has the slug ${ref.slug}`);
    }
    path = only.path;
  }
  return { article: articleJson(await readArticle(store, path), place.origin) };
}

/** A language the publication has an edition in; anything else is bad input, not an empty result. */
export function checkEdition(place: ApiPlace, language: string): void {
  if (!place.editions.includes(language)) {
    throw new InvalidError(
      `there is no edition in "${language.slice(0, 20)}"; the editions are ${place.editions.join(", ")}`,
    );
  }
}

async function resolveFilter(
  store: Store,
  place: ApiPlace,
  query: ArticleListQuery,
): Promise<filtered.ArticleFilter> {
  if (query.language !== undefined) checkEdition(place, query.language);
  if (query.since !== undefined && query.until !== undefined && query.since >= query.until) {
    throw new InvalidError("since must be earlier than until");
  }
  const [person, topic, series] = await Promise.all([
    query.person === undefined ? undefined : findPersonBySlug(store, query.person, place.defaultLanguage),
    query.topic === undefined ? undefined : findTopicBySlug(store, query.topic, place.defaultLanguage),
    query.series === undefined ? undefined : findSeriesBySlug(store, query.series),
  ]);
  if (query.person !== undefined && !person)
    throw new InvalidError(`no person has the slug "${query.person}"`);
  if (query.topic !== undefined && !topic) throw new InvalidError(`no topic has the slug "${query.topic}"`);
  if (query.series !== undefined && !series)
    throw new InvalidError(`no series has the slug "${query.series}"`);
  const filter: filtered.ArticleFilter = {
    languages: query.language === undefined ? place.editions : [query.language],
  };
  if (person) filter.personId = person.id;
  if (topic) filter.topicId = topic.id;
  if (series) filter.seriesId = series.id;
  if (query.kind !== undefined) filter.kind = query.kind;
  if (query.since !== undefined) filter.from = query.since;
  if (query.until !== undefined) filter.to = query.until;
  return filter;
}

async function summaries(
  store: Store,
  origin: string,
  keys: readonly Cursor[],
  fields: readonly ArticleField[],
): Promise<Partial<ApiArticleSummary>[]> {
  const wanted = new Set(fields);
  const listed = await filtered.findListedArticles(
    store,
    keys.map((k) => k.id),
    wanted.has("html") || wanted.has("text"),
  );
  // Names of bylines and topics are given in each article's own language, as its page prints them.
  const byLanguage = new Map<string, filtered.ListedArticle[]>();
  for (const a of listed) byLanguage.set(a.language, [...(byLanguage.get(a.language) ?? []), a]);
  const bylines = new Map<number, ApiByline[]>();
  const topics = new Map<number, ApiTopicLink[]>();
  await Promise.all(
    [...byLanguage].map(async ([language, articles]) => {
      const ids = articles.map((a) => a.id);
      const [names, tags] = await Promise.all([
        wanted.has("bylines") ? rows.bylinesOf(store, ids, language) : undefined,
        wanted.has("topics") ? filtered.topicsOfArticles(store, ids, language) : undefined,
      ]);
      for (const id of ids) {
        bylines.set(
          id,
          (names?.get(id) ?? []).map((b) => bylineJson(origin, language, b)),
        );
        topics.set(
          id,
          (tags?.get(id) ?? []).map((t) => topicJson(origin, language, t)),
        );
      }
    }),
  );
  return listed.map((a) => {
    const full: ApiArticleSummary = {
      id: a.id,
      kind: a.kind,
      language: a.language,
      slug: a.slug,
      title: a.title,
      standfirst: a.standfirst,
      ...articleLink(origin, a.id, a.path),
      published_at: a.publishedAt,
      updated_at: a.updatedAt,
      word_count: a.wordCount,
      bylines: bylines.get(a.id) ?? [],
      topics: topics.get(a.id) ?? [],
      series: a.series && { ...seriesLink(origin, a.language, a.series), part: a.series.part },
      html: a.html ?? "",
      text: a.text ?? "",
    };
    const item: Partial<ApiArticleSummary> = {};
    for (const field of ARTICLE_FIELDS) if (wanted.has(field)) Object.assign(item, { [field]: full[field] });
    return item;
  });
}

function articleJson(view: ArticleView, origin: string): ApiArticle {
  const { article } = view;
  const language = article.language;
  return {
    id: article.id,
    kind: article.kind,
    language,
    slug: article.slug,
    title: article.title,
    standfirst: article.standfirst,
    ...articleLink(origin, article.id, article.path ?? ""),
    published_at: article.publishedAt ?? "",
    updated_at: article.updatedAt,
    word_count: article.wordCount,
    bylines: view.bylines.map((b) => bylineJson(origin, language, b)),
    topics: view.topics.map((t) => topicJson(origin, language, t)),
    series: view.series
      ? {
          ...seriesLink(origin, language, view.series.series),
          part: article.seriesPart,
          total: view.series.total,
        }
      : null,
    correction: article.correction === "" ? null : article.correction,
    translations: view.translations.map((t) => ({
      id: t.id,
      language: t.language,
      title: t.title,
      ...articleLink(origin, t.id, t.path),
    })),
    answers: view.replies.map((r) => {
      const ours = r.articleId !== undefined && r.path !== undefined ? r.articleId : null;
      return {
        id: ours,
        title: r.title,
        author: r.author,
        publisher: r.publisher,
        date: r.date,
        url: r.path !== undefined ? publicUrl(origin, r.path) : (r.url ?? null),
        api_url: ours === null ? null : apiUrl(origin, ours),
      };
    }),
    answered_by: view.answers.map((a) => ({
      id: a.id,
      language: a.path.split("/")[1] ?? "",
      title: a.title,
      ...articleLink(origin, a.id, a.path),
      published_at: a.publishedAt,
    })),
    html: article.html,
    text: article.text,
  };
}

function articleLink(origin: string, id: number, path: string) {
  return { url: publicUrl(origin, path), api_url: apiUrl(origin, id) };
}

/** Paths are stored as readers see them (in any script); URLs for programs are percent-encoded. */
function publicUrl(origin: string, path: string): string {
  return `${origin}${encodeURI(path)}`;
}

function apiUrl(origin: string, id: number): string {
  return `${origin}/api/v1/articles/${id}`;
}

function bylineJson(origin: string, language: string, b: { slug: string; name: string; kind: string }) {
  return { slug: b.slug, name: b.name, kind: b.kind, url: pageUrl(origin, language, "authors", b.slug) };
}

function topicJson(origin: string, language: string, t: { slug: string; name: string }): ApiTopicLink {
  return { slug: t.slug, name: t.name, url: pageUrl(origin, language, "topics", t.slug) };
}

function seriesLink(origin: string, language: string, s: { slug: string; title: string }) {
  return { slug: s.slug, title: s.title, url: pageUrl(origin, language, "series", s.slug) };
}

/** The public page of a person, topic or series in an edition. */
export function pageUrl(origin: string, language: string, kind: string, slug: string): string {
  return `${origin}/${language}/${kind}/${encodeURIComponent(slug)}`;
}
