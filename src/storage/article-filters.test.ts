import { expect, it } from "vitest";
import type { Cursor } from "../content/article.js";
import { createArticle, publishArticle, withdrawArticle } from "../content/articles.js";
import { createSeries } from "../content/series-ops.js";
import { createPerson } from "../people/people.js";
import { createTopic } from "../topics/topics.js";
import {
  type ArticleFilter,
  findArticleState,
  findListedArticles,
  listMatchingKeys,
  listPublicArticlesBySlug,
  topicsOfArticles,
} from "./article-filters.js";
import { listPublished } from "./articles.js";
import { listPersonsBySlug, listTopicsBySlug } from "./directories.js";
import type { Store } from "./store.js";
import { describeEachStore } from "./test-stores.js";

const day = (d: number) => new Date(Date.UTC(2024, 0, d, 9, 0, 0));

/**
 * Two editions, two persons, a topic with a sub-topic, a series, a draft and a withdrawn article. Articles
 * 5 and 6 share a publication time, so the tie is broken by id.
 */
async function publication(store: Store) {
  const anna = await createPerson(store, {
    name: "Anna Berg",
    localizations: [{ language: "de", name: "Anna Berg (de)" }],
  });
  const board = await createPerson(store, { name: "Editorial Board", kind: "institution" });
  const politics = await createTopic(store, {
    name: "Politics",
    localizations: [{ language: "de", name: "Politik" }],
  });
  const africa = await createTopic(store, { name: "Africa", parentId: politics });
  const series = await createSeries(store, { title: "The Long Depression" });
  const write = async (
    d: number,
    input: { title: string; language?: string; kind?: string; personIds?: number[]; topicIds?: number[] },
    extra: { seriesId?: number; seriesPart?: number } = {},
  ) => {
    const created = await createArticle(store, {
      language: "en",
      body: `Body of ${input.title}.`,
      ...input,
      ...extra,
    });
    return (await publishArticle(store, created.id, day(d), day(100))).id;
  };
  const ids = {
    first: await write(1, { title: "First", personIds: [anna], topicIds: [politics] }),
    review: await write(2, {
      title: "A review",
      kind: "review",
      personIds: [anna, board],
      topicIds: [africa],
    }),
    german: await write(3, { title: "Erster", language: "de", personIds: [anna], topicIds: [politics] }),
    part1: await write(
      4,
      { title: "Part one", personIds: [board], topicIds: [politics] },
      { seriesId: series, seriesPart: 1 },
    ),
    part2: await write(
      5,
      { title: "Part two", personIds: [anna], topicIds: [politics] },
      { seriesId: series, seriesPart: 2 },
    ),
    tie: await write(5, { title: "Same moment", personIds: [anna] }),
    withdrawn: await write(6, { title: "Withdrawn", personIds: [anna], topicIds: [politics] }),
    draft: (await createArticle(store, { language: "en", title: "Draft", body: "x", personIds: [anna] })).id,
  };
  await withdrawArticle(store, ids.withdrawn);
  return { ids, anna, board, politics, africa, series };
}

async function idsOf(store: Store, filter: ArticleFilter, limit = 50) {
  return (await listMatchingKeys(store, filter, undefined, limit)).map((k) => k.id);
}

const both = ["en", "de"];

