// The one place errors become HTTP: codes map to statuses; readers see a page in their edition's language,
// programs (everything under /api/) a JSON error. Raw messages of unexpected errors are logged, never shown.
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { AppError, type ErrorCode, TooManyError } from "../errors.js";
import { wantsJson } from "./admin/guard.js";
import { adminHtml, BarePage } from "./admin/layout.js";
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
  if (
    isApiPath(c.req.path) ||
    c.req.path === "/healthz" ||
    (c.req.path.startsWith("/admin/") && wantsJson(c))
  ) {
    const code = error instanceof AppError ? error.code : "internal";
    return renderJsonError(c, status, code, error instanceof AppError ? error.message : "internal error");
  }
  if (error instanceof TooManyError) c.header("retry-after", String(error.retryAfterSeconds));
  if (c.req.path === "/admin" || c.req.path.startsWith("/admin/")) return renderAdminError(c, error, status);
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

/** The admin's error page: the message itself (staff need to know what was wrong), and a way back. */
function renderAdminError(
  c: Context<AppEnv>,
  error: unknown,
  status: ContentfulStatusCode,
): Promise<Response> {
  const message =
    status === 500 ? "Something went wrong on our side; it has been logged." : (error as AppError).message;
  return adminHtml(
    c,
    <BarePage c={c} title={`Error ${status}`}>
      <p class="error-status">{status}</p>
      <h1>{status === 404 ? "Not found" : status === 403 ? "Not allowed" : "That did not work"}</h1>
      <p>{message}</p>
      <p>
        {status === 401 ? (
          <a href="/admin/login">Log in</a>
        ) : (
          <a href="/admin/articles">Back to the articles</a>
        )}
      </p>
    </BarePage>,
    status as Parameters<typeof adminHtml>[2],
  );
}
