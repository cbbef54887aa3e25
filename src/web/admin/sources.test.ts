import { expect, it } from "vitest";
import { importSources, listSources } from "../../citations/sources.js";
import { readCitationSettings } from "../../content/article-citations.js";
import { createArticle } from "../../content/articles.js";
import { createLogger } from "../../log.js";
import { setOwner } from "../../storage/article-owners.js";
import { upsertSource } from "../../storage/sources.js";
import { describeEachStore } from "../../storage/test-stores.js";
import { type LoggedIn, loginAs } from "../../test-support/admin.js";
import { createApp } from "../app.js";

const origin = "http://127.0.0.1";
const FORM = "application/x-www-form-urlencoded";

const CAPITAL_BIBTEX = `@book{marx1867,
  author = {Marx, Karl},
  title = {Capital: A Critique of Political Economy},
  publisher = {Penguin},
  year = {1867}
}`;

const LIBRARY_JSON = JSON.stringify([
  {
    id: "luxemburg1913",
    type: "book",
    title: "The Accumulation of Capital",
    issued: { "date-parts": [[1913]] },
  },
  { id: "lenin1917", type: "book", title: "State and Revolution", author: [{ family: "Lenin" }] },
]);

describeEachStore("the admin's source library", (store) => {
  const app = () => createApp({ store: store(), log: createLogger(), pageCache: false });
  const get = (me: LoggedIn, path: string) => app().request(`${origin}${path}`, { headers: me.headers() });
  const post = (me: LoggedIn, path: string, fields: Record<string, string>) =>
    app().request(`${origin}${path}`, {
      method: "POST",
      headers: { ...me.headers({ csrf: false }), "content-type": FORM },
      body: me.form(fields),
    });
  const upload = (me: LoggedIn, path: string, content: string, name: string, fields = {}) => {
    const form = new FormData();
    form.append("file", new Blob([content]), name);
    for (const [k, v] of Object.entries<string>(fields)) form.append(k, v);
    form.append("_csrf", me.csrfToken);
    return app().request(`${origin}${path}`, { method: "POST", headers: { cookie: me.cookie }, body: form });
  };
  const keys = async () => (await listSources(store(), { limit: 100 })).map((r) => r.key);

  it("shows the library to writers from the navigation, and the citation style only to editors", async () => {
    await importSources(store(), LIBRARY_JSON, "library.json");
    const writer = await loginAs(store(), "writer");
    const res = await get(writer, "/admin/sources");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<a href="/admin/sources" aria-current="page">Sources</a>');
    expect(html).toContain("Lenin, State and Revolution");
    expect(html).toContain("The Accumulation of Capital (1913)");
    expect(html).not.toContain("Citation style");
    const editor = await loginAs(store(), "editor");
    const editorHtml = await (await get(editor, "/admin/sources")).text();
    expect(editorHtml).toContain("<strong>the house style</strong>, without a bibliography at the end.");
    const settings = await (await get(editor, "/admin/sources/settings")).text();
    expect(settings).toMatch(/<select id="style" name="style"><option value="house" selected="">/);
  });

  it("adds a pasted BibTeX source and shows it on its own page", async () => {
    const writer = await loginAs(store(), "writer");
    const res = await post(writer, "/admin/sources", { text: CAPITAL_BIBTEX });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/admin/source?key=marx1867&done=added");
    expect(await keys()).toEqual(["marx1867"]);
    const page = await (await get(writer, "/admin/source?key=marx1867&done=added")).text();
    expect(page).toContain("Added to the library.");
    expect(page).toContain("Marx, Capital: A Critique of Political Economy (1867)");
    expect(page).toContain("&quot;publisher&quot;: &quot;Penguin&quot;");
  });

  it("keeps malformed BibTeX, RIS or JSON in the form with the reason, and adds nothing", async () => {
    const writer = await loginAs(store(), "writer");
    const malformed = [
      "@book{broken, title = {Unclosed",
      "TY  - BOOK\nTI  - No end record",
      '{"id": "x", "type": "book", "title": ',
      "just some words",
    ];
    for (const text of malformed) {
      const res = await post(writer, "/admin/sources", { text });
      expect([text, res.status]).toEqual([text, 400]);
      const html = await res.text();
      expect(html).toContain('class="form-error"');
      expect(html).toContain(text.replace(/"/g, "&quot;").split("\n")[0]);
    }
    expect(await keys()).toEqual([]);
  });

  it("refuses a second source under a key the library has, keeping the text", async () => {
    const writer = await loginAs(store(), "writer");
    await post(writer, "/admin/sources", { text: CAPITAL_BIBTEX });
    const again = await post(writer, "/admin/sources", { text: CAPITAL_BIBTEX.replace("Penguin", "Other") });
    expect(again.status).toBe(409);
    const html = await again.text();
    expect(html).toContain("marx1867");
    expect(html).toContain("publisher = {Other}");
  });

  it("imports a file whole and says how many were new, or refuses it whole when one entry carries a script", async () => {
    const writer = await loginAs(store(), "writer");
    const hostile = JSON.stringify([
      { id: "fine", type: "book", title: "Fine" },
      { id: "evil", type: "book", title: "<script>alert(1)</script>" },
    ]);
    const refused = await upload(writer, "/admin/sources/import", hostile, "hostile.json");
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain('class="form-error"');
    expect(html).not.toContain("<script>alert(1)");
    expect(await keys()).toEqual([]);

    const imported = await upload(writer, "/admin/sources/import", LIBRARY_JSON, "library.json");
    expect(imported.status).toBe(303);
    expect(imported.headers.get("location")).toBe("/admin/sources?created=2&updated=0");
    expect(await keys()).toEqual(["lenin1917", "luxemburg1913"]);
    const notice = await (await get(writer, imported.headers.get("location") ?? "")).text();
    expect(notice).toContain("2 new sources, 0 updated.");
  });

  it("refuses a sources file over the size limit, and a PDF offered as a source's text", async () => {
    const writer = await loginAs(store(), "writer");
    const big = `[${'{"id":"k","type":"book"},'.repeat(900_000)}]`;
    const res = await upload(writer, "/admin/sources/import", big, "big.json");
    expect(res.status).toBe(413);
    expect(await res.text()).toContain("big.json is larger than 20 MB");
    expect(await keys()).toEqual([]);

    await importSources(store(), LIBRARY_JSON, "library.json");
    const pdf = await upload(writer, "/admin/source/text?key=lenin1917", "%PDF-1.7\n...", "state.txt");
    expect(pdf.status).toBe(400);
    expect(await pdf.text()).toContain("state.txt is a PDF: convert it to text first");
  });

  it("reaches a source whose key holds / ? : and + through the query string", async () => {
    const key = "marx/capital:v1?ch+2";
    await importSources(
      store(),
      JSON.stringify([{ id: key, type: "book", title: "Capital", author: [{ family: "Marx" }] }]),
      "capital.json",
    );
    const editor = await loginAs(store(), "editor");
    const link = `/admin/source?key=${encodeURIComponent(key)}`;
    expect(await (await get(editor, "/admin/sources")).text()).toContain(`href="${link}"`);
    const page = await get(editor, link);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(`<h1 class="source-key">${key}</h1>`);

    const edited = JSON.stringify({ id: key, type: "book", title: "Capital, Volume I" });
    const saved = await post(editor, link, { csl: edited });
    expect(saved.status).toBe(303);
    expect(saved.headers.get("location")).toBe(`${link}&done=saved`);
    expect(await (await get(editor, link)).text()).toContain("Capital, Volume I");

    const text = "[page 1]\nAccumulate, accumulate! That is Moses and the prophets!\n";
    const attached = await upload(editor, `/admin/source/text?key=${encodeURIComponent(key)}`, text, "c.txt");
    expect(attached.status).toBe(303);
    const withText = await (await get(editor, link)).text();
    expect(withText).toMatch(/<dt>Words<\/dt><dd>8<\/dd><dt>Pages<\/dt><dd>1<\/dd>/);
    expect(withText).toContain("plain text");

    const removed = await post(editor, `/admin/source/text/remove?key=${encodeURIComponent(key)}`, {});
    expect(removed.status).toBe(303);
    expect(await (await get(editor, link)).text()).toContain(
      "None: quotations of this source are not checked",
    );

    const deleted = await post(editor, `/admin/source/delete?key=${encodeURIComponent(key)}`, {});
    expect(deleted.status).toBe(303);
    expect(await keys()).toEqual([]);
  });

  it("keeps an edit that fails in the form, and will not change a source's key", async () => {
    await importSources(store(), LIBRARY_JSON, "library.json");
    const writer = await loginAs(store(), "writer");
    const renamed = JSON.stringify({ id: "lenin1918", type: "book", title: "State and Revolution" });
    const res = await post(writer, "/admin/source?key=lenin1917", { csl: renamed });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("the citation key cannot change here");
    expect(html).toContain("lenin1918");
    expect(await keys()).toEqual(["lenin1917", "luxemburg1913"]);
    expect((await get(writer, "/admin/source?key=nobody")).status).toBe(404);
  });

  it("shows HTML in a stored title as text on every page", async () => {
    await upsertSource(
      store(),
      "old",
      JSON.stringify({
        id: "old",
        type: "book",
        title: "<script>alert(1)</script><img src=x onerror=alert(2)>",
      }),
    );
    const writer = await loginAs(store(), "writer");
    for (const path of ["/admin/sources", "/admin/source?key=old"]) {
      const html = await (await get(writer, path)).text();
      expect(html).not.toContain("<script>alert");
      expect(html).not.toContain("<img src=x");
      expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    }
  });

  it("exports the library and one article's sources as files of the right type", async () => {
    await importSources(store(), LIBRARY_JSON, "library.json");
    const writer = await loginAs(store(), "writer");
    const library = await get(writer, "/admin/sources/export?format=csl-json");
    expect(library.status).toBe(200);
    expect(library.headers.get("content-type")).toBe(
      "application/vnd.citationstyles.csl+json; charset=utf-8",
    );
    expect(library.headers.get("content-disposition")).toBe('attachment; filename="sources.json"');
    expect((JSON.parse(await library.text()) as { id: string }[]).map((i) => i.id).sort()).toEqual([
      "lenin1917",
      "luxemburg1913",
    ]);
    const bibtex = await get(writer, "/admin/sources/export?format=bibtex");
    expect(bibtex.headers.get("content-type")).toBe("application/x-bibtex; charset=utf-8");
    expect(await bibtex.text()).toMatch(/@book\{lenin1917,/);
    const ris = await get(writer, "/admin/sources/export?format=ris");
    expect(ris.headers.get("content-type")).toBe("application/x-research-info-systems; charset=utf-8");
    expect(await ris.text()).toContain("TI  - State and Revolution");
    expect((await get(writer, "/admin/sources/export?format=docx")).status).toBe(400);

    const article = await createArticle(store(), {
      language: "en",
      title: "On the state",
      body: "The state withers away [@lenin1917, p. 16].",
    });
    await setOwner(store(), article.id, writer.account.id);
    const own = await get(writer, `/admin/articles/${article.id}/sources?format=ris`);
    expect(own.status).toBe(200);
    expect(own.headers.get("content-disposition")).toBe(
      `attachment; filename="article-${article.id}-sources.ris"`,
    );
    const text = await own.text();
    expect(text).toContain("State and Revolution");
    expect(text).not.toContain("Accumulation");
    const stranger = await loginAs(store(), "writer");
    expect((await get(stranger, `/admin/articles/${article.id}/sources`)).status).toBe(403);
  });

  it("shows why a cited source cannot be deleted", async () => {
    await importSources(store(), LIBRARY_JSON, "library.json");
    const article = await createArticle(store(), {
      language: "en",
      title: "Cites",
      body: "As Lenin wrote [@lenin1917].",
    });
    const editor = await loginAs(store(), "editor");
    const res = await post(editor, "/admin/source/delete?key=lenin1917", {});
    expect(res.status).toBe(409);
    expect(await res.text()).toContain(`is cited by “${article.title}”`);
    expect(await keys()).toContain("lenin1917");
  });

  it("lets editors choose the citation style and the bibliography", async () => {
    const editor = await loginAs(store(), "editor");
    const res = await post(editor, "/admin/sources/settings", { style: "house", bibliography: "on" });
    expect(res.status).toBe(303);
    expect(await readCitationSettings(store())).toEqual({ style: "house", bibliography: true });
    const unknown = await post(editor, "/admin/sources/settings", { style: "../../etc/passwd" });
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain('class="form-error"');
    expect(await readCitationSettings(store())).toEqual({ style: "house", bibliography: true });
  });

  it("pages through the library by key, and filters by a key's beginning", async () => {
    const items = Array.from({ length: 55 }, (_, i) => ({
      id: `k${String(i).padStart(2, "0")}`,
      type: "book",
      title: `Book ${i}`,
    }));
    await importSources(store(), JSON.stringify(items), "many.json");
    const writer = await loginAs(store(), "writer");
    const first = await (await get(writer, "/admin/sources")).text();
    expect(first).toContain(">k49<");
    expect(first).not.toContain(">k50<");
    const next = /href="(\/admin\/sources\?after=[^"]+)">Next/.exec(first)?.[1] ?? "";
    expect(next).toBe("/admin/sources?after=k49");
    const second = await (await get(writer, next)).text();
    expect(second).toContain(">k54<");
    expect(second).not.toContain(">k49<");
    expect(second).not.toContain(">Next<");
    const filtered = await (await get(writer, "/admin/sources?prefix=k3")).text();
    expect([...filtered.matchAll(/>(k\d\d)</g)].map((m) => m[1])).toEqual(
      Array.from({ length: 10 }, (_, i) => `k3${i}`),
    );
  });
});
