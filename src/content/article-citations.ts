// The citations of an article: the CSL items it cites, formatted in the publication's style. A citation
// naming no source in the library is refused at save, so a published page never shows a bare "[@key]".
import type { Actor } from "../accounts/audit.js";
import { recordAudit } from "../accounts/audit.js";
import { type Citer, createCiter } from "../citations/citer.js";
import type { CslItem } from "../citations/csl-item.js";
import { citationFolders } from "../citations/folders.js";
import { listStyles } from "../citations/styles.js";
import { InvalidError } from "../errors.js";
import { enqueueJob } from "../jobs/jobs.js";
import type { CitationGroup } from "../markdown/render.js";
import { readSetting, writeSetting } from "../storage/settings.js";
import { findSourcesByKeys } from "../storage/sources.js";
import type { Store } from "../storage/store.js";

export const CITATION_STYLE_SETTING = "citation_style";
export const BIBLIOGRAPHY_SETTING = "bibliography";

const KEY_PATTERN = /@([\p{L}\p{N}_][\p{L}\p{N}_:.#$%&\-+?<>~/]*)/gu;
const MAX_KEYS = 2000;

export interface CitationSettings {
  /** A style id: "house", or a file name in the operator's styles folder. */
  style: string;
  /** Whether an article ends with a list of the sources it cites. */
  bibliography: boolean;
}

export async function readCitationSettings(store: Store): Promise<CitationSettings> {
  const [style, bibliography] = await Promise.all([
    readSetting(store, CITATION_STYLE_SETTING),
    readSetting(store, BIBLIOGRAPHY_SETTING),
  ]);
  return { style: style ?? "house", bibliography: bibliography === "on" };
}

/** Changes the publication's citation style; every article that cites is rendered again by a job. */
export async function changeCitationSettings(
  store: Store,
  actor: Actor,
  settings: CitationSettings,
  now = new Date(),
): Promise<void> {
  const known = listStyles(citationFolders().styles).map((s) => s.id);
  if (!known.includes(settings.style))
    throw new InvalidError(`style: "${settings.style}" is not a style we have`);
  await store.transaction(async (tx) => {
    await writeSetting(tx, CITATION_STYLE_SETTING, settings.style);
    await writeSetting(tx, BIBLIOGRAPHY_SETTING, settings.bibliography ? "on" : "off");
    await enqueueJob(tx, { kind: "citations.restyle", uniqueKey: "citations.restyle", runAt: now });
    await recordAudit(tx, actor, { action: "citations.settings", detail: { ...settings } }, now);
  });
}

/** The styles the publication may choose: the house style, then the operator's folder's. */
export function availableStyles() {
  return listStyles(citationFolders().styles);
}

/** The keys a body may cite: a superset of what the Markdown parser will find (`@` inside brackets). */
function candidateKeys(body: string): string[] {
  const keys = new Set<string>();
  for (const match of body.matchAll(KEY_PATTERN)) {
    // A key may not end in punctuation: `@key.` at a sentence's end cites `key`.
    keys.add((match[1] ?? "").replace(/[:.#$%&\-+?<>~/]+$/, ""));
    if (keys.size >= MAX_KEYS) break;
  }
  return [...keys];
}

/** The sources of the library a body may cite, by key (see `candidateKeys`). */
export async function citedItems(store: Store, body: string): Promise<Map<string, CslItem>> {
  const keys = candidateKeys(body);
  const items = new Map<string, CslItem>();
  for (let i = 0; i < keys.length; i += 500) {
    for (const [key, csl] of await findSourcesByKeys(store, keys.slice(i, i + 500))) {
      items.set(key, JSON.parse(csl) as CslItem);
    }
  }
  return items;
}

/** The same from a library already in memory (an import's render worker has one). */
export function citedItemsOf(library: ReadonlyMap<string, CslItem>, body: string): Map<string, CslItem> {
  const items = new Map<string, CslItem>();
  for (const key of candidateKeys(body)) {
    const item = library.get(key);
    if (item) items.set(key, item);
  }
  return items;
}

/** The citer of a body in the publication's style and the article's language, over the items it cites. */
export function citerFor(settings: CitationSettings, items: Map<string, CslItem>, language: string): Citer {
  const folders = citationFolders();
  return createCiter({
    style: settings.style,
    ...(folders.styles ? { stylesFolder: folders.styles } : {}),
    ...(folders.locales ? { localesFolder: folders.locales } : {}),
    locale: language,
    items,
  });
}

/** Refuses citations of unknown sources, naming the first and the line of the body it is on. */
export function assertCitationsKnown(citer: Citer, groups: readonly CitationGroup[], body: string): void {
  const unknown = citer.unknownKeys(groups);
  const [first] = unknown;
  if (first === undefined) return;
  const group = groups.find((g) => g.citations.some((c) => c.key === first));
  const at = group ? body.indexOf(group.raw) : -1;
  const line = at < 0 ? undefined : body.slice(0, at).split("\n").length;
  const others =
    unknown.length > 1 ? ` (and ${unknown.length - 1} more: ${unknown.slice(1, 6).join(", ")})` : "";
  throw new InvalidError(
    `the citation of "@${first}"${line ? ` on line ${line}` : ""} names no source in the library${others}; ` +
      "add the source first",
    line ? { line } : {},
  );
}
