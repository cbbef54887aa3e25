// The contact form's token: when it was issued and a random nonce, signed with a secret of the site's kept in
// the settings table (so every app server signs and checks alike). It proves the form came from us, tells
// how long the reader had it open, and, hashed, is the key that stores one submission once.
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { readOrCreateSetting } from "../storage/contact.js";
import type { Store } from "../storage/store.js";

const SECRET_SETTING = "contact_form_secret";
const VERSION = "v1";

export type TokenProblem = "token_invalid" | "too_fast" | "expired";

export interface TokenTiming {
  /** A person needs at least this long to fill the form in; a script sending it back sooner is refused. */
  minSeconds: number;
  /** After this, the form is stale and must be sent again from a fresh page. */
  maxAgeSeconds: number;
}

// The store's secret, read once per store object: it never changes once made.
const secrets = new WeakMap<Store, Promise<string>>();

function secretOf(store: Store): Promise<string> {
  let secret = secrets.get(store);
  if (!secret) {
    secret = readOrCreateSetting(store, SECRET_SETTING, () => randomBytes(32).toString("base64url"));
    secrets.set(store, secret);
    secret.catch(() => secrets.delete(store));
  }
  return secret;
}

export async function issueFormToken(store: Store, now = new Date()): Promise<string> {
  const issued = now.getTime().toString(36);
  const nonce = randomBytes(16).toString("base64url");
  return `${VERSION}.${issued}.${nonce}.${sign(await secretOf(store), issued, nonce)}`;
}

/** Undefined when the token is good and of a good age; otherwise what is wrong with it. */
export async function checkFormToken(
  store: Store,
  token: string,
  timing: TokenTiming,
  now = new Date(),
): Promise<TokenProblem | undefined> {
  const parts = token.length <= 200 ? token.split(".") : [];
  const [version, issued, nonce, signature] = parts;
  if (parts.length !== 4 || version !== VERSION || !issued || !nonce || !signature) return "token_invalid";
  const expected = Buffer.from(sign(await secretOf(store), issued, nonce));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return "token_invalid";
  const ageMs = now.getTime() - Number.parseInt(issued, 36);
  if (!Number.isFinite(ageMs)) return "token_invalid";
  if (ageMs < timing.minSeconds * 1000) return "too_fast";
  if (ageMs > timing.maxAgeSeconds * 1000) return "expired";
  return undefined;
}

/** What the store keeps of a token: its hash, so the inbox's keys cannot be replayed as forms. */
export function submissionKeyOf(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

function sign(secret: string, issued: string, nonce: string): string {
  return createHmac("sha256", secret).update(`${VERSION}.${issued}.${nonce}`).digest("base64url");
}
