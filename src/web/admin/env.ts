// What admin handlers know for each request: everything the app knows, and the logged-in session.
import type { Account } from "../../accounts/accounts.js";
import type { AppEnv } from "../env.js";

export interface AdminEnv {
  Variables: AppEnv["Variables"] & {
    account: Account;
    sessionId: string;
    /** This session's CSRF token: every form carries it, every state-changing request must send it back. */
    csrfToken: string;
    /** The client's address, for rate limits and the audit log. */
    address: string;
  };
}
