import { expect, it } from "vitest";
import { createArticle } from "../content/articles.js";
import { createPerson } from "../people/people.js";
import { createTopic } from "../topics/topics.js";
import { listAdminArticles } from "./admin-articles.js";
import { describeEachStore } from "./test-stores.js";

describeEachStore("the admin's list of a person's articles on a topic", (store) => {
  it("finds exactly the articles with both, newest first, across batches and pages", async () => {
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
    for (const batch of [1, 2, 3, 7, 500]) {
      const seen: number[] = [];
      let before: number | undefined;
      for (let page = 0; page < 50; page++) {
        const rows = await listAdminArticles(store(), filter, before, 4, batch);
        seen.push(...rows.map((r) => r.id));
        if (rows.length < 4) break;
        before = rows.at(-1)?.id;
      }
      expect([batch, seen]).toEqual([batch, expected]);
    }
  });
});
