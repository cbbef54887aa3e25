import { expect, it } from "vitest";
import { ConflictError, GoneError, InvalidError, NotFoundError } from "../errors.js";
import { JOB_HANDLERS } from "../jobs/handlers.js";
import { createJobRunner } from "../jobs/runner.js";
import { createPerson } from "../people/people.js";
import { listRevisions } from "../storage/revisions.js";
import type { Store } from "../storage/store.js";
import { describeEachStore } from "../storage/test-stores.js";
import { createTopic } from "../topics/topics.js";
import {
  type ArticleInput,
  createArticle,
  getPublishedArticle,
  publishArticle,
  saveArticle,
  withdrawArticle,
} from "./articles.js";
import { listArticles, readArchive, readArticle, readEdition, readTopic } from "./reading.js";
import { findRedirect } from "./redirects.js";

const at = (day: number) => new Date(Date.UTC(2024, 0, day, 9, 0, 0));

function draft(overrides: Partial<ArticleInput> = {}): ArticleInput {
  return { language: "en", title: "On the crisis", body: "The crisis *deepens*.", ...overrides };
}

async function published(store: Store, day: number, overrides: Partial<ArticleInput> = {}) {
  const article = await createArticle(store, draft({ title: `Article of day ${day}`, ...overrides }));
  return publishArticle(store, article.id, at(day), at(400));
}

