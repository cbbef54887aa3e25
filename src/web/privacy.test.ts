// Bylines are not logins: whatever an account does, nothing a reader or a program can fetch tells which
// account stands behind a byline.
import { expect, it } from "vitest";
import { createAccount, updateAccountAccess } from "../accounts/accounts.js";
import { createLogger } from "../log.js";
import { createPerson } from "../people/people.js";
import { describeEachStore } from "../storage/test-stores.js";
import { loginAs } from "../test-support/admin.js";
import { createApp } from "./app.js";

const origin = "http://127.0.0.1";
const SECRET_EMAIL = "real.name.behind@example.org";
const SECRET_NAME = "Hidden Realname";

describeEachStore("the privacy of bylines", (store) => {
  it("shows no account's e-mail, name or id on any public page, feed, sitemap or API answer", async () => {
    const app = createApp({ store: store(), log: createLogger(), pageCache: false });
    const person = await createPerson(store(), { name: "Quill", kind: "pen_name" });
    const admin = await loginAs(store(), "admin");
    const { account } = await createAccount(store(), {
      email: SECRET_EMAIL,
      role: "writer",
      name: SECRET_NAME,
    });
    await updateAccountAccess(store(), admin.account, account.id, { personIds: [person], name: SECRET_NAME });
    // The writer's own draft, signed with the pen name, published by an editor.
    const { startSession } = await import("../accounts/sessions.js");
    const { token, session } = await startSession(store(), account.id, "test");
    await store()
      .db.updateTable("accounts")
      .set({ must_change_password: 0 })
      .where("id", "=", account.id)
      .execute();
    const created = await app.request(`${origin}/admin/articles`, {
      method: "POST",
      headers: {
        cookie: `broadside_session=${token}`,
        "x-csrf-token": session.csrfToken,
        "content-type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({
        title: "Under a pen name",
        language: "en",
        kind: "article",
        persons: String(person),
      }),
    });
    expect(created.status).toBe(303);
    const id = Number(/(\d+)/.exec(created.headers.get("location") ?? "")?.[1]);
    const { publishArticle, getArticle } = await import("../content/articles.js");
    await publishArticle(store(), id, new Date("2026-02-08T10:00:00Z"));
    const article = await getArticle(store(), id);

    const paths = [
      article.path ?? "",
      "/en/",
      "/en/authors/quill",
      "/en/authors/quill/feed.xml",
      "/en/authors/quill/atom.xml",
      "/en/authors/quill/feed.json",
      "/en/feed.xml",
      "/en/atom.xml",
      "/en/feed.json",
      "/en/archive/2026/02",
      "/en/search?q=pen",
      "/sitemap.xml",
      "/sitemaps/articles-1.xml",
      "/api/v1/articles",
      `/api/v1/articles/${id}`,
      "/api/v1/people",
      "/api/v1/search?q=pen",
    ];
    for (const path of paths) {
      const res = await app.request(`${origin}${path}`);
      const text = await res.text();
      expect([path, res.status < 400]).toEqual([path, true]);
      for (const secret of [SECRET_EMAIL, SECRET_NAME, "real.name", "Realname"]) {
        expect([path, text.includes(secret)]).toEqual([path, false]);
      }
      expect([path, /account/i.test(text)]).toEqual([path, false]);
    }
  });
});
