// Test support: builders of published content with valid defaults; a test sets only what it is about.
import type { Article } from "../content/article.js";
import { type ArticleInput, createArticle, publishArticle } from "../content/articles.js";
import { upsertSource } from "../storage/sources.js";
import type { Store } from "../storage/store.js";

/** Creates and publishes an article (English, at 2026-02-08 10:00 UTC unless told otherwise). */
export async function publishNew(
  store: Store,
  title: string,
  input: Partial<ArticleInput> = {},
  at = "2026-02-08T10:00:00Z",
): Promise<Article> {
  const article = await createArticle(store, {
    language: "en",
    title,
    standfirst: `What ${title} argues.`,
    body: `The argument of ${title} opens here.`,
    ...input,
  });
  return publishArticle(store, article.id, new Date(at));
}

/** A day's publication time, `n` days after 2026-01-01, so that order by date is order by `n`. */
export function day(n: number): string {
  return new Date(Date.UTC(2026, 0, 1 + n, 10)).toISOString();
}

/** Puts a book in the source library under `key`, so that articles may cite it. */
export async function addSource(store: Store, key: string, title = "A Book Cited Here"): Promise<void> {
  const item = {
    id: key,
    type: "book",
    title,
    author: [{ family: "Writer", given: "Ada" }],
    publisher: "Harbour Books",
    "publisher-place": "Glasgow",
    issued: { "date-parts": [[1938]] },
  };
  await upsertSource(store, key, JSON.stringify(item));
}
