// A counter bumped whenever what readers see changes. Page caches on every app server compare against it,
// so a publication on one server is seen by all of them.
import { readSetting, writeSetting } from "../storage/settings.js";
import type { Store } from "../storage/store.js";

const KEY = "content_version";

export async function bumpContentVersion(store: Store): Promise<void> {
  const current = Number((await readSetting(store, KEY)) ?? 0);
  await writeSetting(store, KEY, String(current + 1));
  store.local.contentVersion++;
}

export async function readContentVersion(store: Store): Promise<number> {
  return Number((await readSetting(store, KEY)) ?? 0);
}
