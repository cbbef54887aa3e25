// Creating and finding persons (bylines). A person is public; the accounts that may write as one are not.

import { slugify, uniqueSlug } from "../content/slug.js";
import { InvalidError, NotFoundError } from "../errors.js";
import * as rows from "../storage/people.js";
import type { Store } from "../storage/store.js";
import { type NewPerson, PERSON_KINDS, type Person } from "./person.js";

export async function createPerson(store: Store, person: NewPerson): Promise<number> {
  const name = person.name.trim();
  if (name === "" || name.length > 200) throw new InvalidError("a person's name must be 1 to 200 characters");
  const kind = person.kind ?? "individual";
  if (!PERSON_KINDS.includes(kind)) throw new InvalidError(`"${kind}" is not a kind of person`);
  return store.transaction(async (tx) => {
    const slug = await uniqueSlug(person.slug ?? slugify(name), (s) => rows.slugExists(tx, "persons", s));
    const id = await rows.insertPerson(tx, { name, slug, kind, bio: person.bio ?? "" });
    for (const l of person.localizations ?? []) {
      await rows.upsertPersonLocalization(tx, id, l.language, l.name, l.bio ?? "");
    }
    return id;
  });
}

/** The person with this byline, created when new (as imports do for names in front matter). */
export async function ensurePerson(store: Store, name: string): Promise<number> {
  return (await rows.findPersonIdByName(store, name.trim())) ?? createPerson(store, { name });
}

export async function getPerson(store: Store, slug: string, language: string): Promise<Person> {
  const person = await rows.findPersonBySlug(store, slug, language);
  if (!person) throw new NotFoundError(`no person has the slug ${slug}`);
  return person;
}
