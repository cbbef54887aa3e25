// The sitemap index, its pages (streamed as they are read) and robots.txt: the site's addresses for crawlers.
import type { Context } from "hono";
import { NotFoundError } from "../../errors.js";
import { renderSitemapIndex, renderUrlSet } from "../../feeds/sitemap.js";
import {
  listSitemaps,
  parseSitemapName,
  readSitemap,
  type SitemapPageSizes,
  type SitemapSettings,
} from "../../feeds/sitemaps.js";
import type { AppEnv } from "../env.js";
import { respond } from "./feeds.js";

const XML_TYPE = "application/xml; charset=utf-8";

export async function showSitemapIndex(c: Context<AppEnv>, pageSizes: SitemapPageSizes) {
  const sitemaps = await listSitemaps(c.var.store, settings(c, pageSizes));
  return respond(c, renderSitemapIndex(sitemaps), XML_TYPE, { maxAge: 3600 });
}

/**
 * One page of the sitemap, written to the response a chunk of rows at a time. Its size is known only at
 * the end, so it goes without an ETag; the page cache gives the copies it serves one.
 */
export async function showSitemap(c: Context<AppEnv>, pageSizes: SitemapPageSizes) {
  const name = /^(.+)\.xml$/.exec(c.req.param("name") ?? "")?.[1];
  const page = name === undefined ? undefined : parseSitemapName(name);
  if (!page) throw new NotFoundError("there is no sitemap by that name");
  const chunks = await readSitemap(c.var.store, page.kind, page.page, settings(c, pageSizes));
  const onError = (error: unknown) => c.var.log.error({ err: error, path: c.req.path }, "sitemap broke off");
  return c.body(streamOf(renderUrlSet(chunks), onError), 200, {
    "content-type": XML_TYPE,
    "cache-control": "public, max-age=3600",
  });
}

/** Everything may be crawled but the admin, the API and search results (which are noindex anyway). */
export function showRobots(c: Context<AppEnv>) {
  const lines = [
    "User-agent: *",
    "Allow: /",
    "Disallow: /admin/",
    "Disallow: /api/",
    // One line per edition rather than `/*/search`, which would also match a topic called "search-…".
    ...c.var.site.editions.map((language) => `Disallow: /${language}/search`),
    "",
    `Sitemap: ${c.var.origin}/sitemap.xml`,
    "",
  ];
  return c.body(lines.join("\n"), 200, {
    "content-type": "text/plain; charset=utf-8",
    "cache-control": "public, max-age=3600",
  });
}

function settings(c: Context<AppEnv>, pageSizes: SitemapPageSizes): SitemapSettings {
  return { site: c.var.site, origin: c.var.origin, pageSizes };
}

/** A byte stream that asks for the next part only when the reader has taken the last one. */
function streamOf(
  parts: AsyncIterable<string>,
  onError: (error: unknown) => void,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = parts[Symbol.asyncIterator]();
  return new ReadableStream({
    async pull(controller) {
      try {
        const next = await iterator.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        // The status line is long gone: all that is left is to log it and cut the response short.
        onError(error);
        controller.error(error);
      }
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
