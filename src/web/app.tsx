// Assembles the web app: shared middleware, the health check, assets, the public site and error pages.
import type { RequestListener } from "node:http";
import { resolve } from "node:path";
import { getRequestListener } from "@hono/node-server";
import { Hono } from "hono";
import { type ContactSettings, DEFAULT_CONTACT_SETTINGS } from "../contact/messages.js";
import { findRedirect } from "../content/redirects.js";
import { InvalidError, NotFoundError } from "../errors.js";
import { DEFAULT_FEED_ITEMS } from "../feeds/feed.js";
import { SITEMAP_PAGE_SIZES, type SitemapPageSizes } from "../feeds/sitemaps.js";
import { getSite, type Site } from "../i18n/editions.js";
import type { Logger } from "../log.js";
import type { Mailer } from "../mail/mailer.js";
import type { Store } from "../storage/store.js";
import { adminRoutes } from "./admin/routes.js";
import { apiRoutes } from "./api/routes.js";
import { ASSETS } from "./assets.js";
import { ContentClock } from "./content-clock.js";
import type { AppEnv } from "./env.js";
import { renderError } from "./errors.js";
import { cacheKey, etagOf, PageCache } from "./page-cache.js";
import { isNotModified } from "./public/feeds.js";
import { mediaFileRoutes } from "./public/media.js";
import { publicRoutes } from "./public/routes.js";
import { showRobots, showSitemap, showSitemapIndex } from "./public/sitemaps.js";

export interface AppOptions {
  store: Store;
  log: Logger;
  baseUrl?: string;
  pageCache?: boolean;
  /** How many articles each feed holds (BROADSIDE_FEED_ITEMS); 50 when not given. */
  feedItems?: number;
  /** Ids per sitemap page; tests make them small to reach page boundaries. */
  sitemapPageSizes?: SitemapPageSizes;
  /** Where uploaded media live; `media` in the working folder when not given. */
  mediaDir?: string;
  /** Sends mail (editors told of letters, answers to readers); without it, nothing is mailed. */
  mailer?: Mailer;
  /** Read the client's address from X-Forwarded-For, as set by our own reverse proxy. */
  trustProxy?: boolean;
  /** The contact form's timing and rate limit; tests shorten the wait, benchmarks raise the limit. */
  contact?: Partial<ContactSettings>;
}

const MAX_URL = 2048;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]|%[01][0-9a-f]|%7f/i;
/** What the page cache keeps: pages, feeds, sitemaps and robots.txt. */
const CACHED_TYPES = /^(text\/html|text\/plain|application\/(xml|rss\+xml|atom\+xml|feed\+json))\s*(;|$)/;

export function createApp(options: AppOptions): Hono<AppEnv> {
  return assemble(options).app;
}

/** The app as a Node request listener, with warm pages answered from the cache before the app is reached. */
export function createRequestListener(options: AppOptions): RequestListener {
  const { app, cache, clock } = assemble(options);
  const render = getRequestListener(app.fetch);
  if (!cache) return render;
  return (req, res) => {
    // The fast path compares ETags only: a request validated by date alone goes through the app, which
    // answers it from the cache all the same.
    const byDateOnly =
      req.headers["if-modified-since"] !== undefined && req.headers["if-none-match"] === undefined;
    if (byDateOnly || !cache.serve(req, res, clock.versionNow())) void render(req, res);
  };
}

function assemble(options: AppOptions) {
  const { store, log } = options;
  const app = new Hono<AppEnv>();
  const clock = new ContentClock(store);
  const cache = options.pageCache === false ? undefined : new PageCache();
  let site: { version: string; value: Site } | undefined;
  const mediaDir = resolve(options.mediaDir ?? "media");
  const contact = { ...DEFAULT_CONTACT_SETTINGS, ...options.contact };

  app.use(async (c, next) => {
    c.set("store", store);
    c.set("log", log);
    c.set("mediaDir", mediaDir);
    c.set("origin", options.baseUrl ?? new URL(c.req.url).origin);
    c.set("trustProxy", options.trustProxy === true);
    c.set("baseUrl", options.baseUrl);
    c.set("mailer", options.mailer);
    c.set("contact", contact);
    const version = await clock.version();
    if (site?.version !== version) site = { version, value: await getSite(store) };
    c.set("site", site.value);
    if (c.req.url.length > MAX_URL) {
      throw new InvalidError(`the address is longer than ${MAX_URL} characters`);
    }
    // No page of ours has a control character in its address, and PostgreSQL refuses NUL in text.
    if (CONTROL_CHARACTERS.test(c.req.path)) throw new NotFoundError("no page has such an address");
    await next();
  });

  app.get("/healthz", async (c) => {
    await getSite(store);
    return c.json({ status: "ok" }, 200, { "cache-control": "no-store" });
  });

  for (const asset of Object.values(ASSETS)) {
    app.get(asset.path, (c) =>
      c.body(asset.body, 200, {
        "content-type": asset.type,
        "cache-control": "public, max-age=31536000, immutable",
      }),
    );
  }

  app.get("/", (c) => c.redirect(`/${c.var.site.defaultLanguage}/`, 302));

  apiRoutes(app);
  adminRoutes(app);
  // Before the page cache, which has nothing to keep of these files.
  mediaFileRoutes(app);

  if (cache) {
    // Fills the cache; hits are answered before the app by `createRequestListener`, or here under app.request.
    // `/:lang/*` matches one-segment paths too, so /robots.txt, /sitemap.xml and /sitemaps/… are cached.
    app.use("/:lang/*", async (c, next) => {
      if (c.req.method !== "GET" || c.req.path.startsWith("/admin/")) return next();
      const url = new URL(c.req.url);
      const key = cacheKey(url.host, url.pathname + url.search);
      const version = await clock.version();
      const hit = cache.get(key, version);
      if (hit) {
        const validators = { etag: hit.etag, lastModified: hit.headers["last-modified"] };
        if (isNotModified(c.req.header("if-none-match"), c.req.header("if-modified-since"), validators)) {
          return c.body(null, 304, hit.headers);
        }
        return c.body(new Uint8Array(hit.body), 200, hit.headers);
      }
      await next();
      // A page made for one visitor (a form with its own token) says so, and is never kept.
      const personal = /no-store|private/.test(c.res.headers.get("cache-control") ?? "");
      if (c.res.status === 200 && !personal && CACHED_TYPES.test(c.res.headers.get("content-type") ?? "")) {
        const body = await c.res.clone().text();
        // A streamed response (a sitemap page) has no ETag until its whole body is known: here it is.
        const headers = Object.fromEntries(c.res.headers);
        headers.etag ??= etagOf(body);
        cache.set(key, version, body, headers);
      }
    });
  }

  const sitemapPageSizes = options.sitemapPageSizes ?? SITEMAP_PAGE_SIZES;
  app.get("/robots.txt", showRobots);
  app.get("/sitemap.xml", (c) => showSitemapIndex(c, sitemapPageSizes));
  app.get("/sitemaps/:name", (c) => showSitemap(c, sitemapPageSizes));
  publicRoutes(app, { feedItems: options.feedItems ?? DEFAULT_FEED_ITEMS });

  app.notFound(async (c) => {
    const target = await findRedirect(store, c.req.path);
    if (target) return c.redirect(target, 301);
    return renderError(c, new NotFoundError(`nothing at ${c.req.path}`));
  });
  app.onError((error, c) => renderError(c, error));
  return { app, cache, clock };
}
