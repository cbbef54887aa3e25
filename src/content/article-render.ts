// An article's Markdown made into what is stored and served: HTML with its citations formatted in the
// publication's style, plain text for search, the sourced quotations checked against their sources, and
// the keys of the sources it cites. Runs at save; and again, without a new revision, when a source the
// article cites changes or the publication changes its citation style.

import type { CslItem } from "../citations/csl-item.js";
import { InvalidError } from "../errors.js";
import { stringsFor } from "../i18n/strings.js";
import type { Job } from "../jobs/job.js";
import type { MediaImage } from "../markdown/media.js";
import { renderMarkdown } from "../markdown/render.js";
import { mediaForBody } from "../media/in-articles.js";
import { checkQuotations } from "../quotations/article-quotations.js";
import { characterTest } from "../search/analyze.js";
import { indexArticle } from "../search/indexing.js";
import * as rows from "../storage/articles.js";
import { replaceQuotations } from "../storage/quotations.js";
import { listArticlesCiting, listArticlesWithSources, replaceArticleSources } from "../storage/sources.js";
import type { Store } from "../storage/store.js";
import type { QuotationRecord } from "./article.js";
import {
  assertCitationsKnown,
  type CitationSettings,
  citedItems,
  citerFor,
  readCitationSettings,
} from "./article-citations.js";
import { bumpContentVersion } from "./content-version.js";

export interface RenderedArticle {
  html: string;
  text: string;
  wordCount: number;
  quotations: QuotationRecord[];
  sourceKeys: string[];
}

/** What rendering a body needs of the store: the citation settings, the sources it cites, its media. */
export interface RenderInputs {
  settings: CitationSettings;
  items: Map<string, CslItem>;
  media: Map<string, MediaImage>;
}

/** `ahead` is the body already rendered by `renderBody` (an import's workers do that); only its checks remain. */
export async function renderArticle(
  store: Store,
  body: string,
  language: string,
  now = new Date(),
  ahead?: RenderedArticle,
): Promise<RenderedArticle> {
  const rendered =
    ahead ??
    renderBody(body, language, {
      settings: await readCitationSettings(store),
      items: await citedItems(store, body),
      media: await mediaForBody(store, body),
    });
  return { ...rendered, quotations: await checkQuotations(store, rendered.quotations, now) };
}

/**
 * The render itself, from what it needs of the store: it touches nothing else, so an import runs it in
 * worker threads. The quotations it returns are not checked yet (`checkQuotations` reads the sources'
 * texts).
 */
export function renderBody(body: string, language: string, inputs: RenderInputs): RenderedArticle {
  const t = stringsFor(language);
  const citer = citerFor(inputs.settings, inputs.items, language);
  const rendered = renderMarkdown(body, {
    citer,
    ...(inputs.settings.bibliography
      ? { bibliography: (keys: string[]) => citer.bibliographyHtml(keys) }
      : {}),
    labels: { notes: t.notes, backToReference: t.backToReference, sources: t.sources },
    media: inputs.media,
  });
  assertCitationsKnown(citer, rendered.citations, body);
  return {
    html: rendered.html,
    text: rendered.text,
    wordCount: countWords(rendered.text),
    quotations: rendered.quotations.map((q) => ({
      position: q.position,
      text: q.text,
      citation: q.citation.raw,
      sourceKey: q.citation.citations[0]?.key ?? "",
      locator: q.citation.citations[0]?.locator ?? "",
    })),
    sourceKeys: [...new Set(rendered.citations.flatMap((g) => g.citations.map((c) => c.key)))].sort(),
  };
}

/** Stores what a render found beside the article row: its quotations and its sources. */
export async function saveRenderedParts(store: Store, articleId: number, rendered: RenderedArticle) {
  await replaceQuotations(store, articleId, rendered.quotations);
  await replaceArticleSources(store, articleId, rendered.sourceKeys);
}

/** Renders a stored article again as it stands (no new revision), re-indexing it if it is public. */
export async function rerenderArticle(store: Store, id: number, now = new Date()): Promise<void> {
  await store.transaction(async (tx) => {
    const article = await rows.findArticleById(tx, id);
    if (!article) return;
    const rendered = await renderArticle(tx, article.body, article.language, now);
    await rows.updateArticle(tx, id, article.revision, {
      html: rendered.html,
      text: rendered.text,
      word_count: rendered.wordCount,
    });
    await saveRenderedParts(tx, id, rendered);
    if (article.status === "published") {
      await indexArticle(tx, id);
      await bumpContentVersion(tx);
    }
  });
}

/** The job run after a source changed: every article citing it is rendered again. */
export async function rerenderCitingArticles(store: Store, job: Job, now = new Date()): Promise<void> {
  const key = job.payload.key;
  if (typeof key !== "string") throw new Error(`job ${job.id} names no source`);
  await rerenderEach(store, (after) => listArticlesCiting(store, key, after, 100), now);
}

/** The job run after the publication changed its citation style: every article that cites is rendered again. */
export async function rerenderAllCitingArticles(store: Store, _job: Job, now = new Date()): Promise<void> {
  await rerenderEach(store, (after) => listArticlesWithSources(store, after, 100), now);
}

/** The job left by the upgrade that brought citations: every article that may cite is rendered again. */
export async function rerenderArticlesWithCitations(
  store: Store,
  _job: Job,
  now = new Date(),
): Promise<void> {
  await rerenderEach(store, (after) => rows.listArticleIdsWithCitations(store, after, 100), now);
}

async function rerenderEach(store: Store, next: (afterId: number) => Promise<number[]>, now: Date) {
  let after = 0;
  for (;;) {
    const ids = await next(after);
    for (const id of ids) {
      try {
        await rerenderArticle(store, id, now);
      } catch (error) {
        // An article saved before citations were checked may cite a source the library lacks: it keeps
        // its stored HTML until someone saves it, rather than stopping the others from being rendered.
        if (!(error instanceof InvalidError)) throw error;
      }
    }
    if (ids.length < 100) return;
    after = ids.at(-1) ?? after;
  }
}

/**
 * Words as a reader counts them: runs of letters and digits, "don't" and "well-known" one word each. A loop
 * over character codes, not a regular expression's array of every word: it runs at every save.
 */
export function countWords(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i) as number;
    const width = code > 0xffff ? 2 : 1;
    if (isLetterOrDigit(code)) {
      if (!inWord) count++;
      inWord = true;
    } else if (!(inWord && JOINERS.has(code) && isLetterOrDigit(text.codePointAt(i + 1) ?? 0x20))) {
      inWord = false;
    }
    i += width - 1;
  }
  return count;
}

const JOINERS = new Set([0x27, 0x2019, 0x2d]);
const isLetterOrDigit = characterTest(/[\p{L}\p{N}]/u);
