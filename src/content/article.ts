// The article and its parts as the rest of the program sees them.

export const ARTICLE_KINDS = [
  "article",
  "analysis",
  "statement",
  "review",
  "letter",
  "interview",
  "obituary",
  "page",
] as const;
export type ArticleKind = (typeof ARTICLE_KINDS)[number];

/** draft → review → scheduled or published → withdrawn; an editor may send any back to draft. */
export const ARTICLE_STATUSES = ["draft", "review", "scheduled", "published", "withdrawn"] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

export interface Article {
  id: number;
  kind: string;
  language: string;
  translationGroup: number;
  title: string;
  standfirst: string;
  slug: string;
  body: string;
  html: string;
  text: string;
  status: ArticleStatus;
  publishedAt: string | null;
  path: string | null;
  createdAt: string;
  updatedAt: string;
  revision: number;
  seriesId: number | null;
  seriesPart: number | null;
  correction: string;
  /** When the correction was recorded; null without one. */
  correctedAt: string | null;
  featured: boolean;
  wordCount: number;
}

/** A byline as printed on one article: the person's name in the article's language. */
export interface Byline {
  personId: number;
  slug: string;
  name: string;
  kind: string;
}

/** What a list shows of an article: no body. */
export interface ArticleSummary {
  id: number;
  kind: string;
  language: string;
  title: string;
  standfirst: string;
  path: string;
  publishedAt: string;
  bylines: Byline[];
}

/** Keyset position in a newest-first list: the last row shown. */
export interface Cursor {
  publishedAt: string;
  id: number;
}

export interface Page<T> {
  items: T[];
  /** Cursor for the next (older) page, if there is one. */
  older?: Cursor;
  /** Cursor for the previous (newer) page, if there is one. */
  newer?: Cursor;
}

/** Which way a page is read from a cursor. */
export type PageRequest = { limit: number } & (
  | { before?: undefined; after?: undefined }
  | { before: Cursor; after?: undefined }
  | { after: Cursor; before?: undefined }
);

/** Something this article answers: one of ours, a page elsewhere, or a printed work with no URL. */
export interface ReplyTarget {
  articleId?: number;
  url?: string;
  title: string;
  author: string;
  publisher: string;
  date: string;
}

export interface Reply extends ReplyTarget {
  /** Where our own target lives now, when it is published. */
  path?: string;
  language?: string;
}

export interface Translation {
  id: number;
  language: string;
  title: string;
  path: string;
}

export interface QuotationRecord {
  position: number;
  text: string;
  citation: string;
  sourceKey: string;
  locator: string;
  /** The last check against the source's text; absent when the source has none. */
  check?: QuotationCheck;
}

/** What checking a quotation against its source found (see quotations/verify.ts for the statuses). */
export interface QuotationCheck {
  status: string;
  message: string;
  passages: { start: number; end: number; pages: string[] }[];
  diff?: { op: "same" | "added" | "removed"; text: string }[];
  expectedPages?: string[];
  /** The source's words around the passage found, for the editor and the reader. */
  excerpt?: string;
  checkedAt: string;
}

/** A quick way to build the public path, shared by publishing and redirects. */
export function articlePath(language: string, publishedAt: string, slug: string): string {
  const day = publishedAt.slice(0, 10).split("-");
  return `/${language}/articles/${day[0]}/${day[1]}/${day[2]}/${slug}`;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(`${cursor.publishedAt}|${cursor.id}`, "utf8").toString("base64url");
}

/** Undefined for anything that is not a cursor this program wrote. */
export function decodeCursor(text: string): Cursor | undefined {
  if (text.length > 100 || !/^[A-Za-z0-9_-]+$/.test(text)) return undefined;
  const [publishedAt, id] = Buffer.from(text, "base64url").toString("utf8").split("|");
  if (!publishedAt || !id || !/^\d{4}-\d\d-\d\dT[\d:.]+Z$/.test(publishedAt) || !/^\d{1,15}$/.test(id)) {
    return undefined;
  }
  return { publishedAt, id: Number(id) };
}
