// The SQL of series.
import type { Series } from "../content/series.js";
import type { Store } from "./store.js";

export async function insertSeries(store: Store, series: Omit<Series, "id">): Promise<number> {
  const row = await store.db.insertInto("series").values(series).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

export async function findSeriesBySlug(store: Store, slug: string): Promise<Series | undefined> {
  return store.db.selectFrom("series").selectAll().where("slug", "=", slug).executeTakeFirst();
}

export async function findSeriesById(store: Store, id: number): Promise<Series | undefined> {
  return store.db.selectFrom("series").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function findSeriesIdByTitle(store: Store, title: string): Promise<number | undefined> {
  const row = await store.db.selectFrom("series").select("id").where("title", "=", title).executeTakeFirst();
  return row?.id;
}

export async function seriesSlugTaken(store: Store, slug: string): Promise<boolean> {
  return (await findSeriesBySlug(store, slug)) !== undefined;
}
