import { expect, it } from "vitest";
import { createArticle, getArticle, saveArticle } from "../content/articles.js";
import { publishNow } from "../content/workflow.js";
import { ConflictError, ForbiddenError, InvalidError, NotFoundError } from "../errors.js";
import { JOB_HANDLERS } from "../jobs/handlers.js";
import { enqueueJob } from "../jobs/jobs.js";
import { createJobRunner } from "../jobs/runner.js";
import {
  listArticleQuotations,
  overrideQuotation,
  unresolvedQuotations,
} from "../quotations/article-quotations.js";
import { listAuditEvents } from "../storage/audit.js";
import type { Store } from "../storage/store.js";
import { describeEachStore } from "../storage/test-stores.js";
import { loginAs } from "../test-support/admin.js";
import {
  attachSourceText,
  deleteSource,
  exportSources,
  getSource,
  importSources,
  listSources,
  removeSourceText,
  saveSource,
} from "./sources.js";

const NOW = new Date("2031-03-01T09:00:00Z");

const LEDGER = `@book{marlow-ledger-1911,
  author = {Marlow, Edith},
  title = {The Harbour Ledger},
  publisher = {Quayside Press},
  address = {Bristol},
  year = {1911}
}
@article{quill-tariffs-1922,
  author = {Quill, Amos},
  title = {On Tariffs and Tides},
  journal = {The Coastal Review},
  volume = {4},
  pages = {12--19},
  year = {1922}
}
`;

// Written for these tests: four pages of a ledger-keeper's memoir, page breaks marked as pdftotext does.
const LEDGER_TEXT = [
  "[page 41]",
  "The harbour was quiet in the winter of that year. Ships waited for the spring tides, and the clerks " +
    "counted what the warehouses held. Nobody believed the tariff would last beyond the summer.",
  "[page 42]",
  "We did not raise the dues on grain, whatever the council said afterwards. The dockers knew it and the " +
    "merchants knew it, and the ledger shows it plainly on every line of the autumn accounts.",
  "[page 43]",
  "In the spring the first ships came in heavy with timber and salt. The council met in the long room above " +
    "the customs house and argued late into the night about the lamps on the quay.",
  "[page 44]",
  "The ledger was closed at midsummer and sent to the city, where it sat unread for a generation.",
].join("\n");

function body(quote: string, locator = "p. 42"): string {
  return `The keeper of the ledger was plain about it:\n\n> ${quote}\n>\n> [@marlow-ledger-1911, ${locator}]\n\nSo much for the council.\n`;
}

async function library(store: Store) {
  await importSources(store, LEDGER, "ledger.bib", null, NOW);
  await attachSourceText(store, "marlow-ledger-1911", LEDGER_TEXT, "text", { now: NOW });
}

