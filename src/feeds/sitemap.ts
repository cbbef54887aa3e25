// Writes sitemaps (https://www.sitemaps.org/protocol.html) with hreflang alternates: a sitemap index, and
// url sets written a chunk at a time so that a page never has to be held whole before it is sent.
import { attributes, escapeXml, w3cDate } from "./xml.js";

/** The protocol's limits for one file; our pages stay far below both (see sitemaps.ts). */
export const MAX_SITEMAP_URLS = 50_000;
export const MAX_SITEMAP_BYTES = 50 * 1024 * 1024;

export const SITEMAP_NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";
export const XHTML_NAMESPACE = "http://www.w3.org/1999/xhtml";

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** One page in a sitemap; URLs are absolute and already percent-encoded. */
export interface SitemapUrl {
  loc: string;
  lastmod?: string;
  /** The page in every language it exists in, itself included (Google's rule for hreflang in sitemaps). */
  alternates?: { language: string; href: string }[];
}

export function renderSitemapIndex(sitemaps: { loc: string; lastmod?: string }[]): string {
  const entries = sitemaps.map(
    (s) => `<sitemap><loc>${escapeXml(s.loc)}</loc>${s.lastmod ? lastmod(s.lastmod) : ""}</sitemap>\n`,
  );
  return `${XML_DECLARATION}<sitemapindex xmlns="${SITEMAP_NAMESPACE}">\n${entries.join("")}</sitemapindex>\n`;
}

/** A url set, written as its chunks of URLs arrive. */
export async function* renderUrlSet(chunks: AsyncIterable<SitemapUrl[]>): AsyncGenerator<string> {
  yield `${XML_DECLARATION}<urlset xmlns="${SITEMAP_NAMESPACE}" xmlns:xhtml="${XHTML_NAMESPACE}">\n`;
  for await (const chunk of chunks) yield chunk.map(renderUrl).join("");
  yield "</urlset>\n";
}

function renderUrl(url: SitemapUrl): string {
  const links = (url.alternates ?? []).map(
    (a) => `<xhtml:link${attributes({ rel: "alternate", hreflang: a.language, href: a.href })}/>`,
  );
  return `<url><loc>${escapeXml(url.loc)}</loc>${url.lastmod ? lastmod(url.lastmod) : ""}${links.join("")}</url>\n`;
}

function lastmod(iso: string): string {
  return `<lastmod>${w3cDate(iso)}</lastmod>`;
}
