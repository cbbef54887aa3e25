// The frame of every admin page: navigation by what the account may do, the account's name, log-out, and
// the admin's own stylesheet and script (no other host is ever asked for anything).
import type { Context } from "hono";
import type { Child } from "hono/jsx";
import type { JSX } from "hono/jsx/jsx-runtime";
import { can, type Permission } from "../../accounts/roles.js";
import { ASSETS } from "../assets.js";
import type { AdminEnv } from "./env.js";

/** What every admin response says about itself: never cached, never framed, only our own scripts. */
export const ADMIN_HEADERS = {
  "cache-control": "no-store",
  "content-security-policy":
    "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
  "x-frame-options": "DENY",
  "referrer-policy": "same-origin",
  "x-content-type-options": "nosniff",
};

interface Section {
  id: string;
  label: string;
  path: string;
  permission: Permission;
}

const SECTIONS: Section[] = [
  { id: "articles", label: "Articles", path: "/admin/articles", permission: "write" },
  { id: "sources", label: "Sources", path: "/admin/sources", permission: "write" },
  { id: "media", label: "Media", path: "/admin/media", permission: "media" },
  { id: "inbox", label: "Letters", path: "/admin/inbox", permission: "inbox" },
  { id: "directory", label: "People & topics", path: "/admin/people", permission: "publish" },
  { id: "accounts", label: "Accounts", path: "/admin/accounts", permission: "accounts" },
  { id: "audit", label: "Audit log", path: "/admin/audit", permission: "accounts" },
];

export function AdminPage(props: {
  c: Context<AdminEnv>;
  title: string;
  section?: string;
  children?: Child;
}) {
  const { c, title, section } = props;
  const account = c.var.account;
  return (
    <Frame title={title} siteName={c.var.site.name}>
      <header class="admin-bar">
        <a class="admin-home" href="/admin/articles">
          {c.var.site.name}
        </a>
        <nav aria-label="Admin">
          <ul>
            {SECTIONS.filter((s) => can(account.role, s.permission)).map((s) => (
              <li>
                <a href={s.path} aria-current={s.id === section ? "page" : undefined}>
                  {s.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div class="admin-who">
          <a href="/admin/account" aria-current={section === "account" ? "page" : undefined}>
            {account.name || account.email}
          </a>
          <span class="admin-role">{account.role}</span>
          <form method="post" action="/admin/logout">
            <CsrfField c={c} />
            <button type="submit" class="link-button">
              Log out
            </button>
          </form>
        </div>
      </header>
      <main id="main" class="admin-main">
        {props.children}
      </main>
    </Frame>
  );
}

/** A page outside a session: log-in, an invitation. */
export function BarePage(props: { c: Context; title: string; children?: Child }) {
  return (
    <Frame title={props.title} siteName={props.c.var.site?.name ?? "Broadside"}>
      <main id="main" class="admin-main admin-narrow">
        {props.children}
      </main>
    </Frame>
  );
}

function Frame(props: { title: string; siteName: string; children?: Child }) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <title>{`${props.title} — ${props.siteName} admin`}</title>
        {/* No icon of its own yet: this keeps browsers from asking for /favicon.ico on every visit. */}
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href={ASSETS.admin.path} />
        <script type="module" src={ASSETS.adminScript.path} />
      </head>
      <body class="admin">
        <a class="skip-link" href="#main">
          Skip to content
        </a>
        {props.children}
      </body>
    </html>
  );
}

export function CsrfField(props: { c: Context<AdminEnv> }) {
  return <input type="hidden" name="_csrf" value={props.c.var.csrfToken} />;
}

/** A one-line message after a redirect (`?done=…`), from a fixed list so no text can be injected by a link. */
export function Notice(props: { c: Context; messages: Record<string, string> }) {
  const key = props.c.req.query("done");
  const text = key ? props.messages[key] : undefined;
  return text ? (
    <p class="notice" role="status">
      {text}
    </p>
  ) : null;
}

export function ErrorNote(props: { message?: string }) {
  return props.message ? (
    <p class="form-error" role="alert">
      {props.message}
    </p>
  ) : null;
}

/** Renders a page with the admin's headers and the doctype hono/jsx leaves out. */
export async function adminHtml(
  c: Context,
  page: JSX.Element,
  status: 200 | 400 | 401 | 403 | 404 | 409 | 410 | 413 | 429 | 500 = 200,
): Promise<Response> {
  return c.html(`<!doctype html>${await page.toString()}`, status, ADMIN_HEADERS);
}
