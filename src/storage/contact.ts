// The SQL of readers' letters (the inbox), of the form's signing secret, and of who is told a letter came.
import { type Selectable, sql } from "kysely";
import type { ContactMessageTable } from "./schema.js";
import type { Store } from "./store.js";

export const INBOX_STATUSES = ["new", "read", "answered", "archived"] as const;
export type InboxStatus = (typeof INBOX_STATUSES)[number];

export interface ContactMessage {
  id: number;
  language: string;
  name: string;
  email: string;
  subject: string;
  body: string;
  status: InboxStatus;
  flagged: boolean;
  receivedAt: string;
  answeredAt: string | null;
  answeredBy: number | null;
  letterArticleId: number | null;
}

export interface NewContactMessage {
  submissionKey: string;
  language: string;
  name: string;
  email: string;
  subject: string;
  body: string;
  receivedAt: string;
}

/**
 * Stores a message once per submission key. A second insert with the same key (a double click, a retry)
 * stores nothing and says which message already holds it.
 */
export async function insertContactMessage(
  store: Store,
  message: NewContactMessage,
): Promise<{ id: number; inserted: boolean }> {
  const row = await store.db
    .insertInto("contact_messages")
    .values({
      submission_key: message.submissionKey,
      language: message.language,
      name: message.name,
      email: message.email,
      subject: message.subject,
      body: message.body,
      status: "new",
      flagged: 0,
      received_at: message.receivedAt,
    })
    .onConflict((oc) => oc.column("submission_key").doNothing())
    .returning("id")
    .executeTakeFirst();
  if (row) return { id: Number(row.id), inserted: true };
  const existing = await findIdBySubmissionKey(store, message.submissionKey);
  if (existing === undefined) throw new Error("a contact message's key conflicted with no stored message");
  return { id: existing, inserted: false };
}

export async function findIdBySubmissionKey(store: Store, key: string): Promise<number | undefined> {
  const row = await store.db
    .selectFrom("contact_messages")
    .select("id")
    .where("submission_key", "=", key)
    .executeTakeFirst();
  return row ? Number(row.id) : undefined;
}

export async function findContactMessage(store: Store, id: number): Promise<ContactMessage | undefined> {
  const row = await store.db
    .selectFrom("contact_messages")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  return row && toMessage(row);
}

/** Newest first within one status, by keyset on id: the inbox index `(status, id)` serves it. */
export async function listContactMessages(
  store: Store,
  options: { status: InboxStatus; beforeId?: number; limit: number },
): Promise<ContactMessage[]> {
  let query = store.db
    .selectFrom("contact_messages")
    .select([
      "id",
      "language",
      "name",
      "email",
      "subject",
      // The list shows a line of each letter, never the whole of a 20,000-character one.
      sql<string>`substr(body, 1, 300)`.as("body"),
      "status",
      "flagged",
      "received_at",
      "answered_at",
      "answered_by",
      "letter_article_id",
      "submission_key",
    ])
    .where("status", "=", options.status);
  if (options.beforeId !== undefined) query = query.where("id", "<", options.beforeId);
  const rows = await query.orderBy("id", "desc").limit(options.limit).execute();
  return rows.map((row) => toMessage(row as Selectable<ContactMessageTable>));
}

export async function countContactMessages(store: Store): Promise<Record<InboxStatus, number>> {
  const rows = await store.db
    .selectFrom("contact_messages")
    .select(["status", (eb) => eb.fn.countAll().as("n")])
    .groupBy("status")
    .execute();
  const counts: Record<InboxStatus, number> = { new: 0, read: 0, answered: 0, archived: 0 };
  for (const row of rows) {
    if (isInboxStatus(row.status)) counts[row.status] = Number(row.n);
  }
  return counts;
}

export async function updateContactMessage(
  store: Store,
  id: number,
  changes: Partial<{
    status: InboxStatus;
    flagged: boolean;
    answeredAt: string;
    answeredBy: number;
    letterArticleId: number;
  }>,
  /** Only when the message is in this status now: a race between two editors changes it once. */
  onlyIfStatus?: InboxStatus,
): Promise<boolean> {
  let query = store.db
    .updateTable("contact_messages")
    .set({
      ...(changes.status !== undefined ? { status: changes.status } : {}),
      ...(changes.flagged !== undefined ? { flagged: changes.flagged ? 1 : 0 } : {}),
      ...(changes.answeredAt !== undefined ? { answered_at: changes.answeredAt } : {}),
      ...(changes.answeredBy !== undefined ? { answered_by: changes.answeredBy } : {}),
      ...(changes.letterArticleId !== undefined ? { letter_article_id: changes.letterArticleId } : {}),
    })
    .where("id", "=", id);
  if (onlyIfStatus) query = query.where("status", "=", onlyIfStatus);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The e-mail addresses of everyone who reads the inbox (editors and admins) and may still log in. */
export async function listInboxReaderEmails(store: Store): Promise<string[]> {
  const rows = await store.db
    .selectFrom("accounts")
    .select("email")
    .where("role", "in", ["editor", "admin"])
    .where("disabled_at", "is", null)
    .orderBy("id")
    .execute();
  return rows.map((r) => r.email);
}

/**
 * A setting created once with `create()`'s value and read ever after. Two servers creating it at the same
 * moment both end up with the one that was stored first.
 */
export async function readOrCreateSetting(store: Store, key: string, create: () => string): Promise<string> {
  const found = await store.db
    .selectFrom("settings")
    .select("value")
    .where("key", "=", key)
    .executeTakeFirst();
  if (found) return found.value;
  await store.db
    .insertInto("settings")
    .values({ key, value: create() })
    .onConflict((oc) => oc.column("key").doNothing())
    .execute();
  const row = await store.db
    .selectFrom("settings")
    .select("value")
    .where("key", "=", key)
    .executeTakeFirstOrThrow();
  return row.value;
}

export function isInboxStatus(value: string): value is InboxStatus {
  return (INBOX_STATUSES as readonly string[]).includes(value);
}

function toMessage(row: Selectable<ContactMessageTable>): ContactMessage {
  return {
    id: Number(row.id),
    language: row.language,
    name: row.name,
    email: row.email,
    subject: row.subject,
    body: row.body,
    status: isInboxStatus(row.status) ? row.status : "new",
    flagged: Number(row.flagged) === 1,
    receivedAt: row.received_at,
    answeredAt: row.answered_at,
    answeredBy: row.answered_by == null ? null : Number(row.answered_by),
    letterArticleId: row.letter_article_id == null ? null : Number(row.letter_article_id),
  };
}
