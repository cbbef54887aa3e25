import { expect, it } from "vitest";
import {
  type ArticleInput,
  createArticle,
  publishArticle,
  saveArticle,
  withdrawArticle,
} from "../content/articles.js";
import { InvalidError } from "../errors.js";
import { getSite } from "../i18n/editions.js";
import { createPerson } from "../people/people.js";
import { beginRebuild, recoverInterruptedRebuild } from "../storage/search.js";
import { insertSeries } from "../storage/series.js";
import type { Store } from "../storage/store.js";
import { describeEachStore } from "../storage/test-stores.js";
import { addSource } from "../test-support/publication.js";
import { createTopic } from "../topics/topics.js";
import { rebuildSearchIndex } from "./indexing.js";
import { type SearchRequest, search } from "./search.js";

const day = (n: number) => new Date(Date.UTC(2021, 0, n, 12));

async function publish(store: Store, n: number, input: Partial<ArticleInput> & { title: string }) {
  const article = await createArticle(store, { language: "en", body: "Nothing much.", ...input });
  return publishArticle(store, article.id, day(n), day(400));
}

async function find(store: Store, request: SearchRequest, edition = "en") {
  return search(store, await getSite(store), edition, request);
}

const titles = async (store: Store, request: SearchRequest, edition = "en") =>
  (await find(store, request, edition)).results.map((r) => r.article.title);

