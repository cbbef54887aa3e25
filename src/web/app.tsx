// Assembles the web app: shared middleware, the health check, assets, the public site and error pages.
import type { RequestListener } from "node:http";
import { getRequestListener } from "@hono/node-server";
import { Hono } from "hono";
import { findRedirect } from "../content/redirects.js";
import { InvalidError, NotFoundError } from "../errors.js";
import { getSite, type Site } from "../i18n/editions.js";
import type { Logger } from "../log.js";
import type { Store } from "../storage/store.js";
import { apiRoutes } from "./api/routes.js";
import { stylesheet } from "./assets.js";
import { ContentClock } from "./content-clock.js";
import type { AppEnv } from "./env.js";
import { renderError } from "./errors.js";
import { cacheKey, PageCache } from "./page-cache.js";
import { publicRoutes } from "./public/routes.js";

export interface AppOptions {
  store: Store;
  log: Logger;
  baseUrl?: string;
  pageCache?: boolean;
}

const MAX_URL = 2048;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]|%[01][0-9a-f]|%7f/i;

export function createApp(options: AppOptions): Hono<AppEnv> {
  return assemble(options).app;
}

/** The app as a Node request listener, with warm pages answered from the cache before the app is reached. */
export function createRequestListener(options: AppOptions): RequestListener {
  const { app, cache, clock } = assemble(options);
  const render = getRequestListener(app.fetch);
  if (!cache) return render;
  return (req, res) => {
    if (!cache.serve(req, res, clock.versionNow())) void render(req, res);
  };
}

function assemble(options: AppOptions) {
  const { store, log } = options;
  const app = new Hono<AppEnv>();
  const clock = new ContentClock(store);
  const cache = options.pageCache === false ? undefined : new PageCache();
  let site: { version: string; value: Site } | undefined;

  app.use(async (c, next) => {
    c.set("store", store);
    c.set("log", log);
    c.set("origin", options.baseUrl ?? new URL(c.req.url).origin);
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

  const css = stylesheet();
  app.get(css.path, (c) =>
    c.body(css.css, 200, {
      "content-type": "text/css; charset=utf-8",
      "cache-control": "public, max-age=31536000, immutable",
    }),
  );

  app.get("/", (c) => c.redirect(`/${c.var.site.defaultLanguage}/`, 302));

  apiRoutes(app);

  if (cache) {
    // Fills the cache; hits are answered before the app by `createRequestListener`, or here under app.request.
    app.use("/:lang/*", async (c, next) => {
      if (c.req.method !== "GET") return next();
      const url = new URL(c.req.url);
      const key = cacheKey(url.host, url.pathname + url.search);
      const version = await clock.version();
      const hit = cache.get(key, version);
      if (hit) {
        if (c.req.header("if-none-match") === hit.etag) return c.body(null, 304, hit.headers);
        return c.body(new Uint8Array(hit.body), 200, hit.headers);
      }
      await next();
      if (c.res.status === 200 && c.res.headers.get("content-type")?.startsWith("text/html")) {
        const body = await c.res.clone().text();
        cache.set(key, version, body, Object.fromEntries(c.res.headers));
      }
    });
  }

  publicRoutes(app);

  app.notFound(async (c) => {
    const target = await findRedirect(store, c.req.path);
    if (target) return c.redirect(target, 301);
    return renderError(c, new NotFoundError(`nothing at ${c.req.path}`));
  });
  app.onError((error, c) => renderError(c, error));
  return { app, cache, clock };
}
