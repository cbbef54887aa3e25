// The source library: what the publication cites, read from CSL-JSON, BibTeX or RIS, written back out in
// any of them, and the full texts quotations are checked against. Changing a source re-renders the
// articles that cite it (through a job), since article HTML is rendered once, at save.
import { createHash } from "node:crypto";
import type { Actor } from "../accounts/audit.js";
import { recordAudit } from "../accounts/audit.js";
import { can, type Role } from "../accounts/roles.js";
import { ConflictError, ForbiddenError, InvalidError, NotFoundError } from "../errors.js";
import { enqueueJob } from "../jobs/jobs.js";
import { recheckSourceQuotations } from "../quotations/article-quotations.js";
import { buildSourceIndex, serializeSourceIndex } from "../quotations/source-index.js";
import { parseSourceText } from "../quotations/source-text.js";
import { findArticleById } from "../storage/articles.js";
import * as rows from "../storage/sources.js";
import type { Store } from "../storage/store.js";
import type { CslItem } from "./csl-item.js";
import { readSources } from "./formats/read.js";
import { type SourceFormat, writeSources } from "./formats/write.js";

export type SourceTextFormat = "text" | "markdown" | "html";

export interface ImportedSources {
  created: string[];
  updated: string[];
}

/** Reads a file of sources (the format told by its content) and stores all of them, or none. */
export async function importSources(
  store: Store,
  content: string,
  name: string,
  actor: Actor | null = null,
  now = new Date(),
): Promise<ImportedSources> {
  const items = readSources(content, name);
  if (items.length === 0) throw new InvalidError(`${name} holds no sources`);
  return store.transaction(async (tx) => {
    const existing = await existingKeys(tx, items);
    for (const item of items) await rows.upsertSource(tx, item.id, JSON.stringify(item), now);
    const updated = items.filter((i) => existing.has(i.id)).map((i) => i.id);
    for (const key of updated) await enqueueRerender(tx, key, now);
    await recordAudit(
      tx,
      actor,
      { action: "sources.import", detail: { file: name, count: items.length } },
      now,
    );
    return { created: items.filter((i) => !existing.has(i.id)).map((i) => i.id), updated };
  });
}

async function existingKeys(store: Store, items: readonly CslItem[]): Promise<Set<string>> {
  const found = new Set<string>();
  // Bounded `IN` lists: PostgreSQL and SQLite both cap the parameters of one statement.
  for (let i = 0; i < items.length; i += 500) {
    const keys = items.slice(i, i + 500).map((item) => item.id);
    for (const key of await rows.existingSourceKeys(store, keys)) found.add(key);
  }
  return found;
}

/** Saves one source given as CSL-JSON, BibTeX or RIS text; `key` names the source being edited. */
export async function saveSource(
  store: Store,
  text: string,
  { key, actor = null, now = new Date() }: { key?: string; actor?: Actor | null; now?: Date } = {},
): Promise<CslItem> {
  const items = readSources(text, key ? `source ${key}` : "the new source");
  const [item] = items;
  if (!item || items.length > 1) throw new InvalidError("give exactly one source");
  if (key !== undefined && item.id !== key) {
    throw new InvalidError(
      `the citation key cannot change here (it is "${key}", the text says "${item.id}")`,
    );
  }
  return store.transaction(async (tx) => {
    const existed = (await rows.existingSourceKeys(tx, [item.id])).has(item.id);
    if (key === undefined && existed)
      throw new ConflictError(`a source with the key "${item.id}" exists`, null, null);
    if (key !== undefined && !existed) throw new NotFoundError(`no source has the key "${key}"`);
    await rows.upsertSource(tx, item.id, JSON.stringify(item), now);
    if (existed) await enqueueRerender(tx, item.id, now);
    await recordAudit(
      tx,
      actor,
      { action: existed ? "source.edit" : "source.create", subject: item.id },
      now,
    );
    return item;
  });
}

export async function getSource(store: Store, key: string): Promise<CslItem> {
  const csl = (await rows.findSourcesByKeys(store, [key])).get(key);
  if (csl === undefined) throw new NotFoundError(`no source has the key "${key}"`);
  return JSON.parse(csl) as CslItem;
}

