// Imports Markdown files with front matter (the format of docs/authoring.md), all or nothing: every file is
// read and checked first, then everything is written in one transaction. Only a small index of the batch
// (and the sources files it names) is kept between the passes, so memory stays flat however many files.
import { readFileSync, statSync } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import { dirname, extname, join, resolve } from "node:path";
import type { CslItem } from "../citations/csl-item.js";
import { citationFolders } from "../citations/folders.js";
import { MAX_SOURCES_FILE_BYTES, readSources as readSourceFile } from "../citations/formats/read.js";
import { ARTICLE_KINDS, type ReplyTarget } from "../content/article.js";
import { readCitationSettings } from "../content/article-citations.js";
import { createArticle, createPublishedArticle, type PreparedArticle } from "../content/articles.js";
import { ensureSeries } from "../content/series-ops.js";
import { slugify } from "../content/slug.js";
import { InvalidError } from "../errors.js";
import { LANGUAGE_CODES } from "../i18n/languages.js";
import { type FrontMatter, parseMarkdownFile } from "../markdown/front-matter.js";
import { ensurePerson } from "../people/people.js";
import { findArticleBySlug } from "../storage/articles.js";
import { readLibrary, upsertSource } from "../storage/sources.js";
import type { Store } from "../storage/store.js";
import { ensureTopic } from "../topics/topics.js";
import {
  POOL_MIN_FILES,
  type RenderedFile,
  type RenderPool,
  renderedOrThrow,
  startRenderPool,
} from "./render-pool.js";

export interface ImportReport {
  articles: number;
  published: number;
  drafts: number;
}

const MAX_FILE = 5 * 1024 * 1024;

/** Every .md file under the given files and folders, in a stable order. */
export async function findMarkdownFiles(paths: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch((error: unknown) => {
      throw new InvalidError(`cannot read ${path}: ${(error as Error).message}`, { cause: error });
    });
    if (info.isDirectory()) {
      const entries = await readdir(path, { recursive: true, withFileTypes: true });
      const files = entries
        .filter((e) => e.isFile() && [".md", ".markdown"].includes(extname(e.name)))
        .map((e) => join(e.parentPath, e.name));
      found.push(...files.sort());
    } else {
      found.push(path);
    }
  }
  return found;
}

export async function importMarkdown(store: Store, paths: readonly string[], now = new Date()) {
  const files = await findMarkdownFiles(paths);
  if (files.length === 0) throw new InvalidError("no Markdown files (.md) were found at the paths given");
  // First pass: every file read and checked; only its key and the slugs it names are kept.
  const batch = new Map<string, string>();
  // Each sources file named, read and checked once, by its path: they are written first, in the transaction.
  const sourcesFiles = new Map<string, CslItem[]>();
  const references = new Map<string, { field: string; slug: string }[]>();
  for (const file of files) {
    const { frontMatter } = readArticleFile(file);
    await checkFile(file, frontMatter, sourcesFiles);
    const key = `${frontMatter.language}/${frontMatter.slug ?? slugify(frontMatter.title)}`;
    if (batch.has(key)) {
      throw new InvalidError(`the slug ${key} is also used by ${batch.get(key)}`, { file, line: 1 });
    }
    batch.set(key, file);
    const named = namedSlugs(frontMatter);
    if (named.length > 0) references.set(file, named);
  }
  // Translations and replies may name other articles of the batch: those are written first, in rounds.
  const batchSlugs = new Set([...batch.keys()].map((k) => k.slice(k.indexOf("/") + 1)));
  const waitingFor = new Map<string, Set<string>>();
  for (const [file, named] of references) {
    for (const { field, slug } of named) {
      if (batchSlugs.has(slug)) waitingFor.set(file, (waitingFor.get(file) ?? new Set()).add(slug));
      else if (!(await findArticleBySlug(store, slug))) {
        throw new InvalidError(`${field} names "${slug}", but no article has that slug`, { file, line: 1 });
      }
    }
  }
  const report: ImportReport = { articles: 0, published: 0, drafts: 0 };
  await store.transaction(async (tx) => {
    for (const items of sourcesFiles.values()) {
      for (const item of items) await upsertSource(tx, item.id, JSON.stringify(item));
    }
    const pool = files.length >= POOL_MIN_FILES ? await renderPoolFor(tx) : undefined;
    try {
      const written = new Set<string>();
      let pending = files;
      while (pending.length > 0) {
        const ready = pending.filter((f) =>
          [...(waitingFor.get(f) ?? [])].every((slug) => written.has(slug)),
        );
        if (ready.length === 0) {
          throw new InvalidError("these files name each other in a circle", { file: pending[0] });
        }
        // The workers render a bounded number of files ahead of the one being written.
        const rendering: (Promise<RenderedFile> | undefined)[] = pool
          ? ready.slice(0, AHEAD).map((file) => pool.render(file))
          : [];
        for (const [i, file] of ready.entries()) {
          if (pool && i + AHEAD < ready.length) rendering.push(pool.render(ready[i + AHEAD] as string));
          const answer = rendering[i];
          const { frontMatter, body, bodyLine, rendered, analysed } = answer
            ? renderedOrThrow(await answer)
            : { ...readArticleFile(file), rendered: undefined, analysed: undefined };
          try {
            await importOne(tx, frontMatter, body, now, report, rendered && { rendered, analysed });
          } catch (error) {
            if (error instanceof InvalidError && !error.file) {
              const line = error.line === undefined ? undefined : bodyLine + error.line - 1;
              throw new InvalidError(error.message, { file, ...(line ? { line } : {}), cause: error });
            }
            throw error;
          }
          rendering[i] = undefined;
          written.add(frontMatter.slug ?? slugify(frontMatter.title));
        }
        const done = new Set(ready);
        pending = pending.filter((f) => !done.has(f));
      }
    } finally {
      await pool?.close();
    }
  });
  return report;
}

