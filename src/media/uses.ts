// Which articles show which images. An image lives in an article's Markdown, not in a table, and the save
// path belongs to the articles' code; so the library catches up instead: each look reads only the articles
// saved since the last (through the (updated_at, id) index) and records the images their text names in
// article_media, beside the documents attached there. Reading never scans the whole archive.
import { mediaKeysIn } from "../markdown/media.js";
import {
  type ArticleMark,
  findMediaByKeys,
  listArticlesSavedAfter,
  oldestMediaCreatedAt,
  replaceImageUses,
} from "../storage/media.js";
import { readSetting, writeSetting } from "../storage/settings.js";
import type { Store } from "../storage/store.js";

const MARK = "media_uses_through";
/**
 * Saves are stamped by the clock of the server that made them and become visible when they commit, so one
 * may land just behind the mark; looking again over the last minutes catches it. Reading them again is
 * harmless: the same rows are written.
 */
const LOOK_BACK_MS = 10 * 60 * 1000;
const BATCH = 200;
const KEYS_PER_QUERY = 500;

export async function refreshImageUses(store: Store): Promise<void> {
  const saved = parseMark(await readSetting(store, MARK));
  // No article saved before the first upload can show an image of ours: an archive's first look starts there.
  const start = saved?.updatedAt ?? (await oldestMediaCreatedAt(store));
  if (start === undefined) return;
  let after: ArticleMark = {
    updatedAt: new Date(Date.parse(start) - LOOK_BACK_MS).toISOString(),
    id: 0,
  };
  let newest = saved;
  for (;;) {
    const batch = await listArticlesSavedAfter(store, after, BATCH);
    if (batch.length === 0) break;
    const keysOf = new Map(batch.map((a) => [a.id, mediaKeysIn(a.body)]));
    const ids = await imageIdsByKey(store, [...new Set([...keysOf.values()].flat())]);
    const uses = [...keysOf].flatMap(([articleId, keys]) =>
      keys.flatMap((key) => {
        const mediaId = ids.get(key);
        return mediaId === undefined ? [] : [{ articleId, mediaId }];
      }),
    );
    await store.transaction((tx) =>
      replaceImageUses(
        tx,
        batch.map((a) => a.id),
        uses,
      ),
    );
    const last = batch.at(-1) as ArticleMark;
    after = { updatedAt: last.updatedAt, id: last.id };
    if (!newest || isAfter(after, newest)) newest = after;
    if (batch.length < BATCH) break;
  }
  if (newest && newest !== saved) await writeSetting(store, MARK, JSON.stringify(newest));
}

async function imageIdsByKey(store: Store, keys: string[]): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  for (let i = 0; i < keys.length; i += KEYS_PER_QUERY) {
    for (const m of await findMediaByKeys(store, keys.slice(i, i + KEYS_PER_QUERY))) {
      if (m.kind === "image") found.set(m.storageKey, m.id);
    }
  }
  return found;
}

function isAfter(a: ArticleMark, b: ArticleMark): boolean {
  return a.updatedAt > b.updatedAt || (a.updatedAt === b.updatedAt && a.id > b.id);
}

function parseMark(value: string | undefined): ArticleMark | undefined {
  if (!value) return undefined;
  try {
    const mark = JSON.parse(value) as Partial<ArticleMark>;
    if (typeof mark.updatedAt === "string" && typeof mark.id === "number") {
      return { updatedAt: mark.updatedAt, id: mark.id };
    }
  } catch {
    // A mark that cannot be read is as good as none: every article is read again, once.
  }
  return undefined;
}
