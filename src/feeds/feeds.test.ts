import { expect, it } from "vitest";
import { saveArticle, withdrawArticle } from "../content/articles.js";
import { createSeries } from "../content/series-ops.js";
import { NotFoundError } from "../errors.js";
import { getSite } from "../i18n/editions.js";
import { createPerson } from "../people/people.js";
import { describeEachStore } from "../storage/test-stores.js";
import { day, publishNew } from "../test-support/publication.js";
import { createTopic } from "../topics/topics.js";
import { type FeedSubject, readFeed } from "./feeds.js";

const ORIGIN = "https://paper.example";

describeEachStore("feeds", (store) => {
  const read = async (subject: FeedSubject, items = 50) =>
    readFeed(store(), subject, { site: await getSite(store()), origin: ORIGIN, items });

  it("holds the newest articles, as many as it is set to, and none that was withdrawn", async () => {
    const articles = [];
    for (let i = 0; i < 5; i++) articles.push(await publishNew(store(), `Article ${i}`, {}, day(i)));
    expect((await read({ by: "edition", language: "en" }, 3)).updatedAt).toBe(articles[4]?.updatedAt);
    const withdrawn = await withdrawArticle(store(), articles[4]?.id ?? 0, new Date("2030-03-01T00:00:00Z"));
    const feed = await read({ by: "edition", language: "en" }, 3);
    expect(feed.entries.map((e) => e.title)).toEqual(["Article 3", "Article 2", "Article 1"]);
    // The feed changed when the article left it, though the articles it holds did not.
    expect(feed.updatedAt).toBe(withdrawn.updatedAt);
    expect(feed.entries[0]).toMatchObject({
      id: `tag:paper.example,2026-01-04:article-${articles[3]?.id}`,
      url: `${ORIGIN}${articles[3]?.path}`,
      publishedAt: day(3),
    });
  });

  it("keeps an entry's id when its address changes", async () => {
    const article = await publishNew(store(), "Before");
    const before = (await read({ by: "edition", language: "en" })).entries[0];
    await saveArticle(store(), article.id, { baseRevision: article.revision, slug: "after" });
    const after = (await read({ by: "edition", language: "en" })).entries[0];
    expect(after?.url).not.toBe(before?.url);
    expect(after?.id).toBe(before?.id);
  });

  it("is titled with the publication and what it follows, in the edition's language", async () => {
    const person = await createPerson(store(), { name: "Kip Writer", bio: "Writes." });
    const topic = await createTopic(store(), { name: "History" });
    const series = await createSeries(store(), { title: "The long war" });
    await publishNew(store(), "Teil eins", {
      language: "de",
      personIds: [person],
      topicIds: [topic],
      seriesId: series,
    });
    const site = (await getSite(store())).name;
    expect((await read({ by: "edition", language: "de" })).title).toBe(`${site} — Neueste Artikel`);
    const personFeed = await read({ by: "person", language: "de", slug: "kip-writer" });
    expect(personFeed).toMatchObject({ title: `${site} — Artikel von Kip Writer`, description: "Writes." });
    expect(personFeed.feedUrls.atom).toBe(`${ORIGIN}/de/authors/kip-writer/atom.xml`);
    expect((await read({ by: "topic", language: "de", slug: "history" })).title).toBe(
      `${site} — Thema: History`,
    );
    expect((await read({ by: "series", language: "de", slug: "the-long-war" })).pageUrl).toBe(
      `${ORIGIN}/de/series/the-long-war`,
    );
  });

  it("refuses an unknown person, topic or series, and a series with nothing in the language, as their pages do", async () => {
    const series = await createSeries(store(), { title: "Only German" });
    await publishNew(store(), "Teil", { language: "de", seriesId: series });
    for (const subject of [
      { by: "person", language: "en", slug: "nobody" },
      { by: "topic", language: "en", slug: "nothing" },
      { by: "series", language: "en", slug: "none" },
      { by: "series", language: "en", slug: "only-german" },
    ] as const) {
      await expect(read(subject), subject.slug).rejects.toBeInstanceOf(NotFoundError);
    }
  });
});
