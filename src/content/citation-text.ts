// How a citation reads until the citations module formats it in a house style: author, title, locator,
// from the CSL-JSON source when the publication holds it, else the citation key itself.
import type { CitationGroup } from "../markdown/render.js";
import { findSourcesByKeys } from "../storage/sources.js";
import type { Store } from "../storage/store.js";

interface CslName {
  given?: string;
  family?: string;
  literal?: string;
}

interface CslItem {
  title?: string;
  author?: CslName[];
  editor?: CslName[];
}

const KEY_PATTERN = /@([\p{L}\p{N}_][\p{L}\p{N}_:.#$%&\-+?<>~/]*)/gu;

export async function citationText(store: Store, body: string): Promise<(group: CitationGroup) => string> {
  const keys = [...new Set([...body.matchAll(KEY_PATTERN)].map((m) => (m[1] ?? "").replace(/[.:]+$/, "")))];
  const sources = await findSourcesByKeys(store, keys.slice(0, 500));
  const items = new Map<string, CslItem>();
  for (const [key, csl] of sources) items.set(key, JSON.parse(csl) as CslItem);
  return (group) =>
    `(${group.citations
      .map((c) => {
        const item = items.get(c.key);
        const parts = [c.prefix, item ? describe(item) : c.key].filter(Boolean).join(" ");
        return [parts, c.locator, c.suffix].filter(Boolean).join(", ");
      })
      .join("; ")})`;
}

function describe(item: CslItem): string {
  const names = (item.author ?? item.editor ?? []).map(nameOf).filter(Boolean);
  const title = item.title ? `“${item.title}”` : "";
  return [names.join(" and "), title].filter(Boolean).join(", ");
}

function nameOf(name: CslName): string {
  return name.literal ?? [name.given, name.family].filter(Boolean).join(" ");
}
