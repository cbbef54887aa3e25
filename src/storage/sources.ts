// The SQL of sources: CSL-JSON items keyed by citation key.
import type { Store } from "./store.js";

export async function upsertSource(store: Store, key: string, csl: string): Promise<void> {
  const now = new Date().toISOString();
  await store.db
    .insertInto("sources")
    .values({ key, csl, created_at: now, updated_at: now })
    .onConflict((oc) => oc.column("key").doUpdateSet({ csl, updated_at: now }))
    .execute();
}

export async function findSourcesByKeys(store: Store, keys: readonly string[]) {
  if (keys.length === 0) return new Map<string, string>();
  const rows = await store.db.selectFrom("sources").select(["key", "csl"]).where("key", "in", keys).execute();
  return new Map(rows.map((r) => [r.key, r.csl]));
}

/** Citation keys with their CSL-JSON, in key order, for the editor's citation picker. */
export async function listSources(store: Store, limit: number) {
  const rows = await store.db
    .selectFrom("sources")
    .select(["key", "csl"])
    .orderBy("key")
    .limit(limit)
    .execute();
  return rows;
}
