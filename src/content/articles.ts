// Articles: creating, saving with revisions, publishing, withdrawing and finding them by their public path.
// Markdown is rendered here, at save; reads serve the stored HTML and never render again.
import { ConflictError, GoneError, InvalidError, NotFoundError } from "../errors.js";
import { addEdition } from "../i18n/editions.js";
import { isLanguage } from "../i18n/languages.js";
import { cancelJob, enqueueJob, publishJobKey } from "../jobs/jobs.js";
import type { Analysed } from "../search/analysis.js";
import { indexArticle } from "../search/indexing.js";
import * as rows from "../storage/articles.js";
import { replaceReplies } from "../storage/replies.js";
import { insertRevision, upsertRedirect } from "../storage/revisions.js";
import type { Store } from "../storage/store.js";
import { type Article, articlePath, type ReplyTarget } from "./article.js";
import { type RenderedArticle, renderArticle, saveRenderedParts } from "./article-render.js";
import { bumpContentVersion } from "./content-version.js";
import { isValidSlug, slugify, uniqueSlug } from "./slug.js";

export interface ArticleInput {
  kind?: string;
  language: string;
  title: string;
  standfirst?: string;
  slug?: string;
  body: string;
  personIds?: number[];
  topicIds?: number[];
  seriesId?: number | null;
  seriesPart?: number | null;
  /** The id of the article this one translates. */
  translationOf?: number | null;
  featured?: boolean;
  correction?: string;
  replies?: ReplyTarget[];
}

/** What a save sends: the text as the writer saw it, and the revision it was based on. */
export interface ArticleEdit extends Partial<ArticleInput> {
  baseRevision: number;
}

const MAX_BODY = 2_000_000;

/** `actor` is who creates it, recorded on the first revision (private to the admin). */
export async function createArticle(
  store: Store,
  input: ArticleInput,
  now = new Date(),
  actor?: { id: number } | null,
  prepared?: PreparedArticle,
): Promise<Article> {
  checkInput(input);
  return store.transaction(async (tx) =>
    getArticle(tx, await insertArticle(tx, input, now, actor, undefined, prepared)),
  );
}

/**
 * Creates an article already published at `at` (an import of an archive): written once as published,
 * instead of created as a draft and then changed. A date still to come schedules it as `publishArticle`
 * does.
 */
export async function createPublishedArticle(
  store: Store,
  input: ArticleInput,
  at: Date,
  now = new Date(),
  prepared?: PreparedArticle,
): Promise<Article> {
  checkInput(input);
  if (at > now) {
    return store.transaction(async (tx) =>
      publishArticle(tx, await insertArticle(tx, input, now, null, undefined, prepared), at, now),
    );
  }
  return store.transaction(async (tx) => {
    const when = at.toISOString();
    const wanted = input.slug ?? slugify(input.title);
    const slug = await uniqueSlug(wanted, (s) =>
      rows.isPathTaken(tx, articlePath(input.language, when, s), 0),
    );
    const published = { publishedAt: when, path: articlePath(input.language, when, slug) };
    const id = await insertArticle(tx, { ...input, slug }, now, null, published, prepared);
    await addEdition(tx, input.language);
    await indexArticle(tx, id, prepared?.analysed);
    await bumpContentVersion(tx);
    return getArticle(tx, id);
  });
}

/**
 * An article's body rendered (`renderBody`) and its text analysed for the SQLite index ahead of the save,
 * as an import does in worker threads; its quotations are checked at the save.
 */
export interface PreparedArticle {
  rendered: RenderedArticle;
  analysed?: Analysed;
}

/** The rows of a new article, as a draft or, given its date and path, as published. */
async function insertArticle(
  tx: Store,
  input: ArticleInput,
  now: Date,
  actor?: { id: number } | null,
  published?: { publishedAt: string; path: string },
  prepared?: PreparedArticle,
): Promise<number> {
  // Slugs need only be unique within a day's addresses; that is settled when the article is published.
  const slug = input.slug ?? slugify(input.title);
  const rendered = await renderArticle(tx, input.body, input.language, now, prepared?.rendered);
  const at = now.toISOString();
  const group = await translationGroupFor(tx, input.translationOf);
  const id = await rows.insertArticle(tx, {
    kind: input.kind ?? "article",
    language: input.language,
    translation_group: group,
    title: input.title,
    standfirst: input.standfirst ?? "",
    slug,
    body: input.body,
    html: rendered.html,
    text: rendered.text,
    status: published ? "published" : "draft",
    published_at: published?.publishedAt ?? null,
    path: published?.path ?? null,
    created_at: at,
    updated_at: at,
    revision: 1,
    series_id: input.seriesId ?? null,
    series_part: input.seriesPart ?? null,
    correction: input.correction ?? "",
    featured: input.featured ? 1 : 0,
    word_count: rendered.wordCount,
  });
  if (group === null) await rows.updateArticle(tx, id, 1, { translation_group: id });
  const listedAt = published?.publishedAt ?? null;
  await rows.setArticlePersons(tx, id, input.personIds ?? [], input.language, listedAt);
  await rows.setArticleTopics(tx, id, input.topicIds ?? [], input.language, listedAt);
  await replaceReplies(tx, id, input.replies ?? []);
  await saveRenderedParts(tx, id, rendered);
  await insertRevision(tx, {
    articleId: id,
    revision: 1,
    kind: "save",
    ...texts(input),
    savedAt: at,
    accountId: actor?.id ?? null,
  });
  return id;
}

