// The newsroom in a real browser: an editor logs in, writes an article with a footnote and a citation from
// the toolbar, sees the preview, saves, schedules it, and finds it on the site once the job runner has
// published it; a writer cannot reach the admins' and editors' pages.

import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "../../src/accounts/accounts.js";
import { hashPassword } from "../../src/accounts/passwords.js";
import { getArticle } from "../../src/content/articles.js";
import { JOB_HANDLERS } from "../../src/jobs/handlers.js";
import { createJobRunner } from "../../src/jobs/runner.js";
import { createPerson } from "../../src/people/people.js";
import { upsertSource } from "../../src/storage/sources.js";
import type { Store } from "../../src/storage/store.js";
import { hasChromium, launchBrowser, serveFreshStore } from "./browser.js";

const PASSWORD = "the long march of the tortoise";

async function accountWithPassword(
  store: Store,
  email: string,
  role: "editor" | "writer",
  personIds: number[],
) {
  const { account } = await createAccount(store, { email, role, personIds });
  await store.db
    .updateTable("accounts")
    .set({ password_hash: await hashPassword(PASSWORD), must_change_password: 0 })
    .where("id", "=", account.id)
    .execute();
  return account;
}

describe.skipIf(!hasChromium)("the newsroom in a browser", () => {
  let site: { store: Store; origin: string; close: () => Promise<void> };
  let browser: { context: BrowserContext; close: () => Promise<void> };
  let page: Page;
  const foreignRequests: string[] = [];
  const dialogs: string[] = [];

  beforeAll(async () => {
    site = await serveFreshStore();
    const pen = await createPerson(site.store, { name: "Ada Quill", kind: "pen_name" });
    await upsertSource(
      site.store,
      "trotsky-1937",
      JSON.stringify({
        id: "trotsky-1937",
        type: "chapter",
        title: "The Beginning of the End",
        author: [{ family: "Trotsky", given: "Leon" }],
        "container-title": "Writings of Leon Trotsky [1936–37]",
        issued: { "date-parts": [[1978]] },
      }),
    );
    await accountWithPassword(site.store, "editor@example.org", "editor", [pen]);
    await accountWithPassword(site.store, "writer@example.org", "writer", []);
    browser = await launchBrowser();
    page = await browser.context.newPage();
    page.on("request", (request) => {
      if (!request.url().startsWith(site.origin)) foreignRequests.push(request.url());
    });
    page.on("dialog", async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  async function logIn(email: string) {
    await page.goto(`${site.origin}/admin/articles`);
    expect(new URL(page.url()).pathname).toBe("/admin/login");
    await page.fill("#email", email);
    await page.fill("#password", PASSWORD);
    await page.click("button[type=submit]");
    await page.waitForURL(`${site.origin}/admin/articles`);
  }

  it("writes, previews, schedules and publishes an article with a footnote and a citation", async () => {
    await logIn("editor@example.org");
    await page.click("text=New article");
    await page.fill("#title", "The strike and its lessons");
    await page.selectOption("#persons", { label: "Ada Quill" });
    await page.click("text=Create draft");
    await page.waitForURL(/\/admin\/articles\/\d+\?done=created/);
    const id = Number(/articles\/(\d+)/.exec(page.url())?.[1]);

    await page.fill("#body", "");
    await page.focus("#body");
    await page.keyboard.type("The strike spread as the old leaders had warned ");
    await page.selectOption("select[data-insert=citation]", "trotsky-1937");
    await page.keyboard.type("378");
    await page.keyboard.press("End");
    await page.keyboard.type(".");
    await page.click("button[data-insert=footnote]");
    await page.keyboard.type("The warning was printed in June 1937.");
    expect(await page.inputValue("#body")).toBe(
      "The strike spread as the old leaders had warned [@trotsky-1937, p. 378].[^1]\n\n[^1]: The warning was printed in June 1937.",
    );

    const preview = page.locator("[data-preview]");
    await expect.poll(() => preview.locator(".footnotes").count(), { timeout: 10_000 }).toBe(1);
    expect(await preview.textContent()).toContain("The warning was printed in June 1937.");
    expect(await preview.textContent()).toContain("Trotsky");
    expect(await preview.textContent()).not.toContain("[@trotsky-1937");

    await page.click(".editor .actions button[type=submit]");
    await page.waitForURL(/done=saved/);
    expect(await page.textContent(".notice")).toContain("Saved.");

    const at = new Date(Date.now() + 10 * 60_000);
    await page.fill("#schedule-at", at.toISOString().slice(0, 16));
    await page.click(".schedule-form button[type=submit]");
    await page.waitForURL(/done=scheduled/);
    expect((await getArticle(site.store, id)).status).toBe("scheduled");

    // The runner, with its clock past the chosen time, publishes as a server's runner would then.
    const runner = createJobRunner({
      store: site.store,
      handlers: JOB_HANDLERS,
      clock: () => new Date(at.getTime() + 60_000),
    });
    expect(await runner.runOnce()).toBe(1);
    const article = await getArticle(site.store, id);
    expect(article.status).toBe("published");

    await page.goto(`${site.origin}${article.path}`);
    expect(await page.textContent("h1")).toBe("The strike and its lessons");
    expect(await page.textContent("article")).toContain("Ada Quill");
    expect(await page.locator("section.footnotes li").count()).toBe(1);
    expect(await page.textContent("main")).not.toContain("editor@example.org");
    await page.goto(`${site.origin}/en/`);
    expect(await page.textContent("main")).toContain("The strike and its lessons");
  }, 60_000);

  it("keeps a writer out of the admins' and editors' pages", async () => {
    await page.goto(`${site.origin}/admin/account`);
    await page.click("text=Log out");
    await page.waitForURL(/\/admin\/login/);
    await logIn("writer@example.org");
    const nav = await page.textContent(".admin-bar nav");
    expect(nav).toContain("Articles");
    expect(nav).not.toContain("Accounts");
    expect(nav).not.toContain("Letters");
    for (const path of ["/admin/accounts", "/admin/audit", "/admin/inbox", "/admin/people"]) {
      const response = await page.goto(`${site.origin}${path}`);
      expect([path, response?.status()]).toEqual([path, 403]);
      expect(await page.textContent("h1")).toBe("Not allowed");
    }
    expect(foreignRequests).toEqual([]);
    expect(dialogs).toEqual([]);
  }, 60_000);
});
