import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { createArticle, getArticle, publishArticle } from "../../content/articles.js";
import { createLogger } from "../../log.js";
import { pdf } from "../../media/fixtures/files.js";
import { uploadMedia } from "../../media/media.js";
import { createPerson } from "../../people/people.js";
import { setOwner } from "../../storage/article-owners.js";
import { describeEachStore } from "../../storage/test-stores.js";
import { type LoggedIn, loginAs } from "../../test-support/admin.js";
import { publishNew } from "../../test-support/publication.js";
import { createTopic } from "../../topics/topics.js";
import { createApp } from "../app.js";

const FORM = "application/x-www-form-urlencoded";
const origin = "http://127.0.0.1";

describeEachStore("the admin's articles", (store) => {
  const app = () => createApp({ store: store(), log: createLogger(), pageCache: false });
  const get = (me: LoggedIn, path: string) => app().request(`${origin}${path}`, { headers: me.headers() });
  const post = (me: LoggedIn, path: string, fields: Record<string, string | string[]>) =>
    app().request(`${origin}${path}`, {
      method: "POST",
      headers: { ...me.headers({ csrf: false }), "content-type": FORM },
      body: me.form(fields),
    });
  const postJson = (me: LoggedIn, path: string, body: unknown) =>
    app().request(`${origin}${path}`, {
      method: "POST",
      headers: me.headers({ json: true }),
      body: JSON.stringify(body),
    });

  /** The editor form's fields as the page shows them, changed by `edit`. */
  async function editorFields(id: number, edit: Record<string, string | string[]> = {}) {
    const article = await getArticle(store(), id);
    return {
      base_revision: String(article.revision),
      title: article.title,
      standfirst: article.standfirst,
      slug: article.slug,
      kind: article.kind,
      language: article.language,
      body: article.body,
      ...edit,
    };
  }

  it("creates a draft, saves it as a new revision and lists it", async () => {
    const me = await loginAs(store(), "editor");
    const person = await createPerson(store(), { name: "Rosa Pen", kind: "pen_name" });
    const created = await post(me, "/admin/articles", {
      title: "On strikes",
      language: "en",
      kind: "article",
      persons: String(person),
    });
    expect(created.status).toBe(303);
    const id = Number(/\/admin\/articles\/(\d+)/.exec(created.headers.get("location") ?? "")?.[1]);
    const page = await get(me, `/admin/articles/${id}`);
    expect(page.status).toBe(200);
    expect(page.headers.get("cache-control")).toBe("no-store");
    expect(page.headers.get("content-security-policy")).toContain("script-src 'self'");
    const html = await page.text();
    expect(html).toContain('value="On strikes"');
    const saved = await post(
      me,
      `/admin/articles/${id}`,
      await editorFields(id, {
        body: "The strike began.[^1]\n\n[^1]: In March.",
        persons: String(person),
      }),
    );
    expect(saved.status).toBe(303);
    const article = await getArticle(store(), id);
    expect(article.revision).toBe(2);
    expect(article.html).toContain('class="footnotes"');
    const list = await (await get(me, "/admin/articles?status=draft")).text();
    expect(list).toContain("On strikes");
    expect(list).toContain("Rosa Pen");
    expect(await (await get(me, "/admin/articles?status=published")).text()).not.toContain("On strikes");
  });

  it("filters by language, person and topic, and pages by keyset", async () => {
    const me = await loginAs(store(), "editor");
    const rosa = await createPerson(store(), { name: "Rosa" });
    const topic = await createTopic(store(), { name: "Labour" });
    for (let i = 0; i < 55; i++) {
      await createArticle(store(), {
        language: i % 5 === 0 ? "de" : "en",
        title: `Piece ${i}`,
        body: "x",
        personIds: i % 2 === 0 ? [rosa] : [],
        topicIds: i % 3 === 0 ? [topic] : [],
      });
    }
    const first = await (await get(me, "/admin/articles")).text();
    expect(first).toContain("Piece 54");
    expect(first).not.toContain("Piece 4<");
    const older = /href="(\/admin\/articles\?before=\d+)"/.exec(first)?.[1] ?? "";
    expect(older).not.toBe("");
    const second = await (await get(me, older.replace(/&amp;/g, "&"))).text();
    expect(second).toContain("Piece 0<");
    expect(second).not.toContain("Piece 54");
    const titles = (html: string) => [...html.matchAll(/>Piece (\d+)</g)].map((m) => Number(m[1]));
    const german = titles(await (await get(me, "/admin/articles?language=de")).text());
    expect(german).toEqual([50, 45, 40, 35, 30, 25, 20, 15, 10, 5, 0]);
    const both = titles(await (await get(me, `/admin/articles?person=${rosa}&topic=${topic}`)).text());
    expect(both).toEqual([54, 48, 42, 36, 30, 24, 18, 12, 6, 0]);
    const byTopicInGerman = titles(
      await (await get(me, `/admin/articles?topic=${topic}&language=de`)).text(),
    );
    expect(byTopicInGerman).toEqual([45, 30, 15, 0]);
  });

  it("answers bad filters and bad forms with 400 and a message", async () => {
    const me = await loginAs(store(), "editor");
    for (const query of ["status=gone", "person=abc", "before=-1", "topic=99999999999"]) {
      const res = await get(me, `/admin/articles?${query}`);
      expect(res.status).toBe(400);
    }
    const article = await createArticle(store(), { language: "en", title: "T", body: "b" });
    const empty = await post(
      me,
      `/admin/articles/${article.id}`,
      await editorFields(article.id, { title: "  " }),
    );
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain("title: is required");
    const noBase = await post(me, `/admin/articles/${article.id}`, {
      title: "x",
      body: "y",
      kind: "article",
      language: "en",
    });
    expect(noBase.status).toBe(400);
    const badLanguage = await post(
      me,
      `/admin/articles/${article.id}`,
      await editorFields(article.id, { language: "xx-evil" }),
    );
    expect(badLanguage.status).toBe(400);
    const badSlug = await post(
      me,
      `/admin/articles/${article.id}`,
      await editorFields(article.id, { slug: "../../etc" }),
    );
    expect(badSlug.status).toBe(400);
    const huge = await post(
      me,
      `/admin/articles/${article.id}`,
      await editorFields(article.id, { body: "x".repeat(2_000_001) }),
    );
    expect(huge.status).toBe(400);
    expect((await getArticle(store(), article.id)).revision).toBe(1);
    expect((await get(me, "/admin/articles/999999")).status).toBe(404);
  });

  it("keeps both texts when two people save from the same revision", async () => {
    const ann = await loginAs(store(), "editor");
    const ben = await loginAs(store(), "editor");
    const article = await createArticle(store(), { language: "en", title: "Shared", body: "Original." });
    const annFields = await editorFields(article.id, { body: "Ann's version." });
    const benFields = await editorFields(article.id, { body: "Ben's version." });
    expect((await post(ann, `/admin/articles/${article.id}`, annFields)).status).toBe(303);
    const conflict = await post(ben, `/admin/articles/${article.id}`, benFields);
    expect(conflict.status).toBe(409);
    const html = await conflict.text();
    expect(html).toContain("Someone else saved this article");
    expect(html).toContain("Ann&#39;s version.");
    expect(html).toContain("Ben&#39;s version.");
    expect(html).toContain('name="base_revision" value="2"');
    expect((await getArticle(store(), article.id)).body).toBe("Ann's version.");
    const kept = await store()
      .db.selectFrom("revisions")
      .select(["kind", "body"])
      .where("article_id", "=", article.id)
      .execute();
    expect(kept).toContainEqual({ kind: "conflict", body: "Ben's version." });
  });

  it("leaves a redirect behind when a published article's slug changes", async () => {
    const me = await loginAs(store(), "editor");
    const article = await publishNew(store(), "Old name");
    const res = await post(
      me,
      `/admin/articles/${article.id}`,
      await editorFields(article.id, { slug: "new-name" }),
    );
    expect(res.status).toBe(303);
    const moved = await app().request(`${origin}${article.path}`);
    expect(moved.status).toBe(301);
    expect(moved.headers.get("location")).toBe("/en/articles/2026/02/08/new-name");
  });

  it("lets a writer work on their own drafts only, and sign only as their own persons", async () => {
    const mine = await createPerson(store(), { name: "My Pen Name", kind: "pen_name" });
    const theirs = await createPerson(store(), { name: "Someone Else" });
    const writer = await loginAs(store(), "writer", { personIds: [mine] });
    const editor = await loginAs(store(), "editor");
    const own = await createArticle(store(), {
      language: "en",
      title: "Signed by me",
      body: "a",
      personIds: [mine],
    });
    const other = await createArticle(store(), {
      language: "en",
      title: "Not mine",
      body: "b",
      personIds: [theirs],
    });
    await setOwner(store(), other.id, editor.account.id);
    const list = await (await get(writer, "/admin/articles")).text();
    expect(list).toContain("Signed by me");
    expect(list).not.toContain("Not mine");
    const refused = await post(
      writer,
      `/admin/articles/${other.id}`,
      await editorFields(other.id, { body: "mine now" }),
    );
    expect(refused.status).toBe(403);
    expect((await getArticle(store(), other.id)).body).toBe("b");
    const view = await (await get(writer, `/admin/articles/${other.id}`)).text();
    expect(view).toContain("You may read this article but not edit it");
    const forged = await post(
      writer,
      `/admin/articles/${own.id}`,
      await editorFields(own.id, { persons: [String(mine), String(theirs)] }),
    );
    expect(forged.status).toBe(403);
    const ok = await post(
      writer,
      `/admin/articles/${own.id}`,
      await editorFields(own.id, { body: "better", persons: String(mine) }),
    );
    expect(ok.status).toBe(303);
    const created = await post(writer, "/admin/articles", {
      title: "Fresh",
      language: "fr",
      kind: "article",
    });
    expect(created.status).toBe(303);
    expect(await (await get(writer, "/admin/articles")).text()).toContain("Fresh");
    await publishArticle(store(), own.id, new Date("2026-02-08T10:00:00Z"));
    const afterPublishing = await post(
      writer,
      `/admin/articles/${own.id}`,
      await editorFields(own.id, { body: "sneaky" }),
    );
    expect(afterPublishing.status).toBe(403);
  });

  it("keeps a translator to the languages granted", async () => {
    const translator = await loginAs(store(), "translator", { languages: ["de"] });
    const original = await publishNew(store(), "Original text");
    const offered = await (await get(translator, `/admin/articles/${original.id}`)).text();
    expect(offered).toContain(`href="/admin/articles/new?translation_of=${original.id}"`);
    const form = await (await get(translator, `/admin/articles/new?translation_of=${original.id}`)).text();
    expect(form).toContain(`value="${original.id}"`);
    expect(form).not.toContain('value="fr"');
    const refused = await post(translator, "/admin/articles", {
      title: "Traduction",
      language: "fr",
      kind: "article",
    });
    expect(refused.status).toBe(403);
    const created = await post(translator, "/admin/articles", {
      title: "Übersetzung",
      language: "de",
      kind: "article",
      translation_of: String(original.id),
    });
    expect(created.status).toBe(303);
    const id = Number(/(\d+)/.exec(created.headers.get("location") ?? "")?.[1]);
    const draft = await getArticle(store(), id);
    expect(draft.translationGroup).toBe(original.translationGroup);
    expect(draft.body).toBe(original.body);
    const toFrench = await post(
      translator,
      `/admin/articles/${id}`,
      await editorFields(id, { language: "fr" }),
    );
    expect(toFrench.status).toBe(403);
  });

  it("previews by the public pipeline, with raw HTML made safe", async () => {
    const me = await loginAs(store(), "writer");
    const res = await postJson(me, "/admin/preview", {
      body: 'Hello[^1] <script>alert(1)</script><img src=x onerror="alert(2)">\n\n[^1]: A note.',
      language: "en",
    });
    expect(res.status).toBe(200);
    const { html, wordCount } = (await res.json()) as { html: string; wordCount: number };
    expect(html).toContain('class="footnotes"');
    expect(html).not.toMatch(/<script|onerror/i);
    expect(wordCount).toBeGreaterThan(1);
    expect((await postJson(me, "/admin/preview", { body: 5 })).status).toBe(400);
    const notJson = await app().request(`${origin}/admin/preview`, {
      method: "POST",
      headers: me.headers({ json: true }),
      body: "{",
    });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ error: { message: "the request body is not JSON" } });
    const noToken = await app().request(`${origin}/admin/preview`, {
      method: "POST",
      headers: { ...me.headers({ csrf: false, json: true }) },
      body: JSON.stringify({ body: "x", language: "en" }),
    });
    expect(noToken.status).toBe(403);
  });

  it("autosaves without making a revision, offers the text back, and forgets it on save or discard", async () => {
    const me = await loginAs(store(), "editor");
    const article = await createArticle(store(), { language: "en", title: "Draft", body: "Saved text." });
    const auto = await postJson(me, `/admin/articles/${article.id}/autosave`, {
      baseRevision: 1,
      title: "Draft",
      standfirst: "",
      body: "Typed but not saved.",
    });
    expect(auto.status).toBe(200);
    expect((await getArticle(store(), article.id)).revision).toBe(1);
    const page = await (await get(me, `/admin/articles/${article.id}`)).text();
    expect(page).toContain("Your unsaved text from");
    expect(page).toContain("Typed but not saved.");
    const other = await loginAs(store(), "editor");
    expect(await (await get(other, `/admin/articles/${article.id}`)).text()).not.toContain(
      "Typed but not saved.",
    );
    const discard = await post(me, `/admin/articles/${article.id}/autosave/discard`, {});
    expect(discard.status).toBe(303);
    expect(await (await get(me, `/admin/articles/${article.id}`)).text()).not.toContain(
      "Typed but not saved.",
    );
    const tooBig = await postJson(me, `/admin/articles/${article.id}/autosave`, {
      baseRevision: 1,
      title: "x",
      standfirst: "",
      body: "y".repeat(2_000_001),
    });
    expect(tooBig.status).toBe(400);
  });

  it("finds articles for the pickers by id, address or words", async () => {
    const me = await loginAs(store(), "writer");
    const article = await publishNew(store(), "The general strike of 1926");
    const byId = await (await get(me, `/admin/articles/lookup?q=${article.id}`)).json();
    expect(byId).toMatchObject({ articles: [{ id: article.id }] });
    const byPath = await (
      await get(me, `/admin/articles/lookup?q=${encodeURIComponent(`https://x.example${article.path}`)}`)
    ).json();
    expect(byPath).toMatchObject({ articles: [{ id: article.id }] });
    const byWords = await (await get(me, "/admin/articles/lookup?q=general%20strike")).json();
    expect(byWords).toMatchObject({ articles: [{ id: article.id, title: "The general strike of 1926" }] });
    for (const hostile of ['"', "NEAR(", "' OR 1=1 --", "x".repeat(1500), "\u202eevil"]) {
      expect((await get(me, `/admin/articles/lookup?q=${encodeURIComponent(hostile)}`)).status).toBe(200);
    }
  });

  it("attaches a library document from the editor, and the public page lists it", async () => {
    const me = await loginAs(store(), "editor");
    const mediaDir = mkdtempSync(join(tmpdir(), "broadside-media-"));
    try {
      const doc = await uploadMedia(
        store(),
        me.account,
        { bytes: pdf(), name: "minutes.pdf", alt: "", caption: "Minutes of the meeting", credit: "" },
        { mediaDir },
      );
      const article = await publishNew(store(), "With papers");
      const editor = await (await get(me, `/admin/articles/${article.id}`)).text();
      expect(editor).toContain("No document is attached.");
      expect(editor).toContain("Minutes of the meeting");
      const res = await post(me, `/admin/articles/${article.id}/media`, {
        action: "attach",
        media: String(doc.id),
      });
      expect(res.headers.get("location")).toBe(`/admin/articles/${article.id}?done=attached`);
      const after = await (await get(me, `/admin/articles/${article.id}?done=attached`)).text();
      expect(after).toContain("The document is attached");
      expect(after).toContain("Detach");
      const page = await (await app().request(`${origin}${article.path}`)).text();
      expect(page).toContain("Minutes of the meeting");
      expect(page).not.toContain("minutes.pdf");
    } finally {
      rmSync(mediaDir, { recursive: true, force: true });
    }
  });

  it("records what the account did", async () => {
    const me = await loginAs(store(), "editor");
    await post(me, "/admin/articles", { title: "Audited", language: "en", kind: "article" });
    const events = await store().db.selectFrom("audit_events").select(["action", "actor"]).execute();
    expect(events).toContainEqual({ action: "article.create", actor: me.account.email });
  });
});
