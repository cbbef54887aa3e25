// Accounts: the logins of the publication's people. An account writes as any number of persons (bylines);
// that link is private and nothing public ever reads it (DESIGN §1).
import {
  ConflictError,
  ForbiddenError,
  InvalidError,
  NotFoundError,
  TooManyError,
  UnauthenticatedError,
} from "../errors.js";
import { isLanguage } from "../i18n/languages.js";
import * as rows from "../storage/accounts.js";
import type { Store } from "../storage/store.js";
import { type Actor, recordAudit } from "./audit.js";
import {
  checkNewPassword,
  hashPassword,
  oneTimePassword,
  verifyAgainstDecoy,
  verifyPassword,
} from "./passwords.js";
import { checkRateLimit, isRateLimited, type Limit } from "./rate-limits.js";
import { isRole, type Role } from "./roles.js";
import { hashToken, isToken, newToken } from "./tokens.js";

export interface Account {
  id: number;
  email: string;
  name: string;
  role: Role;
  /** For translators: the languages they may write in. */
  languages: string[];
  /** The persons this account may write as. */
  personIds: number[];
  mustChangePassword: boolean;
  disabled: boolean;
}

export interface NewAccount {
  email: string;
  role: string;
  name?: string;
  languages?: readonly string[];
  personIds?: readonly number[];
}

/** Failed log-ins allowed per account and per client address in a quarter of an hour. */
export const LOGIN_LIMITS = {
  account: { max: 10, windowSeconds: 900 } satisfies Limit,
  address: { max: 30, windowSeconds: 900 } satisfies Limit,
};
const INVITATION_DAYS = 7;
const MAX_EMAIL = 254;

export function normalizeEmail(email: string): string {
  const trimmed = email.trim().toLowerCase();
  // One address, no display name, no whitespace or control characters: a header can never be smuggled in.
  if (
    trimmed.length > MAX_EMAIL ||
    !/^[^\s@<>()",;:\\\p{Cc}]+@[^\s@<>()",;:\\\p{Cc}]+\.[^\s@<>()",;:\\\p{Cc}]+$/u.test(trimmed)
  ) {
    throw new InvalidError(`"${email.slice(0, 80)}" is not an e-mail address`);
  }
  return trimmed;
}

/** Creates an account with a one-time password, which its owner must change at first log-in. */
export async function createAccount(
  store: Store,
  input: NewAccount,
  actor: Actor | null = null,
  now = new Date(),
): Promise<{ account: Account; password: string }> {
  const password = oneTimePassword();
  const account = await insertNewAccount(store, input, password, true, actor, now);
  return { account, password };
}

async function insertNewAccount(
  store: Store,
  input: NewAccount,
  password: string,
  mustChange: boolean,
  actor: Actor | null,
  now: Date,
): Promise<Account> {
  const email = normalizeEmail(input.email);
  const role = checkRole(input.role);
  const languages = checkLanguages(role, input.languages ?? []);
  const passwordHash = await hashPassword(password);
  return store.transaction(async (tx) => {
    if (await rows.findAccountByEmail(tx, email)) {
      throw new InvalidError(`an account for ${email} exists already`);
    }
    const id = await rows.insertAccount(
      tx,
      {
        email,
        name: (input.name ?? "").trim().slice(0, 200),
        role,
        passwordHash,
        mustChangePassword: mustChange,
      },
      now.toISOString(),
    );
    await rows.setAccountLanguages(tx, id, languages);
    await rows.setAccountPersons(tx, id, input.personIds ?? []);
    await recordAudit(
      tx,
      actor,
      { action: "account.create", subject: `account ${email}`, detail: { role } },
      now,
    );
    return (await loadAccount(tx, id)) as Account;
  });
}

export async function loadAccount(store: Store, id: number): Promise<Account | undefined> {
  const row = await rows.findAccountById(store, id);
  if (!row) return undefined;
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: isRole(row.role) ? row.role : "writer",
    languages: await rows.languagesOf(store, id),
    personIds: await rows.personIdsOf(store, id),
    mustChangePassword: row.mustChangePassword,
    disabled: row.disabledAt !== null,
  };
}

