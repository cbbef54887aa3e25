// The publication's editions (one per language it publishes in) and its name, as kept in settings.
import { InvalidError } from "../errors.js";
import { readSetting, writeSetting } from "../storage/settings.js";
import type { Store } from "../storage/store.js";
import { isLanguage } from "./languages.js";

export interface Site {
  name: string;
  tagline: string;
  defaultLanguage: string;
  /** Languages with an edition, the default first. */
  editions: string[];
}

export async function getSite(store: Store): Promise<Site> {
  const [name, tagline, defaultLanguage, editions] = await Promise.all([
    readSetting(store, "site_name"),
    readSetting(store, "site_tagline"),
    readSetting(store, "default_language"),
    readSetting(store, "editions"),
  ]);
  const fallback = defaultLanguage ?? "en";
  const list = editions ? (JSON.parse(editions) as string[]) : [];
  return {
    name: name ?? "Broadside",
    tagline: tagline ?? "",
    defaultLanguage: fallback,
    editions: [fallback, ...list.filter((l) => l !== fallback)],
  };
}

/** Opens an edition for a language the first time something is published in it. */
export async function addEdition(store: Store, language: string): Promise<void> {
  const site = await getSite(store);
  if (site.editions.includes(language)) return;
  await writeSetting(store, "editions", JSON.stringify([...site.editions, language]));
}

export async function setSiteIdentity(
  store: Store,
  identity: { name?: string; tagline?: string; defaultLanguage?: string },
): Promise<void> {
  if (identity.defaultLanguage !== undefined) {
    if (!isLanguage(identity.defaultLanguage)) {
      throw new InvalidError(`"${identity.defaultLanguage}" is not a language code we know`);
    }
    await writeSetting(store, "default_language", identity.defaultLanguage);
    await addEdition(store, identity.defaultLanguage);
  }
  if (identity.name !== undefined) await writeSetting(store, "site_name", identity.name.slice(0, 200));
  if (identity.tagline !== undefined)
    await writeSetting(store, "site_tagline", identity.tagline.slice(0, 500));
}
