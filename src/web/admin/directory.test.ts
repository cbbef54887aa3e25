import { expect, it } from "vitest";
import { createLogger } from "../../log.js";
import { createPerson } from "../../people/people.js";
import { describeEachStore } from "../../storage/test-stores.js";
import { type LoggedIn, loginAs } from "../../test-support/admin.js";
import { publishNew } from "../../test-support/publication.js";
import { createTopic } from "../../topics/topics.js";
import { createApp } from "../app.js";

const origin = "http://127.0.0.1";

describeEachStore("the admin's directory", (store) => {
  const app = () => createApp({ store: store(), log: createLogger() });
  const post = (me: LoggedIn, path: string, fields: Record<string, string>) =>
    app().request(`${origin}${path}`, {
      method: "POST",
      headers: { ...me.headers({ csrf: false }), "content-type": "application/x-www-form-urlencoded" },
      body: me.form(fields),
    });

  it("adds a pen name and renames it per edition, and the public page follows at once", async () => {
    const editor = await loginAs(store(), "editor");
    await store().db.insertInto("settings").values({ key: "editions", value: '["en","de"]' }).execute();
    const added = await post(editor, "/admin/people", {
      name: "Vera Zasulich",
      kind: "pen_name",
      bio: "Writes.",
    });
    expect(added.status).toBe(303);
    const id = Number(/\/admin\/people\/(\d+)/.exec(added.headers.get("location") ?? "")?.[1]);
    await publishNew(store(), "A signed piece", { personIds: [id] });
    const before = await app().request(`${origin}/en/authors/vera-zasulich`);
    expect(await before.text()).toContain("Vera Zasulich");
    const saved = await post(editor, `/admin/people/${id}`, {
      name: "V. Zasulich",
      kind: "pen_name",
      bio: "Writes <b>boldly</b>.",
      name_de: "Wera Sassulitsch",
      bio_de: "Schreibt.",
    });
    expect(saved.status).toBe(303);
    const english = await (await app().request(`${origin}/en/authors/vera-zasulich`)).text();
    expect(english).toContain("V. Zasulich");
    expect(english).toContain("Writes &lt;b&gt;boldly&lt;/b&gt;.");
    const german = await (await app().request(`${origin}/de/authors/vera-zasulich`)).text();
    expect(german).toContain("Wera Sassulitsch");
  });

  it("refuses a nameless person, an unknown kind and an oversized bio, changing nothing", async () => {
    const editor = await loginAs(store(), "editor");
    const id = await createPerson(store(), { name: "Kept" });
    for (const fields of [
      { name: " ", kind: "individual", bio: "" },
      { name: "X", kind: "robot", bio: "" },
      { name: "X", kind: "individual", bio: "b".repeat(5001) },
    ]) {
      expect((await post(editor, `/admin/people/${id}`, fields)).status).toBe(400);
    }
    expect((await post(editor, "/admin/people", { name: "", kind: "individual" })).status).toBe(400);
    const row = await store()
      .db.selectFrom("persons")
      .select("name")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(row.name).toBe("Kept");
  });

  it("files topics under others but never under themselves", async () => {
    const editor = await loginAs(store(), "editor");
    const history = await createTopic(store(), { name: "History" });
    const added = await post(editor, "/admin/topics", { name: "The 1930s", parent: String(history) });
    expect(added.status).toBe(303);
    const thirties = Number(/(\d+)\?/.exec(added.headers.get("location") ?? "")?.[1]);
    const loop = await post(editor, `/admin/topics/${history}`, {
      name: "History",
      parent: String(thirties),
    });
    expect(loop.status).toBe(400);
    expect(await loop.text()).toContain("cannot be filed under itself");
    const self = await post(editor, `/admin/topics/${history}`, { name: "History", parent: String(history) });
    expect(self.status).toBe(400);
    const missing = await post(editor, "/admin/topics", { name: "Orphan", parent: "99999" });
    expect(missing.status).toBe(400);
    const parent = await store()
      .db.selectFrom("topics")
      .select("parent_id")
      .where("id", "=", history)
      .executeTakeFirstOrThrow();
    expect(parent.parent_id).toBeNull();
  });

  it("adds a series", async () => {
    const editor = await loginAs(store(), "editor");
    expect((await post(editor, "/admin/series", { title: "The Road to Revolution" })).status).toBe(303);
    expect(
      await (await app().request(`${origin}/admin/series`, { headers: editor.headers() })).text(),
    ).toContain("The Road to Revolution");
    expect((await post(editor, "/admin/series", { title: "" })).status).toBe(400);
  });

  it("is the editors' own: a writer is refused", async () => {
    const writer = await loginAs(store(), "writer");
    expect((await post(writer, "/admin/people", { name: "Sneaky", kind: "individual" })).status).toBe(403);
    expect(await store().db.selectFrom("persons").selectAll().execute()).toEqual([]);
  });
});