describeEachStore("search", (store, kind) => {
  it("finds other forms of a word, in the body, the notes and the quotations", async () => {
    await addSource(store(), "smith");
    await publish(store(), 1, {
      title: "Notes on a strike",
      body: 'The dockers walked out.[^1]\n\n> "We organise or we perish."\n> [@smith]\n\n[^1]: A general stoppage followed.',
    });
    await publish(store(), 2, { title: "Unrelated", body: "Gardening in spring." });
    expect(await titles(store(), { q: "docker" })).toEqual(["Notes on a strike"]);
    expect(await titles(store(), { q: "organising" })).toEqual(["Notes on a strike"]);
    expect(await titles(store(), { q: "stoppages" })).toEqual(["Notes on a strike"]);
  });

  it("matches without accents, in the article's own language", async () => {
    await publish(store(), 1, { language: "de", title: "Über die Häuser", body: "Die Häuser der Arbeiter." });
    await publish(store(), 2, { language: "fr", title: "L'État et la révolution", body: "Un État ouvrier." });
    expect(await titles(store(), { q: "uber hauser" }, "de")).toEqual(["Über die Häuser"]);
    expect(await titles(store(), { q: "Haus" }, "de")).toEqual(["Über die Häuser"]);
    expect(await titles(store(), { q: "etat revolution" }, "fr")).toEqual(["L'État et la révolution"]);
    expect(await titles(store(), { q: "etat", language: "all" }, "de")).toEqual(["L'État et la révolution"]);
    expect(await titles(store(), { q: "etat" }, "de")).toEqual([]);
  });

  it("ranks an article with the words in its title above one that only mentions them", async () => {
    await publish(store(), 1, { title: "The harvest of 1921", body: "On famine and the harvest." });
    await publish(store(), 2, { title: "Letters", body: "A word on the famine, in passing." });
    await publish(store(), 3, { title: "Famine and the state", body: "Famine. Famine again." });
    const found = await titles(store(), { q: "famine" });
    expect(found[0]).toBe("Famine and the state");
    expect(found).toHaveLength(3);
    expect(await titles(store(), { q: "famine", order: "newest" })).toEqual([
      "Famine and the state",
      "Letters",
      "The harvest of 1921",
    ]);
  });

  it("understands phrases, exclusions and OR", async () => {
    await publish(store(), 1, { title: "One", body: "The permanent revolution." });
    await publish(store(), 2, { title: "Two", body: "The revolution, permanent in its way." });
    await publish(store(), 3, { title: "Three", body: "A permanent settlement." });
    expect(await titles(store(), { q: '"permanent revolution"' })).toEqual(["One"]);
    // Phrases with common words in them are found by their pairs of words.
    expect(await titles(store(), { q: '"the permanent revolution"' })).toEqual(["One"]);
    expect(await titles(store(), { q: '"revolution, permanent in its way"' })).toEqual(["Two"]);
    // PostgreSQL's configurations leave common words out of its index and its phrases: a phrase of nothing
    // else finds nothing there, and one with them in is the same phrase without them.
    expect(await titles(store(), { q: '"in its"', order: "newest" })).toEqual(
      kind === "sqlite" ? ["Two"] : [],
    );
    expect(await titles(store(), { q: '"a permanent"', order: "newest" })).toEqual(
      kind === "sqlite" ? ["Three"] : ["Three", "Two", "One"],
    );
    expect(await titles(store(), { q: 'permanent -"the revolution"', order: "newest" })).toEqual(
      kind === "sqlite" ? ["Three", "One"] : ["Three"],
    );
    expect(await titles(store(), { q: "permanent -revolution" })).toEqual(["Three"]);
    expect(await titles(store(), { q: 'permanent -"permanent revolution"', order: "newest" })).toEqual([
      "Three",
      "Two",
    ]);
    expect(await titles(store(), { q: "settlement OR revolution", order: "newest" })).toEqual([
      "Three",
      "Two",
      "One",
    ]);
  });

  it("filters by author, topic with its sub-topics, series, kind and dates", async () => {
    const author = await createPerson(store(), { name: "Rosa Wolf", kind: "pen_name" });
    const economy = await createTopic(store(), { name: "Economy" });
    const wages = await createTopic(store(), { name: "Wages", parentId: economy });
    const series = await insertSeries(store(), { slug: "crisis", title: "The crisis", description: "" });
    await publish(store(), 1, { title: "Crisis one", personIds: [author], topicIds: [wages] });
    await publish(store(), 40, { title: "Crisis two", kind: "analysis", seriesId: series, seriesPart: 1 });
    await publish(store(), 80, { title: "Crisis three", kind: "review" });
    expect(await titles(store(), { q: "crisis", person: "rosa-wolf" })).toEqual(["Crisis one"]);
    expect(await titles(store(), { q: "crisis", topic: "economy" })).toEqual(["Crisis one"]);
    expect(await titles(store(), { q: "crisis", series: "crisis" })).toEqual(["Crisis two"]);
    expect(await titles(store(), { q: "crisis", kind: "review" })).toEqual(["Crisis three"]);
    expect(await titles(store(), { q: "crisis", since: "2021-02", until: "2021-02-28" })).toEqual([
      "Crisis two",
    ]);
    expect(await titles(store(), { q: "crisis", until: "2021-01-01" })).toEqual(["Crisis one"]);
  });

  it("finds a published article at once, a corrected one by its new words, and a withdrawn one no more", async () => {
    const article = await publish(store(), 1, { title: "Bread", body: "On the price of bread." });
    expect(await titles(store(), { q: "price" })).toEqual(["Bread"]);
    await saveArticle(store(), article.id, { baseRevision: article.revision, body: "On the cost of flour." });
    expect(await titles(store(), { q: "price" })).toEqual([]);
    expect(await titles(store(), { q: "flour" })).toEqual(["Bread"]);
    await withdrawArticle(store(), article.id);
    expect(await titles(store(), { q: "flour" })).toEqual([]);
    const draft = await createArticle(store(), { language: "en", title: "Flour draft", body: "Flour." });
    expect(draft.status).toBe("draft");
    expect(await titles(store(), { q: "flour" })).toEqual([]);
  });

  it("pages through every match once, in either order", async () => {
    for (let n = 1; n <= 13; n++) {
      await publish(store(), n, {
        title: `Dispatch ${n}`,
        body: n % 3 === 0 ? "Strike, strike." : "A strike.",
      });
    }
    for (const order of ["relevance", "newest"]) {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await find(store(), { q: "strike", order, limit: 5, cursor });
        seen.push(...page.results.map((r) => r.article.title));
        cursor = page.next;
      } while (cursor);
      expect(seen).toHaveLength(13);
      expect(new Set(seen).size).toBe(13);
    }
    const counted = await find(store(), { q: "strike" });
    expect(counted.total).toEqual({ count: 13, atLeast: false });
  });

  it("marks the matched words in a passage of the text", async () => {
    await publish(store(), 1, {
      title: "Long",
      body: `${"Filler words here. ".repeat(40)}Here the miners struck for wages. ${"More filler. ".repeat(40)}`,
    });
    const [result] = (await find(store(), { q: "miner wage" })).results;
    const marked = result?.snippet.filter((p) => p.marked).map((p) => p.text);
    expect(marked).toEqual(["miners", "wages"]);
    expect(result?.snippet.map((p) => p.text).join("")).toContain("Here the miners struck for wages.");
  });

  it("rebuilds the whole index to the same answers", async () => {
    await publish(store(), 1, { title: "Alpha", body: "Cooperatives." });
    const withdrawn = await publish(store(), 2, { title: "Beta", body: "Cooperatives." });
    await withdrawArticle(store(), withdrawn.id);
    expect(await rebuildSearchIndex(store())).toBe(1);
    expect(await titles(store(), { q: "cooperative" })).toEqual(["Alpha"]);
  });

  it("tells a rebuild that stopped before its end, and makes the index merge again", async () => {
    await publish(store(), 1, { title: "Alpha", body: "Cooperatives." });
    expect(await recoverInterruptedRebuild(store())).toBe(false);
    await beginRebuild(store());
    expect(await recoverInterruptedRebuild(store())).toBe(true);
    if (kind === "sqlite") expect(await recoverInterruptedRebuild(store())).toBe(false);
    await rebuildSearchIndex(store());
    expect(await recoverInterruptedRebuild(store())).toBe(false);
    expect(await titles(store(), { q: "cooperative" })).toEqual(["Alpha"]);
  });

  it("never fails on what a reader types", async () => {
    await publish(store(), 1, { title: "Strike", body: "A strike near the docks: title and all." });
    const hostile = [
      '"unbalanced',
      '"',
      "OR",
      "strike OR",
      "OR strike",
      "-",
      "- strike",
      "*",
      "strike*",
      "NEAR(strike docks)",
      "NEAR(",
      "title:strike",
      "{title}: strike",
      "strike AND NOT docks",
      "'; DROP TABLE articles; --",
      "1 OR 1=1",
      "strike\u0000\u0007docks",
      "забастовка strike 罢工 إضراب",
      "^strike + docks",
      "(strike",
      "strike)",
      "\\",
      "''",
      "%_",
    ];
    for (const q of hostile) await expect(find(store(), { q }), q).resolves.toBeDefined();
    expect(await titles(store(), { q: "title: strike" })).toEqual(["Strike"]);
    expect(await titles(store(), { q: "NEAR( strike docks )" })).toEqual(["Strike"]);
  });

  it("refuses overlong queries and unknown filters with a message", async () => {
    const refused = [
      { q: "x".repeat(10_000) },
      { q: "strike", person: "nobody" },
      { q: "strike", topic: "nothing" },
      { q: "strike", series: "none" },
      { q: "strike", kind: "poem" },
      { q: "strike", language: "xx" },
      { q: "strike", since: "2021-13" },
      { q: "strike", since: "yesterday" },
      { q: "strike", since: "2022", until: "2021" },
      { q: "strike", order: "random" },
      { q: "strike", cursor: "not a cursor" },
      { q: "strike", cursor: Buffer.from('{"a":1}').toString("base64url") },
      { q: "strike", cursor: Buffer.from("[1e999, 5]").toString("base64url") },
      { q: "strike", limit: 0 },
      { q: "strike", limit: 1000 },
    ];
    for (const request of refused) {
      await expect(find(store(), request), JSON.stringify(request).slice(0, 80)).rejects.toBeInstanceOf(
        InvalidError,
      );
    }
  });
});
