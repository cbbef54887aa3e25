// Creating and finding series.
import { InvalidError } from "../errors.js";
import { findSeriesIdByTitle, insertSeries, seriesSlugTaken } from "../storage/series.js";
import type { Store } from "../storage/store.js";
import { slugify, uniqueSlug } from "./slug.js";

export async function createSeries(
  store: Store,
  series: { title: string; slug?: string; description?: string },
): Promise<number> {
  const title = series.title.trim();
  if (title === "" || title.length > 300)
    throw new InvalidError("a series title must be 1 to 300 characters");
  const slug = await uniqueSlug(series.slug ?? slugify(title), (s) => seriesSlugTaken(store, s));
  return insertSeries(store, { title, slug, description: series.description ?? "" });
}

export async function ensureSeries(store: Store, title: string): Promise<number> {
  return (await findSeriesIdByTitle(store, title.trim())) ?? createSeries(store, { title });
}
