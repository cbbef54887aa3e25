// One's own account (password, log out everywhere), the admins' list of accounts and invitations, and the
// audit log.
import type { Context, Hono } from "hono";
import { z } from "zod";
import {
  changePassword,
  getAccount,
  inviteAccount,
  listAccounts,
  listOpenInvitations,
  updateAccountAccess,
} from "../../accounts/accounts.js";
import { readAuditLog } from "../../accounts/audit.js";
import { MIN_PASSWORD } from "../../accounts/passwords.js";
import { ROLES } from "../../accounts/roles.js";
import { endAllSessions, endSession } from "../../accounts/sessions.js";
import { listPersonChoices } from "../../content/choices.js";
import { AppError } from "../../errors.js";
import { LANGUAGES } from "../../i18n/languages.js";
import type { AdminEnv } from "./env.js";
import { many, readForm } from "./forms.js";
import { clearSessionCookie, requirePermission } from "./guard.js";
import { AdminPage, adminHtml, CsrfField, ErrorNote, Notice } from "./layout.js";

const passwordForm = z.object({
  current: z.string().max(1000),
  next: z.string().max(1000),
  confirm: z.string().max(1000),
});

const inviteForm = z.object({
  email: z.string().max(300),
  role: z.string().max(40),
  languages: z.unknown().optional(),
});

const accessForm = z.object({
  name: z.string().max(200).optional(),
  role: z.string().max(40),
  languages: z.unknown().optional(),
  persons: z.unknown().optional(),
  disabled: z.literal("on").optional(),
});

const auditQuery = z.object({
  before: z.coerce.number().int().positive().optional(),
  account: z.coerce.number().int().positive().optional(),
});

const DONE = {
  password: "Your password has been changed.",
  saved: "Saved.",
  everywhere: "Every other session of yours has ended.",
};

export function accountRoutes(admin: Hono<AdminEnv>): void {
  admin.get("/account", showAccount);
  admin.get("/account/password", (c) => showPassword(c));
  admin.post("/account/password", savePassword);
  admin.post("/logout", logOut);
  admin.post("/logout-everywhere", logOutEverywhere);
  admin.get("/accounts", requirePermission("accounts"), (c) => showAccounts(c));
  admin.post("/accounts/invite", requirePermission("accounts"), invite);
  admin.get("/accounts/:id{[0-9]{1,9}}", requirePermission("accounts"), (c) => showAccountAccess(c));
  admin.post("/accounts/:id{[0-9]{1,9}}", requirePermission("accounts"), saveAccountAccess);
  admin.get("/audit", requirePermission("accounts"), showAudit);
}

async function showAccount(c: Context<AdminEnv>) {
  const account = c.var.account;
  const persons = (await listPersonChoices(c.var.store)).filter((p) => account.personIds.includes(p.id));
  return adminHtml(
    c,
    <AdminPage c={c} title="Your account" section="account">
      <h1>Your account</h1>
      <Notice c={c} messages={DONE} />
      <dl class="facts">
        <dt>E-mail</dt>
        <dd>{account.email}</dd>
        <dt>Role</dt>
        <dd>{account.role}</dd>
        {account.role === "translator" && (
          <>
            <dt>Languages</dt>
            <dd>{account.languages.join(", ")}</dd>
          </>
        )}
        <dt>You write as</dt>
        <dd>{persons.length ? persons.map((p) => p.label).join(", ") : "no byline yet: ask an admin"}</dd>
      </dl>
      <p class="private-note">
        Which account stands behind a byline is private: it appears on no public page, feed, API or export.
      </p>
      <p>
        <a href="/admin/account/password">Change your password</a>
      </p>
      <form method="post" action="/admin/logout-everywhere">
        <CsrfField c={c} />
        <button type="submit">Log out everywhere</button>
      </form>
    </AdminPage>,
  );
}

