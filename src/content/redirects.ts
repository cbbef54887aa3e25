// Old addresses that lead to an article's current one: left behind by slug changes and legacy imports.

import { findRedirectTarget } from "../storage/revisions.js";
import type { Store } from "../storage/store.js";

/** The current path of the published article an old path leads to. */
export async function findRedirect(store: Store, path: string): Promise<string | undefined> {
  if (path.length > 1000) return undefined;
  const target = await findRedirectTarget(store, path);
  return target?.status === "published" && target.path && target.path !== path ? target.path : undefined;
}
