// Logging in and out, and accepting an invitation. Log-in always starts a new session, so a session token
// planted in a browser before log-in is never promoted (session fixation); log-out deletes the session.
import { randomBytes } from "node:crypto";
import type { Context, Hono } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { z } from "zod";
import { acceptInvitation, authenticate, findInvitation } from "../../accounts/accounts.js";
import { MIN_PASSWORD } from "../../accounts/passwords.js";
import { endSession, findLiveSession, startSession } from "../../accounts/sessions.js";
import { AppError, ForbiddenError } from "../../errors.js";
import type { AppEnv } from "../env.js";
import { statusOf } from "../errors.js";
import { checked } from "./forms.js";
import { clientAddress, isSecure, sameToken, sessionCookieName, setSessionCookie } from "./guard.js";
import { adminHtml, BarePage, ErrorNote } from "./layout.js";

/** Log-in has no session to hold a CSRF token, so the form and a cookie carry the same random value. */
const LOGIN_COOKIE = "broadside_login";

const loginForm = z.object({
  email: z.string().max(300),
  password: z.string().max(1000),
  next: z.string().max(2000).optional(),
  _login: z.string().max(100),
});

const invitationForm = z.object({
  name: z.string().trim().min(1, "is required").max(200),
  password: z.string().max(1000),
  confirm: z.string().max(1000),
  _login: z.string().max(100),
});

export function sessionRoutes(open: Hono<AppEnv>): void {
  open.get("/login", (c) => showLogin(c));
  open.post("/login", logIn);
  open.get("/invitations/:token", (c) => showInvitation(c));
  open.post("/invitations/:token", acceptInvited);
}

async function showLogin(
  c: Context<AppEnv>,
  error?: string,
  email = "",
  status: 200 | 400 | 401 | 403 | 429 = 200,
) {
  const existing = getCookie(c, sessionCookieName(c));
  if (!error && existing && (await findLiveSession(c.var.store, existing))) {
    return c.redirect(safeNext(c.req.query("next")), 303);
  }
  const token = loginToken(c);
  return adminHtml(
    c,
    <BarePage c={c} title="Log in">
      <h1>Log in</h1>
      <ErrorNote message={error} />
      <form method="post" action="/admin/login" class="stacked">
        <input type="hidden" name="_login" value={token} />
        <input type="hidden" name="next" value={safeNext(c.req.query("next"))} />
        <label for="email">E-mail</label>
        <input id="email" name="email" type="email" autocomplete="username" required value={email} />
        <label for="password">Password</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required />
        <button type="submit">Log in</button>
      </form>
    </BarePage>,
    status,
  );
}

async function logIn(c: Context<AppEnv>) {
  const form = checked(loginForm, await c.req.parseBody());
  checkLoginToken(c, form._login);
  try {
    const account = await authenticate(c.var.store, {
      email: form.email,
      password: form.password,
      address: clientAddress(c),
    });
    // Whatever session this browser held ends here; the new one has a token nobody else has seen.
    const planted = getCookie(c, sessionCookieName(c));
    const old = planted ? await findLiveSession(c.var.store, planted) : undefined;
    if (old) await endSession(c.var.store, old.id);
    const { token } = await startSession(c.var.store, account.id, c.req.header("user-agent") ?? "");
    setSessionCookie(c, token);
    const next = account.mustChangePassword ? "/admin/account/password" : safeNext(form.next);
    return c.redirect(next, 303);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === "too_many") c.header("retry-after", "900");
    return showLogin(c, error.message, form.email.slice(0, 300), statusOf(error) as 401 | 429);
  }
}

async function showInvitation(c: Context<AppEnv>, error?: string, status: 200 | 400 = 200) {
  const invitation = await findInvitation(c.var.store, c.req.param("token") ?? "");
  const token = loginToken(c);
  return adminHtml(
    c,
    <BarePage c={c} title="Accept your invitation">
      <h1>Welcome</h1>
      <p>
        You are invited to work on {c.var.site.name} as <strong>{invitation.role}</strong> with the address{" "}
        <strong>{invitation.email}</strong>. Choose your name as colleagues see it (it never appears on the
        site) and a password of at least {MIN_PASSWORD} characters.
      </p>
      <ErrorNote message={error} />
      <form method="post" class="stacked">
        <input type="hidden" name="_login" value={token} />
        <label for="name">Your name</label>
        <input id="name" name="name" required maxlength={200} autocomplete="name" />
        <label for="password">Password</label>
        <input
          id="password"
          name="password"
          type="password"
          required
          minlength={MIN_PASSWORD}
          autocomplete="new-password"
        />
        <label for="confirm">Password again</label>
        <input id="confirm" name="confirm" type="password" required autocomplete="new-password" />
        <button type="submit">Create my account</button>
      </form>
    </BarePage>,
    status,
  );
}

async function acceptInvited(c: Context<AppEnv>) {
  const form = checked(invitationForm, await c.req.parseBody());
  checkLoginToken(c, form._login);
  if (form.password !== form.confirm) return showInvitation(c, "the two passwords differ", 400);
  try {
    const account = await acceptInvitation(c.var.store, c.req.param("token") ?? "", {
      name: form.name,
      password: form.password,
    });
    const { token } = await startSession(c.var.store, account.id, c.req.header("user-agent") ?? "");
    setSessionCookie(c, token);
    return c.redirect("/admin/articles", 303);
  } catch (error) {
    if (error instanceof AppError && error.code === "invalid") return showInvitation(c, error.message, 400);
    throw error;
  }
}

function loginToken(c: Context<AppEnv>): string {
  const existing = getCookie(c, LOGIN_COOKIE);
  if (existing && /^[A-Za-z0-9_-]{32}$/.test(existing)) return existing;
  const token = randomBytes(24).toString("base64url");
  setCookie(c, LOGIN_COOKIE, token, {
    path: "/admin",
    httpOnly: true,
    secure: isSecure(c),
    sameSite: "Strict",
  });
  return token;
}

function checkLoginToken(c: Context<AppEnv>, sent: string): void {
  const expected = getCookie(c, LOGIN_COOKIE);
  if (!expected || !sameToken(sent, expected)) {
    throw new ForbiddenError(
      "the form has expired or did not come from this site: reload the page and try again",
    );
  }
}

/** Only our own admin pages: never another host (`//evil`, `/\evil`), never a scheme. */
export function safeNext(next: string | undefined): string {
  if (!next || !/^\/admin(\/[^\\]*)?$/.test(next) || next.startsWith("//")) return "/admin/articles";
  return next;
}