function showPassword(c: Context<AdminEnv>, error?: string, status: 200 | 400 = 200) {
  const forced = c.var.account.mustChangePassword;
  return adminHtml(
    c,
    <AdminPage c={c} title="Change your password" section="account">
      <h1>Change your password</h1>
      {forced && <p class="notice">You logged in with a one-time password: choose your own to go on.</p>}
      <ErrorNote message={error} />
      <form method="post" action="/admin/account/password" class="stacked">
        <CsrfField c={c} />
        <label for="current">Current password</label>
        <input id="current" name="current" type="password" required autocomplete="current-password" />
        <label for="next">New password (at least {MIN_PASSWORD} characters, not a common one)</label>
        <input
          id="next"
          name="next"
          type="password"
          required
          minlength={MIN_PASSWORD}
          autocomplete="new-password"
        />
        <label for="confirm">New password again</label>
        <input id="confirm" name="confirm" type="password" required autocomplete="new-password" />
        <button type="submit">Change password</button>
      </form>
    </AdminPage>,
    status,
  );
}

async function savePassword(c: Context<AdminEnv>) {
  const form = await readForm(c, passwordForm);
  if (form.next !== form.confirm) return showPassword(c, "the two new passwords differ", 400);
  try {
    await changePassword(c.var.store, c.var.account, { current: form.current, next: form.next });
  } catch (error) {
    if (error instanceof AppError && error.code === "invalid") return showPassword(c, error.message, 400);
    throw error;
  }
  return c.redirect("/admin/account?done=password", 303);
}

async function logOut(c: Context<AdminEnv>) {
  await endSession(c.var.store, c.var.sessionId);
  clearSessionCookie(c);
  return c.redirect("/admin/login", 303);
}

async function logOutEverywhere(c: Context<AdminEnv>) {
  await endAllSessions(c.var.store, c.var.account.id);
  clearSessionCookie(c);
  return c.redirect("/admin/login", 303);
}

