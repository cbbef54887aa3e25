// A reader writes to the editors in a real browser; an editor logs in and finds the letter in the inbox,
// where nothing the reader typed runs as script.
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "../../src/accounts/accounts.js";
import { hashPassword } from "../../src/accounts/passwords.js";
import { createLogger } from "../../src/log.js";
import { updateAccount } from "../../src/storage/accounts.js";
import { openStore, type Store } from "../../src/storage/store.js";
import { createRequestListener } from "../../src/web/app.js";
import { hasChromium, launchBrowser } from "./browser.js";

const SUBJECT = "<img src=x onerror=alert('subject')> about the strike";
const BODY = [
  "Dear editors,",
  "<script>alert('script')</script>",
  "<img src=x onerror=alert('img')>",
  "<svg onload=alert('svg')></svg>",
  "[a link](javascript:alert('md'))",
  "Yours, a reader",
].join("\n");
const PASSWORD = "a long and private passphrase";
/** Shortened for the test; the app's default is about three seconds. */
const MIN_SECONDS = 1;

describe.skipIf(!hasChromium)("a letter from a reader, in a browser", () => {
  let store: Store;
  let origin = "";
  let closeSite: () => Promise<void>;
  let browser: { context: BrowserContext; close: () => Promise<void> };
  let page: Page;
  const dialogs: string[] = [];
  const foreignRequests: string[] = [];

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "broadside-e2e-contact-"));
    store = await openStore({ dataDir });
    const server = createServer(
      createRequestListener({ store, log: createLogger(), contact: { minSeconds: MIN_SECONDS } }),
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    closeSite = async () => {
      await new Promise((r) => server.close(r));
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    };
    const { account } = await createAccount(store, { email: "editor@example.org", role: "editor" });
    await updateAccount(store, account.id, {
      passwordHash: await hashPassword(PASSWORD),
      mustChangePassword: false,
    });
    browser = await launchBrowser();
    page = await browser.context.newPage();
    page.on("dialog", async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    page.on("request", (request) => {
      if (!request.url().startsWith(origin)) foreignRequests.push(request.url());
    });
  });

  afterAll(async () => {
    await browser?.close();
    await closeSite?.();
  });

  it("lets a reader send a letter from the contact page", async () => {
    await page.goto(`${origin}/en/`);
    await page.getByRole("link", { name: "Contact" }).click();
    expect(new URL(page.url()).pathname).toBe("/en/contact");
    await page.getByLabel("Your name").fill("Rosa Reader");
    await page.getByLabel("Your e-mail address").fill("rosa@example.org");
    await page.getByLabel("Subject").fill(SUBJECT);
    // The honeypot is not in the keyboard's path: from the subject, Tab goes on to the letter.
    await page.keyboard.press("Tab");
    expect(await page.locator(":focus").getAttribute("id")).toBe("contact-body");
    await page.getByLabel("Your letter").fill(BODY);
    await page.waitForTimeout(MIN_SECONDS * 1000 + 300);
    await page.getByRole("button", { name: "Send the letter" }).click();
    await expect.poll(() => page.getByRole("status").textContent()).toContain("has been received and stored");
    const stored = await store.db.selectFrom("contact_messages").selectAll().execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ name: "Rosa Reader", subject: SUBJECT, body: BODY });
  });

  it("refuses a form sent back at once, and keeps what the reader wrote", async () => {
    await page.goto(`${origin}/en/contact`);
    await page.getByLabel("Your name").fill("Quick Reader");
    await page.getByLabel("Your e-mail address").fill("quick@example.org");
    await page.getByLabel("Subject").fill("Fast");
    await page.getByLabel("Your letter").fill("Sent without a pause.");
    await page.getByRole("button", { name: "Send the letter" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("quicker than anyone can type");
    expect(await page.getByLabel("Your letter").inputValue()).toBe("Sent without a pause.");
    // The same form, sent again after a pause, goes through.
    await page.waitForTimeout(MIN_SECONDS * 1000 + 300);
    await page.getByRole("button", { name: "Send the letter" }).click();
    await expect.poll(() => page.getByRole("status").textContent()).toContain("has been received");
  });

  it("lets an editor log in and find the letter in the inbox, where nothing of it runs", async () => {
    await page.goto(`${origin}/admin/inbox`);
    expect(new URL(page.url()).pathname).toBe("/admin/login");
    await page.getByLabel("E-mail").fill("editor@example.org");
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.waitForURL(`${origin}/admin/inbox`);
    await page.getByRole("link", { name: SUBJECT }).click();
    await page.waitForLoadState("load");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(SUBJECT);
    // biome-ignore lint/performance/useDomNodeTextContent: the text as shown, its line breaks included.
    const letter = await page.getByRole("region", { name: "The letter" }).innerText();
    expect(letter).toBe(BODY);
    expect(await page.locator("main img, main svg, main script").count()).toBe(0);
    await page.mouse.move(10, 10);
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    const list = await (await page.goto(`${origin}/admin/inbox?status=read`))?.text();
    expect(list).toContain("Read (1)");
  });

  it("fetches nothing from any other host", () => {
    expect(foreignRequests).toEqual([]);
  });
});
