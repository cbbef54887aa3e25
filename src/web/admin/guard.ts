// The admin's gate: every /admin request but logging in needs a live session; every state-changing one must
// carry the session's CSRF token and come from our own origin; each route names the permission it needs.
import { timingSafeEqual } from "node:crypto";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { can, type Permission } from "../../accounts/roles.js";
import { findLiveSession, IDLE_SECONDS } from "../../accounts/sessions.js";
import { ForbiddenError, UnauthenticatedError } from "../../errors.js";
import type { AdminEnv } from "./env.js";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
/** Pages a session that must change its password may still reach. */
const PASSWORD_CHANGE_PATHS = new Set(["/admin/account/password", "/admin/logout"]);

export function isSecure(c: Context): boolean {
  return (c.var.origin as string).startsWith("https:");
}

/** `__Host-` binds the cookie to this exact host and path / — browsers allow it only over HTTPS. */
export function sessionCookieName(c: Context): string {
  return isSecure(c) ? "__Host-broadside_session" : "broadside_session";
}

export function setSessionCookie(c: Context, token: string): void {
  setCookie(c, sessionCookieName(c), token, {
    path: "/",
    httpOnly: true,
    secure: isSecure(c),
    sameSite: "Lax",
    maxAge: IDLE_SECONDS,
  });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, sessionCookieName(c), { path: "/", secure: isSecure(c) });
}

export function clientAddress(c: Context): string {
  if (c.var.trustProxy === true) {
    // Our proxy appends the address it saw last; anything before it is whatever the client claimed.
    const forwarded = c.req.header("x-forwarded-for")?.split(",").at(-1)?.trim();
    if (forwarded && forwarded.length <= 64 && /^[0-9a-fA-F.:]+$/.test(forwarded)) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    // app.request() in tests has no socket.
    return "local";
  }
}

/** Loads the session; without one, a page asks the browser to log in and anything else is a 401. */
export const withSession: MiddlewareHandler<AdminEnv> = async (c, next) => {
  c.set("address", clientAddress(c));
  const token = getCookie(c, sessionCookieName(c));
  const session = token ? await findLiveSession(c.var.store, token) : undefined;
  if (!session) {
    if (token) clearSessionCookie(c);
    if (c.req.method === "GET" && !wantsJson(c)) {
      const next = c.req.path + (new URL(c.req.url).search || "");
      return c.redirect(`/admin/login?next=${encodeURIComponent(next)}`, 303);
    }
    throw new UnauthenticatedError("log in first: this session has ended or never began");
  }
  c.set("account", session.account);
  c.set("sessionId", session.id);
  c.set("csrfToken", session.csrfToken);
  c.header("cache-control", "no-store");
  if (session.account.mustChangePassword && !PASSWORD_CHANGE_PATHS.has(c.req.path)) {
    if (c.req.method === "GET") return c.redirect("/admin/account/password", 303);
    throw new ForbiddenError("choose a new password first");
  }
  await next();
};

/** Refuses a state-changing request without this session's CSRF token, or sent from another origin. */
export const checkCsrf: MiddlewareHandler<AdminEnv> = async (c, next) => {
  if (SAFE_METHODS.has(c.req.method)) return next();
  const origin = c.req.header("origin");
  if (
    origin !== undefined &&
    origin !== "null" &&
    origin !== c.var.origin &&
    origin !== new URL(c.req.url).origin
  ) {
    throw new ForbiddenError("this request came from another site");
  }
  const sent = c.req.header("x-csrf-token") ?? (await formToken(c));
  if (!sent || !sameToken(sent, c.var.csrfToken)) {
    throw new ForbiddenError(
      "the form has expired or did not come from this site: reload the page and try again",
    );
  }
  await next();
};

export function requirePermission(permission: Permission): MiddlewareHandler<AdminEnv> {
  return async (c, next) => {
    if (!can(c.var.account.role, permission)) {
      throw new ForbiddenError("your role does not allow this");
    }
    await next();
  };
}

export function wantsJson(c: Context): boolean {
  const accept = c.req.header("accept") ?? "";
  return accept.includes("application/json") && !accept.includes("text/html");
}

export function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

async function formToken(c: Context): Promise<string | undefined> {
  const type = c.req.header("content-type") ?? "";
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)/.test(type)) return undefined;
  const body = await c.req.parseBody({ all: true });
  const value = body._csrf;
  return typeof value === "string" ? value : undefined;
}