export async function getAccount(store: Store, id: number): Promise<Account> {
  const account = await loadAccount(store, id);
  if (!account) throw new NotFoundError(`no account has id ${id}`);
  return account;
}

export async function listAccounts(store: Store): Promise<Account[]> {
  const all = await rows.listAccounts(store);
  return Promise.all(all.map(async (row) => (await loadAccount(store, row.id)) as Account));
}

/**
 * Checks an e-mail and password. Failures are counted per account and per address, and past the limit
 * even a right password is refused until the window ends, so guessing cannot outrun the limit.
 */
export async function authenticate(
  store: Store,
  credentials: { email: string; password: string; address: string },
  now = new Date(),
): Promise<Account> {
  const email = credentials.email.trim().toLowerCase().slice(0, MAX_EMAIL);
  const accountKey = `login:account:${email}`;
  const addressKey = `login:address:${credentials.address}`;
  if (
    (await isRateLimited(store, accountKey, LOGIN_LIMITS.account, now)) ||
    (await isRateLimited(store, addressKey, LOGIN_LIMITS.address, now))
  ) {
    throw new TooManyError("too many failed log-ins: wait a quarter of an hour and try again", 900);
  }
  const row = await rows.findAccountByEmail(store, email);
  const ok = row
    ? await verifyPassword(row.passwordHash, credentials.password)
    : await verifyAgainstDecoy(credentials.password);
  if (!row || !ok || row.disabledAt !== null) {
    await checkRateLimit(store, accountKey, LOGIN_LIMITS.account, now).catch(ignoreTooMany);
    await checkRateLimit(store, addressKey, LOGIN_LIMITS.address, now).catch(ignoreTooMany);
    await recordAudit(
      store,
      null,
      { action: "login.failed", subject: `account ${email}`, address: credentials.address },
      now,
    );
    throw new UnauthenticatedError("the e-mail address or the password is wrong");
  }
  await recordAudit(store, row, { action: "login", address: credentials.address }, now);
  return (await loadAccount(store, row.id)) as Account;
}

export async function changePassword(
  store: Store,
  account: Account,
  change: { current: string; next: string },
  now = new Date(),
): Promise<void> {
  const row = await rows.findAccountById(store, account.id);
  if (!row || !(await verifyPassword(row.passwordHash, change.current))) {
    throw new InvalidError("the current password is wrong");
  }
  checkNewPassword(change.next, account.email);
  if (change.next === change.current) throw new InvalidError("the new password is the same as the old one");
  const passwordHash = await hashPassword(change.next);
  await store.transaction(async (tx) => {
    await rows.updateAccount(tx, account.id, { passwordHash, mustChangePassword: false });
    await recordAudit(tx, account, { action: "account.password" }, now);
  });
}

/** An admin changes what an account is: its role, languages, persons, name, or whether it may log in. */
export async function updateAccountAccess(
  store: Store,
  actor: Actor,
  id: number,
  change: {
    role?: string;
    languages?: readonly string[];
    personIds?: readonly number[];
    name?: string;
    disabled?: boolean;
  },
  now = new Date(),
): Promise<Account> {
  return store.transaction(async (tx) => {
    const current = await getAccount(tx, id);
    const role = change.role === undefined ? current.role : checkRole(change.role);
    if (current.id === actor.id && (role !== "admin" || change.disabled)) {
      throw new ForbiddenError("an admin cannot take away their own admin role or disable their own account");
    }
    const languages = checkLanguages(role, change.languages ?? current.languages);
    await rows.updateAccount(tx, id, {
      role,
      ...(change.name !== undefined ? { name: change.name.trim().slice(0, 200) } : {}),
      ...(change.disabled !== undefined ? { disabledAt: change.disabled ? now.toISOString() : null } : {}),
    });
    await rows.setAccountLanguages(tx, id, languages);
    if (change.personIds) await rows.setAccountPersons(tx, id, change.personIds);
    if (change.disabled) await rows.deleteSessionsOf(tx, id);
    await recordAudit(
      tx,
      actor,
      {
        action: "account.update",
        subject: `account ${current.email}`,
        detail: { role, languages, disabled: change.disabled ?? current.disabled },
      },
      now,
    );
    return getAccount(tx, id);
  });
}