describeEachStore("articles matching the read API's filters", (store) => {
  it("lists the published articles of every edition newest first, ties broken by id", async () => {
    const { ids } = await publication(store());
    expect(await idsOf(store(), { languages: both })).toEqual([
      ids.tie,
      ids.part2,
      ids.part1,
      ids.german,
      ids.review,
      ids.first,
    ]);
  });

  it("narrows by language, person, topic, series, kind and publication time", async () => {
    const { ids, anna, board, politics, africa, series } = await publication(store());
    expect(await idsOf(store(), { languages: ["de"] })).toEqual([ids.german]);
    expect(await idsOf(store(), { languages: both, personId: board })).toEqual([ids.part1, ids.review]);
    expect(await idsOf(store(), { languages: ["en"], personId: anna })).toEqual([
      ids.tie,
      ids.part2,
      ids.review,
      ids.first,
    ]);
    // A topic means exactly that topic, as on its page: the review filed under Africa is not Politics.
    expect(await idsOf(store(), { languages: both, topicId: politics })).toEqual([
      ids.part2,
      ids.part1,
      ids.german,
      ids.first,
    ]);
    expect(await idsOf(store(), { languages: both, topicId: africa })).toEqual([ids.review]);
    expect(await idsOf(store(), { languages: both, seriesId: series })).toEqual([ids.part2, ids.part1]);
    expect(await idsOf(store(), { languages: both, kind: "review" })).toEqual([ids.review]);
    const from = day(2).toISOString();
    const to = day(4).toISOString();
    expect(await idsOf(store(), { languages: both, from, to })).toEqual([ids.german, ids.review]);
  });

  it("combines filters, whichever index leads", async () => {
    const { ids, anna, board, politics, series } = await publication(store());
    expect(await idsOf(store(), { languages: both, personId: anna, topicId: politics })).toEqual([
      ids.part2,
      ids.german,
      ids.first,
    ]);
    expect(await idsOf(store(), { languages: both, personId: anna, kind: "review" })).toEqual([ids.review]);
    expect(await idsOf(store(), { languages: both, topicId: politics, kind: "review" })).toEqual([]);
    expect(await idsOf(store(), { languages: both, seriesId: series, personId: board })).toEqual([ids.part1]);
    expect(
      await idsOf(store(), {
        languages: ["en"],
        seriesId: series,
        personId: anna,
        topicId: politics,
        kind: "article",
        from: day(5).toISOString(),
        to: day(6).toISOString(),
      }),
    ).toEqual([ids.part2]);
    expect(await idsOf(store(), { languages: ["de"], seriesId: series })).toEqual([]);
  });

  it("pages by keyset without gaps or repeats, for every leading index", async () => {
    const { anna, politics, series } = await publication(store());
    for (const filter of [
      { languages: both },
      { languages: both, personId: anna },
      { languages: both, topicId: politics },
      { languages: both, seriesId: series },
    ] satisfies ArticleFilter[]) {
      const all = await idsOf(store(), filter);
      const paged: number[] = [];
      let before: Cursor | undefined;
      for (let guard = 0; guard < 10; guard++) {
        const keys = await listMatchingKeys(store(), filter, before, 2);
        paged.push(...keys.map((k) => k.id));
        before = keys.at(-1);
        if (keys.length < 2) break;
      }
      expect(paged).toEqual(all);
    }
  });

  it("takes a cursor whose id is beyond any row's as the end of its moment, in every listing", async () => {
    const { ids } = await publication(store());
    const before = { publishedAt: day(5).toISOString(), id: 999_999_999_999_999 };
    const keys = await listMatchingKeys(store(), { languages: both }, before, 2);
    expect(keys.map((k) => k.id)).toEqual([ids.tie, ids.part2]);
    const page = await listPublished(store(), { by: "edition", language: "en" }, { limit: 1, before });
    expect(page.items.map((a) => a.id)).toEqual([ids.tie]);
    expect(await findArticleState(store(), 999_999_999_999_999)).toBeUndefined();
  });

  it("reads listed articles in the order asked, without their text unless asked, and their topics by name", async () => {
    const { ids, politics } = await publication(store());
    const listed = await findListedArticles(store(), [ids.part2, ids.first, ids.draft], false);
    expect(listed.map((a) => a.id)).toEqual([ids.part2, ids.first]);
    expect(listed[0]?.series).toEqual({ slug: "the-long-depression", title: "The Long Depression", part: 2 });
    expect(listed[0]).not.toHaveProperty("html");
    const [withText] = await findListedArticles(store(), [ids.first], true);
    expect(withText?.text).toContain("Body of First.");
    const topics = await topicsOfArticles(store(), [ids.german], "de");
    expect(topics.get(ids.german)).toEqual([{ slug: "politics", name: "Politik" }]);
    expect(politics).toBeGreaterThan(0);
  });

  it("finds published and withdrawn articles by slug, never drafts", async () => {
    const { ids } = await publication(store());
    expect((await listPublicArticlesBySlug(store(), "withdrawn", undefined, 5)).map((a) => a.status)).toEqual(
      ["withdrawn"],
    );
    expect(await listPublicArticlesBySlug(store(), "draft", undefined, 5)).toEqual([]);
    expect((await listPublicArticlesBySlug(store(), "erster", "de", 5)).map((a) => a.id)).toEqual([
      ids.german,
    ]);
    expect(await listPublicArticlesBySlug(store(), "erster", "en", 5)).toEqual([]);
  });

  it("lists persons and topics in slug order by keyset, named in the language asked for", async () => {
    await publication(store());
    const people = await listPersonsBySlug(store(), "de", undefined, 1);
    expect(people.map((p) => [p.slug, p.name])).toEqual([["anna-berg", "Anna Berg (de)"]]);
    const rest = await listPersonsBySlug(store(), "de", "anna-berg", 5);
    expect(rest.map((p) => p.slug)).toEqual(["editorial-board"]);
    const topics = await listTopicsBySlug(store(), "de", undefined, 5);
    expect(topics.map((t) => [t.slug, t.name, t.parentSlug])).toEqual([
      ["africa", "Africa", "politics"],
      ["politics", "Politik", null],
    ]);
    expect(await listTopicsBySlug(store(), "en", "politics", 5)).toEqual([]);
  });
});
