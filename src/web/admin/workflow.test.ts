import type { Context } from "hono";
import { expect, it } from "vitest";
import { createArticle, getArticle, saveArticle } from "../../content/articles.js";
import { publishNow } from "../../content/workflow.js";
import { findJob, publishJobKey } from "../../jobs/jobs.js";
import { createLogger } from "../../log.js";
import { setOwner } from "../../storage/article-owners.js";
import { insertRevision } from "../../storage/revisions.js";
import type { Store } from "../../storage/store.js";
import { describeEachStore } from "../../storage/test-stores.js";
import { type LoggedIn, loginAs } from "../../test-support/admin.js";
import { createApp } from "../app.js";
import type { AdminEnv } from "./env.js";
import { parseUtc, WorkflowPanel } from "./workflow.js";

const FORM = "application/x-www-form-urlencoded";
const origin = "http://127.0.0.1";

async function draft(store: Store, owner: LoggedIn, body = "The first words.") {
  const article = await createArticle(
    store,
    { language: "en", title: "Budget day", body },
    undefined,
    owner.account,
  );
  await setOwner(store, article.id, owner.account.id);
  return article;
}

describeEachStore("the admin's review and publishing", (store) => {
  const app = () => createApp({ store: store(), log: createLogger(), pageCache: false });
  const get = (me: LoggedIn, path: string) => app().request(`${origin}${path}`, { headers: me.headers() });
  const post = (me: LoggedIn, path: string, fields: Record<string, string>) =>
    app().request(`${origin}${path}`, {
      method: "POST",
      headers: { ...me.headers({ csrf: false }), "content-type": FORM },
      body: me.form(fields),
    });

  it("schedules at the UTC time given and sends the editor back to the article", async () => {
    const editor = await loginAs(store(), "editor");
    const article = await draft(store(), editor);
    const res = await post(editor, `/admin/articles/${article.id}/status`, {
      action: "schedule",
      at: "2099-03-01T09:30",
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/admin/articles/${article.id}?done=scheduled`);
    expect(await getArticle(store(), article.id)).toMatchObject({
      status: "scheduled",
      publishedAt: "2099-03-01T09:30:00.000Z",
    });
    expect((await findJob(store(), publishJobKey(article.id)))?.runAt).toBe("2099-03-01T09:30:00.000Z");
  });

  it("lets a writer submit their draft for review but not publish it", async () => {
    const writer = await loginAs(store(), "writer");
    const article = await draft(store(), writer);
    const refused = await post(writer, `/admin/articles/${article.id}/status`, { action: "publish" });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain("may not publish");
    const submitted = await post(writer, `/admin/articles/${article.id}/status`, { action: "submit" });
    expect(submitted.headers.get("location")).toBe(`/admin/articles/${article.id}?done=submitted`);
    expect((await getArticle(store(), article.id)).status).toBe("review");
    const again = await post(writer, `/admin/articles/${article.id}/status`, { action: "submit" });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("is in review: it cannot be submitted for review");
  });

  it("answers a program asking for JSON with the article's new status", async () => {
    const editor = await loginAs(store(), "editor");
    const article = await draft(store(), editor);
    const res = await app().request(`${origin}/admin/articles/${article.id}/status`, {
      method: "POST",
      headers: { ...editor.headers({ csrf: true }), accept: "application/json", "content-type": FORM },
      body: new URLSearchParams({ action: "publish" }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: article.id, status: "published", revision: 1 });
  });

  it("refuses malformed, oversized and hostile status changes with a clear 400 and changes nothing", async () => {
    const editor = await loginAs(store(), "editor");
    const article = await draft(store(), editor);
    const cases: [Record<string, string>, string][] = [
      [{ action: "explode" }, "action: is one of submit, draft, schedule, publish, withdraw"],
      [{}, "action:"],
      [{ action: "schedule" }, "at: choose when to publish"],
      [{ action: "schedule", at: "tomorrow" }, "at: is not a date and time like"],
      [{ action: "schedule", at: "2099-02-30T10:00" }, "at: is not a date and time that exists"],
      [{ action: "schedule", at: "2000-01-01T10:00" }, "at: the time to publish is not in the future"],
      [{ action: "schedule", at: `<script>alert(1)</script>` }, "at: is not a date and time like"],
      [{ action: "schedule", at: "2".repeat(5000) }, "at:"],
    ];
    for (const [fields, message] of cases) {
      const res = await post(editor, `/admin/articles/${article.id}/status`, fields);
      const text = await res.text();
      expect([fields, res.status]).toEqual([fields, 400]);
      expect(text).toContain(message);
      expect(text).not.toContain("<script>alert");
    }
    expect(await getArticle(store(), article.id)).toMatchObject({ status: "draft", revision: 1 });
    expect((await post(editor, "/admin/articles/999999/status", { action: "publish" })).status).toBe(404);
  });

  it("shows a recorded correction, dated, on the public page at once, escaped", async () => {
    const editor = await loginAs(store(), "editor");
    const article = await draft(store(), editor);
    const published = await publishNow(
      store(),
      editor.account,
      article.id,
      {},
      new Date("2026-02-08T10:00:00Z"),
    );
    const site = createApp({ store: store(), log: createLogger(), pageCache: true });
    const before = await (await site.request(`${origin}${published.path}`)).text();
    expect(before).not.toContain('class="correction"');
    const res = await post(editor, `/admin/articles/${article.id}/correction`, {
      text: "The minister's name was <b>misspelt</b>.",
    });
    expect(res.headers.get("location")).toBe(`/admin/articles/${article.id}?done=corrected`);
    const page = await (await site.request(`${origin}${published.path}`)).text();
    const note = page.slice(
      page.indexOf('<aside class="correction"'),
      page.indexOf("</aside>", page.indexOf('class="correction"')),
    );
    const today = new Date().toISOString().slice(0, 10);
    expect(note).toContain(`<time datetime="${today}`);
    expect(note.replace(/<time[^>]*>/, "").replace("</time>", "")).toMatch(
      /<strong>Correction, [^<]+:<\/strong> The minister&#39;s name was &lt;b&gt;misspelt&lt;\/b&gt;\./,
    );
  });

  it("refuses an empty, oversized or misplaced correction", async () => {
    const editor = await loginAs(store(), "editor");
    const article = await draft(store(), editor);
    const onDraft = await post(editor, `/admin/articles/${article.id}/correction`, { text: "Fixed." });
    expect(onDraft.status).toBe(409);
    await publishNow(store(), editor.account, article.id);
    expect((await post(editor, `/admin/articles/${article.id}/correction`, { text: "  " })).status).toBe(400);
    const huge = await post(editor, `/admin/articles/${article.id}/correction`, { text: "x".repeat(30_000) });
    expect(huge.status).toBe(400);
    expect(await huge.text()).toContain("text:");
    expect((await getArticle(store(), article.id)).correction).toBe("");
  });

  it("lists the revisions with who saved them, and shows the changes between two word by word, escaped", async () => {
    const editor = await loginAs(store(), "editor");
    const article = await draft(store(), editor, "The cat sat on the mat.\n\nA second paragraph.");
    await saveArticle(
      store(),
      article.id,
      {
        body: "The dog sat on the <b>mat</b>.\n\nA second paragraph.",
        title: "Budget night",
        baseRevision: 1,
      },
      undefined,
      editor.account,
    );
    const history = await (await get(editor, `/admin/articles/${article.id}/revisions`)).text();
    expect(history).toContain(editor.account.name);
    expect(history).toContain(`/admin/articles/${article.id}/diff?from=1&amp;to=2`);
    const res = await get(editor, `/admin/articles/${article.id}/diff?from=1&to=2`);
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain("<del>cat</del><ins>dog</ins>");
    expect(page).toContain("sat on the <ins>&lt;b&gt;</ins>mat<ins>&lt;/b&gt;</ins>.");
    expect(page).toContain("<del>day</del><ins>night</ins>");
    expect(page).toContain('Standfirst<span class="unchanged"> (unchanged)</span>');
    expect(page).not.toContain("<b>mat</b>");
  });

  it("shows a refused save's text in the history, so nothing written is lost", async () => {
    const editor = await loginAs(store(), "editor");
    const article = await draft(store(), editor);
    await saveArticle(store(), article.id, { body: "Mine.", baseRevision: 1 });
    await saveArticle(store(), article.id, { body: "Theirs.", baseRevision: 1 }).catch(() => undefined);
    const [conflict] = await store()
      .db.selectFrom("revisions")
      .select("id")
      .where("kind", "=", "conflict")
      .execute();
    const history = await (await get(editor, `/admin/articles/${article.id}/revisions`)).text();
    expect(history).toContain("refused save (based on 1)");
    const page = await (
      await get(editor, `/admin/articles/${article.id}/diff?from=1&to=c${conflict?.id}`)
    ).text();
    expect(page).toContain("Changes from revision 1 to refused save based on revision 1");
    expect(page).toContain("<del>The first words</del><ins>Theirs</ins>.");
  });

  it("pages a long history by keyset, newest first", async () => {
    const editor = await loginAs(store(), "editor");
    const article = await draft(store(), editor);
    for (let n = 2; n <= 130; n++) {
      await insertRevision(store(), {
        articleId: article.id,
        revision: n,
        kind: "save",
        title: "Budget day",
        standfirst: "",
        body: `Version ${n}.`,
        savedAt: new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString(),
        accountId: editor.account.id,
      });
    }
    const first = await (await get(editor, `/admin/articles/${article.id}/revisions`)).text();
    const older = /href="(\/admin\/articles\/\d+\/revisions\?before=\d+)"/.exec(first)?.[1];
    expect(first).toContain("<td>130</td>");
    expect(first).not.toContain("<td>30</td>");
    if (!older) throw new Error("no link to older revisions");
    const second = await (await get(editor, older)).text();
    expect(second).toContain("<td>30</td>");
    expect(second).toContain("<td>1</td>");
    expect(second).not.toContain("<td>31</td>");
    expect((await get(editor, `/admin/articles/${article.id}/revisions?before=x`)).status).toBe(400);
  });

  it("refuses malformed and unknown revisions in a diff", async () => {
    const editor = await loginAs(store(), "editor");
    const article = await draft(store(), editor);
    for (const query of [
      "from=1",
      "from=x&to=1",
      "from=1&to=-2",
      "from=0&to=1",
      `from=1&to=${"9".repeat(30)}`,
    ]) {
      expect([query, (await get(editor, `/admin/articles/${article.id}/diff?${query}`)).status]).toEqual([
        query,
        400,
      ]);
    }
    expect((await get(editor, `/admin/articles/${article.id}/diff?from=1&to=7`)).status).toBe(404);
    expect((await get(editor, `/admin/articles/${article.id}/diff?from=1&to=c99999`)).status).toBe(404);
    expect((await get(editor, "/admin/articles/999999/revisions")).status).toBe(404);
  });

  it("restores an old revision as a new save, and refuses it to whom may not edit the article", async () => {
    const writer = await loginAs(store(), "writer");
    const other = await loginAs(store(), "writer");
    const article = await draft(store(), writer, "Original words.");
    await saveArticle(
      store(),
      article.id,
      { body: "Worse words.", baseRevision: 1 },
      undefined,
      writer.account,
    );
    const refused = await post(other, `/admin/articles/${article.id}/restore`, { revision: "1" });
    expect(refused.status).toBe(403);
    expect((await get(other, `/admin/articles/${article.id}/revisions`)).status).toBe(403);
    const res = await post(writer, `/admin/articles/${article.id}/restore`, { revision: "1" });
    expect(res.headers.get("location")).toBe(`/admin/articles/${article.id}?done=restored`);
    expect(await getArticle(store(), article.id)).toMatchObject({ body: "Original words.", revision: 3 });
    expect((await post(writer, `/admin/articles/${article.id}/restore`, { revision: "one" })).status).toBe(
      400,
    );
    expect((await post(writer, `/admin/articles/${article.id}/restore`, { revision: "12" })).status).toBe(
      404,
    );
  });

  it("tells the editor when a scheduled article's publishing failed, and why", async () => {
    const editor = await loginAs(store(), "editor");
    const article = await draft(store(), editor);
    await post(editor, `/admin/articles/${article.id}/status`, {
      action: "schedule",
      at: "2099-03-01T09:30",
    });
    const pending = await (await get(editor, `/admin/articles/${article.id}/revisions`)).text();
    expect(pending).toContain("Publishing is due 2099-03-01 09:30 UTC.");
    await store()
      .db.updateTable("jobs")
      .set({ status: "failed", attempts: 5, last_error: "the database <went> away" })
      .execute();
    const failed = await (await get(editor, `/admin/articles/${article.id}/revisions`)).text();
    expect(failed).toContain(
      "Publishing failed after 5 attempts and will not be tried again: the database &lt;went&gt; away.",
    );
    await store().db.updateTable("articles").set({ published_at: "2020-01-01T00:00:00.000Z" }).execute();
    const c = {
      var: { account: editor.account, csrfToken: editor.csrfToken },
    } as unknown as Context<AdminEnv>;
    const panel = (
      await WorkflowPanel({ c, article: await getArticle(store(), article.id) }).toString()
    ).toString();
    expect(panel).toContain("Its time has passed and it is not published yet");
  });

  it("offers in its panel only the actions the account may take", async () => {
    const writer = await loginAs(store(), "writer");
    const editor = await loginAs(store(), "editor");
    const article = await draft(store(), writer);
    const panel = async (me: LoggedIn, id: number) => {
      const c = { var: { account: me.account, csrfToken: me.csrfToken } } as unknown as Context<AdminEnv>;
      return (await WorkflowPanel({ c, article: await getArticle(store(), id) }).toString()).toString();
    };
    const forWriter = await panel(writer, article.id);
    expect(forWriter).toContain('value="submit"');
    expect(forWriter).not.toContain('value="publish"');
    expect(forWriter).not.toContain('name="at"');
    const forEditor = await panel(editor, article.id);
    expect(forEditor).toContain('value="publish"');
    expect(forEditor).toContain("Publish at (UTC");
    expect(forEditor).toContain(`value="${editor.csrfToken}"`);
    await publishNow(store(), editor.account, article.id);
    const published = await panel(editor, article.id);
    expect(published).toContain('value="withdraw"');
    expect(published).toContain("Record correction");
    expect(published).not.toContain('name="at"');
  });
});

it("reads a datetime-local value as UTC whatever the server's zone", () => {
  expect(parseUtc("2030-01-02T03:04").toISOString()).toBe("2030-01-02T03:04:00.000Z");
  expect(parseUtc("2030-01-02T03:04:05").toISOString()).toBe("2030-01-02T03:04:05.000Z");
  expect(() => parseUtc("2030-13-02T03:04")).toThrow(/exists/);
  expect(() => parseUtc("2030-01-02T24:30")).toThrow(/exists/);
});