export async function deleteSource(store: Store, key: string, actor: Actor | null = null, now = new Date()) {
  await store.transaction(async (tx) => {
    const citing = await rows.listArticlesCiting(tx, key, 0, 1);
    const [first] = citing;
    if (first !== undefined) {
      const title = (await findArticleById(tx, first))?.title ?? `article ${first}`;
      throw new ConflictError(`"${key}" is cited by “${title}”; remove its citations first`, null, null);
    }
    if (!(await rows.deleteSource(tx, key))) throw new NotFoundError(`no source has the key "${key}"`);
    await recordAudit(tx, actor, { action: "source.delete", subject: key }, now);
  });
}

/** The whole library, or the sources of one article, as a file in `format`. */
export async function exportSources(
  store: Store,
  format: SourceFormat,
  { articleId }: { articleId?: number } = {},
): Promise<string> {
  const items: CslItem[] = [];
  if (articleId !== undefined) {
    const keys = await rows.listSourceKeysOfArticle(store, articleId);
    const found = await rows.findSourcesByKeys(store, keys);
    for (const key of keys) {
      const csl = found.get(key);
      if (csl) items.push(JSON.parse(csl) as CslItem);
    }
  } else {
    let after: string | undefined;
    for (;;) {
      const page = await rows.listSourcesPage(store, { after, limit: 1000 });
      for (const row of page) items.push(JSON.parse(row.csl) as CslItem);
      if (page.length < 1000) break;
      after = page.at(-1)?.key;
    }
  }
  return writeSources(items, format);
}

/**
 * Attaches a source's full text: pages found (form feeds or `[page N]` lines), the word index built and
 * stored with it, then every quotation of the source checked again (here: an editor uploading a text
 * wants to see the results).
 */
export async function attachSourceText(
  store: Store,
  key: string,
  raw: string,
  format: SourceTextFormat,
  {
    firstPage,
    actor = null,
    now = new Date(),
  }: { firstPage?: number; actor?: (Actor & { role?: Role }) | null; now?: Date } = {},
) {
  await getSource(store, key);
  // A text decides whether quotations pass: replacing one is an editor's act, not a writer's.
  if (actor?.role && !can(actor.role, "publish") && (await rows.findSourceTextSummary(store, key))) {
    throw new ForbiddenError("only an editor may replace a source's text");
  }
  const text = parseSourceText(raw, format, firstPage === undefined ? {} : { firstPage });
  const index = buildSourceIndex(text);
  await store.transaction(async (tx) => {
    await rows.saveSourceText(tx, {
      sourceKey: key,
      text: text.text,
      pages: JSON.stringify(text.pages),
      wordCount: index.wordCount,
      wordIndex: serializeSourceIndex(index),
      format,
      sha256: createHash("sha256").update(raw).digest("hex"),
      uploadedAt: now.toISOString(),
    });
    await recordAudit(
      tx,
      actor,
      { action: "source.text", subject: key, detail: { words: index.wordCount } },
      now,
    );
  });
  const articles = await recheckSourceQuotations(store, key, now);
  return { words: index.wordCount, pages: text.pages.length, articles };
}

export function describeSourceText(store: Store, key: string) {
  return rows.findSourceTextSummary(store, key);
}

export async function removeSourceText(
  store: Store,
  key: string,
  actor: Actor | null = null,
  now = new Date(),
) {
  await store.transaction(async (tx) => {
    await rows.deleteSourceText(tx, key);
    await recordAudit(tx, actor, { action: "source.text.remove", subject: key }, now);
  });
  await recheckSourceQuotations(store, key, now);
}

async function enqueueRerender(store: Store, key: string, now: Date): Promise<void> {
  await enqueueJob(store, {
    kind: "citations.rerender",
    payload: { key },
    uniqueKey: `rerender:${key}`,
    runAt: now,
  });
}

export function listSources(store: Store, query: { after?: string; limit: number; prefix?: string }) {
  return rows.listSourcesPage(store, query);
}
