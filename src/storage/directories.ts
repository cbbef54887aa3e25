// The SQL of the read API's directories: persons and topics in slug order, read by keyset on their unique
// slug index, with names in the language asked for.
import type { Person, PersonKind } from "../people/person.js";
import type { Topic } from "../topics/topic.js";
import type { Store } from "./store.js";

export async function listPersonsBySlug(
  store: Store,
  language: string,
  afterSlug: string | undefined,
  limit: number,
): Promise<Person[]> {
  let query = store.db
    .selectFrom("persons as p")
    .leftJoin("person_localizations as pl", (join) =>
      join.onRef("pl.person_id", "=", "p.id").on("pl.language", "=", language),
    )
    .select(["p.id", "p.slug", "p.kind", "p.name", "p.bio", "pl.name as localName", "pl.bio as localBio"]);
  if (afterSlug !== undefined) query = query.where("p.slug", ">", afterSlug);
  const rows = await query.orderBy("p.slug").limit(limit).execute();
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    kind: r.kind as PersonKind,
    name: r.localName ?? r.name,
    bio: r.localBio || r.bio,
  }));
}

export interface ListedTopic extends Topic {
  parentSlug: string | null;
}

export async function listTopicsBySlug(
  store: Store,
  language: string,
  afterSlug: string | undefined,
  limit: number,
): Promise<ListedTopic[]> {
  let query = store.db
    .selectFrom("topics as t")
    .leftJoin("topic_localizations as tl", (join) =>
      join.onRef("tl.topic_id", "=", "t.id").on("tl.language", "=", language),
    )
    .leftJoin("topics as parent", "parent.id", "t.parent_id")
    .select([
      "t.id",
      "t.slug",
      "t.name",
      "t.description",
      "t.parent_id",
      "tl.name as localName",
      "tl.description as localDescription",
      "parent.slug as parentSlug",
    ]);
  if (afterSlug !== undefined) query = query.where("t.slug", ">", afterSlug);
  const rows = await query.orderBy("t.slug").limit(limit).execute();
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    name: r.localName ?? r.name,
    description: r.localDescription || r.description,
    parentId: r.parent_id,
    parentSlug: r.parentSlug,
  }));
}
