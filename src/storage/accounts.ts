// The SQL of accounts, the persons they write as, translators' languages, sessions and invitations.
// Nothing here is ever read by a public page, feed or API.
import type { Store } from "./store.js";

export interface AccountRow {
  id: number;
  email: string;
  name: string;
  role: string;
  passwordHash: string;
  mustChangePassword: boolean;
  createdAt: string;
  disabledAt: string | null;
}

export async function insertAccount(
  store: Store,
  values: { email: string; name: string; role: string; passwordHash: string; mustChangePassword: boolean },
  at: string,
): Promise<number> {
  const row = await store.db
    .insertInto("accounts")
    .values({
      email: values.email,
      name: values.name,
      role: values.role,
      password_hash: values.passwordHash,
      must_change_password: values.mustChangePassword ? 1 : 0,
      created_at: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function updateAccount(
  store: Store,
  id: number,
  values: Partial<{
    name: string;
    role: string;
    passwordHash: string;
    mustChangePassword: boolean;
    disabledAt: string | null;
  }>,
): Promise<void> {
  await store.db
    .updateTable("accounts")
    .set({
      ...(values.name !== undefined ? { name: values.name } : {}),
      ...(values.role !== undefined ? { role: values.role } : {}),
      ...(values.passwordHash !== undefined ? { password_hash: values.passwordHash } : {}),
      ...(values.mustChangePassword !== undefined
        ? { must_change_password: values.mustChangePassword ? 1 : 0 }
        : {}),
      ...(values.disabledAt !== undefined ? { disabled_at: values.disabledAt } : {}),
    })
    .where("id", "=", id)
    .execute();
}

export async function findAccountByEmail(store: Store, email: string): Promise<AccountRow | undefined> {
  const row = await store.db.selectFrom("accounts").selectAll().where("email", "=", email).executeTakeFirst();
  return row && toAccount(row);
}

export async function findAccountById(store: Store, id: number): Promise<AccountRow | undefined> {
  const row = await store.db.selectFrom("accounts").selectAll().where("id", "=", id).executeTakeFirst();
  return row && toAccount(row);
}

export async function listAccounts(store: Store): Promise<AccountRow[]> {
  const rows = await store.db.selectFrom("accounts").selectAll().orderBy("email").limit(1000).execute();
  return rows.map(toAccount);
}

export async function countAccounts(store: Store): Promise<number> {
  const row = await store.db
    .selectFrom("accounts")
    .select((eb) => eb.fn.countAll().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function personIdsOf(store: Store, accountId: number): Promise<number[]> {
  const rows = await store.db
    .selectFrom("account_persons")
    .select("person_id")
    .where("account_id", "=", accountId)
    .orderBy("person_id")
    .execute();
  return rows.map((r) => Number(r.person_id));
}

export async function setAccountPersons(store: Store, accountId: number, personIds: readonly number[]) {
  await store.db.deleteFrom("account_persons").where("account_id", "=", accountId).execute();
  if (personIds.length === 0) return;
  await store.db
    .insertInto("account_persons")
    .values([...new Set(personIds)].map((person_id) => ({ account_id: accountId, person_id })))
    .execute();
}

export async function languagesOf(store: Store, accountId: number): Promise<string[]> {
  const rows = await store.db
    .selectFrom("account_languages")
    .select("language")
    .where("account_id", "=", accountId)
    .orderBy("language")
    .execute();
  return rows.map((r) => r.language);
}

export async function setAccountLanguages(store: Store, accountId: number, languages: readonly string[]) {
  await store.db.deleteFrom("account_languages").where("account_id", "=", accountId).execute();
  if (languages.length === 0) return;
  await store.db
    .insertInto("account_languages")
    .values([...new Set(languages)].map((language) => ({ account_id: accountId, language })))
    .execute();
}

export interface SessionRow {
  id: string;
  accountId: number;
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  userAgent: string;
}

export async function insertSession(store: Store, session: SessionRow): Promise<void> {
  await store.db
    .insertInto("sessions")
    .values({
      id: session.id,
      account_id: session.accountId,
      csrf_token: session.csrfToken,
      created_at: session.createdAt,
      last_seen_at: session.lastSeenAt,
      expires_at: session.expiresAt,
      user_agent: session.userAgent,
    })
    .execute();
}

export async function findSession(store: Store, id: string): Promise<SessionRow | undefined> {
  const row = await store.db.selectFrom("sessions").selectAll().where("id", "=", id).executeTakeFirst();
  return (
    row && {
      id: row.id,
      accountId: Number(row.account_id),
      csrfToken: row.csrf_token,
      createdAt: row.created_at,
      lastSeenAt: row.last_seen_at,
      expiresAt: row.expires_at,
      userAgent: row.user_agent,
    }
  );
}

export async function touchSession(store: Store, id: string, lastSeenAt: string, expiresAt: string) {
  await store.db
    .updateTable("sessions")
    .set({ last_seen_at: lastSeenAt, expires_at: expiresAt })
    .where("id", "=", id)
    .execute();
}

export async function deleteSession(store: Store, id: string): Promise<void> {
  await store.db.deleteFrom("sessions").where("id", "=", id).execute();
}

export async function deleteSessionsOf(store: Store, accountId: number): Promise<number> {
  const result = await store.db.deleteFrom("sessions").where("account_id", "=", accountId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function deleteExpiredSessions(store: Store, now: string): Promise<void> {
  await store.db.deleteFrom("sessions").where("expires_at", "<", now).execute();
}

export interface InvitationRow {
  tokenHash: string;
  email: string;
  role: string;
  languages: string[];
  createdBy: number | null;
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
}

export async function insertInvitation(store: Store, invitation: InvitationRow): Promise<void> {
  await store.db
    .insertInto("invitations")
    .values({
      token_hash: invitation.tokenHash,
      email: invitation.email,
      role: invitation.role,
      languages: invitation.languages.join(","),
      created_by: invitation.createdBy,
      created_at: invitation.createdAt,
      expires_at: invitation.expiresAt,
      accepted_at: null,
    })
    .execute();
}

export async function findInvitation(store: Store, tokenHash: string): Promise<InvitationRow | undefined> {
  const row = await store.db
    .selectFrom("invitations")
    .selectAll()
    .where("token_hash", "=", tokenHash)
    .executeTakeFirst();
  return row && toInvitation(row);
}

export async function listOpenInvitations(store: Store, now: string): Promise<InvitationRow[]> {
  const rows = await store.db
    .selectFrom("invitations")
    .selectAll()
    .where("accepted_at", "is", null)
    .where("expires_at", ">", now)
    .orderBy("created_at", "desc")
    .limit(200)
    .execute();
  return rows.map(toInvitation);
}

/** Marks the invitation used; false when someone used it first. */
export async function acceptInvitationRow(store: Store, tokenHash: string, at: string): Promise<boolean> {
  const result = await store.db
    .updateTable("invitations")
    .set({ accepted_at: at })
    .where("token_hash", "=", tokenHash)
    .where("accepted_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

function toInvitation(row: {
  token_hash: string;
  email: string;
  role: string;
  languages: string;
  created_by: number | null;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
}): InvitationRow {
  return {
    tokenHash: row.token_hash,
    email: row.email,
    role: row.role,
    languages: row.languages === "" ? [] : row.languages.split(","),
    createdBy: row.created_by === null ? null : Number(row.created_by),
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    acceptedAt: row.accepted_at,
  };
}

function toAccount(row: {
  id: number;
  email: string;
  name: string;
  role: string;
  password_hash: string;
  must_change_password: number;
  created_at: string;
  disabled_at: string | null;
}): AccountRow {
  return {
    id: Number(row.id),
    email: row.email,
    name: row.name,
    role: row.role,
    passwordHash: row.password_hash,
    mustChangePassword: Number(row.must_change_password) === 1,
    createdAt: row.created_at,
    disabledAt: row.disabled_at,
  };
}
