// Sessions: a random token in an HttpOnly cookie, known to the store only by its SHA-256 (tokens.ts). Each session has
// its own CSRF token. Log-in makes a new session (so a planted cookie is never promoted); log-out deletes it.
import * as rows from "../storage/accounts.js";
import type { Store } from "../storage/store.js";
import { type Account, loadAccount } from "./accounts.js";
import { hashToken, isToken, newToken } from "./tokens.js";

/** A session lasts this long after its last use, and never longer than MAX_AGE after log-in. */
export const IDLE_SECONDS = 7 * 86_400;
const MAX_AGE_MS = 30 * 86_400_000;
/** Writing last_seen_at on every request would make every admin page a write. */
const TOUCH_AFTER_MS = 5 * 60_000;

export interface Session {
  id: string;
  csrfToken: string;
  account: Account;
}

export async function startSession(
  store: Store,
  accountId: number,
  userAgent: string,
  now = new Date(),
): Promise<{ token: string; session: Session }> {
  const token = newToken();
  const csrfToken = newToken();
  const at = now.toISOString();
  const id = hashToken(token);
  await rows.insertSession(store, {
    id,
    accountId,
    csrfToken,
    createdAt: at,
    lastSeenAt: at,
    expiresAt: new Date(now.getTime() + IDLE_SECONDS * 1000).toISOString(),
    userAgent: userAgent.slice(0, 300),
  });
  const account = await loadAccount(store, accountId);
  if (!account) throw new Error(`account ${accountId} vanished while logging in`);
  return { token, session: { id, csrfToken, account } };
}

/** The live session a cookie's token names, or undefined: unknown, expired, or its account disabled. */
export async function findLiveSession(
  store: Store,
  token: string,
  now = new Date(),
): Promise<Session | undefined> {
  if (!isToken(token)) return undefined;
  const id = hashToken(token);
  const row = await rows.findSession(store, id);
  if (!row) return undefined;
  const at = now.toISOString();
  const tooOld = now.getTime() - Date.parse(row.createdAt) > MAX_AGE_MS;
  if (row.expiresAt <= at || tooOld) {
    await rows.deleteSession(store, id);
    return undefined;
  }
  const account = await loadAccount(store, row.accountId);
  if (!account || account.disabled) return undefined;
  if (now.getTime() - Date.parse(row.lastSeenAt) > TOUCH_AFTER_MS) {
    await rows.touchSession(store, id, at, new Date(now.getTime() + IDLE_SECONDS * 1000).toISOString());
  }
  return { id, csrfToken: row.csrfToken, account };
}

export async function endSession(store: Store, sessionId: string): Promise<void> {
  await rows.deleteSession(store, sessionId);
}

/** Log out everywhere: every session of the account ends, this one included. */
export async function endAllSessions(store: Store, accountId: number): Promise<number> {
  return rows.deleteSessionsOf(store, accountId);
}

export function pruneSessions(store: Store, now = new Date()): Promise<void> {
  return rows.deleteExpiredSessions(store, now.toISOString());
}
