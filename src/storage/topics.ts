// The SQL of topics and their per-language names.
import type { Topic } from "../topics/topic.js";
import type { Store } from "./store.js";

export async function insertTopic(
  store: Store,
  topic: { name: string; slug: string; description: string; parentId: number | null },
) {
  const row = await store.db
    .insertInto("topics")
    .values({ name: topic.name, slug: topic.slug, description: topic.description, parent_id: topic.parentId })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function upsertTopicLocalization(
  store: Store,
  topicId: number,
  language: string,
  name: string,
  description: string,
) {
  await store.db
    .insertInto("topic_localizations")
    .values({ topic_id: topicId, language, name, description })
    .onConflict((oc) => oc.columns(["topic_id", "language"]).doUpdateSet({ name, description }))
    .execute();
}

function topicQuery(store: Store, language: string) {
  return store.db
    .selectFrom("topics as t")
    .leftJoin("topic_localizations as tl", (join) =>
      join.onRef("tl.topic_id", "=", "t.id").on("tl.language", "=", language),
    )
    .select([
      "t.id",
      "t.slug",
      "t.name",
      "t.description",
      "t.parent_id",
      "tl.name as localName",
      "tl.description as localDescription",
    ]);
}

type TopicRow = {
  id: number;
  slug: string;
  name: string;
  description: string;
  parent_id: number | null;
  localName: string | null;
  localDescription: string | null;
};

function toTopic(row: TopicRow): Topic {
  return {
    id: row.id,
    slug: row.slug,
    name: row.localName ?? row.name,
    description: row.localDescription || row.description,
    parentId: row.parent_id,
  };
}

export async function findTopicBySlug(store: Store, slug: string, language: string) {
  const row = await topicQuery(store, language).where("t.slug", "=", slug).executeTakeFirst();
  return row && toTopic(row);
}

export async function findTopicById(store: Store, id: number, language: string) {
  const row = await topicQuery(store, language).where("t.id", "=", id).executeTakeFirst();
  return row && toTopic(row);
}

export async function findTopicIdByName(store: Store, name: string): Promise<number | undefined> {
  const row = await store.db.selectFrom("topics").select("id").where("name", "=", name).executeTakeFirst();
  if (row) return row.id;
  const local = await store.db
    .selectFrom("topic_localizations")
    .select("topic_id")
    .where("name", "=", name)
    .executeTakeFirst();
  return local?.topic_id;
}

export async function listSubtopics(store: Store, parentId: number, language: string) {
  const rows = await topicQuery(store, language)
    .where("t.parent_id", "=", parentId)
    .orderBy("t.name")
    .execute();
  return rows.map(toTopic);
}

export async function listTopicsOf(store: Store, articleId: number, language: string) {
  const rows = await topicQuery(store, language)
    .innerJoin("article_topics as at", "at.topic_id", "t.id")
    .where("at.article_id", "=", articleId)
    .orderBy("t.name")
    .execute();
  return rows.map(toTopic);
}

export async function listTopics(store: Store, language: string, limit: number, afterName?: string) {
  let query = topicQuery(store, language).orderBy("t.name").orderBy("t.id").limit(limit);
  if (afterName !== undefined) query = query.where("t.name", ">", afterName);
  return (await query.execute()).map(toTopic);
}

export async function updateTopicRow(
  store: Store,
  id: number,
  values: { name: string; description: string; parentId: number | null },
) {
  const result = await store.db
    .updateTable("topics")
    .set({ name: values.name, description: values.description, parent_id: values.parentId })
    .where("id", "=", id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function findTopicParentId(store: Store, id: number): Promise<number | null | undefined> {
  const row = await store.db.selectFrom("topics").select("parent_id").where("id", "=", id).executeTakeFirst();
  return row === undefined ? undefined : row.parent_id === null ? null : Number(row.parent_id);
}
