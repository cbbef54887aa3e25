// The read API (DESIGN §4): JSON for programs under /api/v1, on one screen. Each handler parses its query,
// calls one domain function and answers through http.ts; errors become JSON in web/errors.tsx.
import type { Handler, Hono } from "hono";
import type { AppEnv } from "../env.js";
import { listArticles, showArticle } from "./articles.js";
import { listPeople, listTopics } from "./directories.js";
import { corsHeaders, methodNotAllowed, preflight } from "./http.js";
import { searchArticles } from "./search.js";

/** Every address of the API and what answers a GET (or HEAD) there. A new endpoint is one more line. */
const ROUTES: [path: string, handler: Handler<AppEnv>][] = [
  ["/api/v1/articles", listArticles],
  ["/api/v1/articles/:ref", showArticle],
  ["/api/v1/people", listPeople],
  ["/api/v1/topics", listTopics],
  ["/api/v1/search", searchArticles],
];

export function apiRoutes(app: Hono<AppEnv>): void {
  app.use("/api/*", corsHeaders);
  app.options("/api/*", preflight);
  for (const [path, handler] of ROUTES) {
    app.get(path, handler);
    app.all(path, methodNotAllowed);
  }
}
