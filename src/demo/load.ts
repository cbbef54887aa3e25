// Puts a generated publication into a store through the same domain functions an editor's work goes
// through, so the demo (and the benchmark corpus) is rendered, linked and indexed like real content.
import { createPublishedArticle } from "../content/articles.js";
import { createSeries } from "../content/series-ops.js";
import { setSiteIdentity } from "../i18n/editions.js";
import { createPerson } from "../people/people.js";
import { hasAnyArticle } from "../storage/articles.js";
import { upsertSource } from "../storage/sources.js";
import type { Store } from "../storage/store.js";
import { createTopic } from "../topics/topics.js";
import { type GenerateOptions, generatePublication } from "./generate.js";

/** Articles written per transaction: large enough to be fast on SQLite, small enough to keep memory flat. */
const BATCH = 250;

export async function isStoreEmpty(store: Store): Promise<boolean> {
  return !(await hasAnyArticle(store));
}

export type LoadProgress = (loaded: number) => void;

export async function loadDemo(store: Store, options: GenerateOptions, progress?: LoadProgress) {
  const publication = generatePublication(options);
  const languages = options.languages ?? ["en", "de"];
  await setSiteIdentity(store, {
    name: "The Broadside Review",
    tagline: "Analysis, history and polemic — a demonstration publication",
    defaultLanguage: languages[0] ?? "en",
  });
  const persons = new Map<string, number>();
  const topics = new Map<string, number>();
  const series = new Map<string, number>();
  await store.transaction(async (tx) => {
    for (const p of publication.persons) {
      persons.set(
        p.key,
        await createPerson(tx, { name: p.name, kind: p.kind, bio: p.bio, localizations: p.localizations }),
      );
    }
    for (const t of publication.topics) {
      const parentId = t.parentKey === undefined ? null : (topics.get(t.parentKey) ?? null);
      topics.set(
        t.key,
        await createTopic(tx, {
          name: t.name,
          description: t.description,
          parentId,
          localizations: t.localizations,
        }),
      );
    }
    for (const s of publication.series)
      series.set(s.key, await createSeries(tx, { title: s.title, description: s.description }));
    for (const source of publication.sources) await upsertSource(tx, source.id, JSON.stringify(source));
  });

  const articles = new Map<string, number>();
  let batch: Parameters<typeof writeArticle>[1][] = [];
  let loaded = 0;
  const flush = async () => {
    const pending = batch;
    batch = [];
    await store.transaction(async (tx) => {
      for (const a of pending)
        articles.set(a.key, await writeArticle(tx, a, { persons, topics, series, articles }));
    });
    loaded += pending.length;
    progress?.(loaded);
  };
  for (const article of publication.articles) {
    batch.push(article);
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  return { articles: loaded };
}

interface Keys {
  persons: Map<string, number>;
  topics: Map<string, number>;
  series: Map<string, number>;
  articles: Map<string, number>;
}

type Generated = ReturnType<typeof generatePublication>["articles"] extends Iterable<infer A> ? A : never;

async function writeArticle(store: Store, a: Generated, keys: Keys): Promise<number> {
  const ids = (list: readonly string[], map: Map<string, number>) =>
    list.map((k) => map.get(k)).filter((id): id is number => id !== undefined);
  const replies = ids(a.inReplyToKeys, keys.articles).map((articleId) => ({
    articleId,
    title: "",
    author: "",
    publisher: "",
    date: "",
  }));
  const external = a.externalReply
    ? [{ ...a.externalReply, date: "", ...(a.externalReply.url ? { url: a.externalReply.url } : {}) }]
    : [];
  const created = await createPublishedArticle(
    store,
    {
      kind: a.kind,
      language: a.language,
      title: a.title,
      standfirst: a.standfirst,
      body: a.body,
      personIds: ids(a.authorKeys, keys.persons),
      topicIds: ids(a.topicKeys, keys.topics),
      seriesId: a.series ? (keys.series.get(a.series.key) ?? null) : null,
      seriesPart: a.series?.part ?? null,
      translationOf: a.translationOfKey ? (keys.articles.get(a.translationOfKey) ?? null) : null,
      featured: a.featured,
      replies: [...replies, ...external],
    },
    new Date(a.publishedAt),
    new Date(a.publishedAt),
  );
  return created.id;
}
