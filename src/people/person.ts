// Persons are public bylines: an individual, a pen name or an institution. They are never accounts, and
// nothing in this folder knows that accounts exist.

export const PERSON_KINDS = ["individual", "pen_name", "institution"] as const;
export type PersonKind = (typeof PERSON_KINDS)[number];

export interface Person {
  id: number;
  slug: string;
  kind: PersonKind;
  /** The name and bio in the language asked for, falling back to the default ones. */
  name: string;
  bio: string;
}

export interface NewPerson {
  name: string;
  slug?: string;
  kind?: PersonKind;
  bio?: string;
  /** Per-language display names and bios, e.g. a transliterated name in another edition. */
  localizations?: { language: string; name: string; bio?: string }[];
}