export interface Invitation {
  email: string;
  role: Role;
  languages: string[];
  expiresAt: string;
}

/** An invitation by link: returns the token, shown once; the store keeps only its hash. */
export async function inviteAccount(
  store: Store,
  actor: Actor,
  input: { email: string; role: string; languages?: readonly string[] },
  now = new Date(),
): Promise<{ token: string; invitation: Invitation }> {
  const email = normalizeEmail(input.email);
  const role = checkRole(input.role);
  const languages = checkLanguages(role, input.languages ?? []);
  if (await rows.findAccountByEmail(store, email))
    throw new InvalidError(`an account for ${email} exists already`);
  const token = newToken();
  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 86_400_000).toISOString();
  await store.transaction(async (tx) => {
    await rows.insertInvitation(tx, {
      tokenHash: hashToken(token),
      email,
      role,
      languages,
      createdBy: actor.id,
      createdAt: now.toISOString(),
      expiresAt,
      acceptedAt: null,
    });
    await recordAudit(
      tx,
      actor,
      { action: "invitation.create", subject: `account ${email}`, detail: { role } },
      now,
    );
  });
  return { token, invitation: { email, role, languages, expiresAt } };
}

/** The open invitation a link's token names; expired and used ones are refused. */
export async function findInvitation(store: Store, token: string, now = new Date()): Promise<Invitation> {
  const row = isToken(token) ? await rows.findInvitation(store, hashToken(token)) : undefined;
  if (!row) throw new NotFoundError("this invitation link is not valid");
  if (row.acceptedAt) throw new ConflictError("this invitation has been used already", null, null);
  if (row.expiresAt <= now.toISOString())
    throw new InvalidError("this invitation has expired: ask for a new one");
  return {
    email: row.email,
    role: isRole(row.role) ? row.role : "writer",
    languages: row.languages,
    expiresAt: row.expiresAt,
  };
}

export async function acceptInvitation(
  store: Store,
  token: string,
  input: { name: string; password: string },
  now = new Date(),
): Promise<Account> {
  const invitation = await findInvitation(store, token, now);
  checkNewPassword(input.password, invitation.email);
  const passwordHash = await hashPassword(input.password);
  return store.transaction(async (tx) => {
    if (!(await rows.acceptInvitationRow(tx, hashToken(token), now.toISOString()))) {
      throw new ConflictError("this invitation has been used already", null, null);
    }
    if (await rows.findAccountByEmail(tx, invitation.email)) {
      throw new InvalidError(`an account for ${invitation.email} exists already`);
    }
    const id = await rows.insertAccount(
      tx,
      {
        email: invitation.email,
        name: input.name.trim().slice(0, 200),
        role: invitation.role,
        passwordHash,
        mustChangePassword: false,
      },
      now.toISOString(),
    );
    await rows.setAccountLanguages(tx, id, invitation.languages);
    const account = (await loadAccount(tx, id)) as Account;
    await recordAudit(
      tx,
      account,
      { action: "invitation.accept", subject: `account ${invitation.email}` },
      now,
    );
    return account;
  });
}

export function listOpenInvitations(store: Store, now = new Date()) {
  return rows.listOpenInvitations(store, now.toISOString());
}

export function hasAnyAccount(store: Store): Promise<boolean> {
  return rows.countAccounts(store).then((n) => n > 0);
}

function checkRole(role: string): Role {
  if (!isRole(role))
    throw new InvalidError(`"${role.slice(0, 40)}" is not a role: use writer, translator, editor or admin`);
  return role;
}

function checkLanguages(role: Role, languages: readonly string[]): string[] {
  for (const language of languages) {
    if (!isLanguage(language))
      throw new InvalidError(`"${language.slice(0, 20)}" is not a language code we know`);
  }
  if (role === "translator" && languages.length === 0) {
    throw new InvalidError("a translator needs at least one language");
  }
  return role === "translator" ? [...new Set(languages)] : [];
}

function ignoreTooMany(error: unknown): void {
  if (!(error instanceof TooManyError)) throw error;
}
