import { expect, it } from "vitest";
import { createAccount, LOGIN_LIMITS } from "../../accounts/accounts.js";
import { createLogger } from "../../log.js";
import { describeEachStore } from "../../storage/test-stores.js";
import { loginAs } from "../../test-support/admin.js";
import { createApp } from "../app.js";

const FORM = "application/x-www-form-urlencoded";

describeEachStore("logging in and out of the admin", (store) => {
  const app = () => createApp({ store: store(), log: createLogger() });
  const origin = "http://127.0.0.1";

  /** Opens the log-in page as a browser would and returns the cookie and token its form needs. */
  async function loginPage(a = app(), extraCookie = "") {
    const res = await a.request(
      `${origin}/admin/login`,
      extraCookie ? { headers: { cookie: extraCookie } } : {},
    );
    const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const token = /name="_login" value="([^"]+)"/.exec(await res.text())?.[1] ?? "";
    return { cookie, token };
  }

  async function logIn(email: string, password: string, a = app(), planted = "") {
    const { cookie, token } = await loginPage(a);
    return a.request(`${origin}/admin/login`, {
      method: "POST",
      headers: { cookie: [cookie, planted].filter(Boolean).join("; "), "content-type": FORM },
      body: new URLSearchParams({ email, password, _login: token, next: "/admin/account" }),
    });
  }

  function sessionOf(res: Response): string {
    const match = /broadside_session=([^;]+)/.exec(res.headers.get("set-cookie") ?? "");
    return match ? `broadside_session=${match[1]}` : "";
  }

  it("sends a visitor without a session to the log-in page, and a program a 401", async () => {
    const page = await app().request(`${origin}/admin/articles?status=draft`);
    expect(page.status).toBe(303);
    expect(page.headers.get("location")).toBe("/admin/login?next=%2Fadmin%2Farticles%3Fstatus%3Ddraft");
    const api = await app().request(`${origin}/admin/preview`, {
      method: "POST",
      headers: { accept: "application/json" },
    });
    expect(api.status).toBe(401);
    expect(await api.json()).toMatchObject({ error: { code: "unauthenticated" } });
  });

  it("logs in, asks for a new password after a one-time one, then lets the account in", async () => {
    const { password } = await createAccount(store(), { email: "new@example.org", role: "writer" });
    const res = await logIn("new@example.org", password);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/admin/account/password");
    const setCookie = res.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).not.toMatch(/Secure/);
    const cookie = sessionOf(res);
    const blocked = await app().request(`${origin}/admin/articles`, { headers: { cookie } });
    expect(blocked.headers.get("location")).toBe("/admin/account/password");
    const page = await app().request(`${origin}/admin/account/password`, { headers: { cookie } });
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? "";
    const change = (next: string) =>
      app().request(`${origin}/admin/account/password`, {
        method: "POST",
        headers: { cookie, "content-type": FORM },
        body: new URLSearchParams({ _csrf: csrf, current: password, next, confirm: next }),
      });
    const common = await change("iloveyou123");
    expect(common.status).toBe(400);
    expect(await common.text()).toContain("list of common passwords");
    const short = await change("tiny");
    expect(short.status).toBe(400);
    expect(await short.text()).toContain("too short");
    const good = await change("the harbour lights at dusk");
    expect(good.status).toBe(303);
    const list = await app().request(`${origin}/admin/articles`, { headers: { cookie } });
    expect(list.status).toBe(200);
  });

  it("marks the session cookie Secure and host-only when served over HTTPS", async () => {
    const { password } = await createAccount(store(), { email: "tls@example.org", role: "editor" });
    const secure = createApp({ store: store(), log: createLogger(), baseUrl: "https://news.example.org" });
    const res = await logIn("tls@example.org", password, secure);
    expect(res.headers.get("set-cookie")).toMatch(
      /^__Host-broadside_session=[^;]+; Max-Age=\d+; Path=\/; HttpOnly; Secure; SameSite=Lax/,
    );
  });

  it("answers a wrong password with 401 and the form again, and refuses a forged log-in form", async () => {
    await createAccount(store(), { email: "w@example.org", role: "writer" });
    const res = await logIn("w@example.org", "not it");
    expect(res.status).toBe(401);
    const html = await res.text();
    expect(html).toContain("the e-mail address or the password is wrong");
    expect(html).toContain('value="w@example.org"');
    const forged = await app().request(`${origin}/admin/login`, {
      method: "POST",
      headers: { "content-type": FORM },
      body: new URLSearchParams({ email: "w@example.org", password: "x", _login: "made-up" }),
    });
    expect(forged.status).toBe(403);
  });

  it("takes the client's address from our proxy's X-Forwarded-For only when told to trust it", async () => {
    await createAccount(store(), { email: "px@example.org", role: "writer" });
    const attempt = async (a: ReturnType<typeof app>) => {
      const { cookie, token } = await loginPage(a);
      await a.request(`${origin}/admin/login`, {
        method: "POST",
        headers: { cookie, "content-type": FORM, "x-forwarded-for": "10.0.0.1, 203.0.113.9" },
        body: new URLSearchParams({ email: "px@example.org", password: "wrong", _login: token }),
      });
    };
    await attempt(app());
    await attempt(createApp({ store: store(), log: createLogger(), trustProxy: true }));
    const rows = await store()
      .db.selectFrom("audit_events")
      .select("address")
      .where("action", "=", "login.failed")
      .orderBy("id")
      .execute();
    expect(rows.map((r) => r.address)).toEqual(["local", "203.0.113.9"]);
  });

  it("limits failed log-ins with 429 and Retry-After", async () => {
    await createAccount(store(), { email: "l@example.org", role: "writer" });
    for (let i = 0; i < LOGIN_LIMITS.account.max; i++)
      expect((await logIn("l@example.org", "guess")).status).toBe(401);
    const res = await logIn("l@example.org", "guess");
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("900");
  });

  it("never promotes a session token planted before log-in (fixation)", async () => {
    const victim = await loginAs(store(), "writer");
    const { password } = await createAccount(store(), { email: "fx@example.org", role: "editor" });
    await store().db.updateTable("accounts").set({ must_change_password: 0 }).execute();
    // An attacker plants their own live session, and an invented one, in the victim's browser.
    for (const planted of [victim.cookie, "broadside_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"]) {
      const res = await logIn("fx@example.org", password, app(), planted);
      expect(res.status).toBe(303);
      const issued = sessionOf(res);
      expect(issued).not.toBe(planted);
      const who = await app().request(`${origin}/admin/account`, { headers: { cookie: issued } });
      expect(await who.text()).toContain("fx@example.org");
    }
    // The planted live session has ended: logging in through it did not keep it alive.
    const old = await app().request(`${origin}/admin/account`, { headers: { cookie: victim.cookie } });
    expect(old.status).toBe(303);
  });

  it("refuses a session after log-out, and every session after log-out everywhere", async () => {
    const me = await loginAs(store(), "editor");
    const { startSession } = await import("../../accounts/sessions.js");
    const other = await startSession(store(), me.account.id, "phone");
    const out = await app().request(`${origin}/admin/logout`, {
      method: "POST",
      headers: { ...me.headers({ csrf: false }), "content-type": FORM },
      body: me.form({}),
    });
    expect(out.status).toBe(303);
    expect(out.headers.get("set-cookie")).toMatch(/broadside_session=;.*Max-Age=0/);
    const reused = await app().request(`${origin}/admin/articles`, { headers: me.headers() });
    expect(reused.status).toBe(303);
    expect(reused.headers.get("location")).toMatch(/^\/admin\/login/);
    const phone = `broadside_session=${other.token}`;
    const page = await app().request(`${origin}/admin/account`, { headers: { cookie: phone } });
    expect(page.status).toBe(200);
    const everywhere = await app().request(`${origin}/admin/logout-everywhere`, {
      method: "POST",
      headers: { cookie: phone, "x-csrf-token": other.session.csrfToken },
    });
    expect(everywhere.status).toBe(303);
    expect((await app().request(`${origin}/admin/account`, { headers: { cookie: phone } })).status).toBe(303);
  });

  it("refuses a state-changing request without this session's CSRF token or from another origin", async () => {
    const me = await loginAs(store(), "editor");
    const other = await loginAs(store(), "editor");
    const post = (headers: Record<string, string>, body?: URLSearchParams) =>
      app().request(`${origin}/admin/logout`, {
        method: "POST",
        headers: { "content-type": FORM, ...headers },
        body,
      });
    expect((await post(me.headers({ csrf: false }), me.form({}, { csrf: false }))).status).toBe(403);
    expect((await post(me.headers({ csrf: false }), other.form({}))).status).toBe(403);
    expect((await post({ ...me.headers(), origin: "https://evil.example" })).status).toBe(403);
    expect((await post(me.headers({ csrf: false }), new URLSearchParams({ _csrf: "" }))).status).toBe(403);
    // Still logged in: nothing happened.
    expect((await app().request(`${origin}/admin/account`, { headers: me.headers() })).status).toBe(200);
  });

  it("never sends a browser elsewhere after log-in", async () => {
    const { password } = await createAccount(store(), { email: "n@example.org", role: "editor" });
    await store().db.updateTable("accounts").set({ must_change_password: 0 }).execute();
    for (const next of [
      "//evil.example/",
      "https://evil.example/",
      "/\\evil.example",
      "/admin/../x",
      "javascript:alert(1)",
    ]) {
      const a = app();
      const { cookie, token } = await loginPage(a);
      const res = await a.request(`${origin}/admin/login`, {
        method: "POST",
        headers: { cookie, "content-type": FORM },
        body: new URLSearchParams({ email: "n@example.org", password, _login: token, next }),
      });
      const location = res.headers.get("location") ?? "";
      expect(location.startsWith("/admin")).toBe(true);
      expect(location.startsWith("//")).toBe(false);
    }
  });

  it("accepts an invitation by its link and logs the new account in", async () => {
    const admin = await loginAs(store(), "admin");
    const invite = await app().request(`${origin}/admin/accounts/invite`, {
      method: "POST",
      headers: { ...admin.headers({ csrf: false }), "content-type": FORM },
      body: admin.form({ email: "inv@example.org", role: "translator", languages: ["de"] }),
    });
    expect(invite.status).toBe(200);
    const link =
      /value="(http:\/\/127\.0\.0\.1\/admin\/invitations\/[^"]+)"/.exec(await invite.text())?.[1] ?? "";
    expect(link).not.toBe("");
    const path = new URL(link).pathname;
    const page = await app().request(`${origin}${path}`);
    const cookie = (page.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const html = await page.text();
    expect(html).toContain("inv@example.org");
    const token = /name="_login" value="([^"]+)"/.exec(html)?.[1] ?? "";
    const accept = await app().request(`${origin}${path}`, {
      method: "POST",
      headers: { cookie, "content-type": FORM },
      body: new URLSearchParams({
        _login: token,
        name: "Ines",
        password: "a ship in a bottle",
        confirm: "a ship in a bottle",
      }),
    });
    expect(accept.status).toBe(303);
    const reuse = await app().request(`${origin}${path}`);
    expect(reuse.status).toBe(409);
    expect((await app().request(`${origin}/admin/invitations/garbage`)).status).toBe(404);
  });
});
