// Media in a real browser: a writer uploads a photograph through the library's form, copies its Markdown;
// the published article shows it as a responsive picture the browser loads in WebP, with nothing of the
// camera, the uploader or the file's name in what it receives; a PDF attached to it is offered for download.

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "../../src/accounts/accounts.js";
import { hashPassword } from "../../src/accounts/passwords.js";
import { createArticle, publishArticle } from "../../src/content/articles.js";
import { createLogger } from "../../src/log.js";
import { cameraJpeg, pdf } from "../../src/media/fixtures/files.js";
import { attachDocument, uploadMedia } from "../../src/media/media.js";
import { openStore, type Store } from "../../src/storage/store.js";
import { createRequestListener } from "../../src/web/app.js";
import { hasChromium, launchBrowser } from "./browser.js";

/** What the test reads of an <img> in the page (the DOM's types are not part of this project's build). */
interface ImageElement {
  complete: boolean;
  naturalWidth: number;
  currentSrc: string;
}

const PASSWORD = "a picture is worth a thousand words";

describe.skipIf(!hasChromium)("media in a browser", () => {
  let dataDir: string;
  let store: Store;
  let origin: string;
  let closeServer: () => Promise<void>;
  let browser: { context: BrowserContext; close: () => Promise<void> };
  let page: Page;
  /** What the page asked for and did not get (the browser's own favicon request aside). */
  const failures: string[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "broadside-e2e-media-"));
    store = await openStore({ dataDir });
    const server = createServer(
      createRequestListener({ store, log: createLogger(), mediaDir: join(dataDir, "media") }),
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    closeServer = () => new Promise((resolve) => server.close(() => resolve()));
    const { account } = await createAccount(store, { email: "writer@example.org", role: "writer" });
    await store.db
      .updateTable("accounts")
      .set({ password_hash: await hashPassword(PASSWORD), must_change_password: 0 })
      .where("id", "=", account.id)
      .execute();
    browser = await launchBrowser();
    page = await browser.context.newPage();
    page.on("response", (response) => {
      if (response.status() >= 400 && !response.url().endsWith("/favicon.ico")) {
        failures.push(`${response.status()} ${response.url()}`);
      }
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await closeServer?.();
    await store?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("uploads a photograph and shows it on the published article as a WebP picture, stripped", async () => {
    await page.goto(`${origin}/admin/media`);
    await page.fill("#email", "writer@example.org");
    await page.fill("#password", PASSWORD);
    await page.click("button[type=submit]");
    await page.waitForURL(`${origin}/admin/media`);

    const file = join(dataDir, "IMG_0042 Comrade K at home.jpg");
    writeFileSync(file, await cameraJpeg());
    await page.setInputFiles("#media-file", file);
    await page.fill("#new-alt", "A red banner on a blue wall");
    await page.fill("#new-caption", "The hall before the meeting");
    await page.fill("#new-credit", "Union archive");
    await page.click("form[enctype='multipart/form-data'] button[type=submit]");
    await page.waitForURL(/done=uploaded/);
    expect(await page.textContent(".notice")).toContain("Uploaded.");
    const thumb = page.locator("img.media-thumb").first();
    await expect.poll(() => thumb.evaluate((img: ImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    const snippet = await page.locator("input.copyable").first().inputValue();
    expect(snippet).toMatch(/^!\[A red banner on a blue wall\]\(\/media\/[0-9a-f]{32}\/1000\.jpg "The hall/);

    const editorAccount = await createAccount(store, { email: "editor@example.org", role: "editor" });
    const doc = await uploadMedia(
      store,
      editorAccount.account,
      { bytes: pdf(), name: "secret minutes.pdf", caption: "Minutes of the meeting" },
      { mediaDir: join(dataDir, "media") },
    );
    const article = await createArticle(store, {
      language: "en",
      title: "The meeting",
      body: `The hall filled early.\n\n${snippet}\n\nThe vote was taken at noon.`,
    });
    await attachDocument(store, editorAccount.account, article.id, doc.id);
    const published = await publishArticle(store, article.id);

    const received: { url: string; type: string; body: Buffer }[] = [];
    page.on("response", async (response) => {
      if (response.url().includes("/media/")) {
        received.push({
          url: response.url(),
          type: response.headers()["content-type"] ?? "",
          body: await response.body().catch(() => Buffer.alloc(0)),
        });
      }
    });
    await page.setViewportSize({ width: 800, height: 3000 });
    await page.goto(`${origin}${published.path}`);
    const img = page.locator("figure.media-figure img");
    await expect
      .poll(() => img.evaluate((i: ImageElement) => i.complete && i.naturalWidth))
      .toBeGreaterThan(0);
    const current = await img.evaluate((i: ImageElement) => i.currentSrc);
    expect(current).toMatch(/\/media\/[0-9a-f]{32}\/\d+\.webp$/);
    expect(await page.textContent("figure.media-figure figcaption")).toBe(
      "The hall before the meeting — Union archive",
    );
    expect(await img.getAttribute("alt")).toBe("A red banner on a blue wall");
    const link = page.locator("section.documents a");
    expect(await link.textContent()).toBe("Minutes of the meeting");
    const html = await page.content();
    for (const secret of [
      "IMG_0042",
      "Comrade K",
      "secret minutes",
      "writer@example.org",
      "editor@example.org",
    ]) {
      expect(html).not.toContain(secret);
    }
    await expect.poll(() => received.some((r) => r.type === "image/webp")).toBe(true);
    for (const r of received) {
      expect(r.body.toString("latin1")).not.toContain("Exif");
      expect(r.body.toString("latin1")).not.toContain("Secret Photographer");
    }
    expect(failures).toEqual([]);
  }, 60_000);
});
