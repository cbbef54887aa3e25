// The SQL of the admin's pickers: every person, topic and series by name, bounded.
import type { Store } from "./store.js";

export interface ChoiceRow {
  id: number;
  label: string;
  slug: string;
}

/** More than this many of one noun and the admin's pickers should search instead of listing. */
export const MAX_CHOICES = 5000;

export async function listChoiceRows(
  store: Store,
  noun: "persons" | "topics" | "series",
): Promise<ChoiceRow[]> {
  const rows =
    noun === "series"
      ? await store.db
          .selectFrom("series")
          .select(["id", "title as label", "slug"])
          .orderBy("title")
          .limit(MAX_CHOICES)
          .execute()
      : await store.db
          .selectFrom(noun)
          .select(["id", "name as label", "slug"])
          .orderBy("name")
          .limit(MAX_CHOICES)
          .execute();
  return rows.map((r) => ({ id: Number(r.id), label: r.label, slug: r.slug }));
}
