// Feeds (RSS 2.0, Atom 1.0, JSON Feed 1.1) and sitemaps: what they hold, and pure functions that write them.
// Reading what goes into them from the store is `feeds.ts` and `sitemaps.ts`; the web layer only serves.
import { format, stringsFor } from "../i18n/strings.js";

/** How many of the newest articles a feed holds unless the operator says otherwise. */
export const DEFAULT_FEED_ITEMS = 50;

export const FEED_FORMATS = ["rss", "atom", "json"] as const;
export type FeedFormat = (typeof FEED_FORMATS)[number];

/** Where each format lives under a page's path, its media type, and the name readers know it by. */
export const FEED_FILES: Record<FeedFormat, { file: string; type: string; label: string }> = {
  rss: { file: "feed.xml", type: "application/rss+xml", label: "RSS" },
  atom: { file: "atom.xml", type: "application/atom+xml", label: "Atom" },
  json: { file: "feed.json", type: "application/feed+json", label: "JSON Feed" },
};

export function feedFormatOf(file: string): FeedFormat | undefined {
  return FEED_FORMATS.find((format) => FEED_FILES[format].file === file);
}

/** The path of a feed of the page at `pagePath` (`/en/` or `/en/topics/x`). */
export function feedPath(pagePath: string, format: FeedFormat): string {
  return `${pagePath.replace(/\/$/, "")}/${FEED_FILES[format].file}`;
}

/** One article in a feed. URLs are absolute; dates are ISO 8601 UTC. */
export interface FeedEntry {
  /** Stable for the life of the article, whatever happens to its address (a `tag:` URI, RFC 4151). */
  id: string;
  url: string;
  title: string;
  /** The standfirst, as plain text. */
  summary: string;
  /** The stored, sanitised HTML of the article. */
  html: string;
  publishedAt: string;
  updatedAt: string;
  /** The public bylines' display names in the feed's language. Never anything about accounts. */
  authors: string[];
  /** The names of the article's topics in the feed's language. */
  categories: string[];
}

/** A feed of the newest articles of an edition, person, topic or series. */
export interface Feed {
  title: string;
  description: string;
  language: string;
  /** The HTML page the feed follows. */
  pageUrl: string;
  /** The feed's own URL in each format; each format links to itself as `self`. */
  feedUrls: Record<FeedFormat, string>;
  /** Stands for the publication where the format needs a feed-level author (Atom, RFC 4287 §4.1.1). */
  publisher: string;
  /** The newest entry's update time, or undefined for an empty feed. */
  updatedAt: string | undefined;
  entries: FeedEntry[];
}

/** A stable id for an article: its host and publication date tag it, so a new slug does not make it new. */
export function entryId(origin: string, articleId: number, publishedAt: string): string {
  const host = new URL(origin).hostname;
  return `tag:${host},${publishedAt.slice(0, 10)}:article-${articleId}`;
}

/** What a feed follows: a whole edition, or one person, topic or series by its name. */
export type FeedAbout = { by: "edition" } | { by: "person" | "topic" | "series"; name: string };

/** A feed's title: the publication's name and what the feed follows, in the edition's language. */
export function feedTitle(siteName: string, language: string, about: FeedAbout): string {
  const t = stringsFor(language);
  if (about.by === "edition") return `${siteName} — ${t.latest}`;
  const template = { person: t.articlesBy, topic: t.feedOfTopic, series: t.feedOfSeries }[about.by];
  return `${siteName} — ${format(template, { name: about.name })}`;
}
