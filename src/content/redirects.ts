// Old addresses that lead to an article's current one: left behind by slug changes and legacy imports.

import { InvalidError } from "../errors.js";
import { findRedirectTarget, upsertRedirect } from "../storage/revisions.js";
import type { Store } from "../storage/store.js";

/** The current path of the published article an old path leads to. */
export async function findRedirect(store: Store, path: string): Promise<string | undefined> {
  if (path.length > 1000) return undefined;
  const target = await findRedirectTarget(store, path);
  return target?.status === "published" && target.path && target.path !== path ? target.path : undefined;
}

export async function addRedirect(store: Store, fromPath: string, articleId: number): Promise<void> {
  if (!fromPath.startsWith("/") || fromPath.length > 1000 || /[\s]/.test(fromPath)) {
    throw new InvalidError(`"${fromPath.slice(0, 100)}" is not a path that can be redirected`);
  }
  await upsertRedirect(store, fromPath, articleId);
}
