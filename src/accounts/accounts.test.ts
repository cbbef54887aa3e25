import { expect, it } from "vitest";
import { describeEachStore } from "../storage/test-stores.js";
import {
  acceptInvitation,
  authenticate,
  changePassword,
  createAccount,
  findInvitation,
  inviteAccount,
  LOGIN_LIMITS,
  updateAccountAccess,
} from "./accounts.js";
import { readAuditLog } from "./audit.js";
import { checkNewPassword, hashPassword } from "./passwords.js";
import { endAllSessions, findLiveSession, startSession } from "./sessions.js";

const address = "192.0.2.7";

describeEachStore("accounts", (store) => {
  it("creates an account with a one-time password it must change, hashed with argon2id", async () => {
    const { account, password } = await createAccount(store(), { email: " Ed@Example.ORG ", role: "editor" });
    expect(account.email).toBe("ed@example.org");
    expect(account.mustChangePassword).toBe(true);
    expect(password).toMatch(/^[A-Za-z0-9]{20}$/);
    const row = await store().db.selectFrom("accounts").select("password_hash").executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(row.password_hash).not.toContain(password);
    const again = await authenticate(store(), { email: "ED@example.org", password, address });
    expect(again.id).toBe(account.id);
  });

  it("refuses a second account for the same address, a bad address, an unknown role", async () => {
    await createAccount(store(), { email: "a@example.org", role: "writer" });
    await expect(createAccount(store(), { email: "A@example.org", role: "writer" })).rejects.toThrow(
      /exists already/,
    );
    await expect(createAccount(store(), { email: "a@b", role: "writer" })).rejects.toThrow(/not an e-mail/);
    await expect(
      createAccount(store(), { email: "x@example.org\r\nBcc: y@example.org", role: "writer" }),
    ).rejects.toThrow(/not an e-mail/);
    await expect(createAccount(store(), { email: "r@example.org", role: "root" })).rejects.toThrow(
      /not a role/,
    );
    await expect(createAccount(store(), { email: "t@example.org", role: "translator" })).rejects.toThrow(
      /language/,
    );
  });

  it("says the same for an unknown e-mail and a wrong password, and records the failure", async () => {
    const { password } = await createAccount(store(), { email: "w@example.org", role: "writer" });
    const wrong = authenticate(store(), { email: "w@example.org", password: `${password}x`, address });
    await expect(wrong).rejects.toThrow("the e-mail address or the password is wrong");
    const unknown = authenticate(store(), { email: "nobody@example.org", password, address });
    await expect(unknown).rejects.toThrow("the e-mail address or the password is wrong");
    const log = await readAuditLog(store(), {});
    expect(log.filter((e) => e.action === "login.failed")).toHaveLength(2);
  });

  it("stops guessing at one account after the limit, even with the right password, until the window ends", async () => {
    const { password } = await createAccount(store(), { email: "g@example.org", role: "writer" });
    const now = new Date("2026-03-01T10:00:00Z");
    for (let i = 0; i < LOGIN_LIMITS.account.max; i++) {
      await expect(
        authenticate(store(), { email: "g@example.org", password: "guess", address: `198.51.100.${i}` }, now),
      ).rejects.toThrow(/wrong/);
    }
    await expect(
      authenticate(store(), { email: "g@example.org", password, address: "203.0.113.1" }, now),
    ).rejects.toThrow(/too many/);
    const later = new Date("2026-03-01T10:16:00Z");
    await expect(
      authenticate(store(), { email: "g@example.org", password, address: "203.0.113.1" }, later),
    ).resolves.toMatchObject({ email: "g@example.org" });
  });

  it("stops one address guessing at many accounts", async () => {
    const now = new Date("2026-03-01T10:00:00Z");
    for (let i = 0; i < LOGIN_LIMITS.address.max; i++) {
      await expect(
        authenticate(store(), { email: `u${i}@example.org`, password: "guess", address }, now),
      ).rejects.toThrow(/wrong/);
    }
    await expect(
      authenticate(store(), { email: "u0@example.org", password: "x", address }, now),
    ).rejects.toThrow(/too many/);
  });

  it("refuses short, common and e-mail-like new passwords", async () => {
    expect(() => checkNewPassword("short")).toThrow(/too short/);
    expect(() => checkNewPassword("password123")).toThrow(/common passwords/);
    expect(() => checkNewPassword("QWERTYUIOP")).toThrow(/common passwords/);
    expect(() => checkNewPassword("lee.writer@example.org", "lee.writer@example.org")).toThrow(/e-mail/);
    expect(() => checkNewPassword("x".repeat(300))).toThrow(/longer/);
    expect(() => checkNewPassword("a long walk on the quay")).not.toThrow();
    const { account, password } = await createAccount(store(), { email: "p@example.org", role: "writer" });
    await expect(changePassword(store(), account, { current: password, next: "letmein123" })).rejects.toThrow(
      /common/,
    );
    await expect(
      changePassword(store(), account, { current: "wrong", next: "a long walk on the quay" }),
    ).rejects.toThrow(/current password/);
    await changePassword(store(), account, { current: password, next: "a long walk on the quay" });
    const after = await authenticate(store(), {
      email: "p@example.org",
      password: "a long walk on the quay",
      address,
    });
    expect(after.mustChangePassword).toBe(false);
  });

  it("never matches a hash that is not argon2id", async () => {
    const { account } = await createAccount(store(), { email: "h@example.org", role: "writer" });
    await store()
      .db.updateTable("accounts")
      .set({ password_hash: "plain" })
      .where("id", "=", account.id)
      .execute();
    await expect(
      authenticate(store(), { email: "h@example.org", password: "plain", address }),
    ).rejects.toThrow(/wrong/);
    expect(await hashPassword("x")).toMatch(/^\$argon2id\$/);
  });

  it("ends sessions: one at log-out, all at log-out everywhere, and every one of a disabled account", async () => {
    const { account: admin } = await createAccount(store(), { email: "root@example.org", role: "admin" });
    const { account } = await createAccount(store(), { email: "s@example.org", role: "writer" });
    const first = await startSession(store(), account.id, "a");
    const second = await startSession(store(), account.id, "b");
    expect(first.token).not.toBe(second.token);
    expect(first.session.csrfToken).not.toBe(second.session.csrfToken);
    expect(await findLiveSession(store(), first.token)).toBeDefined();
    expect(await endAllSessions(store(), account.id)).toBe(2);
    expect(await findLiveSession(store(), first.token)).toBeUndefined();
    expect(await findLiveSession(store(), second.token)).toBeUndefined();
    const third = await startSession(store(), account.id, "c");
    await updateAccountAccess(store(), admin, account.id, { disabled: true });
    expect(await findLiveSession(store(), third.token)).toBeUndefined();
    const stored = await store().db.selectFrom("sessions").select("id").execute();
    expect(stored.map((s) => s.id)).not.toContain(third.token);
  });

  it("expires an idle session and refuses malformed tokens", async () => {
    const { account } = await createAccount(store(), { email: "i@example.org", role: "writer" });
    const start = new Date("2026-03-01T10:00:00Z");
    const { token } = await startSession(store(), account.id, "x", start);
    expect(await findLiveSession(store(), token, new Date("2026-03-05T10:00:00Z"))).toBeDefined();
    expect(await findLiveSession(store(), token, new Date("2026-03-20T10:00:00Z"))).toBeUndefined();
    for (const bad of ["", "x", "' or 1=1 --", "a".repeat(5000), `${token}\u0000`]) {
      expect(await findLiveSession(store(), bad)).toBeUndefined();
    }
  });

  it("invites by a link that works once, for seven days", async () => {
    const { account: admin } = await createAccount(store(), { email: "boss@example.org", role: "admin" });
    const now = new Date("2026-03-01T10:00:00Z");
    const { token, invitation } = await inviteAccount(
      store(),
      admin,
      { email: "tr@example.org", role: "translator", languages: ["de", "fr"] },
      now,
    );
    expect(invitation.expiresAt).toBe("2026-03-08T10:00:00.000Z");
    const stored = await store().db.selectFrom("invitations").select("token_hash").executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token);
    await expect(findInvitation(store(), token, new Date("2026-03-09T00:00:00Z"))).rejects.toThrow(/expired/);
    await expect(acceptInvitation(store(), token, { name: "T", password: "123456789" }, now)).rejects.toThrow(
      /common|short/,
    );
    const account = await acceptInvitation(
      store(),
      token,
      { name: "Tess", password: "rivers run to the sea" },
      now,
    );
    expect(account).toMatchObject({ role: "translator", languages: ["de", "fr"], mustChangePassword: false });
    await expect(
      acceptInvitation(store(), token, { name: "Again", password: "rivers run to the sea" }, now),
    ).rejects.toThrow(/used already/);
    await expect(findInvitation(store(), "not-a-token")).rejects.toThrow(/not valid/);
  });

  it("keeps an admin from removing their own access", async () => {
    const { account: admin } = await createAccount(store(), { email: "only@example.org", role: "admin" });
    await expect(updateAccountAccess(store(), admin, admin.id, { role: "writer" })).rejects.toThrow(
      /own admin/,
    );
    await expect(updateAccountAccess(store(), admin, admin.id, { disabled: true })).rejects.toThrow(
      /own admin/,
    );
    const log = await readAuditLog(store(), {});
    expect(log[0]?.action).toBe("account.create");
  });
});
