// Creating and finding persons (bylines). A person is public; the accounts that may write as one are not.

import { bumpContentVersion } from "../content/content-version.js";
import { slugify, uniqueSlug } from "../content/slug.js";
import { InvalidError, NotFoundError } from "../errors.js";
import { isLanguage } from "../i18n/languages.js";
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

export interface PersonEdit {
  name: string;
  kind: string;
  bio: string;
  /** Per-language names and bios; a language left out, or with an empty name, has none. */
  localizations: { language: string; name: string; bio: string }[];
}

/** Changes a byline everywhere it is printed; the slug (its address) stays. */
export async function updatePerson(store: Store, id: number, edit: PersonEdit): Promise<void> {
  const name = edit.name.trim();
  if (name === "" || name.length > 200) throw new InvalidError("a person's name must be 1 to 200 characters");
  if (!(PERSON_KINDS as readonly string[]).includes(edit.kind)) {
    throw new InvalidError(`"${edit.kind.slice(0, 40)}" is not a kind of person`);
  }
  if (edit.bio.length > 5000) throw new InvalidError("a bio is at most 5,000 characters");
  for (const l of edit.localizations) {
    if (!isLanguage(l.language))
      throw new InvalidError(`"${l.language.slice(0, 20)}" is not a language code we know`);
    if (l.name.length > 200 || l.bio.length > 5000)
      throw new InvalidError("a name is at most 200 characters, a bio 5,000");
  }
  await store.transaction(async (tx) => {
    const current = await rows.findPersonForEditing(tx, id);
    if (!current) throw new NotFoundError(`no person has id ${id}`);
    await rows.updatePersonRow(tx, id, { name, kind: edit.kind, bio: edit.bio });
    for (const l of edit.localizations) {
      if (l.name.trim() === "") await rows.deletePersonLocalization(tx, id, l.language);
      else await rows.upsertPersonLocalization(tx, id, l.language, l.name.trim(), l.bio);
    }
    await bumpContentVersion(tx);
  });
}

export async function readPersonForEditing(store: Store, id: number) {
  const person = await rows.findPersonForEditing(store, id);
  if (!person) throw new NotFoundError(`no person has id ${id}`);
  return person;
}
