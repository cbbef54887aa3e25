// Keeping the search index true to what is published. Content calls `indexArticle` inside the transaction
// that publishes, edits or withdraws an article, so the index never disagrees with the site: a published
// article is findable at once and a withdrawn one is gone at once. `rebuildSearchIndex` refills it whole.

import { dirname } from "node:path";
import { Worker } from "node:worker_threads";
import {
  appendSearchDocuments,
  beginRebuild,
  deleteSearchDocument,
  endRebuild,
  facetOf,
  type IndexSource,
  readIndexSource,
  readIndexSources,
  readTopicParents,
  rebuildWriters,
  type SearchDocument,
  writeSearchDocument,
} from "../storage/search.js";
import type { Store } from "../storage/store.js";
import { type Analysed, analyseDocument } from "./analysis.js";

/**
 * Indexes the article if it is published, and takes it out of the index if it is not. `analysed` is its
 * text already analysed for the SQLite index (an import does that in its worker threads).
 */
export async function indexArticle(store: Store, articleId: number, analysed?: Analysed): Promise<void> {
  const source = await readIndexSource(store, articleId);
  if (!source) return deleteSearchDocument(store, articleId);
  const document = documentOf(source, await readTopicParents(store));
  await writeSearchDocument(store, analysed ? { ...document, analysed } : document);
}

const REBUILD_BATCH = 500;

/**
 * Empties the index and indexes every published article again. On SQLite a worker thread reads and
 * analyses the next batches (rebuild-worker.ts) while this one writes; PostgreSQL analyses the text itself,
 * on two connections at once, into a table whose indexes are built again at the end. Searches made
 * meanwhile see the part rebuilt so far.
 */
export async function rebuildSearchIndex(
  store: Store,
  onProgress?: (indexed: number) => void,
): Promise<number> {
  await beginRebuild(store);
  const taken = new Set<number>();
  const writing = new Set<Promise<void>>();
  let indexed = 0;
  const batches = store.kind === "sqlite" ? await workerBatches(store) : rebuildBatches(store, false);
  try {
    for await (const batch of batches) {
      const write = store
        .transaction((tx) => appendSearchDocuments(tx, batch, taken))
        .then(() => {
          indexed += batch.length;
          onProgress?.(indexed);
        });
      writing.add(write);
      void write.finally(() => writing.delete(write)).catch(() => undefined);
      if (writing.size >= rebuildWriters(store)) await Promise.race(writing);
    }
    await Promise.all(writing);
  } finally {
    await Promise.allSettled(writing);
    await endRebuild(store);
  }
  return indexed;
}

/**
 * The published articles in id order, in batches, as the index's documents; analysed for the SQLite index
 * when `analyse` is set.
 */
export async function* rebuildBatches(store: Store, analyse: boolean): AsyncGenerator<SearchDocument[]> {
  const parents = await readTopicParents(store);
  let afterId = 0;
  for (;;) {
    const sources = await readIndexSources(store, afterId, REBUILD_BATCH);
    const last = sources.at(-1);
    if (!last) return;
    afterId = last.id;
    yield sources.map((source) => {
      const document = documentOf(source, parents);
      // The text is not needed again once analysed: it is not sent back from the worker.
      return analyse ? { ...document, text: "", analysed: analyseDocument(document) } : document;
    });
  }
}

/** How many batches the worker may have read and analysed before this thread has taken them. */
const AHEAD = 2;

/**
 * The batches as a worker reads them, or, where no worker can start (the test runner loads TypeScript only
 * in its own thread), as this thread reads them, with the same result.
 */
async function workerBatches(store: Store): Promise<AsyncIterable<SearchDocument[]>> {
  const here = import.meta.url;
  const script = new URL(here.endsWith(".ts") ? "./rebuild-worker.ts" : "./rebuild-worker.js", here);
  let worker: Worker;
  try {
    // Analysis allocates a string per word: a young generation larger than a worker's default keeps the
    // collector from taking most of the worker's time.
    worker = new Worker(script, {
      workerData: { dataDir: dirname(store.location) },
      resourceLimits: { maxYoungGenerationSizeMb: 256 },
    });
  } catch {
    return rebuildBatches(store, true);
  }
  const received: WorkerMessage[] = [];
  let finished = false;
  let failure: unknown;
  let wake: (() => void) | undefined;
  worker.on("message", (message: WorkerMessage) => {
    if (message.done) finished = true;
    received.push(message);
    wake?.();
  });
  worker.on("error", (error) => {
    failure ??= error;
    wake?.();
  });
  worker.on("exit", (code) => {
    if (!finished) failure ??= new Error(`the rebuild worker stopped before the end (exit code ${code})`);
    wake?.();
  });
  const next = async (): Promise<WorkerMessage> => {
    for (;;) {
      const message = received.shift();
      if (message) return message;
      if (failure !== undefined) throw failure;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  };
  worker.postMessage({ more: AHEAD });
  let first: WorkerMessage;
  try {
    first = await next();
  } catch {
    // A worker that cannot load its script fails before its first batch: this thread reads instead.
    await worker.terminate();
    return rebuildBatches(store, true);
  }
  return (async function* () {
    try {
      for (let message = first; !message.done; message = await next()) {
        worker.postMessage({ more: 1 });
        yield message.batch ?? [];
      }
    } finally {
      await worker.terminate();
    }
  })();
}

type WorkerMessage = { batch: SearchDocument[]; done?: undefined } | { done: true; batch?: undefined };

function documentOf(source: IndexSource, parents: Map<number, number | null>): SearchDocument {
  const topics = new Set<number>();
  for (const id of source.topicIds) {
    // Filed under each ancestor too, so a filter on a topic finds what its sub-topics hold.
    for (let t: number | null | undefined = id; t != null && !topics.has(t); t = parents.get(t))
      topics.add(t);
  }
  return {
    articleId: source.id,
    language: source.language,
    publishedAt: source.publishedAt,
    title: source.title,
    standfirst: source.standfirst,
    text: source.text,
    facets: [
      facetOf("kind", source.kind),
      ...source.personIds.map((id) => facetOf("person", id)),
      ...[...topics].map((id) => facetOf("topic", id)),
      ...(source.seriesId !== null ? [facetOf("series", source.seriesId)] : []),
    ],
  };
}
