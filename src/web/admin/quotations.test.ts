import { expect, it } from "vitest";
import { attachSourceText, importSources } from "../../citations/sources.js";
import { createArticle, getArticle } from "../../content/articles.js";
import { createLogger } from "../../log.js";
import { setOwner } from "../../storage/article-owners.js";
import { describeEachStore } from "../../storage/test-stores.js";
import { type LoggedIn, loginAs } from "../../test-support/admin.js";
import { createApp } from "../app.js";

const origin = "http://127.0.0.1";
const FORM = "application/x-www-form-urlencoded";

const SOURCES = JSON.stringify([
  { id: "paine1776", type: "book", title: "Common Sense", author: [{ family: "Paine", given: "Thomas" }] },
  { id: "paine1791", type: "book", title: "Rights of Man", author: [{ family: "Paine", given: "Thomas" }] },
]);

// Two pages of the source, marked as the source-text format reads them.
const COMMON_SENSE = [
  "[page 1]",
  "Some writers have so confounded society with government, as to leave little or no distinction between",
  "them; whereas they are not only different, but have different origins.",
  "[page 2]",
  "Society in every state is a blessing, but government even in its best state is but a necessary evil;",
  "in its worst state an intolerable one; for when we suffer, or are exposed to the same miseries by a",
  "government, which we might expect in a country without government, our calamity is heightened.",
].join("\n");

// The second sentence of page 2, with "necessary" made "unnecessary": a quotation that does not match.
const ALTERED =
  "> Society in every state is a blessing, but government even in its best state is but an unnecessary evil;\n" +
  "> in its worst state an intolerable one.\n>\n> [@paine1776, p. 2]";
const EXACT =
  "> Some writers have so confounded society with government, as to leave little or no distinction between them\n" +
  ">\n> [@paine1776, p. 1]";
const UNCHECKED =
  "> The cause of America is in a great measure the cause of all mankind.\n>\n> [@paine1791, p. 3]";

describeEachStore("the editor's quotation panel", (store) => {
  const app = () => createApp({ store: store(), log: createLogger(), pageCache: false });
  const get = (me: LoggedIn, path: string) => app().request(`${origin}${path}`, { headers: me.headers() });
  const post = (me: LoggedIn, path: string, fields: Record<string, string>) =>
    app().request(`${origin}${path}`, {
      method: "POST",
      headers: { ...me.headers({ csrf: false }), "content-type": FORM },
      body: me.form(fields),
    });

  async function articleWithQuotations() {
    await importSources(store(), SOURCES, "sources.json");
    await attachSourceText(store(), "paine1776", COMMON_SENSE, "text");
    return createArticle(store(), {
      language: "en",
      title: "On government",
      body: `Paine put it plainly.\n\n${EXACT}\n\nAnd then:\n\n${ALTERED}\n\nAnd later:\n\n${UNCHECKED}\n`,
    });
  }

  it("shows each quotation's result: passed, failed with the changed words and the source's, and not checked", async () => {
    const article = await articleWithQuotations();
    const editor = await loginAs(store(), "editor");
    const html = await (await get(editor, `/admin/articles/${article.id}`)).text();
    const panel = html.slice(html.indexOf('<section class="quotation-panel"'));
    expect(panel).toContain("3 sourced quotations; 1 failed the check and stops publishing");
    expect(panel).toContain(
      "“Some writers have so confounded society with government, as to leave little …”",
    );
    expect(panel).toContain('<span class="check check-pass">Passed: as in the source</span>');
    expect(panel).toContain('<span class="check check-fail">Failed: the words differ from the source</span>');
    expect(panel).toContain(
      "but <del>a</del> <ins>an</ins> <del>necessary</del> <ins>unnecessary</ins> evil;",
    );
    expect(panel).toContain('<details class="source-excerpt" open=""><summary>The source, p. 2</summary>');
    expect(panel).toContain('<span class="check check-none">Not checked: the source has no text</span>');
    expect(panel).toContain('<a href="/admin/source?key=paine1791">Add the source&#39;s text</a>');
    expect(panel.match(/name="reason"/g)).toHaveLength(1);
    expect(panel).toContain(
      `<a href="/admin/articles/${article.id}/sources?format=bibtex" download="">BibTeX</a>`,
    );
  });

  it("records an editor's override with its reason, after which the article publishes", async () => {
    const article = await articleWithQuotations();
    const editor = await loginAs(store(), "editor");
    const refused = await post(editor, `/admin/articles/${article.id}/status`, { action: "publish" });
    expect(refused.status).toBe(409);
    const refusal = await refused.text();
    // Refused on the editor's own page, beside the panel where the quotation can be overridden.
    expect(refusal).toContain("Quotation 2 does not match its source (altered)");
    expect(refusal).toContain('id="body"');
    expect((await getArticle(store(), article.id)).status).toBe("draft");

    const overridden = await post(editor, `/admin/articles/${article.id}/quotations/1/override`, {
      reason: "Our translation of the 1776 edition",
    });
    expect(overridden.status).toBe(303);
    expect(overridden.headers.get("location")).toBe(
      `/admin/articles/${article.id}?done=overridden#quotation-2`,
    );
    const page = await (await get(editor, `/admin/articles/${article.id}?done=overridden`)).text();
    expect(page).toContain("The override is recorded");
    expect(page).toMatch(/Overridden on <time datetime="[^"]+">\d{4}-\d\d-\d\d<\/time>: Our translation/);
    expect(page).not.toContain('name="reason"');

    const published = await post(editor, `/admin/articles/${article.id}/status`, { action: "publish" });
    expect(published.status).toBe(303);
    expect((await getArticle(store(), article.id)).status).toBe("published");
  });

  it("refuses an override without a reason, and one of a quotation that passed", async () => {
    const article = await articleWithQuotations();
    const editor = await loginAs(store(), "editor");
    const empty = await post(editor, `/admin/articles/${article.id}/quotations/1/override`, { reason: "  " });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain("say why the quotation stands as written");
    const passed = await post(editor, `/admin/articles/${article.id}/quotations/0/override`, { reason: "x" });
    expect(passed.status).toBe(400);
    const missing = await post(editor, `/admin/articles/${article.id}/quotations/9/override`, {
      reason: "x",
    });
    expect(missing.status).toBe(404);
  });

  it("shows a writer the results but no override, and refuses theirs", async () => {
    const article = await articleWithQuotations();
    const writer = await loginAs(store(), "writer");
    await setOwner(store(), article.id, writer.account.id);
    const html = await (await get(writer, `/admin/articles/${article.id}`)).text();
    expect(html).toContain("Failed: the words differ from the source");
    expect(html).not.toContain('name="reason"');
    const res = await post(writer, `/admin/articles/${article.id}/quotations/1/override`, { reason: "mine" });
    expect(res.status).toBe(403);
    expect((await getArticle(store(), article.id)).status).toBe("draft");
  });

  it("tells how sourced quotations are written when an article has none", async () => {
    const article = await createArticle(store(), { language: "en", title: "Plain", body: "No quotes." });
    const writer = await loginAs(store(), "writer");
    await setOwner(store(), article.id, writer.account.id);
    const html = await (await get(writer, `/admin/articles/${article.id}`)).text();
    expect(html).toContain("No sourced quotation. A block quotation whose last line is a citation");
  });
});