/**
 * Saves a new version. A save based on an older revision than the stored one is refused with a conflict
 * carrying both texts, and the refused text is kept as a revision of kind "conflict" so it is never lost.
 */
export async function saveArticle(
  store: Store,
  id: number,
  edit: ArticleEdit,
  now = new Date(),
  actor?: { id: number } | null,
) {
  const at = now.toISOString();
  const outcome = await store.transaction(async (tx) => {
    const current = await getArticle(tx, id);
    const next: ArticleInput = { ...current, ...definedOnly(edit) };
    checkInput(next);
    if (edit.baseRevision !== current.revision) return { conflict: { current, next } };
    const slug = await nextSlug(tx, current, next);
    const rerender = next.body !== current.body || next.language !== current.language;
    const rendered = rerender ? await renderArticle(tx, next.body, next.language, now) : undefined;
    const revision = current.revision + 1;
    const path =
      current.path && current.publishedAt ? articlePath(next.language, current.publishedAt, slug) : null;
    const updated = await rows.updateArticle(tx, id, current.revision, {
      kind: next.kind ?? current.kind,
      language: next.language,
      title: next.title,
      standfirst: next.standfirst ?? "",
      slug,
      body: next.body,
      ...(rendered ? { html: rendered.html, text: rendered.text, word_count: rendered.wordCount } : {}),
      path,
      updated_at: at,
      revision,
      series_id: next.seriesId ?? null,
      series_part: next.seriesPart ?? null,
      correction: next.correction ?? "",
      featured: next.featured ? 1 : 0,
      translation_group: await translationGroupFor(tx, edit.translationOf, current),
    });
    if (!updated) return { conflict: { current, next } };
    if (current.path && path && path !== current.path) await upsertRedirect(tx, current.path, id);
    const listedAt = current.status === "published" ? current.publishedAt : null;
    if (edit.personIds) await rows.setArticlePersons(tx, id, edit.personIds, next.language, listedAt);
    if (edit.topicIds) await rows.setArticleTopics(tx, id, edit.topicIds, next.language, listedAt);
    if (next.language !== current.language) {
      await rows.setListing(tx, id, next.language, listedAt);
      if (current.status === "published") await addEdition(tx, next.language);
    }
    if (edit.replies) await replaceReplies(tx, id, edit.replies);
    if (rendered) await saveRenderedParts(tx, id, rendered);
    await insertRevision(tx, {
      articleId: id,
      revision,
      kind: "save",
      ...texts(next),
      savedAt: at,
      accountId: actor?.id ?? null,
    });
    if (current.status === "published") {
      await indexArticle(tx, id);
      await bumpContentVersion(tx);
    }
    return { saved: await getArticle(tx, id) };
  });
  if (outcome.saved) return outcome.saved;
  // Kept outside the refused transaction, so the writer's text survives the refusal.
  const { current, next } = outcome.conflict;
  await insertRevision(store, {
    articleId: id,
    revision: edit.baseRevision,
    kind: "conflict",
    ...texts(next),
    savedAt: at,
    accountId: actor?.id ?? null,
  });
  throw new ConflictError(
    `this article was saved by someone else since revision ${edit.baseRevision}; it is now at revision ${current.revision}`,
    texts(current),
    texts(next),
  );
}

/**
 * Publishes now, or schedules when `at` is in the future. The public path takes the publication date;
 * a second publication keeps the first date unless `at` is given. Scheduling puts a publish job in the
 * jobs table in the same transaction (moving the article's job if it had one); publishing removes it.
 */
