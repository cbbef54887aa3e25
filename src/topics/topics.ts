// Creating and finding topics, and walking their hierarchy.
import { bumpContentVersion } from "../content/content-version.js";
import { slugify, uniqueSlug } from "../content/slug.js";
import { InvalidError, NotFoundError } from "../errors.js";
import type { Store } from "../storage/store.js";
import * as rows from "../storage/topics.js";
import type { NewTopic, Topic } from "./topic.js";

export async function createTopic(store: Store, topic: NewTopic): Promise<number> {
  const name = topic.name.trim();
  if (name === "" || name.length > 200) throw new InvalidError("a topic's name must be 1 to 200 characters");
  return store.transaction(async (tx) => {
    const slug = await uniqueSlug(topic.slug ?? slugify(name), (s) => topicSlugExists(tx, s));
    const id = await rows.insertTopic(tx, {
      name,
      slug,
      description: topic.description ?? "",
      parentId: topic.parentId ?? null,
    });
    for (const l of topic.localizations ?? []) {
      await rows.upsertTopicLocalization(tx, id, l.language, l.name, l.description ?? "");
    }
    return id;
  });
}

export async function ensureTopic(store: Store, name: string): Promise<number> {
  return (await rows.findTopicIdByName(store, name.trim())) ?? createTopic(store, { name });
}

export async function getTopic(store: Store, slug: string, language: string): Promise<Topic> {
  const topic = await rows.findTopicBySlug(store, slug, language);
  if (!topic) throw new NotFoundError(`no topic has the slug ${slug}`);
  return topic;
}

/** The topic's ancestors, root first, for breadcrumbs. Bounded, so a cycle cannot loop forever. */
export async function listAncestors(store: Store, topic: Topic, language: string): Promise<Topic[]> {
  const chain: Topic[] = [];
  let parentId = topic.parentId;
  while (parentId !== null && chain.length < 20) {
    const parent = await rows.findTopicById(store, parentId, language);
    if (!parent) break;
    chain.unshift(parent);
    parentId = parent.parentId;
  }
  return chain;
}

async function topicSlugExists(store: Store, slug: string) {
  return (await rows.findTopicBySlug(store, slug, "")) !== undefined;
}

export interface TopicTree {
  topic: Topic;
  children: TopicTree[];
}

/** The whole hierarchy, roots first, each level in name order. Bounded: a publication has hundreds, not more. */
export async function readTopicTree(store: Store, language: string): Promise<TopicTree[]> {
  const all = await rows.listTopics(store, language, 5000);
  const nodes = new Map(all.map((topic) => [topic.id, { topic, children: [] as TopicTree[] }]));
  const roots: TopicTree[] = [];
  for (const node of nodes.values()) {
    const parent = node.topic.parentId === null ? undefined : nodes.get(node.topic.parentId);
    (parent ? parent.children : roots).push(node);
  }
  const byName = (a: TopicTree, b: TopicTree) => a.topic.name.localeCompare(b.topic.name, language);
  const sortAll = (list: TopicTree[]) => {
    list.sort(byName);
    for (const n of list) sortAll(n.children);
  };
  sortAll(roots);
  return roots;
}

/** Renames a topic or moves it under another; a move that would make a topic its own ancestor is refused. */
export async function updateTopic(
  store: Store,
  id: number,
  edit: { name: string; description: string; parentId: number | null },
): Promise<void> {
  const name = edit.name.trim();
  if (name === "" || name.length > 200) throw new InvalidError("a topic's name must be 1 to 200 characters");
  if (edit.description.length > 5000) throw new InvalidError("a description is at most 5,000 characters");
  await store.transaction(async (tx) => {
    if ((await rows.findTopicParentId(tx, id)) === undefined)
      throw new NotFoundError(`no topic has id ${id}`);
    let ancestor = edit.parentId;
    for (let depth = 0; ancestor !== null; depth++) {
      if (ancestor === id)
        throw new InvalidError("a topic cannot be filed under itself or one of its sub-topics");
      const next = await rows.findTopicParentId(tx, ancestor);
      if (next === undefined) throw new InvalidError(`no topic has id ${ancestor}`);
      if (depth > 50) throw new InvalidError("the topic hierarchy is deeper than 50 levels");
      ancestor = next;
    }
    await rows.updateTopicRow(tx, id, { name, description: edit.description, parentId: edit.parentId });
    await bumpContentVersion(tx);
  });
}

/** A topic's own name and description (not a translation's), for the admin to edit. */
export async function readTopicForEditing(store: Store, id: number): Promise<Topic> {
  const topic = await rows.findTopicById(store, id, "");
  if (!topic) throw new NotFoundError(`no topic has id ${id}`);
  return topic;
}
