// A reader's journey in a real browser: front page → article → person → topic, with nothing fetched from
// another host and no script from content ever run.

import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createArticle, publishArticle } from "../../src/content/articles.js";
import { createPerson } from "../../src/people/people.js";
import type { Store } from "../../src/storage/store.js";
import { addSource } from "../../src/test-support/publication.js";
import { createTopic } from "../../src/topics/topics.js";
import { hasChromium, launchBrowser, serveFreshStore } from "./browser.js";

const XSS_VECTORS = [
  "<script>alert('script')</script>",
  "<img src=x onerror=alert('img')>",
  "<svg onload=alert('svg')></svg>",
  "<iframe src=\"javascript:alert('iframe')\"></iframe>",
  "<a href=\"javascript:alert('href')\">click</a>",
  "[md link](javascript:alert('md'))",
  "<a href=\"jav&#x09;ascript:alert('entity')\">x</a>",
  "<a href=\"data:text/html,<script>alert('data')</script>\">d</a>",
  "<object data=\"javascript:alert('object')\"></object>",
  "<embed src=\"javascript:alert('embed')\">",
  "<details open ontoggle=alert('details')>",
  "<body onload=alert('body')>",
  "<math><mtext><table><mglyph><style><img src=x onerror=alert('mxss')>",
  "<scr<script>ipt>alert('nested')</scr</script>ipt>",
  "<img src=x onerror=alert('unclosed')//",
  '<meta http-equiv="refresh" content="0;url=javascript:alert(\'meta\')">',
  "<form action=\"javascript:alert('form')\"><button>go</button></form>",
  "<input autofocus onfocus=alert('input')>",
  "<video><source onerror=alert('video')></video>",
  "<style>@import 'javascript:alert(1)';</style>",
  "\"><script>alert('break')</script>",
  "<noscript><p title=\"</noscript><img src=x onerror=alert('noscript')>\">",
];

describe.skipIf(!hasChromium)("reading the site in a browser", () => {
  let site: { store: Store; origin: string; close: () => Promise<void> };
  let browser: { context: BrowserContext; close: () => Promise<void> };
  let page: Page;
  const foreignRequests: string[] = [];
  const dialogs: string[] = [];
  let articlePath = "";
  let evilPath = "";

  beforeAll(async () => {
    site = await serveFreshStore();
    const person = await createPerson(site.store, {
      name: "Rosa Weiss",
      kind: "pen_name",
      bio: "Writes on history.",
    });
    const topic = await createTopic(site.store, { name: "History" });
    await addSource(site.store, "source");
    const article = await createArticle(site.store, {
      language: "en",
      title: "The lessons of 1937",
      standfirst: "What the purges destroyed, and why it matters now.",
      body: "An argument in earnest.[^1]\n\n> A long quotation.\n>\n> [@source, p. 3]\n\n[^1]: The note.\n",
      personIds: [person],
      topicIds: [topic],
    });
    articlePath = (await publishArticle(site.store, article.id, new Date("2025-06-01T09:00:00Z"))).path ?? "";
    const evil = await createArticle(site.store, {
      language: "en",
      title: `Hostile <script>alert('title')</script>`,
      body: XSS_VECTORS.join("\n\n"),
      personIds: [person],
    });
    evilPath = (await publishArticle(site.store, evil.id, new Date("2025-06-02T09:00:00Z"))).path ?? "";
    browser = await launchBrowser();
    page = await browser.context.newPage();
    page.on("request", (request) => {
      if (!request.url().startsWith(site.origin)) foreignRequests.push(request.url());
    });
    page.on("dialog", async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it("goes from the front page to an article, its author and its topic", async () => {
    await page.goto(`${site.origin}/`);
    expect(new URL(page.url()).pathname).toBe("/en/");
    await page.getByRole("link", { name: "The lessons of 1937" }).first().click();
    await page.waitForURL(`**${articlePath}`);
    expect(await page.locator("h1").allTextContents()).toEqual(["The lessons of 1937"]);
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    expect(await page.locator("figure.quotation figcaption").textContent()).toContain("p. 3");
    await page.getByRole("link", { name: "Rosa Weiss" }).first().click();
    expect(await page.locator("h1").textContent()).toBe("Rosa Weiss");
    await page.goto(`${site.origin}${articlePath}`);
    await page.getByRole("link", { name: "History" }).click();
    expect(await page.locator("h1").textContent()).toBe("History");
  });

  it("keeps landmarks and heading order on every kind of page", async () => {
    const pages = [
      articlePath,
      "/en/",
      "/en/authors/rosa-weiss",
      "/en/topics/history",
      "/en/topics",
      "/en/archive/2025",
      "/en/archive/2025/06",
      "/en/search?q=purges",
      "/en/search",
      "/en/nothing-here",
    ];
    for (const path of pages) {
      await page.goto(`${site.origin}${path}`);
      const outline = await page
        .locator("h1, h2, h3, h4, h5, h6")
        .evaluateAll((els) => els.map((e) => Number(e.tagName[1])));
      expect(
        outline.filter((level) => level === 1),
        path,
      ).toHaveLength(1);
      for (let i = 1; i < outline.length; i++) {
        expect((outline[i] ?? 0) - (outline[i - 1] ?? 0), `${path}: heading levels skip`).toBeLessThanOrEqual(
          1,
        );
      }
      for (const landmark of ["banner", "main", "contentinfo", "navigation"] as const) {
        expect(await page.getByRole(landmark).count(), `${path}: ${landmark}`).toBeGreaterThan(0);
      }
      expect(await page.locator("html").getAttribute("lang")).toBe("en");
    }
  });

  it("searches from the box in the masthead, and narrows and reorders by the links", async () => {
    await page.goto(`${site.origin}/en/topics`);
    expect(await page.getByRole("search").count()).toBe(1);
    await page.getByRole("searchbox", { name: "Search the archive" }).fill("earnest");
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.pathname === "/en/search" && url.search === "?q=earnest");
    expect(await page.locator("h1").textContent()).toBe("Search results for “earnest”");
    expect(await page.getByRole("status").textContent()).toBe("One article found");
    expect(await page.locator(".search-results mark").first().textContent()).toBe("earnest");
    await page.getByRole("link", { name: "Newest first" }).click();
    await page.waitForURL((url) => url.search === "?q=earnest&order=newest");
    await page.getByRole("link", { name: "The lessons of 1937" }).click();
    await page.waitForURL(`**${articlePath}`);
    await page.goto(`${site.origin}/en/search?q=${encodeURIComponent("<script>alert('q')</script>")}`);
    expect(await page.locator("#search-page-q").inputValue()).toBe("<script>alert('q')</script>");
    expect(dialogs).toEqual([]);
  });

  it("offers a skip link as the first stop of the keyboard", async () => {
    await page.goto(`${site.origin}${articlePath}`);
    await page.keyboard.press("Tab");
    const focused = await page.locator(":focus").textContent();
    expect(focused).toBe("Skip to content");
  });

  it("runs no script from hostile content", async () => {
    await page.goto(`${site.origin}${evilPath}`);
    await page.waitForLoadState("load");
    await page.mouse.move(10, 10);
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    const scripts = await page.locator("script").evaluateAll((els) => els.map((e) => e.getAttribute("type")));
    expect(scripts).toEqual(["application/ld+json"]);
  });

  it("fetches nothing from any other host", () => {
    expect(foreignRequests).toEqual([]);
  });
});
