// Writes a feed as RSS 2.0, Atom 1.0 or JSON Feed 1.1.
//
// Written by hand rather than with the `feed` package (v6), which falls short of what we promise: its JSON
// Feed is version 1 with a single `author` (1.1 has `authors`), its RSS puts bare names in <author> (which
// RSS 2.0 reserves for an e-mail address), its Atom marks plain-text titles as `type="html"` and writes
// categories without the `term` RFC 4287 §4.2.2 requires, and its XML writer turns a literal "&amp;" in a
// title into "&". Three small writers over one escaping function are easier to trust.
import { FEED_FILES, type Feed, type FeedEntry, type FeedFormat } from "./feed.js";
import { attributes, element, escapeXml, w3cDate } from "./xml.js";

const GENERATOR = "Broadside";
const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n';
// Atom requires <updated> even on a feed with no entries; a fixed instant keeps such a feed's ETag stable.
const EMPTY_FEED_UPDATED = "1970-01-01T00:00:00Z";

export function renderFeed(feed: Feed, format: FeedFormat): string {
  switch (format) {
    case "rss":
      return renderRss(feed);
    case "atom":
      return renderAtom(feed);
    case "json":
      return renderJsonFeed(feed);
  }
}

/** RSS 2.0, with the article in content:encoded, bylines as dc:creator and the edit time as dcterms:modified. */
export function renderRss(feed: Feed): string {
  const channel = [
    element("title", feed.title),
    element("link", feed.pageUrl),
    // <description> is required in a channel even when there is nothing to say.
    `<description>${escapeXml(feed.description)}</description>`,
    element("language", feed.language),
    feed.updatedAt ? element("lastBuildDate", rfc822(feed.updatedAt)) : "",
    `<atom:link${attributes({ href: feed.feedUrls.rss, rel: "self", type: FEED_FILES.rss.type })}/>`,
    element("generator", GENERATOR),
    ...feed.entries.map(rssItem),
  ];
  return (
    `${XML_DECLARATION}<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"` +
    ` xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"` +
    ` xmlns:dcterms="http://purl.org/dc/terms/">\n<channel>\n${lines(channel)}</channel>\n</rss>\n`
  );
}

function rssItem(entry: FeedEntry): string {
  const parts = [
    element("title", entry.title),
    element("link", entry.url),
    element("guid", entry.id, ' isPermaLink="false"'),
    element("pubDate", rfc822(entry.publishedAt)),
    element("dcterms:modified", w3cDate(entry.updatedAt)),
    // An RSS description is HTML by convention, so the plain-text standfirst is escaped once as HTML first.
    element("description", escapeXml(entry.summary)),
    element("content:encoded", entry.html),
    ...entry.authors.map((name) => element("dc:creator", name)),
    ...entry.categories.map((name) => element("category", name)),
  ];
  return `<item>\n${lines(parts)}</item>`;
}

/** Atom 1.0 (RFC 4287): the publication is the feed's author, so an entry without a byline stays valid. */
export function renderAtom(feed: Feed): string {
  const head = [
    element("id", feed.feedUrls.atom),
    element("title", feed.title),
    element("subtitle", feed.description),
    element("updated", feed.updatedAt ? w3cDate(feed.updatedAt) : EMPTY_FEED_UPDATED),
    `<link${attributes({ rel: "self", type: FEED_FILES.atom.type, href: feed.feedUrls.atom })}/>`,
    `<link${attributes({ rel: "alternate", type: "text/html", href: feed.pageUrl })}/>`,
    atomAuthor(feed.publisher),
    element("generator", GENERATOR),
    ...feed.entries.map(atomEntry),
  ];
  return (
    `${XML_DECLARATION}<feed xmlns="http://www.w3.org/2005/Atom"${attributes({ "xml:lang": feed.language })}>\n` +
    `${lines(head)}</feed>\n`
  );
}

function atomEntry(entry: FeedEntry): string {
  const parts = [
    element("id", entry.id),
    element("title", entry.title),
    `<link${attributes({ rel: "alternate", type: "text/html", href: entry.url })}/>`,
    element("published", w3cDate(entry.publishedAt)),
    element("updated", w3cDate(entry.updatedAt)),
    ...entry.authors.map(atomAuthor),
    ...entry.categories.map((name) => `<category${attributes({ term: name })}/>`),
    element("summary", entry.summary),
    element("content", entry.html, ' type="html"'),
  ];
  return `<entry>\n${lines(parts)}</entry>`;
}

function atomAuthor(name: string): string {
  return `<author>${element("name", name)}</author>`;
}

/** JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/). */
export function renderJsonFeed(feed: Feed): string {
  const json = {
    version: "https://jsonfeed.org/version/1.1",
    title: feed.title,
    home_page_url: feed.pageUrl,
    feed_url: feed.feedUrls.json,
    description: feed.description || undefined,
    language: feed.language,
    authors: [{ name: feed.publisher }],
    items: feed.entries.map((entry) => ({
      id: entry.id,
      url: entry.url,
      title: entry.title,
      summary: entry.summary || undefined,
      content_html: entry.html,
      date_published: w3cDate(entry.publishedAt),
      date_modified: w3cDate(entry.updatedAt),
      authors: entry.authors.length > 0 ? entry.authors.map((name) => ({ name })) : undefined,
      tags: entry.categories.length > 0 ? entry.categories : undefined,
    })),
  };
  return `${JSON.stringify(json)}\n`;
}

/** RFC 822 date-time as RSS 2.0 wants it, in GMT. */
function rfc822(iso: string): string {
  return new Date(iso).toUTCString();
}

function lines(parts: string[]): string {
  return parts
    .filter((p) => p !== "")
    .map((p) => `${p}\n`)
    .join("");
}
