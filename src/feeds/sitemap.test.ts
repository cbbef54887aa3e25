import { describe, expect, it } from "vitest";
import { checkSitemapIndex, checkUrlSet } from "../test-support/sitemap-rules.js";
import { renderSitemapIndex, renderUrlSet, type SitemapUrl } from "./sitemap.js";

const ORIGIN = "https://paper.example";

async function written(chunks: SitemapUrl[][]): Promise<string> {
  async function* source() {
    yield* chunks;
  }
  let xml = "";
  for await (const part of renderUrlSet(source())) xml += part;
  return xml;
}

describe("sitemap writing", () => {
  it("writes a url set chunk by chunk, with dates and hreflang alternates", async () => {
    const a = `${ORIGIN}/en/articles/2026/02/08/a`;
    const b = `${ORIGIN}/de/articles/2026/02/08/b`;
    const xml = await written([
      [
        {
          loc: a,
          lastmod: "2026-02-08T10:00:00.123Z",
          alternates: [
            { language: "en", href: a },
            { language: "de", href: b },
          ],
        },
      ],
      [{ loc: b, lastmod: "2026-02-09T00:00:00.000Z" }],
    ]);
    const urls = checkUrlSet(xml, ORIGIN);
    expect(urls).toEqual([
      {
        loc: a,
        lastmod: "2026-02-08T10:00:00Z",
        alternates: [
          { hreflang: "en", href: a },
          { hreflang: "de", href: b },
        ],
      },
      { loc: b, lastmod: "2026-02-09T00:00:00Z", alternates: [] },
    ]);
  });

  it("escapes what a URL may carry into XML", async () => {
    const loc = `${ORIGIN}/en/topics/a?b=1&c=%3C`;
    const xml = await written([[{ loc, lastmod: "2026-02-08T10:00:00Z" }]]);
    expect(xml).toContain("<loc>https://paper.example/en/topics/a?b=1&amp;c=%3C</loc>");
    expect(checkUrlSet(xml, ORIGIN)[0]?.loc).toBe(loc);
  });

  it("writes an index of sitemaps", () => {
    const xml = renderSitemapIndex([
      { loc: `${ORIGIN}/sitemaps/articles-1.xml` },
      { loc: `${ORIGIN}/sitemaps/articles-2.xml` },
    ]);
    expect(checkSitemapIndex(xml, ORIGIN)).toEqual([
      `${ORIGIN}/sitemaps/articles-1.xml`,
      `${ORIGIN}/sitemaps/articles-2.xml`,
    ]);
  });
});
