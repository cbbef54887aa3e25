// Secret tokens handed out in cookies and links (sessions, invitations): 256 random bits, kept in the store
// only as their SHA-256, so a copy of the database lets nobody in.
import { createHash, randomBytes } from "node:crypto";

export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Whether `text` has the shape of one of our tokens: anything else is refused before a query. */
export function isToken(text: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(text);
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
