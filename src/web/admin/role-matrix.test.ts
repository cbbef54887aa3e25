// Every admin route, tried by every role and by no session, with and without the CSRF token. The table
// below names each route's permission; a route added without a line here fails the first test.
import { expect, it } from "vitest";
import { createAccount } from "../../accounts/accounts.js";
import { can, type Permission, ROLES, type Role } from "../../accounts/roles.js";
import { startSession } from "../../accounts/sessions.js";
import { createArticle } from "../../content/articles.js";
import { createLogger } from "../../log.js";
import { setOwner } from "../../storage/article-owners.js";
import { describeEachStore } from "../../storage/test-stores.js";
import { createApp } from "../app.js";

/** "open": no session needed; "session": any logged-in account; otherwise the permission asked. */
const ROUTES: Record<string, "open" | "session" | Permission> = {
  "GET /admin/login": "open",
  "POST /admin/login": "open",
  "GET /admin/invitations/:token": "open",
  "POST /admin/invitations/:token": "open",
  "GET /admin": "session",
  "GET /admin/account": "session",
  "GET /admin/account/password": "session",
  "POST /admin/account/password": "session",
  "POST /admin/logout": "session",
  "POST /admin/logout-everywhere": "session",
  "GET /admin/accounts": "accounts",
  "POST /admin/accounts/invite": "accounts",
  "GET /admin/accounts/:id": "accounts",
  "POST /admin/accounts/:id": "accounts",
  "GET /admin/audit": "accounts",
  "GET /admin/articles": "write",
  "GET /admin/articles/new": "write",
  "POST /admin/articles": "write",
  "GET /admin/articles/lookup": "write",
  "GET /admin/articles/:id": "write",
  "POST /admin/articles/:id": "write",
  "POST /admin/articles/:id/autosave": "write",
  "POST /admin/articles/:id/autosave/discard": "write",
  "POST /admin/preview": "write",
  "POST /admin/articles/:id/status": "write",
  "POST /admin/articles/:id/correction": "publish",
  "GET /admin/articles/:id/revisions": "write",
  "GET /admin/articles/:id/diff": "write",
  "POST /admin/articles/:id/restore": "write",
  "GET /admin/sources": "write",
  "POST /admin/sources": "write",
  "POST /admin/sources/import": "write",
  "GET /admin/sources/export": "write",
  "GET /admin/sources/settings": "publish",
  "POST /admin/sources/settings": "publish",
  "GET /admin/source": "write",
  "POST /admin/source": "write",
  "POST /admin/source/text": "write",
  "POST /admin/source/text/remove": "publish",
  "POST /admin/source/delete": "publish",
  "GET /admin/articles/:id/sources": "write",
  "POST /admin/articles/:id/quotations/:position/override": "publish",
  "GET /admin/media": "media",
  "POST /admin/media": "media",
  "POST /admin/media/:id": "media",
  "POST /admin/media/:id/delete": "media",
  "POST /admin/media/:id/attach": "media",
  "POST /admin/articles/:id/media": "media",
  "GET /admin/people": "publish",
  "POST /admin/people": "publish",
  "GET /admin/people/:id": "publish",
  "POST /admin/people/:id": "publish",
  "GET /admin/topics": "publish",
  "POST /admin/topics": "publish",
  "GET /admin/topics/:id": "publish",
  "POST /admin/topics/:id": "publish",
  "GET /admin/series": "publish",
  "POST /admin/series": "publish",
  "GET /admin/inbox": "inbox",
  "GET /admin/inbox/:id": "inbox",
  "POST /admin/inbox/:id/answer": "inbox",
  "POST /admin/inbox/:id/answered": "inbox",
  "POST /admin/inbox/:id/archive": "inbox",
  "POST /admin/inbox/:id/flag": "inbox",
  "POST /admin/inbox/:id/letter": "inbox",
};

const ROLE_REFUSAL = "your role does not allow this";
const CSRF_REFUSAL = "did not come from this site";

/** The admin's routes as the app registered them, with parameter patterns reduced to their names. */
function registeredRoutes(): string[] {
  const app = createApp({ store: {} as never, log: createLogger() });
  const seen = new Set<string>();
  for (const route of app.routes) {
    if (route.method === "ALL" || !route.path.startsWith("/admin")) continue;
    const path = route.path.replace(/\{[^/]*\}(?=\/|$)/g, "").replace(/\/$/, "") || "/admin";
    seen.add(`${route.method} ${path}`);
  }
  return [...seen].sort();
}

it("knows the permission of every admin route", () => {
  const missing = registeredRoutes().filter((r) => !(r in ROUTES));
  expect(missing).toEqual([]);
});

describeEachStore("the admin's role matrix", (store) => {
  it("refuses every route to no session, to roles without its permission, and any change without the CSRF token", async () => {
    const app = createApp({ store: store(), log: createLogger(), pageCache: false });
    const accounts = new Map<Role, number>();
    for (const role of ROLES) {
      const { account } = await createAccount(store(), {
        email: `${role}@example.org`,
        role,
        languages: role === "translator" ? ["en"] : [],
      });
      accounts.set(role, account.id);
    }
    await store().db.updateTable("accounts").set({ must_change_password: 0 }).execute();
    const article = await createArticle(store(), { language: "en", title: "Matrix", body: "b" });
    await setOwner(store(), article.id, accounts.get("writer") as number);
    const concrete = (path: string) =>
      path
        .replace(
          /:id/,
          path.startsWith("/admin/accounts") ? String(accounts.get("writer")) : String(article.id),
        )
        .replace(/:\w+/g, "1");
    const auditCount = async () =>
      Number(
        (
          await store()
            .db.selectFrom("audit_events")
            .select((eb) => eb.fn.countAll().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );

    for (const route of registeredRoutes()) {
      const need = ROUTES[route];
      if (need === "open") continue;
      const [method, pattern] = route.split(" ") as [string, string];
      const url = `http://127.0.0.1${concrete(pattern)}`;
      const send = (headers: Record<string, string>, body?: string) =>
        app.request(url, {
          method,
          headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
          ...(method === "GET" ? {} : { body: body ?? "" }),
        });

      const anonymous = await send({});
      expect([route, anonymous.status]).toEqual([route, method === "GET" ? 303 : 401]);
      if (method === "GET") expect(anonymous.headers.get("location")).toMatch(/^\/admin\/login\?next=/);

      for (const role of ROLES) {
        const allowed = need === "session" || (need !== undefined && can(role, need));
        const { token, session } = await startSession(store(), accounts.get(role) as number, "matrix");
        const cookie = `broadside_session=${token}`;
        const before = await auditCount();
        if (method !== "GET") {
          const forged = await send({ cookie }, "_csrf=wrong");
          expect([route, role, forged.status]).toEqual([route, role, 403]);
          expect(await forged.text()).toContain(allowed ? CSRF_REFUSAL : "");
          expect(await auditCount()).toBe(before);
        }
        const res = await send({ cookie, "x-csrf-token": session.csrfToken });
        const text = await res.text();
        if (allowed) {
          expect([route, role, res.status === 401, text.includes(ROLE_REFUSAL)]).toEqual([
            route,
            role,
            false,
            false,
          ]);
        } else {
          expect([route, role, res.status]).toEqual([route, role, 403]);
          expect(text).toContain(ROLE_REFUSAL);
          expect(await auditCount()).toBe(before);
        }
      }
    }
  });
});
