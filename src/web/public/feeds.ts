// Feeds of the public site: every subject (edition, person, topic, series) in every format, with validators.
import type { Context } from "hono";
import { NotFoundError } from "../../errors.js";
import { FEED_FILES, feedFormatOf } from "../../feeds/feed.js";
import { type FeedSubject, readFeed } from "../../feeds/feeds.js";
import { renderFeed } from "../../feeds/render-feed.js";
import type { AppEnv } from "../env.js";
import { etagOf } from "../page-cache.js";

/** `file` is the last segment of the address: feed.xml, atom.xml or feed.json. */
export async function showFeed(c: Context<AppEnv>, subject: FeedSubject, file: string, items: number) {
  const format = feedFormatOf(file);
  if (!format) throw new NotFoundError(`there is no feed called ${file}`);
  const feed = await readFeed(c.var.store, subject, { site: c.var.site, origin: c.var.origin, items });
  return respond(c, renderFeed(feed, format), `${FEED_FILES[format].type}; charset=utf-8`, {
    lastModified: feed.updatedAt,
    maxAge: 300,
  });
}

/** A whole body with an ETag (and Last-Modified when known); 304 when the reader already has this version. */
export function respond(
  c: Context<AppEnv>,
  body: string,
  contentType: string,
  options: { lastModified?: string | undefined; maxAge: number },
) {
  const headers: Record<string, string> = {
    etag: etagOf(body),
    "cache-control": `public, max-age=${options.maxAge}, stale-while-revalidate=600`,
  };
  if (options.lastModified) headers["last-modified"] = new Date(options.lastModified).toUTCString();
  const validators = { etag: headers.etag, lastModified: headers["last-modified"] };
  if (isNotModified(c.req.header("if-none-match"), c.req.header("if-modified-since"), validators)) {
    return c.body(null, 304, headers);
  }
  return c.body(body, 200, { ...headers, "content-type": contentType });
}

/**
 * Whether a conditional GET may be answered 304 (RFC 9110 §13.1). If-None-Match, when sent, decides alone
 * (weak comparison, a list or `*`); otherwise If-Modified-Since against Last-Modified, to the second.
 */
export function isNotModified(
  ifNoneMatch: string | undefined,
  ifModifiedSince: string | undefined,
  validators: { etag?: string | undefined; lastModified?: string | undefined },
): boolean {
  const { etag, lastModified } = validators;
  if (ifNoneMatch !== undefined) {
    if (!etag) return false;
    const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
    return ifNoneMatch.split(",").some((tag) => tag.trim() === "*" || opaque(tag) === opaque(etag));
  }
  if (ifModifiedSince === undefined || !lastModified) return false;
  const since = Date.parse(ifModifiedSince);
  const modified = Date.parse(lastModified);
  return !Number.isNaN(since) && !Number.isNaN(modified) && modified <= since;
}
