// The one place errors become HTTP: codes map to statuses; readers see a page in their edition's language,
// programs (everything under /api/) a JSON error. Raw messages of unexpected errors are logged, never shown.
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { AppError, type ErrorCode } from "../errors.js";
import { CORS_HEADERS, JSON_TYPE } from "./api/headers.js";
import type { AppEnv } from "./env.js";
import { pageContext } from "./public/context.js";
import { Layout } from "./public/layout.js";

const STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  invalid: 400,
  not_found: 404,
  gone: 410,
  conflict: 409,
  forbidden: 403,
  unauthenticated: 401,
  too_many: 429,
  too_large: 413,
  unavailable: 503,
};

/** Programs' addresses: every answer there is JSON, errors included. */
export function isApiPath(path: string): boolean {
  return path === "/api" || path.startsWith("/api/");
}

/**
 * An error as programs get it: `{ "error": { "status", "code", "message", …details } }`, never cached, and
 * readable across origins under /api/ (a browser hides a response without CORS headers, error or not).
 */
export function renderJsonError(
  c: Context<AppEnv>,
  status: ContentfulStatusCode,
  code: string,
  message: string,
  options: { details?: Record<string, unknown>; headers?: Record<string, string> } = {},
): Response {
  const body = JSON.stringify({ error: { status, code, message, ...options.details } });
  return c.body(body, status, {
    "content-type": JSON_TYPE,
    "cache-control": "no-store",
    ...(isApiPath(c.req.path) ? CORS_HEADERS : {}),
    ...options.headers,
  });
}

export function statusOf(error: unknown): ContentfulStatusCode {
  return error instanceof AppError ? STATUS[error.code] : 500;
}

export async function renderError(c: Context<AppEnv>, error: unknown): Promise<Response> {
  const status = statusOf(error);
  if (status === 500) c.var.log?.error({ err: error, path: c.req.path }, "request failed");
  if (isApiPath(c.req.path) || c.req.path === "/healthz") {
    const code = error instanceof AppError ? error.code : "internal";
    return renderJsonError(c, status, code, error instanceof AppError ? error.message : "internal error");
  }
  const site = c.var.site;
  if (!site) return c.text(status === 500 ? "internal error" : String((error as Error).message), status);
  const first = c.req.path.split("/")[1] ?? "";
  const language = site.editions.includes(first) ? first : site.defaultLanguage;
  const ctx = pageContext(site, language, c.var.origin, c.req.path);
  const { t } = ctx;
  const [title, text] =
    status === 404
      ? [t.notFoundTitle, t.notFoundText]
      : status === 410
        ? [t.goneTitle, t.goneText]
        : status === 400
          ? [t.badRequestTitle, error instanceof AppError ? error.message : ""]
          : [t.errorTitle, t.errorText];
  const page = (
    <Layout ctx={ctx} head={{ title, noindex: true }}>
      <div class="error-page">
        <p class="error-status">{status}</p>
        <h1>{title}</h1>
        <p>{text}</p>
        <p>
          <a href={`/${language}/`}>{t.backHome}</a>
        </p>
      </div>
    </Layout>
  );
  return c.html(`<!doctype html>${await page.toString()}`, status, { "cache-control": "no-store" });
}
