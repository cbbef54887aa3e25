// Keeping the search index true to what is published. Content calls `indexArticle` inside the transaction
// that publishes, edits or withdraws an article, so the index never disagrees with the site: a published
// article is findable at once and a withdrawn one is gone at once. `rebuildSearchIndex` refills it whole.
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
import { startAnalyst } from "./analysis.js";

/** Indexes the article if it is published, and takes it out of the index if it is not. */
export async function indexArticle(store: Store, articleId: number): Promise<void> {
  const source = await readIndexSource(store, articleId);
  if (!source) return deleteSearchDocument(store, articleId);
  await writeSearchDocument(store, documentOf(source, await readTopicParents(store)));
}

const REBUILD_BATCH = 500;

/**
 * Empties the index and indexes every published article again. On SQLite a worker thread analyses the next
 * batch while this one is written; PostgreSQL analyses the text itself, on two connections at once, into
 * a table whose indexes are built again at the end. Searches made meanwhile see the part rebuilt so far.
 */
export async function rebuildSearchIndex(
  store: Store,
  onProgress?: (indexed: number) => void,
): Promise<number> {
  await beginRebuild(store);
  const parents = await readTopicParents(store);
  const taken = new Set<number>();
  const analyst = store.kind === "sqlite" ? await startAnalyst() : undefined;
  const read = async (afterId: number) =>
    (await readIndexSources(store, afterId, REBUILD_BATCH)).map((source) => documentOf(source, parents));
  const analyse = async (documents: SearchDocument[]) => {
    if (!analyst) return documents;
    const analysed = await analyst.analyse(documents);
    return documents.map((document, i) => ({ ...document, analysed: analysed[i] }));
  };
  const writing = new Set<Promise<void>>();
  let indexed = 0;
  try {
    let batch = await read(0);
    let analysing = analyse(batch);
    while (batch.length > 0) {
      const next = await read((batch.at(-1) as SearchDocument).articleId);
      const ready = await analysing;
      analysing = analyse(next);
      const size = ready.length;
      const write = store
        .transaction((tx) => appendSearchDocuments(tx, ready, taken))
        .then(() => {
          indexed += size;
          onProgress?.(indexed);
        });
      writing.add(write);
      void write.finally(() => writing.delete(write)).catch(() => undefined);
      if (writing.size >= rebuildWriters(store)) await Promise.race(writing);
      batch = next;
    }
    await Promise.all(writing);
    await analysing;
  } finally {
    await analyst?.close();
    await endRebuild(store);
  }
  return indexed;
}

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