async function showAccounts(c: Context<AdminEnv>, invited?: { link: string; email: string }, error?: string) {
  const [accounts, invitations] = await Promise.all([
    listAccounts(c.var.store),
    listOpenInvitations(c.var.store),
  ]);
  return adminHtml(
    c,
    <AdminPage c={c} title="Accounts" section="accounts">
      <h1>Accounts</h1>
      <Notice c={c} messages={DONE} />
      {invited && (
        <div class="notice" role="status">
          <p>Send this link to {invited.email}. It works once, for seven days, and is not shown again:</p>
          <p>
            <input class="copyable" readonly value={invited.link} aria-label="Invitation link" />
          </p>
        </div>
      )}
      <table class="listing">
        <thead>
          <tr>
            <th scope="col">E-mail</th>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
            <th scope="col">State</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((a) => (
            <tr>
              <td>
                <a href={`/admin/accounts/${a.id}`}>{a.email}</a>
              </td>
              <td>{a.name}</td>
              <td>
                {a.role}
                {a.role === "translator" && ` (${a.languages.join(", ")})`}
              </td>
              <td>{a.disabled ? "disabled" : a.mustChangePassword ? "one-time password" : "active"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Invite someone</h2>
      <ErrorNote message={error} />
      <form method="post" action="/admin/accounts/invite" class="stacked">
        <CsrfField c={c} />
        <label for="invite-email">E-mail</label>
        <input id="invite-email" name="email" type="email" required />
        <label for="invite-role">Role</label>
        <select id="invite-role" name="role">
          {ROLES.map((r) => (
            <option value={r}>{r}</option>
          ))}
        </select>
        <fieldset>
          <legend>Languages (translators only)</legend>
          <LanguageChoices chosen={[]} />
        </fieldset>
        <button type="submit">Create invitation link</button>
      </form>
      {invitations.length > 0 && (
        <>
          <h2>Open invitations</h2>
          <ul>
            {invitations.map((i) => (
              <li>
                {i.email} as {i.role}, until {i.expiresAt.slice(0, 10)}
              </li>
            ))}
          </ul>
        </>
      )}
    </AdminPage>,
    error ? 400 : 200,
  );
}

async function invite(c: Context<AdminEnv>) {
  const form = await readForm(c, inviteForm);
  try {
    const { token, invitation } = await inviteAccount(c.var.store, c.var.account, {
      email: form.email,
      role: form.role,
      languages: many(form.languages),
    });
    return showAccounts(c, { link: `${c.var.origin}/admin/invitations/${token}`, email: invitation.email });
  } catch (error) {
    if (error instanceof AppError && error.code === "invalid")
      return showAccounts(c, undefined, error.message);
    throw error;
  }
}

async function showAccountAccess(c: Context<AdminEnv>, error?: string) {
  const account = await getAccount(c.var.store, Number(c.req.param("id")));
  const persons = await listPersonChoices(c.var.store);
  return adminHtml(
    c,
    <AdminPage c={c} title={account.email} section="accounts">
      <h1>{account.email}</h1>
      <Notice c={c} messages={DONE} />
      <ErrorNote message={error} />
      <form method="post" class="stacked">
        <CsrfField c={c} />
        <label for="name">Name (seen by colleagues only)</label>
        <input id="name" name="name" value={account.name} maxlength={200} />
        <label for="role">Role</label>
        <select id="role" name="role">
          {ROLES.map((r) => (
            <option value={r} selected={r === account.role}>
              {r}
            </option>
          ))}
        </select>
        <fieldset>
          <legend>Languages (translators only)</legend>
          <LanguageChoices chosen={account.languages} />
        </fieldset>
        <label for="persons">Writes as (private: never shown publicly)</label>
        <select id="persons" name="persons" multiple size={8}>
          {persons.map((p) => (
            <option value={String(p.id)} selected={account.personIds.includes(p.id)}>
              {p.label}
            </option>
          ))}
        </select>
        <label class="inline">
          <input type="checkbox" name="disabled" checked={account.disabled} /> Disabled (cannot log in; every
          session ends)
        </label>
        <button type="submit">Save</button>
      </form>
      <p>
        <a href={`/admin/audit?account=${account.id}`}>What this account did</a>
      </p>
    </AdminPage>,
    error ? 400 : 200,
  );
}

async function saveAccountAccess(c: Context<AdminEnv>) {
  const id = Number(c.req.param("id"));
  const form = await readForm(c, accessForm);
  try {
    await updateAccountAccess(c.var.store, c.var.account, id, {
      name: form.name,
      role: form.role,
      languages: many(form.languages),
      personIds: many(form.persons).map(Number).filter(Number.isInteger),
      disabled: form.disabled === "on",
    });
  } catch (error) {
    if (error instanceof AppError && (error.code === "invalid" || error.code === "forbidden")) {
      return showAccountAccess(c, error.message);
    }
    throw error;
  }
  return c.redirect(`/admin/accounts/${id}?done=saved`, 303);
}

async function showAudit(c: Context<AdminEnv>) {
  const query = auditQuery.safeParse(c.req.query());
  const filter = query.success ? query.data : {};
  const events = await readAuditLog(c.var.store, {
    beforeId: filter.before,
    accountId: filter.account,
    limit: 50,
  });
  const last = events.at(-1);
  return adminHtml(
    c,
    <AdminPage c={c} title="Audit log" section="audit">
      <h1>Audit log</h1>
      <table class="listing">
        <thead>
          <tr>
            <th scope="col">When (UTC)</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">On</th>
            <th scope="col">Detail</th>
            <th scope="col">From</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr>
              <td>
                <time datetime={e.at}>{e.at.slice(0, 19).replace("T", " ")}</time>
              </td>
              <td>{e.actor || "—"}</td>
              <td>{e.action}</td>
              <td>{e.subject}</td>
              <td class="detail">{e.detail}</td>
              <td>{e.address}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {events.length === 50 && last && (
        <p>
          <a href={`/admin/audit?before=${last.id}${filter.account ? `&account=${filter.account}` : ""}`}>
            Older
          </a>
        </p>
      )}
    </AdminPage>,
  );
}

function LanguageChoices(props: { chosen: readonly string[] }) {
  return (
    <div class="choices">
      {LANGUAGES.map((l) => (
        <label class="inline">
          <input type="checkbox" name="languages" value={l.code} checked={props.chosen.includes(l.code)} />{" "}
          {l.name}
        </label>
      ))}
    </div>
  );
}
