// Fixed-window rate limits kept in the store, so every app server counts against the same numbers.
import { TooManyError } from "../errors.js";
import { countHit, deleteOldWindows, readHits } from "../storage/audit.js";
import type { Store } from "../storage/store.js";

export interface Limit {
  /** Hits allowed in one window. */
  max: number;
  windowSeconds: number;
}

/** Counts a hit against `key`; past the limit, refuses with when to try again. */
export async function checkRateLimit(
  store: Store,
  key: string,
  limit: Limit,
  now = new Date(),
): Promise<void> {
  const { start, retryAfter } = windowOf(limit, now);
  const hits = await countHit(store, key, start);
  if (hits > limit.max) throw new TooManyError("too many attempts: wait a while and try again", retryAfter);
}

/** Whether `key` is already past its limit, without counting a hit. */
export async function isRateLimited(store: Store, key: string, limit: Limit, now = new Date()) {
  const { start } = windowOf(limit, now);
  return (await readHits(store, key, start)) >= limit.max;
}

/** Drops windows older than a day; run now and then, not on every request. */
export async function pruneRateLimits(store: Store, now = new Date()): Promise<void> {
  await deleteOldWindows(store, new Date(now.getTime() - 86_400_000).toISOString());
}

function windowOf(limit: Limit, now: Date) {
  const ms = limit.windowSeconds * 1000;
  const startMs = Math.floor(now.getTime() / ms) * ms;
  return {
    start: new Date(startMs).toISOString(),
    retryAfter: Math.max(1, Math.ceil((startMs + ms - now.getTime()) / 1000)),
  };
}
