// Readers' letters: what the contact form may carry, and taking one in. A letter is stored before anyone is
// told it arrived; spam is kept out by a honeypot, the form token's timing and a rate limit per address.
import { checkRateLimit, type Limit } from "../accounts/rate-limits.js";
import { isSingleAddress } from "../mail/address.js";
import { findIdBySubmissionKey, insertContactMessage } from "../storage/contact.js";
import type { Store } from "../storage/store.js";
import { checkFormToken, submissionKeyOf, type TokenProblem, type TokenTiming } from "./form-token.js";

export const CONTACT_LIMITS = { name: 200, email: 254, subject: 300, body: 20_000 } as const;
export type ContactField = keyof typeof CONTACT_LIMITS;
export type FieldProblem = "missing" | "too_long" | "invalid";
export type FieldProblems = Partial<Record<ContactField, FieldProblem>>;

export interface ContactSettings extends TokenTiming {
  /** Letters one client address may send in a window. */
  limit: Limit;
}

export const DEFAULT_CONTACT_SETTINGS: ContactSettings = {
  minSeconds: 3,
  maxAgeSeconds: 24 * 60 * 60,
  limit: { max: 5, windowSeconds: 600 },
};

export interface Submission {
  language: string;
  token: string;
  /** The field people never see; whatever fills it in is not a person. */
  honeypot: string;
  name: string;
  email: string;
  subject: string;
  body: string;
}

export type SubmitResult =
  /** Stored now. */
  | { outcome: "stored"; id: number; letter: Letter }
  /** This token's letter was stored before (a double click, a retry): nothing stored twice. */
  | { outcome: "duplicate"; id: number }
  /** The honeypot was filled in: not stored, answered like a letter so the sender learns nothing. */
  | { outcome: "discarded" }
  | { outcome: "refused"; problems: FieldProblems; token?: TokenProblem };

/** A letter as stored: the fields cleaned and checked. */
export interface Letter {
  language: string;
  name: string;
  email: string;
  subject: string;
  body: string;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
const BODY_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** The letter as it would be stored, and what is wrong with each field. Pure: the form shows the problems. */
export function readLetter(submission: Submission): { letter: Letter; problems: FieldProblems } {
  const letter: Letter = {
    language: submission.language,
    name: submission.name.trim(),
    email: submission.email.trim(),
    subject: submission.subject.trim(),
    // Line ends made one kind, and control characters a paste may carry dropped (PostgreSQL refuses NUL);
    // tabs and line breaks stay.
    body: submission.body.replace(/\r\n?/g, "\n").replace(BODY_CONTROL, "").trim(),
  };
  const problems: FieldProblems = {};
  for (const field of ["name", "email", "subject", "body"] as const) {
    const value = letter[field];
    if (value === "") problems[field] = "missing";
    else if (value.length > CONTACT_LIMITS[field]) problems[field] = "too_long";
  }
  // One line each: a line break in a name or subject can only have been put there to forge a mail header.
  for (const field of ["name", "subject"] as const) {
    if (!problems[field] && CONTROL.test(letter[field])) problems[field] = "invalid";
  }
  if (!problems.email && !isSingleAddress(letter.email)) problems.email = "invalid";
  return { letter, problems };
}

export async function submitContactMessage(
  store: Store,
  submission: Submission,
  context: { address: string; settings: ContactSettings; now?: Date },
): Promise<SubmitResult> {
  const now = context.now ?? new Date();
  const rateKey = `contact:${context.address}`;
  if (submission.honeypot !== "") {
    // Counted all the same, so a robot that keeps trying is slowed like anyone else.
    await checkRateLimit(store, rateKey, context.settings.limit, now);
    return { outcome: "discarded" };
  }
  const { letter, problems } = readLetter(submission);
  const token = await checkFormToken(store, submission.token, context.settings, now);
  const key = submissionKeyOf(submission.token);
  // A retry of a letter already stored says "received" again, whatever the clock says of its token now.
  if (token !== "token_invalid") {
    const stored = await findIdBySubmissionKey(store, key);
    if (stored !== undefined) return { outcome: "duplicate", id: stored };
  }
  if (token || Object.keys(problems).length > 0) {
    return { outcome: "refused", problems, ...(token ? { token } : {}) };
  }
  // The letter first, then its hit on the limit, in one transaction: copies of one letter sent at once wait
  // for the first to commit and count nothing, and a letter past the limit is rolled back with its hit.
  return store.transaction(async (tx) => {
    const { id, inserted } = await insertContactMessage(tx, {
      submissionKey: key,
      ...letter,
      receivedAt: now.toISOString(),
    });
    if (!inserted) return { outcome: "duplicate", id };
    await checkRateLimit(tx, rateKey, context.settings.limit, now);
    return { outcome: "stored", id, letter };
  });
}