export async function publishArticle(
  store: Store,
  id: number,
  at?: Date,
  now = new Date(),
): Promise<Article> {
  return store.transaction(async (tx) => {
    const article = await getArticle(tx, id);
    const when = (at ?? (article.publishedAt ? new Date(article.publishedAt) : now)).toISOString();
    const status = when > now.toISOString() ? "scheduled" : "published";
    const slug = await uniqueSlug(article.slug, (s) =>
      rows.isPathTaken(tx, articlePath(article.language, when, s), id),
    );
    const path = articlePath(article.language, when, slug);
    await rows.updateArticle(tx, id, article.revision, {
      slug,
      status,
      published_at: when,
      path: status === "published" ? path : null,
      updated_at: now.toISOString(),
    });
    if (article.path && article.path !== path && status === "published") {
      await upsertRedirect(tx, article.path, id);
    }
    await rows.setListing(tx, id, article.language, status === "published" ? when : null);
    if (status === "published") await addEdition(tx, article.language);
    if (status === "scheduled") {
      await enqueueJob(
        tx,
        { kind: "publish", uniqueKey: publishJobKey(id), payload: { articleId: id }, runAt: new Date(when) },
        now,
      );
    } else {
      await cancelJob(tx, publishJobKey(id));
    }
    await indexArticle(tx, id);
    await bumpContentVersion(tx);
    return getArticle(tx, id);
  });
}

/** Takes an article off the site; its address answers 410 Gone from then on. */
export async function withdrawArticle(store: Store, id: number, now = new Date()): Promise<Article> {
  return store.transaction(async (tx) => {
    const article = await getArticle(tx, id);
    await rows.updateArticle(tx, id, article.revision, {
      status: "withdrawn",
      updated_at: now.toISOString(),
    });
    await cancelJob(tx, publishJobKey(id));
    await rows.setListing(tx, id, article.language, null);
    await indexArticle(tx, id);
    await bumpContentVersion(tx);
    return getArticle(tx, id);
  });
}

export async function getArticle(store: Store, id: number): Promise<Article> {
  const article = await rows.findArticleById(store, id);
  if (!article) throw new NotFoundError(`no article has id ${id}`);
  return article;
}

/** The published article at a public path; a withdrawn one is Gone. */
export async function getPublishedArticle(store: Store, path: string): Promise<Article> {
  const article = await rows.findArticleByPath(store, path);
  if (article?.status === "published") return article;
  if (article?.status === "withdrawn") throw new GoneError("this article has been withdrawn");
  throw new NotFoundError(`nothing is published at ${path}`);
}

function checkInput(input: ArticleInput): void {
  if (!isLanguage(input.language))
    throw new InvalidError(`"${input.language}" is not a language code we know`);
  if (input.title.trim() === "") throw new InvalidError("the title is empty");
  if (input.title.length > 500) throw new InvalidError("the title is longer than 500 characters");
  if (input.body.length > MAX_BODY) throw new InvalidError("the body is longer than 2,000,000 characters");
  if (input.slug !== undefined && !isValidSlug(input.slug)) {
    throw new InvalidError(`"${input.slug}" is not a slug: use lowercase letters, digits and single hyphens`);
  }
  if (input.seriesPart != null && (!Number.isInteger(input.seriesPart) || input.seriesPart < 1)) {
    throw new InvalidError("a series part is a whole number from 1");
  }
}

/** A published article's new slug must not take another article's address on the same day. */
async function nextSlug(store: Store, current: Article, next: ArticleInput): Promise<string> {
  const wanted = next.slug ?? current.slug;
  const publishedAt = current.path ? current.publishedAt : null;
  if ((wanted === current.slug && next.language === current.language) || !publishedAt) return wanted;
  return uniqueSlug(wanted, (s) =>
    rows.isPathTaken(store, articlePath(next.language, publishedAt, s), current.id),
  );
}

async function translationGroupFor(
  store: Store,
  translationOf: number | null | undefined,
  current?: Article,
): Promise<number | null> {
  if (translationOf === undefined) return current ? current.translationGroup : null;
  if (translationOf === null) return current ? current.id : null;
  const original = await rows.findArticleById(store, translationOf);
  if (!original) throw new InvalidError(`translation_of names no article (id ${translationOf})`);
  return original.translationGroup;
}

function texts(a: { title: string; standfirst?: string; body: string }) {
  return { title: a.title, standfirst: a.standfirst ?? "", body: a.body };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The editor's preview: the same pipeline as a save, nothing stored. */
export async function renderPreview(store: Store, body: string, language: string) {
  if (body.length > MAX_BODY) throw new InvalidError("the body is longer than 2,000,000 characters");
  const rendered = await renderArticle(store, body, isLanguage(language) ? language : "en");
  return { html: rendered.html, wordCount: rendered.wordCount, quotations: rendered.quotations };
}
