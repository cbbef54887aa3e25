// The editors' inbox of readers' letters: listing by status, opening (which marks a letter read), marking,
// archiving and answering. Every change is recorded in the audit log with who made it.
import { type Actor, recordAudit } from "../accounts/audit.js";
import { InvalidError, NotFoundError, UnavailableError } from "../errors.js";
import { headerLine } from "../mail/address.js";
import type { Mailer } from "../mail/mailer.js";
import {
  type ContactMessage,
  countContactMessages,
  findContactMessage,
  type InboxStatus,
  listContactMessages,
  updateContactMessage,
} from "../storage/contact.js";
import type { Store } from "../storage/store.js";
import { CONTACT_LIMITS } from "./messages.js";

export const INBOX_PAGE = 50;

export interface InboxPage {
  status: InboxStatus;
  messages: ContactMessage[];
  counts: Record<InboxStatus, number>;
  /** The id to read the next page before, when there is one. */
  nextBefore?: number;
}

/** Who acts, and from where, for the audit log. */
export interface Acting {
  actor: Actor;
  address: string;
}

export async function listInbox(
  store: Store,
  status: InboxStatus,
  beforeId?: number,
  limit = INBOX_PAGE,
): Promise<InboxPage> {
  const [rows, counts] = await Promise.all([
    listContactMessages(store, { status, beforeId, limit: limit + 1 }),
    countContactMessages(store),
  ]);
  const messages = rows.slice(0, limit);
  const last = messages.at(-1);
  return { status, messages, counts, ...(rows.length > limit && last ? { nextBefore: last.id } : {}) };
}

export async function getContactMessage(store: Store, id: number): Promise<ContactMessage> {
  const message = await findContactMessage(store, id);
  if (!message) throw new NotFoundError(`there is no letter ${id}`);
  return message;
}

/** The letter, marked read if this is the first time anyone opened it. */
export async function openContactMessage(store: Store, id: number, acting: Acting): Promise<ContactMessage> {
  return store.transaction(async (tx) => {
    const message = await getContactMessage(tx, id);
    if (message.status !== "new") return message;
    if (await updateContactMessage(tx, id, { status: "read" }, "new")) {
      await audit(tx, acting, "contact.read", id);
    }
    return { ...message, status: "read" };
  });
}

export async function flagContactMessage(store: Store, id: number, flagged: boolean, acting: Acting) {
  await store.transaction(async (tx) => {
    const message = await getContactMessage(tx, id);
    if (message.flagged === flagged) return;
    await updateContactMessage(tx, id, { flagged });
    await audit(tx, acting, flagged ? "contact.flag" : "contact.unflag", id);
  });
}

/** Archiving sets a letter aside; taking it back returns it to answered or read, as it was. */
export async function archiveContactMessage(store: Store, id: number, archived: boolean, acting: Acting) {
  await store.transaction(async (tx) => {
    const message = await getContactMessage(tx, id);
    if ((message.status === "archived") === archived) return;
    const status: InboxStatus = archived ? "archived" : message.answeredAt ? "answered" : "read";
    await updateContactMessage(tx, id, { status });
    await audit(tx, acting, archived ? "contact.archive" : "contact.unarchive", id);
  });
}

export interface Answer {
  subject: string;
  body: string;
}

export function checkAnswer(answer: Answer): Answer {
  const subject = headerLine(answer.subject, Number.POSITIVE_INFINITY);
  const body = answer.body.replace(/\r\n?/g, "\n").trim();
  if (subject === "") throw new InvalidError("subject: write a subject");
  if (subject.length > CONTACT_LIMITS.subject)
    throw new InvalidError(`subject: at most ${CONTACT_LIMITS.subject} characters`);
  if (body === "") throw new InvalidError("body: write the answer");
  if (body.length > CONTACT_LIMITS.body)
    throw new InvalidError(`body: at most ${CONTACT_LIMITS.body.toLocaleString("en")} characters`);
  return { subject, body };
}

/** Sends the answer to the reader by e-mail and records the letter as answered once the server took it. */
export async function answerContactMessage(
  store: Store,
  mailer: Mailer | undefined,
  id: number,
  answer: Answer,
  acting: Acting,
  now = new Date(),
): Promise<void> {
  if (!mailer) throw new UnavailableError("no mail server is configured: answer from your own mail program");
  const checked = checkAnswer(answer);
  const message = await getContactMessage(store, id);
  try {
    await mailer.send({ to: message.email, subject: checked.subject, text: checked.body });
  } catch (error) {
    throw new UnavailableError(`the mail server did not take the answer (${(error as Error).message})`, {
      cause: error,
    });
  }
  await recordAnswered(store, message, acting, "contact.answer", now, { subject: checked.subject });
}

/** For an answer sent outside Broadside (no mail server configured): records it as answered. */
export async function markContactMessageAnswered(store: Store, id: number, acting: Acting, now = new Date()) {
  const message = await getContactMessage(store, id);
  await recordAnswered(store, message, acting, "contact.answered_elsewhere", now);
}

async function recordAnswered(
  store: Store,
  message: ContactMessage,
  acting: Acting,
  action: string,
  now: Date,
  detail?: Record<string, unknown>,
) {
  await store.transaction(async (tx) => {
    await updateContactMessage(tx, message.id, {
      // An archived letter stays archived; it is only recorded as answered.
      ...(message.status === "archived" ? {} : { status: "answered" as const }),
      answeredAt: now.toISOString(),
      answeredBy: acting.actor.id,
    });
    await audit(tx, acting, action, message.id, detail);
  });
}

function audit(store: Store, acting: Acting, action: string, id: number, detail?: Record<string, unknown>) {
  return recordAudit(store, acting.actor, {
    action,
    subject: `letter ${id}`,
    address: acting.address,
    ...(detail ? { detail } : {}),
  });
}
