// The SQL of settings: small named values shared by every app server.
import type { Store } from "./store.js";

export async function readSetting(store: Store, key: string): Promise<string | undefined> {
  const row = await store.db.selectFrom("settings").select("value").where("key", "=", key).executeTakeFirst();
  return row?.value;
}

export async function writeSetting(store: Store, key: string, value: string): Promise<void> {
  await store.db
    .insertInto("settings")
    .values({ key, value })
    .onConflict((oc) => oc.column("key").doUpdateSet({ value }))
    .execute();
}
