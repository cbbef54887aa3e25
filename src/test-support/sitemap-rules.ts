// Test support: checks a sitemap or sitemap index against the rules of https://www.sitemaps.org/protocol.html
// (and Google's for hreflang alternates), and hands back what it lists.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { expect } from "vitest";

const SITEMAP_NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";
const XHTML_NAMESPACE = "http://www.w3.org/1999/xhtml";
const W3C_DATETIME = /^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?)?)?$/;

export interface ListedUrl {
  loc: string;
  lastmod: string;
  alternates: { hreflang: string; href: string }[];
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseTagValue: false,
  isArray: (name) => ["url", "sitemap", "xhtml:link"].includes(name),
});

function parse(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  expect(Buffer.byteLength(xml)).toBeLessThanOrEqual(50 * 1024 * 1024);
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  return parser.parse(xml);
}

/** An absolute http(s) URL on `origin`, percent-encoded as the protocol asks. */
function expectOwnUrl(url: string, origin: string) {
  expect(url.startsWith(`${origin}/`), `${url} is on ${origin}`).toBe(true);
  expect(new URL(url).href).toBe(url);
  expect(url.length).toBeLessThan(2048);
}

/** A url set: valid XML in the right namespaces, at most 50,000 URLs, absolute URLs on `origin`, W3C dates. */
export function checkUrlSet(xml: string, origin: string): ListedUrl[] {
  const doc = parse(xml);
  const urlset = doc.urlset;
  expect(urlset).toBeDefined();
  expect(urlset.xmlns).toBe(SITEMAP_NAMESPACE);
  const urls = (urlset.url ?? []) as {
    loc: string;
    lastmod: string;
    "xhtml:link"?: Record<string, string>[];
  }[];
  expect(urls.length).toBeGreaterThan(0);
  expect(urls.length).toBeLessThanOrEqual(50_000);
  return urls.map((url) => {
    expectOwnUrl(url.loc, origin);
    expect(url.lastmod).toMatch(W3C_DATETIME);
    const alternates = (url["xhtml:link"] ?? []).map((link) => {
      expect(urlset["xmlns:xhtml"]).toBe(XHTML_NAMESPACE);
      expect(link.rel).toBe("alternate");
      expect(link.hreflang).toMatch(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/);
      expectOwnUrl(link.href ?? "", origin);
      return { hreflang: link.hreflang ?? "", href: link.href ?? "" };
    });
    // Alternates, when given, name the page itself too.
    if (alternates.length > 0) expect(alternates.map((a) => a.href)).toContain(url.loc);
    return { loc: url.loc, lastmod: url.lastmod, alternates };
  });
}

/** A sitemap index: valid XML in the sitemap namespace, at most 50,000 sitemaps, all on `origin`. */
export function checkSitemapIndex(xml: string, origin: string): string[] {
  const index = parse(xml).sitemapindex;
  expect(index).toBeDefined();
  expect(index.xmlns).toBe(SITEMAP_NAMESPACE);
  const sitemaps = (index.sitemap ?? []) as { loc: string; lastmod?: string }[];
  expect(sitemaps.length).toBeLessThanOrEqual(50_000);
  for (const s of sitemaps) {
    expectOwnUrl(s.loc, origin);
    if (s.lastmod !== undefined) expect(s.lastmod).toMatch(W3C_DATETIME);
  }
  return sitemaps.map((s) => s.loc);
}
