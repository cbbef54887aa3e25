// The SQL of persons (bylines) and their per-language names.
import type { NewPerson, Person, PersonKind } from "../people/person.js";
import type { Store } from "./store.js";

export async function insertPerson(store: Store, person: Required<Omit<NewPerson, "localizations">>) {
  const row = await store.db
    .insertInto("persons")
    .values({ ...person, created_at: new Date().toISOString() })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function upsertPersonLocalization(
  store: Store,
  personId: number,
  language: string,
  name: string,
  bio: string,
) {
  await store.db
    .insertInto("person_localizations")
    .values({ person_id: personId, language, name, bio })
    .onConflict((oc) => oc.columns(["person_id", "language"]).doUpdateSet({ name, bio }))
    .execute();
}

function personQuery(store: Store, language: string) {
  return store.db
    .selectFrom("persons as p")
    .leftJoin("person_localizations as pl", (join) =>
      join.onRef("pl.person_id", "=", "p.id").on("pl.language", "=", language),
    )
    .select(["p.id", "p.slug", "p.kind", "p.name", "p.bio", "pl.name as localName", "pl.bio as localBio"]);
}

type PersonRow = {
  id: number;
  slug: string;
  kind: string;
  name: string;
  bio: string;
  localName: string | null;
  localBio: string | null;
};

function toPerson(row: PersonRow): Person {
  return {
    id: row.id,
    slug: row.slug,
    kind: row.kind as PersonKind,
    name: row.localName ?? row.name,
    bio: row.localBio || row.bio,
  };
}

export async function findPersonBySlug(store: Store, slug: string, language: string) {
  const row = await personQuery(store, language).where("p.slug", "=", slug).executeTakeFirst();
  return row && toPerson(row);
}

/** Matches a byline as written in front matter: the default name or any localised one. */
export async function findPersonIdByName(store: Store, name: string): Promise<number | undefined> {
  const row = await store.db.selectFrom("persons").select("id").where("name", "=", name).executeTakeFirst();
  if (row) return row.id;
  const local = await store.db
    .selectFrom("person_localizations")
    .select("person_id")
    .where("name", "=", name)
    .executeTakeFirst();
  return local?.person_id;
}

export async function slugExists(store: Store, table: "persons" | "topics" | "series", slug: string) {
  const row = await store.db.selectFrom(table).select("slug").where("slug", "=", slug).executeTakeFirst();
  return row !== undefined;
}

export async function updatePersonRow(
  store: Store,
  id: number,
  values: { name: string; kind: string; bio: string },
) {
  const result = await store.db.updateTable("persons").set(values).where("id", "=", id).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A person as the admin edits it: the default name and bio, and every per-language one. */
export async function findPersonForEditing(store: Store, id: number) {
  const person = await store.db.selectFrom("persons").selectAll().where("id", "=", id).executeTakeFirst();
  if (!person) return undefined;
  const localizations = await store.db
    .selectFrom("person_localizations")
    .select(["language", "name", "bio"])
    .where("person_id", "=", id)
    .orderBy("language")
    .execute();
  return { ...person, id: Number(person.id), localizations };
}

export async function deletePersonLocalization(store: Store, personId: number, language: string) {
  await store.db
    .deleteFrom("person_localizations")
    .where("person_id", "=", personId)
    .where("language", "=", language)
    .execute();
}
