// Passwords: argon2id hashes, and the rules a new password must meet.
import { randomBytes } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import { dictionary } from "@zxcvbn-ts/language-common";
import { InvalidError } from "../errors.js";

export const MIN_PASSWORD = 10;
export const MAX_PASSWORD = 256;

// OWASP's argon2id recommendation: 19 MiB, two passes, one lane.
const ARGON2ID = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

let common: Set<string> | undefined;

/** Refuses a password that is too short, too long, among the ~49,000 most common, or the e-mail itself. */
export function checkNewPassword(password: string, email = ""): void {
  if ([...password].length < MIN_PASSWORD) {
    throw new InvalidError(`the password is too short: use at least ${MIN_PASSWORD} characters`);
  }
  if (password.length > MAX_PASSWORD) {
    throw new InvalidError(`the password is longer than ${MAX_PASSWORD} characters`);
  }
  common ??= new Set(dictionary["passwords-common"]);
  const lower = password.toLowerCase();
  if (common.has(lower)) {
    throw new InvalidError("this password is on a list of common passwords: choose another");
  }
  if (email !== "" && (lower === email.toLowerCase() || lower === email.split("@")[0]?.toLowerCase())) {
    throw new InvalidError("the password must not be the e-mail address");
  }
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2ID);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  if (!passwordHash.startsWith("$argon2id$") || password.length > MAX_PASSWORD) return false;
  return verify(passwordHash, password);
}

/** A hash that no password matches, checked when an e-mail is unknown so that both cases take as long. */
let decoy: Promise<string> | undefined;
export async function verifyAgainstDecoy(password: string): Promise<false> {
  decoy ??= hashPassword(randomBytes(16).toString("hex"));
  await verify(await decoy, password.slice(0, MAX_PASSWORD));
  return false;
}

/** A one-time password for `broadside user add`: 20 characters from an alphabet without look-alikes. */
export function oneTimePassword(): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const bytes = randomBytes(20);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join("");
}
