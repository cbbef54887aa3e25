// How the read API answers: JSON in UTF-8 with validators for conditional requests and a short public cache
// life, CORS on everything, preflights, and 405 for methods other than GET and HEAD.
import type { Context, MiddlewareHandler } from "hono";
import type { ApiPage, ApiPlace } from "../../content/api-views.js";
import type { AppEnv } from "../env.js";
import { renderJsonError } from "../errors.js";
import { etagOf } from "../page-cache.js";
import { ALLOWED_METHODS, CORS_HEADERS, JSON_TYPE } from "./headers.js";

const CACHE_CONTROL = "public, max-age=60";

/** Puts the CORS headers on whatever a handler under /api/ answered, its errors included. */
export const corsHeaders: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  for (const [name, value] of Object.entries(CORS_HEADERS)) c.res.headers.set(name, value);
};

/** Answers a CORS preflight (and a plain OPTIONS) for any address of the API. */
export function preflight(c: Context<AppEnv>): Response {
  return c.body(null, 204, {
    ...CORS_HEADERS,
    allow: ALLOWED_METHODS,
    "access-control-allow-methods": ALLOWED_METHODS,
    "access-control-allow-headers": "*",
    "access-control-max-age": "86400",
  });
}

export function methodNotAllowed(c: Context<AppEnv>): Response {
  return renderJsonError(c, 405, "method_not_allowed", `${c.req.method} is not allowed here; use GET`, {
    headers: { allow: ALLOWED_METHODS },
  });
}

/** The value as JSON with a weak ETag; 304 when the client already holds this very body. */
export function respondJson(
  c: Context<AppEnv>,
  value: unknown,
  options: { lastModified?: string; link?: string } = {},
): Response {
  const body = JSON.stringify(value);
  const etag = etagOf(body);
  const headers: Record<string, string> = { etag, "cache-control": CACHE_CONTROL, ...CORS_HEADERS };
  if (options.lastModified) headers["last-modified"] = new Date(options.lastModified).toUTCString();
  if (options.link) headers.link = options.link;
  if (matches(c.req.header("if-none-match"), etag)) return c.body(null, 304, headers);
  return c.body(body, 200, { ...headers, "content-type": JSON_TYPE });
}

/** If-None-Match holds `*` or a list of entity tags, compared weakly (RFC 9110 §13.1.2). */
function matches(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  return header.split(",").some((tag) => tag.trim() === "*" || opaque(tag) === opaque(etag));
}

/** What the domain needs to know of this request to build URLs and check languages. */
export function apiPlace(c: Context<AppEnv>): ApiPlace {
  const { site, origin } = c.var;
  return { origin, editions: site.editions, defaultLanguage: site.defaultLanguage };
}

/** A page of a list: its items, the opaque cursor of the next page, and that page's URL (also as Link). */
export function respondPage(c: Context<AppEnv>, page: ApiPage<unknown>): Response {
  let nextUrl: string | null = null;
  if (page.next !== null) {
    const params = new URL(c.req.url).searchParams;
    params.set("cursor", page.next);
    nextUrl = `${c.var.origin}${c.req.path}?${params}`;
  }
  const body = { items: page.items, next: page.next, next_url: nextUrl };
  return respondJson(c, body, nextUrl ? { link: `<${nextUrl}>; rel="next"` } : {});
}
