import { expect, it } from "vitest";
import { createArticle, withdrawArticle } from "../content/articles.js";
import { createSeries } from "../content/series-ops.js";
import { createPerson } from "../people/people.js";
import { day, publishNew } from "../test-support/publication.js";
import { createTopic } from "../topics/topics.js";
import {
  hasSitemapEntries,
  listFeedArticles,
  listNewestArticleIds,
  listNewestListings,
  listSeriesEditions,
  listSitemapArticles,
  listTranslationPaths,
  maxIdOf,
} from "./syndication.js";
import { describeEachStore } from "./test-stores.js";

describeEachStore("syndication storage", (store) => {
  it("lists the newest published articles of an edition, person, topic and series, newest first", async () => {
    const person = await createPerson(store(), { name: "Kip Writer" });
    const topic = await createTopic(store(), { name: "History" });
    const series = await createSeries(store(), { title: "The long war" });
    const linked = { personIds: [person], topicIds: [topic], seriesId: series };
    const first = await publishNew(store(), "First", { ...linked, seriesPart: 1 }, day(1));
    const third = await publishNew(store(), "Third", { ...linked, seriesPart: 3 }, day(3));
    const second = await publishNew(store(), "Second", { ...linked, seriesPart: 2 }, day(2));
    const withdrawn = await publishNew(store(), "Withdrawn", { ...linked, seriesPart: 4 }, day(4));
    await withdrawArticle(store(), withdrawn.id);
    await createArticle(store(), { language: "en", title: "Draft", body: "x", ...linked });
    await publishNew(store(), "German", { ...linked, language: "de" }, day(5));

    const newest = [third.id, second.id, first.id];
    for (const listing of [
      { by: "edition", language: "en" },
      { by: "person", language: "en", personId: person },
      { by: "topic", language: "en", topicId: topic },
      { by: "series", language: "en", seriesId: series },
    ] as const) {
      expect(await listNewestArticleIds(store(), listing, 10), listing.by).toEqual(newest);
      expect(await listNewestArticleIds(store(), listing, 2), listing.by).toEqual(newest.slice(0, 2));
    }
  });

  it("reads articles for a feed in the order asked, with bylines and topics named in the feed's language", async () => {
    const person = await createPerson(store(), {
      name: "Leo Writer",
      localizations: [{ language: "de", name: "Leo Schreiber" }],
    });
    const topic = await createTopic(store(), {
      name: "Labour",
      localizations: [{ language: "de", name: "Arbeit" }],
    });
    const old = await publishNew(store(), "Old", { personIds: [person], topicIds: [topic] }, day(1));
    const recent = await publishNew(store(), "Recent", {}, day(2));
    const withdrawn = await publishNew(store(), "Gone", {}, day(3));
    await withdrawArticle(store(), withdrawn.id);

    const articles = await listFeedArticles(store(), [recent.id, withdrawn.id, old.id], "de");
    expect(articles.map((a) => a.title)).toEqual(["Recent", "Old"]);
    expect(articles[1]).toMatchObject({
      path: old.path,
      standfirst: "What Old argues.",
      publishedAt: day(1),
      updatedAt: old.updatedAt,
      authors: ["Leo Schreiber"],
      topics: ["Arbeit"],
    });
    expect(articles[1]?.html).toContain("<p>The argument of Old opens here.</p>");
  });

  it("finds the highest id of each table and whether a range of ids lists anything", async () => {
    expect(await maxIdOf(store(), "articles")).toBe(0);
    const person = await createPerson(store(), { name: "Only Drafts" });
    const draft = await createArticle(store(), {
      language: "en",
      title: "Draft",
      body: "x",
      personIds: [person],
    });
    expect(await hasSitemapEntries(store(), "articles", 1, draft.id + 1)).toBe(false);
    expect(await hasSitemapEntries(store(), "persons", 1, person + 1)).toBe(false);

    const series = await createSeries(store(), { title: "A series" });
    const published = await publishNew(store(), "Published", { personIds: [person], seriesId: series });
    expect(await maxIdOf(store(), "articles")).toBe(published.id);
    expect(await hasSitemapEntries(store(), "articles", published.id, published.id + 1)).toBe(true);
    expect(await hasSitemapEntries(store(), "articles", published.id + 1, published.id + 100)).toBe(false);
    expect(await hasSitemapEntries(store(), "persons", person, person + 1)).toBe(true);
    expect(await hasSitemapEntries(store(), "series", series, series + 1)).toBe(true);
    expect(await hasSitemapEntries(store(), "topics", 1, 100)).toBe(false);
  });

  it("reads a range of article ids by keyset, published ones only, in id order", async () => {
    const ids: number[] = [];
    for (let i = 0; i < 7; i++) ids.push((await publishNew(store(), `Article ${i}`, {}, day(7 - i))).id);
    await withdrawArticle(store(), ids[2] ?? 0);
    const [from, to] = [ids[0] ?? 0, (ids[5] ?? 0) + 1];
    const firstChunk = await listSitemapArticles(store(), from - 1, to, 3);
    expect(firstChunk.map((a) => a.id)).toEqual([ids[0], ids[1], ids[3]]);
    const rest = await listSitemapArticles(store(), firstChunk[2]?.id ?? 0, to, 3);
    expect(rest.map((a) => a.id)).toEqual([ids[4], ids[5]]);
    expect(rest[0]).toMatchObject({ language: "en", translationGroup: ids[4] });
  });

  it("gathers the published translations of each group", async () => {
    const original = await publishNew(store(), "Original", {}, day(1));
    await publishNew(store(), "Übersetzung", { language: "de", translationOf: original.id }, day(2));
    const french = await publishNew(
      store(),
      "Traduction",
      { language: "fr", translationOf: original.id },
      day(3),
    );
    await withdrawArticle(store(), french.id);
    const alone = await publishNew(store(), "Alone", {}, day(4));
    const groups = await listTranslationPaths(store(), [original.id, alone.id]);
    expect(groups.get(original.id)?.map((t) => t.language)).toEqual(["de", "en"]);
    expect(groups.get(alone.id)).toEqual([{ language: "en", path: alone.path }]);
  });

  it("finds each person's newest article in a language, and null where there is none", async () => {
    const busy = await createPerson(store(), { name: "Busy" });
    const idle = await createPerson(store(), { name: "Idle" });
    await publishNew(store(), "Old", { personIds: [busy] }, day(1));
    await publishNew(store(), "New", { personIds: [busy] }, day(5));
    await publishNew(store(), "Deutsch", { personIds: [idle], language: "de" }, day(2));
    const listings = await listNewestListings(store(), "persons", busy, idle + 1, "en");
    expect(listings).toEqual([
      { id: busy, slug: "busy", newest: day(5) },
      { id: idle, slug: "idle", newest: null },
    ]);
  });

  it("lists series with the newest part in each language they have parts in", async () => {
    const series = await createSeries(store(), { title: "Parts" });
    const empty = await createSeries(store(), { title: "Empty" });
    await publishNew(store(), "One", { seriesId: series, seriesPart: 1 }, day(1));
    await publishNew(store(), "Two", { seriesId: series, seriesPart: 2 }, day(3));
    await publishNew(store(), "Eins", { seriesId: series, seriesPart: 1, language: "de" }, day(2));
    expect(await listSeriesEditions(store(), series, empty + 1)).toEqual([
      {
        id: series,
        slug: "parts",
        editions: [
          { language: "de", newest: day(2) },
          { language: "en", newest: day(3) },
        ],
      },
      { id: empty, slug: "empty", editions: [] },
    ]);
  });
});