/** How many files the workers may have rendered ahead of the one being written. */
const AHEAD = 16;
/** A library larger than this is not copied into each worker: the import renders in this thread. */
const POOL_MAX_LIBRARY = 20_000;

async function renderPoolFor(store: Store): Promise<RenderPool | undefined> {
  const library = await readLibrary(store, POOL_MAX_LIBRARY);
  if (!library) return undefined;
  return startRenderPool({
    settings: await readCitationSettings(store),
    library: [...library],
    folders: citationFolders(),
    analyse: store.kind === "sqlite",
  });
}

// Read synchronously: an import does nothing else meanwhile, and a small file read through the thread
// pool costs the importer more time waiting than reading (measured: a sixth of an import's time).
export function readArticleFile(file: string) {
  if (statSync(file).size > MAX_FILE)
    throw new InvalidError("the file is larger than 5 MB", { file, line: 1 });
  const source = readFileSync(file, "utf8");
  const parsed = parseMarkdownFile(source, file, LANGUAGE_CODES);
  // The line the body starts on, so a problem the body's render finds is reported at its line in the file.
  const bodyLine = source.slice(0, source.length - parsed.body.length).split("\n").length;
  return { ...parsed, bodyLine };
}

async function checkFile(
  file: string,
  frontMatter: FrontMatter,
  sourcesFiles: Map<string, CslItem[]>,
): Promise<void> {
  if (frontMatter.kind && !(ARTICLE_KINDS as readonly string[]).includes(frontMatter.kind)) {
    throw new InvalidError(`kind "${frontMatter.kind}" is not one of ${ARTICLE_KINDS.join(", ")}`, {
      file,
      line: 1,
    });
  }
  // Many articles may name one sources file: it is read once.
  const name = frontMatter.sources;
  const sources = name && resolve(dirname(file), name);
  if (name && sources && !sourcesFiles.has(sources)) sourcesFiles.set(sources, await readSources(file, name));
}

/** The other articles of ours a file names, by slug. */
function namedSlugs(frontMatter: FrontMatter): { field: string; slug: string }[] {
  const named = frontMatter.inReplyTo.flatMap((r) =>
    r.slug ? [{ field: "in_reply_to", slug: r.slug }] : [],
  );
  if (frontMatter.translationOf) named.unshift({ field: "translation_of", slug: frontMatter.translationOf });
  return named;
}

async function importOne(
  store: Store,
  fm: FrontMatter,
  body: string,
  now: Date,
  report: ImportReport,
  prepared?: PreparedArticle,
) {
  const personIds = [];
  for (const name of fm.authors) personIds.push(await ensurePerson(store, name));
  const topicIds = [];
  for (const name of fm.topics) topicIds.push(await ensureTopic(store, name));
  const seriesId = fm.series ? await ensureSeries(store, fm.series.title) : null;
  const translationOf = fm.translationOf ? (await findArticleBySlug(store, fm.translationOf))?.id : undefined;
  const replies: ReplyTarget[] = [];
  for (const target of fm.inReplyTo) {
    const ours = target.slug ? await findArticleBySlug(store, target.slug) : undefined;
    replies.push({
      ...(ours ? { articleId: ours.id } : {}),
      ...(target.url ? { url: target.url } : {}),
      title: ours?.title ?? target.title ?? "",
      author: target.author ?? "",
      publisher: target.publisher ?? "",
      date: target.date ?? "",
    });
  }
  const input = {
    kind: fm.kind ?? "article",
    language: fm.language,
    title: fm.title,
    standfirst: fm.standfirst ?? "",
    ...(fm.slug ? { slug: fm.slug } : {}),
    body,
    personIds,
    topicIds,
    seriesId,
    seriesPart: fm.series?.part ?? null,
    translationOf: translationOf ?? null,
    featured: fm.featured ?? false,
    replies,
  };
  report.articles++;
  if (fm.date && fm.status !== "draft") {
    const at = fm.date.length === 10 ? new Date(`${fm.date}T12:00:00Z`) : new Date(fm.date);
    await createPublishedArticle(store, input, at, now, prepared);
    report.published++;
  } else {
    await createArticle(store, input, now, null, prepared);
    report.drafts++;
  }
}

/** The file named by `sources:` (CSL-JSON, BibTeX or RIS, told by its content), next to the article. */
async function readSources(file: string, name: string): Promise<CslItem[]> {
  const path = resolve(dirname(file), name);
  let content: string;
  try {
    if ((await stat(path)).size > MAX_SOURCES_FILE_BYTES) {
      throw new Error(`it is larger than ${MAX_SOURCES_FILE_BYTES / 2 ** 20} MB`);
    }
    content = await readFile(path, "utf8");
  } catch (error) {
    throw new InvalidError(`sources file ${name} could not be read: ${(error as Error).message}`, {
      file,
      line: 1,
      cause: error,
    });
  }
  try {
    return readSourceFile(content, name);
  } catch (error) {
    throw new InvalidError((error as Error).message, { file, line: 1, cause: error });
  }
}
