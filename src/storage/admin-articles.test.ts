import { expect, it } from "vitest";
import { createArticle } from "../content/articles.js";
import { createPerson } from "../people/people.js";
import { createTopic } from "../topics/topics.js";
import { listAdminArticles } from "./admin-articles.js";
import { describeEachStore } from "./test-stores.js";

describeEachStore("the admin's list of a person's articles on a topic", (store) => {
  it("finds exactly the articles with both, newest first, page after page", async () => {
    const rosa = await createPerson(store(), { name: "Rosa" });
    const karl = await createPerson(store(), { name: "Karl" });
    const labour = await createTopic(store(), { name: "Labour" });
    const war = await createTopic(store(), { name: "War" });
    const expected: number[] = [];
    for (let i = 0; i < 70; i++) {
      const personIds = i % 3 === 0 ? [rosa, karl] : i % 3 === 1 ? [rosa] : [karl];
      const topicIds = i % 4 === 0 ? [labour] : i % 4 === 1 ? [labour, war] : [war];
      const article = await createArticle(store(), {
        language: i % 5 ? "en" : "de",
        title: `A ${i}`,
        body: "x",
        personIds,
        topicIds,
      });
      if (personIds.includes(rosa) && topicIds.includes(labour) && i % 5 !== 0) expected.unshift(article.id);
    }
    const filter = { personId: rosa, topicId: labour, language: "en" };
    const seen: number[] = [];
    let before: number | undefined;
    for (let page = 0; page < 50; page++) {
      const rows = await listAdminArticles(store(), filter, before, 4);
      seen.push(...rows.map((r) => r.id));
      if (rows.length < 4) break;
      before = rows.at(-1)?.id;
    }
    expect(seen).toEqual(expected);
  });
});

describeEachStore("a writer's own articles in the admin's list", (store) => {
  it("finds an old draft among many newer articles, across batches, and pages to the end", async () => {
    const pen = await createPerson(store(), { name: "Pen" });
    const other = await createPerson(store(), { name: "Other" });
    const old = await createArticle(store(), {
      language: "en",
      title: "Old draft",
      body: "x",
      personIds: [pen],
    });
    const mine: number[] = [old.id];
    for (let i = 0; i < 40; i++) {
      const a = await createArticle(store(), {
        language: "en",
        title: `N ${i}`,
        body: "x",
        personIds: i % 2 ? [pen] : [other],
      });
      if (i % 2) mine.unshift(a.id);
    }
    await store().db.updateTable("articles").set({ status: "published" }).where("id", "!=", old.id).execute();
    const scope = { accountId: 1, personIds: [pen], languages: [] };
    for (const batch of [2, 5, 500]) {
      expect(
        (await listAdminArticles(store(), { scope, status: "draft" }, undefined, 10, batch)).map((r) => r.id),
      ).toEqual([old.id]);
      const seen: number[] = [];
      let before: number | undefined;
      for (let page = 0; page < 20; page++) {
        const rows = await listAdminArticles(store(), { scope }, before, 3, batch);
        seen.push(...rows.map((r) => r.id));
        if (rows.length < 3) break;
        before = rows.at(-1)?.id;
      }
      expect([batch, seen]).toEqual([batch, mine]);
    }
  });
});