describeEachStore("the source library", (store) => {
  it("imports BibTeX as CSL-JSON keyed by citation key, all or nothing", async () => {
    const result = await importSources(store(), LEDGER, "ledger.bib", null, NOW);
    expect(result.created.sort()).toEqual(["marlow-ledger-1911", "quill-tariffs-1922"]);
    const ledger = await getSource(store(), "marlow-ledger-1911");
    expect(ledger).toMatchObject({ type: "book", title: "The Harbour Ledger", publisher: "Quayside Press" });
    const broken = `${LEDGER}@book{broken-1900, title = {Unclosed`;
    await expect(importSources(store(), broken, "more.bib")).rejects.toThrow(InvalidError);
    expect((await listSources(store(), { limit: 10 })).map((s) => s.key)).toEqual([
      "marlow-ledger-1911",
      "quill-tariffs-1922",
    ]);
  });

  it("refuses a title carrying script, naming the entry, and imports nothing", async () => {
    const hostile = LEDGER.replace("The Harbour Ledger", "<script>alert(1)</script>");
    await expect(importSources(store(), hostile, "hostile.bib")).rejects.toThrow(/marlow-ledger-1911/);
    expect(await listSources(store(), { limit: 10 })).toEqual([]);
  });

  it("pages through the library by key and narrows it by a key's start", async () => {
    await importSources(store(), LEDGER, "ledger.bib", null, NOW);
    const first = await listSources(store(), { limit: 1 });
    const second = await listSources(store(), { limit: 1, after: first[0]?.key });
    expect([first[0]?.key, second[0]?.key]).toEqual(["marlow-ledger-1911", "quill-tariffs-1922"]);
    expect((await listSources(store(), { limit: 10, prefix: "quill" })).map((s) => s.key)).toEqual([
      "quill-tariffs-1922",
    ]);
  });

  it("adds one source from pasted text, refuses a second with the same key, and keeps a key on edit", async () => {
    const item = await saveSource(store(), LEDGER.split("@article")[0] ?? "", { now: NOW });
    expect(item.id).toBe("marlow-ledger-1911");
    await expect(saveSource(store(), LEDGER.split("@article")[0] ?? "")).rejects.toThrow(ConflictError);
    const renamed = (LEDGER.split("@article")[0] ?? "").replace("marlow-ledger-1911", "other-key");
    await expect(saveSource(store(), renamed, { key: "marlow-ledger-1911" })).rejects.toThrow(
      /cannot change/,
    );
  });

  it("renders citations from the library and refuses a citation of an unknown source, with its line", async () => {
    await library(store());
    const article = await createArticle(store(), { language: "en", title: "Dues", body: body("x y z") }, NOW);
    expect(article.html).toContain("The Harbour Ledger");
    expect(article.html).not.toContain("[@marlow");
    const unknown = "First line.\n\nSecond line cites [@nobody-1900, p. 3].\n";
    const error = await createArticle(store(), { language: "en", title: "Bad", body: unknown }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(InvalidError);
    expect(error.message).toContain("nobody-1900");
    expect(error.line).toBe(3);
  });

  it("exports the library and one article's sources as CSL-JSON, BibTeX and RIS", async () => {
    await library(store());
    const article = await createArticle(store(), { language: "en", title: "Dues", body: body("x") }, NOW);
    const json = JSON.parse(await exportSources(store(), "csl-json")) as { id: string }[];
    expect(json.map((i) => i.id).sort()).toEqual(["marlow-ledger-1911", "quill-tariffs-1922"]);
    const bib = await exportSources(store(), "bibtex", { articleId: article.id });
    expect(bib).toContain("marlow-ledger-1911");
    expect(bib).not.toContain("quill-tariffs-1922");
    expect(await exportSources(store(), "ris", { articleId: article.id })).toMatch(/^TY {2}- BOOK/m);
  });

  it("lets a writer give a source its text, but only an editor replace it", async () => {
    await importSources(store(), LEDGER, "ledger.bib", null, NOW);
    const writer = await loginAs(store(), "writer");
    const editor = await loginAs(store(), "editor");
    await attachSourceText(store(), "marlow-ledger-1911", LEDGER_TEXT, "text", { actor: writer.account });
    await expect(
      attachSourceText(store(), "marlow-ledger-1911", "Another text.", "text", { actor: writer.account }),
    ).rejects.toThrow(ForbiddenError);
    await attachSourceText(store(), "marlow-ledger-1911", "Another text.", "text", { actor: editor.account });
  });

  it("edits only a source that exists", async () => {
    await expect(
      saveSource(store(), LEDGER.split("@article")[0] ?? "", { key: "marlow-ledger-1911" }),
    ).rejects.toThrow(NotFoundError);
  });

  it("refuses to delete a cited source, and deletes one nobody cites", async () => {
    await library(store());
    await createArticle(store(), { language: "en", title: "Dues", body: body("x") }, NOW);
    await expect(deleteSource(store(), "marlow-ledger-1911")).rejects.toThrow(/cited by “Dues”/);
    await deleteSource(store(), "quill-tariffs-1922");
    await expect(getSource(store(), "quill-tariffs-1922")).rejects.toThrow(NotFoundError);
  });
});

describeEachStore("quotation checks", (store) => {
  const faithful = "We did not raise the dues on grain, whatever the council said afterwards.";
  const altered = "We did raise the dues on grain, whatever the council said afterwards.";

  it("checks each quotation at save against the source's text, with its pages", async () => {
    await library(store());
    const article = await createArticle(
      store(),
      { language: "en", title: "Dues", body: body(faithful) },
      NOW,
    );
    const [quotation] = await listArticleQuotations(store(), article.id);
    expect(quotation?.check?.status).toBe("exact");
    expect(quotation?.check?.passages[0]?.pages).toEqual(["42"]);
    expect(quotation?.check?.excerpt).toContain("We did not raise the dues on grain");
  });

  it("finds a dropped “not”, on the wrong page too", async () => {
    await library(store());
    const a = await createArticle(store(), { language: "en", title: "A", body: body(altered) }, NOW);
    expect((await listArticleQuotations(store(), a.id))[0]?.check?.status).toBe("altered");
    const b = await createArticle(
      store(),
      { language: "en", title: "B", body: body(faithful, "p. 43") },
      NOW,
    );
    expect((await listArticleQuotations(store(), b.id))[0]?.check?.status).toBe("wrong-page");
  });

  it("refuses to publish a failing quotation until an editor overrides it, and records who and why", async () => {
    await library(store());
    const editor = await loginAs(store(), "editor");
    const article = await createArticle(store(), { language: "en", title: "A", body: body(altered) }, NOW);
    await expect(publishNow(store(), editor.account, article.id, {}, NOW)).rejects.toThrow(/override/);
    await expect(overrideQuotation(store(), editor.account, article.id, 0, "  ")).rejects.toThrow(
      InvalidError,
    );
    await overrideQuotation(
      store(),
      editor.account,
      article.id,
      0,
      "The keeper's second edition reads so.",
      NOW,
    );
    await publishNow(store(), editor.account, article.id, {}, NOW);
    expect((await getArticle(store(), article.id)).status).toBe("published");
    const events = await listAuditEvents(store(), { limit: 20 });
    expect(events.map((e) => e.action)).toContain("quotation.override");
  });

  it("lets an override lapse when the quotation changes", async () => {
    await library(store());
    const editor = await loginAs(store(), "editor");
    const article = await createArticle(store(), { language: "en", title: "A", body: body(altered) }, NOW);
    await overrideQuotation(store(), editor.account, article.id, 0, "As printed in 1911.", NOW);
    expect(await unresolvedQuotations(store(), article.id)).toEqual([]);
    const changed = body(altered.replace("grain", "corn"));
    await saveArticle(store(), article.id, { body: changed, baseRevision: article.revision }, NOW);
    expect((await unresolvedQuotations(store(), article.id)).length).toBe(1);
  });

  it("checks quotations again when the source's text arrives or goes", async () => {
    await importSources(store(), LEDGER, "ledger.bib", null, NOW);
    const article = await createArticle(store(), { language: "en", title: "A", body: body(altered) }, NOW);
    expect((await listArticleQuotations(store(), article.id))[0]?.check).toBeUndefined();
    const attached = await attachSourceText(store(), "marlow-ledger-1911", LEDGER_TEXT, "text", { now: NOW });
    expect(attached).toMatchObject({ pages: 4, articles: 1 });
    expect((await listArticleQuotations(store(), article.id))[0]?.check?.status).toBe("altered");
    await removeSourceText(store(), "marlow-ledger-1911", null, NOW);
    expect((await listArticleQuotations(store(), article.id))[0]?.check).toBeUndefined();
  });

  it("renders again, after the upgrade, articles saved before citations had a style, skipping the unknown", async () => {
    await library(store());
    const old = await createArticle(store(), { language: "en", title: "Old", body: body(faithful) }, NOW);
    const stray = await createArticle(store(), { language: "en", title: "Stray", body: "No citation." }, NOW);
    // As a store from before migration 006 holds them: plain citations, nothing recorded of sources.
    await store()
      .db.updateTable("articles")
      .set({ html: "<p>(marlow-ledger-1911, p. 42)</p>" })
      .where("id", "=", old.id)
      .execute();
    await store().db.deleteFrom("article_sources").execute();
    await store()
      .db.updateTable("articles")
      .set({ body: "Cites [@lost-1900, p. 1]." })
      .where("id", "=", stray.id)
      .execute();
    await enqueueJob(store(), { kind: "citations.upgrade", uniqueKey: "citations.upgrade", runAt: NOW });
    const runner = createJobRunner({
      store: store(),
      handlers: JOB_HANDLERS,
      clock: () => new Date(NOW.getTime() + 1000),
    });
    expect(await runner.runOnce()).toBe(1);
    expect((await getArticle(store(), old.id)).html).toContain("<i>The Harbour Ledger</i>");
    expect(await exportSources(store(), "csl-json", { articleId: old.id })).toContain("marlow-ledger-1911");
    expect((await getArticle(store(), stray.id)).html).toBe(stray.html);
  });

  it("renders the citing articles again when a source is edited", async () => {
    await library(store());
    const article = await createArticle(store(), { language: "en", title: "A", body: body(faithful) }, NOW);
    const edited = (LEDGER.split("@article")[0] ?? "").replace(
      "The Harbour Ledger",
      "The Harbour Ledger, Revised",
    );
    await saveSource(store(), edited, { key: "marlow-ledger-1911", now: NOW });
    const runner = createJobRunner({
      store: store(),
      handlers: JOB_HANDLERS,
      clock: () => new Date(NOW.getTime() + 1000),
    });
    expect(await runner.runOnce()).toBe(1);
    expect((await getArticle(store(), article.id)).html).toContain("The Harbour Ledger, Revised");
  });
});
