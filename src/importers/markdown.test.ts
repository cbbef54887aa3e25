import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { readArticle } from "../content/reading.js";
import { InvalidError } from "../errors.js";
import { getSite } from "../i18n/editions.js";
import { publishJobKey } from "../jobs/jobs.js";
import { search } from "../search/search.js";
import { countArticles, findArticleBySlug } from "../storage/articles.js";
import { findJobByKey } from "../storage/jobs.js";
import { listQuotations } from "../storage/quotations.js";
import { findSourcesByKeys } from "../storage/sources.js";
import { describeEachStore } from "../storage/test-stores.js";
import { importMarkdown } from "./markdown.js";

const fixtures = new URL("./fixtures/", import.meta.url).pathname;
const answer = readFileSync(join(fixtures, "answer.md"), "utf8");

function folderWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "broadside-import-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  writeFileSync(join(dir, "sources.json"), readFileSync(join(fixtures, "sources.json")));
  return dir;
}

const good = (title: string) =>
  `---\ntitle: ${title}\nauthors: [A. Writer]\ndate: 2025-01-02\nlanguage: en\n---\n\nText.\n`;

describeEachStore("importing Markdown", (store) => {
  it("imports an article with its bylines, topics, reply, quotations and sources", async () => {
    const report = await importMarkdown(store(), [join(fixtures, "answer.md")]);
    expect(report).toEqual({ articles: 1, published: 1, drafts: 0 });
    const path = "/en/articles/2025/03/14/answering-the-friends-of-order-a-reply-on-the-purges";
    const view = await readArticle(store(), path);
    expect(view.article.title).toBe("Answering the “Friends of Order”: a reply on the Purges");
    expect(view.bylines.map((b) => b.name)).toEqual(["Amara Njoroge"]);
    expect(view.topics.map((t) => t.name)).toEqual(["History", "Kenya"]);
    expect(view.replies).toEqual([
      {
        title: "Order’s Defence: A Reply to Our Critics!!!",
        author: "J. M. Kariuki",
        publisher: "League for Order–Kenya",
        date: "",
      },
    ]);
    expect(view.article.html).toContain(
      "a pamphlet—its second in a month—that calls our criticism “an export unfit for the market.”",
    );
    expect(view.article.html).toContain("[Workers’ Party of Marxist Unification]");
    const quotations = await listQuotations(store(), view.article.id);
    expect(quotations.map((q) => [q.sourceKey, q.locator])).toEqual([
      ["archive-letters", "pp. 12, 15"],
      ["archive-letters", "ch. 3"],
    ]);
    expect((await findSourcesByKeys(store(), ["archive-letters"])).size).toBe(1);
  });

  it("imports a folder, translations after the articles they translate", async () => {
    const dir = folderWith({
      "a.md": readFileSync(join(fixtures, "translation.md"), "utf8"),
      "b.md": answer,
    });
    const report = await importMarkdown(store(), [dir]);
    expect(report.articles).toBe(2);
    const de = await findArticleBySlug(store(), "antwort-an-die-freunde-der-ordnung", "de");
    const view = await readArticle(store(), de?.path ?? "");
    expect(view.translations.map((t) => t.language)).toEqual(["en"]);
    expect(view.series?.series.title).toBe("Letters from the Archive");
  });

  const badFiles: [string, string, number, RegExp][] = [
    ["broken YAML", "---\ntitle: T\nlanguage: en: x\n---\nx\n", 3, /not valid YAML/],
    ["no title", "---\nlanguage: en\ndate: 2025-01-01\n---\nx\n", 1, /title/],
    ["an unknown language", "---\ntitle: T\nlanguage: xx\n---\nx\n", 3, /language/],
    ["an impossible date", "---\ntitle: T\nlanguage: en\ndate: 2025-02-30\n---\nx\n", 4, /date/],
    [
      "a translation_of naming no article",
      "---\ntitle: T\nlanguage: de\ntranslation_of: nothing-here\n---\nx\n",
      1,
      /translation_of/,
    ],
  ];
  for (const [what, text, line, message] of badFiles) {
    it(`refuses a batch with ${what}, naming the file and line, and imports nothing`, async () => {
      const dir = folderWith({ "1-good.md": good("Fine"), "2-bad.md": text, "3-good.md": good("Also fine") });
      const error = await importMarkdown(store(), [dir]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidError);
      const invalid = error as InvalidError;
      expect(invalid.file).toBe(join(dir, "2-bad.md"));
      expect(invalid.line).toBe(line);
      expect(invalid.message).toMatch(message);
      expect(await countArticles(store())).toBe(0);
    });
  }

  it("refuses two files with the same slug", async () => {
    const dir = folderWith({ "a.md": good("Same"), "b.md": good("Same") });
    await expect(importMarkdown(store(), [dir])).rejects.toThrow(/also used by/);
    expect(await countArticles(store())).toBe(0);
  });

  it("refuses a path with no Markdown files", async () => {
    await expect(importMarkdown(store(), [folderWith({})])).rejects.toThrow(/no Markdown files/);
  });

  it("publishes a dated file, schedules one dated ahead and keeps a draft", async () => {
    const file = (title: string, slug: string, date: string, extra = "") =>
      `---\ntitle: ${title}\nslug: ${slug}\nauthors: [A. Writer]\ndate: ${date}\nlanguage: en\n${extra}---\n\nText.\n`;
    const now = new Date("2026-06-01T00:00:00Z");
    const dir = folderWith({
      "a.md": file("First", "same", "2025-01-02"),
      "b.md": file("Second", "same-2", "2025-01-02"),
      "c.md": file("Ahead", "ahead", "2027-01-02"),
      "d.md": file("Unfinished", "unfinished", "2025-01-02", "status: draft\n"),
    });
    expect(await importMarkdown(store(), [dir], now)).toEqual({ articles: 4, published: 3, drafts: 1 });
    const first = await findArticleBySlug(store(), "same");
    expect([first?.status, first?.path]).toEqual(["published", "/en/articles/2025/01/02/same"]);
    expect((await readArticle(store(), "/en/articles/2025/01/02/same-2")).article.title).toBe("Second");
    const ahead = await findArticleBySlug(store(), "ahead");
    expect([ahead?.status, ahead?.path]).toEqual(["scheduled", null]);
    expect((await findJobByKey(store(), publishJobKey(ahead?.id ?? 0)))?.runAt).toBe(
      "2027-01-02T12:00:00.000Z",
    );
    const draft = await findArticleBySlug(store(), "unfinished");
    expect([draft?.status, draft?.path]).toEqual(["draft", null]);
    const found = await search(store(), await getSite(store()), "en", { q: "second" });
    expect(found.results.map((r) => r.article.title)).toEqual(["Second"]);
  });
});
