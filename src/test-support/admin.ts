// Test support: an account of a given role with a live session, and the headers a browser would send.
import { type Account, createAccount } from "../accounts/accounts.js";
import type { Role } from "../accounts/roles.js";
import { startSession } from "../accounts/sessions.js";
import type { Store } from "../storage/store.js";

export interface LoggedIn {
  account: Account;
  /** The Cookie header value carrying the session. */
  cookie: string;
  csrfToken: string;
  /** Headers for a request in this session; `csrf: false` leaves the token out. */
  headers(options?: { csrf?: boolean; json?: boolean }): Record<string, string>;
  /** A form body with the CSRF field added. */
  form(fields: Record<string, string | string[]>, options?: { csrf?: boolean }): URLSearchParams;
}

let counter = 0;

export async function loginAs(
  store: Store,
  role: Role,
  options: { email?: string; languages?: string[]; personIds?: number[] } = {},
): Promise<LoggedIn> {
  counter += 1;
  const { account } = await createAccount(store, {
    email: options.email ?? `${role}${counter}@example.org`,
    role,
    name: `${role} ${counter}`,
    languages: options.languages ?? (role === "translator" ? ["de"] : []),
    personIds: options.personIds ?? [],
  });
  // Past the one-time password, as if its owner had chosen their own.
  await store.db
    .updateTable("accounts")
    .set({ must_change_password: 0 })
    .where("id", "=", account.id)
    .execute();
  const { token, session } = await startSession(store, account.id, "test");
  const cookie = `broadside_session=${token}`;
  return {
    account: session.account,
    cookie,
    csrfToken: session.csrfToken,
    headers: ({ csrf = true, json = false } = {}) => ({
      cookie,
      ...(csrf ? { "x-csrf-token": session.csrfToken } : {}),
      ...(json ? { accept: "application/json", "content-type": "application/json" } : {}),
    }),
    form: (fields, { csrf = true } = {}) => {
      const body = new URLSearchParams();
      for (const [key, value] of Object.entries(fields)) {
        for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
      }
      if (csrf) body.append("_csrf", session.csrfToken);
      return body;
    },
  };
}