describeEachStore("articles", (store) => {
  it("stores a draft with its rendered HTML, plain text and first revision", async () => {
    const article = await createArticle(store(), draft());
    expect(article.status).toBe("draft");
    expect(article.revision).toBe(1);
    expect(article.slug).toBe("on-the-crisis");
    expect(article.html).toContain("<em>deepens</em>");
    expect(article.text).toContain("The crisis deepens.");
    expect(article.path).toBeNull();
  });

  it("labels the notes in the article's own language", async () => {
    const article = await createArticle(store(), draft({ language: "de", body: "Text.[^1]\n\n[^1]: Note." }));
    expect(article.html).toContain('<section class="footnotes" aria-label="Anmerkungen">');
    expect(article.html).toContain('aria-label="Zurück zur Verweisstelle 1"');
  });

  it("gives a published article a dated path in its language", async () => {
    const article = await published(store(), 5);
    expect(article.status).toBe("published");
    expect(article.path).toBe("/en/articles/2024/01/05/article-of-day-5");
    expect((await getPublishedArticle(store(), article.path ?? "")).id).toBe(article.id);
  });

  it("numbers the slug of a second article with the same title on the same day, but not on another", async () => {
    const first = await published(store(), 5, { title: "Editorial" });
    const second = await published(store(), 5, { title: "Editorial" });
    const later = await published(store(), 6, { title: "Editorial" });
    expect([first.path, second.path, later.path]).toEqual([
      "/en/articles/2024/01/05/editorial",
      "/en/articles/2024/01/05/editorial-2",
      "/en/articles/2024/01/06/editorial",
    ]);
  });

  it("schedules an article dated in the future and publishes it when its time comes", async () => {
    const article = await createArticle(store(), draft());
    const scheduled = await publishArticle(store(), article.id, at(10), at(1));
    expect(scheduled.status).toBe("scheduled");
    expect(scheduled.path).toBeNull();
    const runAt = (when: Date) =>
      createJobRunner({ store: store(), handlers: JOB_HANDLERS, clock: () => when }).runOnce();
    expect(await runAt(at(5))).toBe(0);
    expect(await runAt(at(11))).toBe(1);
    await expect(
      getPublishedArticle(store(), "/en/articles/2024/01/10/on-the-crisis"),
    ).resolves.toBeDefined();
  });

  it("keeps a revision for every save", async () => {
    const article = await createArticle(store(), draft());
    const saved = await saveArticle(store(), article.id, { baseRevision: 1, body: "Second text." });
    expect(saved.revision).toBe(2);
    expect(saved.html).toContain("Second text.");
    const revisions = await listRevisions(store(), article.id);
    expect(revisions.map((r) => [r.revision, r.body])).toEqual([
      [2, "Second text."],
      [1, "The crisis *deepens*."],
    ]);
  });

  it("refuses a save based on an old revision and keeps both texts", async () => {
    const article = await createArticle(store(), draft());
    await saveArticle(store(), article.id, { baseRevision: 1, body: "Editor's text." });
    const stale = saveArticle(store(), article.id, { baseRevision: 1, body: "Writer's text." });
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    const error = (await stale.catch((e: unknown) => e)) as ConflictError<{ body: string }>;
    expect(error.current.body).toBe("Editor's text.");
    expect(error.attempted.body).toBe("Writer's text.");
    const revisions = await listRevisions(store(), article.id);
    expect(revisions.find((r) => r.kind === "conflict")?.body).toBe("Writer's text.");
    expect(revisions.filter((r) => r.kind === "save")).toHaveLength(2);
  });

  it("leaves a redirect behind when a published article's slug changes", async () => {
    const article = await published(store(), 3);
    const renamed = await saveArticle(store(), article.id, {
      baseRevision: article.revision,
      slug: "new-name",
    });
    expect(renamed.path).toBe("/en/articles/2024/01/03/new-name");
    expect(await findRedirect(store(), article.path ?? "")).toBe(renamed.path);
  });

  it("answers Gone for a withdrawn article and drops it from listings", async () => {
    const article = await published(store(), 3);
    await withdrawArticle(store(), article.id);
    await expect(getPublishedArticle(store(), article.path ?? "")).rejects.toBeInstanceOf(GoneError);
    const page = await listArticles(store(), { by: "edition", language: "en" }, { limit: 10 });
    expect(page.items).toHaveLength(0);
  });

  it("refuses bad input and stores nothing", async () => {
    await expect(createArticle(store(), draft({ language: "xx" }))).rejects.toBeInstanceOf(InvalidError);
    await expect(createArticle(store(), draft({ title: "  " }))).rejects.toBeInstanceOf(InvalidError);
    await expect(createArticle(store(), draft({ slug: "Bad Slug" }))).rejects.toBeInstanceOf(InvalidError);
    await expect(createArticle(store(), draft({ translationOf: 999 }))).rejects.toBeInstanceOf(InvalidError);
    const page = await listArticles(store(), { by: "edition", language: "en" }, { limit: 10 });
    expect(page.items).toHaveLength(0);
  });

  it("pages through an edition newest first by keyset, both ways", async () => {
    for (let day = 1; day <= 45; day++) await published(store(), day);
    const listing = { by: "edition", language: "en" } as const;
    const first = await listArticles(store(), listing, { limit: 20 });
    expect(first.items.map((a) => a.title)[0]).toBe("Article of day 45");
    expect(first.newer).toBeUndefined();
    const second = await listArticles(store(), listing, { limit: 20, before: first.older ?? fail() });
    expect(second.items[0]?.title).toBe("Article of day 25");
    const third = await listArticles(store(), listing, { limit: 20, before: second.older ?? fail() });
    expect(third.items).toHaveLength(5);
    expect(third.older).toBeUndefined();
    const back = await listArticles(store(), listing, { limit: 20, after: third.newer ?? fail() });
    expect(back.items.map((a) => a.id)).toEqual(second.items.map((a) => a.id));
  });

  it("prints co-bylines in order, in the edition's own names", async () => {
    const ana = await createPerson(store(), { name: "Ana Ruiz" });
    const board = await createPerson(store(), {
      name: "International Editorial Board",
      kind: "institution",
      localizations: [{ language: "de", name: "Internationale Redaktion" }],
    });
    const en = await published(store(), 2, { personIds: [board, ana] });
    const de = await published(store(), 2, { language: "de", personIds: [board], translationOf: en.id });
    const view = await readArticle(store(), en.path ?? "");
    expect(view.bylines.map((b) => b.name)).toEqual(["International Editorial Board", "Ana Ruiz"]);
    expect(view.translations.map((t) => t.path)).toEqual([de.path]);
    const deView = await readArticle(store(), de.path ?? "");
    expect(deView.bylines.map((b) => b.name)).toEqual(["Internationale Redaktion"]);
    expect(deView.translations.map((t) => t.language)).toEqual(["en"]);
  });

  it("shows what an article answers and what answers it", async () => {
    const first = await published(store(), 1);
    const answer = await published(store(), 2, {
      replies: [
        { articleId: first.id, title: "", author: "", publisher: "", date: "" },
        { title: "A printed pamphlet", author: "M. Kaluka", publisher: "CPM-K", date: "" },
      ],
    });
    const view = await readArticle(store(), answer.path ?? "");
    expect(view.replies.map((r) => [r.title, r.path ?? null])).toEqual([
      [first.title, first.path],
      ["A printed pamphlet", null],
    ]);
    expect((await readArticle(store(), first.path ?? "")).answers.map((a) => a.id)).toEqual([answer.id]);
  });

  it("lists a topic's own published articles in one language, with its sub-topics", async () => {
    const history = await createTopic(store(), { name: "History" });
    await createTopic(store(), { name: "Spanish Civil War", parentId: history });
    await published(store(), 1, { topicIds: [history] });
    await published(store(), 2, { topicIds: [history], language: "de" });
    await createArticle(store(), draft({ topicIds: [history] }));
    const view = await readTopic(store(), "history", "en", { limit: 10 });
    expect(view.articles.items.map((a) => a.title)).toEqual(["Article of day 1"]);
    expect(view.subtopics.map((t) => t.name)).toEqual(["Spanish Civil War"]);
    await expect(readTopic(store(), "nope", "en", { limit: 10 })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("lists the months of a year and the days of a month that have articles", async () => {
    await published(store(), 3);
    await published(store(), 5);
    await published(store(), 35);
    const year = await readArchive(store(), "en", { year: 2024 }, { limit: 10 });
    expect(year.parts).toEqual([1, 2]);
    expect(year.articles.items).toHaveLength(3);
    const january = await readArchive(store(), "en", { year: 2024, month: 1 }, { limit: 10 });
    expect(january.parts).toEqual([3, 5]);
    expect(january.articles.items.map((a) => a.title)).toEqual(["Article of day 5", "Article of day 3"]);
  });

  it("features chosen articles on the edition's front page", async () => {
    await published(store(), 1, { featured: true });
    await published(store(), 2);
    const view = await readEdition(store(), "en", { limit: 10 });
    expect(view.featured.map((a) => a.title)).toEqual(["Article of day 1"]);
    expect(view.latest.items).toHaveLength(2);
  });
});

function fail(): never {
  throw new Error("expected a cursor");
}
