import { expect, it } from "vitest";
import { createAccount } from "../accounts/accounts.js";
import { readAuditLog } from "../accounts/audit.js";
import { getArticle } from "../content/articles.js";
import { TooManyError, UnavailableError } from "../errors.js";
import { updateAccount } from "../storage/accounts.js";
import { ownerOf } from "../storage/article-owners.js";
import { findContactMessage, listInboxReaderEmails, readOrCreateSetting } from "../storage/contact.js";
import type { Store } from "../storage/store.js";
import { describeEachStore } from "../storage/test-stores.js";
import { loginAs } from "../test-support/admin.js";
import { checkFormToken, issueFormToken } from "./form-token.js";
import {
  answerContactMessage,
  archiveContactMessage,
  flagContactMessage,
  getContactMessage,
  listInbox,
  markContactMessageAnswered,
  openContactMessage,
} from "./inbox.js";
import { plainTextAsMarkdown, turnIntoLetterArticle } from "./letter-article.js";
import { DEFAULT_CONTACT_SETTINGS, type Submission, submitContactMessage } from "./messages.js";

const ISSUED = new Date("2026-03-01T10:00:00Z");
const LATER = new Date(ISSUED.getTime() + 10_000);

async function letter(store: Store, fields: Partial<Submission> = {}, now = LATER, address = "192.0.2.1") {
  const submission: Submission = {
    language: "en",
    token: await issueFormToken(store, ISSUED),
    honeypot: "",
    name: "Ada Reader",
    email: "ada@example.org",
    subject: "On your last editorial",
    body: "I disagree, and here is why.",
    ...fields,
  };
  const result = await submitContactMessage(store, submission, {
    address,
    settings: DEFAULT_CONTACT_SETTINGS,
    now,
  });
  return { submission, result };
}

async function stored(store: Store, fields: Partial<Submission> = {}, address?: string): Promise<number> {
  const { result } = await letter(store, fields, LATER, address);
  if (result.outcome !== "stored") throw new Error(`not stored: ${JSON.stringify(result)}`);
  return result.id;
}

async function count(store: Store): Promise<number> {
  const row = await store.db
    .selectFrom("contact_messages")
    .select((eb) => eb.fn.countAll().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const HOSTILE = [
  "<script>alert('x')</script>",
  "<img src=x onerror=alert(1)>",
  "**bold** _em_ `code` [link](javascript:alert(1)) ![img](x.png)",
  "# Heading\n\n> quote\n\n- item\n1. item\n\n    indented code",
  "A footnote[^1] and a citation [@key, p. 3] and @bare.\n\n[^1]: note",
  "| a | b |\n|---|---|\n| c | d |",
  "&amp; &lt;b&gt; &#x3C;script&#x3E; \\*not\\* ends with a backslash \\",
  "Dear editors,\nline two\n  indented line\n\n\n\nYours,\nAda",
  "<!-- comment --> <style>body{}</style> <a href=x>y</a>",
];

describeEachStore("readers' letters", (store) => {
  it("stores a letter as new, with its fields cleaned", async () => {
    const { result } = await letter(store(), {
      name: "  Ada Reader ",
      body: "First line\r\nsecond line\u0000\u0007\twith a tab\r\n",
    });
    expect(result.outcome).toBe("stored");
    const message = await getContactMessage(store(), (result as { id: number }).id);
    expect(message).toMatchObject({
      language: "en",
      name: "Ada Reader",
      email: "ada@example.org",
      subject: "On your last editorial",
      body: "First line\nsecond line\twith a tab",
      status: "new",
      flagged: false,
      answeredAt: null,
      letterArticleId: null,
    });
  });

  it("stores one letter for one token, however often and however concurrently it is sent", async () => {
    const token = await issueFormToken(store(), ISSUED);
    const sends = await Promise.all(Array.from({ length: 6 }, () => letter(store(), { token })));
    const outcomes = sends.map((s) => s.result.outcome).sort();
    expect(outcomes.filter((o) => o === "stored")).toHaveLength(1);
    expect(outcomes.filter((o) => o === "duplicate")).toHaveLength(5);
    const ids = new Set(sends.map((s) => ("id" in s.result ? s.result.id : 0)));
    expect(ids.size).toBe(1);
    // Even a day later, a retry of a stored letter is answered as received, not as an expired form.
    const late = await letter(store(), { token }, new Date(ISSUED.getTime() + 3 * 86_400_000));
    expect(late.result.outcome).toBe("duplicate");
    expect(await count(store())).toBe(1);
  });

  it("refuses a form sent back too fast, too late, forged or tampered with, storing nothing", async () => {
    const s = store();
    const fast = await letter(s, {}, new Date(ISSUED.getTime() + 1000));
    expect(fast.result).toMatchObject({ outcome: "refused", token: "too_fast", problems: {} });
    const late = await letter(s, {}, new Date(ISSUED.getTime() + 25 * 3600_000));
    expect(late.result).toMatchObject({ outcome: "refused", token: "expired" });
    const good = await issueFormToken(s, ISSUED);
    const [v, issued, nonce, signature] = good.split(".");
    const earlier = (ISSUED.getTime() - 60_000).toString(36);
    for (const token of [
      "",
      "v1.x.y.z",
      `${v}.${earlier}.${nonce}.${signature}`,
      `${v}.${issued}.${nonce}x.${signature}`,
      `${v}.${issued}.${nonce}.${signature?.slice(1)}A`,
      "a".repeat(10_000),
    ]) {
      expect((await letter(s, { token })).result).toMatchObject({
        outcome: "refused",
        token: "token_invalid",
      });
    }
    expect(await count(s)).toBe(0);
    expect(await checkFormToken(s, good, DEFAULT_CONTACT_SETTINGS, LATER)).toBeUndefined();
  });

  it("quietly drops what fills in the honeypot", async () => {
    const { result } = await letter(store(), { honeypot: "http://spam.example" });
    expect(result).toEqual({ outcome: "discarded" });
    expect(await count(store())).toBe(0);
  });

  it("says what is wrong with each field, and stores nothing", async () => {
    const missing = await letter(store(), { name: " ", email: "", subject: "", body: " \n " });
    expect(missing.result).toEqual({
      outcome: "refused",
      problems: { name: "missing", email: "missing", subject: "missing", body: "missing" },
    });
    const long = await letter(store(), {
      name: "n".repeat(201),
      email: `${"e".repeat(250)}@x.org`,
      subject: "s".repeat(301),
      body: "b".repeat(20_001),
    });
    expect(long.result).toMatchObject({
      problems: { name: "too_long", email: "too_long", subject: "too_long", body: "too_long" },
    });
    const limits = await letter(store(), {
      name: "n".repeat(200),
      subject: "s".repeat(300),
      body: "b".repeat(20_000),
    });
    expect(limits.result.outcome).toBe("stored");
    expect(await count(store())).toBe(1);
  });

  it("refuses a name, subject or address that could forge a mail header", async () => {
    const s = store();
    for (const fields of [
      { subject: "Hello\r\nBcc: victim@example.org" },
      { subject: "Hello\nX-Injected: yes" },
      { name: "Ada\rBcc: victim@example.org" },
      { subject: "tab\there" },
      { email: "ada@example.org\r\nBcc: victim@example.org" },
      { email: "ada@example.org\nbcc:victim@example.org" },
      { email: "ada@example.org, victim@example.org" },
      { email: "Ada <ada@example.org>" },
      { email: "ada@example.org%0ABcc:victim@example.org" },
      { email: "not an address" },
    ]) {
      const { result } = await letter(s, fields);
      expect(result.outcome, JSON.stringify(fields)).toBe("refused");
    }
    expect(await count(s)).toBe(0);
  });

  it("keeps HTML and script as the plain text they were sent as", async () => {
    const id = await stored(store(), {
      subject: "<b>Bold</b> <script>x</script>",
      body: HOSTILE.join("\n\n"),
    });
    const message = await getContactMessage(store(), id);
    expect(message.subject).toBe("<b>Bold</b> <script>x</script>");
    expect(message.body).toBe(HOSTILE.join("\n\n").trim());
  });

  it("limits letters per client address, and a retry of a stored letter is not counted", async () => {
    const s = store();
    const { max } = DEFAULT_CONTACT_SETTINGS.limit;
    const first = await letter(s);
    for (let i = 1; i < max; i++) await stored(s);
    await expect(letter(s)).rejects.toBeInstanceOf(TooManyError);
    await expect(letter(s, { honeypot: "x" })).rejects.toBeInstanceOf(TooManyError);
    // The same letter sent again still reads as received, and another address is not held up.
    const again = await letter(s, { token: first.submission.token });
    expect(again.result.outcome).toBe("duplicate");
    await stored(s, {}, "198.51.100.7");
    expect(await count(s)).toBe(max + 1);
  });

  it("creates the signing secret once, even when asked for it at the same moment", async () => {
    const values = await Promise.all(
      Array.from({ length: 8 }, (_, i) => readOrCreateSetting(store(), "race_test", () => `value-${i}`)),
    );
    expect(new Set(values).size).toBe(1);
  });
});

describeEachStore("the inbox", (store) => {
  async function editor() {
    const me = await loginAs(store(), "editor");
    return { actor: me.account, address: "203.0.113.9" };
  }

  it("lists letters by status, newest first, a page at a time", async () => {
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) ids.push(await stored(store(), { subject: `Letter ${i}` }, `192.0.2.${i}`));
    const first = await listInbox(store(), "new", undefined, 2);
    expect(first.messages.map((m) => m.id)).toEqual([ids[4], ids[3]]);
    expect(first.counts).toEqual({ new: 5, read: 0, answered: 0, archived: 0 });
    const second = await listInbox(store(), "new", first.nextBefore, 2);
    expect(second.messages.map((m) => m.id)).toEqual([ids[2], ids[1]]);
    const last = await listInbox(store(), "new", second.nextBefore, 2);
    expect(last.messages.map((m) => m.id)).toEqual([ids[0]]);
    expect(last.nextBefore).toBeUndefined();
    expect((await listInbox(store(), "read")).messages).toEqual([]);
  });

  it("marks a letter read when it is first opened, and records who did", async () => {
    const id = await stored(store());
    const acting = await editor();
    expect((await openContactMessage(store(), id, acting)).status).toBe("read");
    expect((await openContactMessage(store(), id, acting)).status).toBe("read");
    const events = (await readAuditLog(store(), {})).filter((e) => e.action === "contact.read");
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      subject: `letter ${id}`,
      actor: acting.actor.email,
      address: "203.0.113.9",
    });
    await expect(openContactMessage(store(), id + 100, acting)).rejects.toMatchObject({ code: "not_found" });
  });

  it("marks, archives and brings back a letter to where it was", async () => {
    const id = await stored(store());
    const acting = await editor();
    await flagContactMessage(store(), id, true, acting);
    expect((await getContactMessage(store(), id)).flagged).toBe(true);
    await flagContactMessage(store(), id, false, acting);
    expect((await getContactMessage(store(), id)).flagged).toBe(false);
    await archiveContactMessage(store(), id, true, acting);
    expect((await getContactMessage(store(), id)).status).toBe("archived");
    await archiveContactMessage(store(), id, false, acting);
    expect((await getContactMessage(store(), id)).status).toBe("read");
    await markContactMessageAnswered(store(), id, acting, LATER);
    await archiveContactMessage(store(), id, true, acting);
    await archiveContactMessage(store(), id, false, acting);
    const message = await getContactMessage(store(), id);
    expect(message).toMatchObject({
      status: "answered",
      answeredAt: LATER.toISOString(),
      answeredBy: acting.actor.id,
    });
    const actions = (await readAuditLog(store(), {}))
      .map((e) => e.action)
      .filter((a) => a.startsWith("contact."))
      .reverse();
    expect(actions).toEqual([
      "contact.flag",
      "contact.unflag",
      "contact.archive",
      "contact.unarchive",
      "contact.answered_elsewhere",
      "contact.archive",
      "contact.unarchive",
    ]);
  });

  it("will not pretend to answer by e-mail without a mail server", async () => {
    const id = await stored(store());
    await expect(
      answerContactMessage(store(), undefined, id, { subject: "Re", body: "Thanks" }, await editor()),
    ).rejects.toBeInstanceOf(UnavailableError);
    expect((await getContactMessage(store(), id)).answeredAt).toBeNull();
  });

  it("turns a letter into a draft letter whose text is exactly what the reader wrote", async () => {
    const body = HOSTILE.join("\n\n");
    const id = await stored(store(), { subject: "A <b>reader</b> writes", body, language: "de" });
    const acting = await editor();
    const articleId = await turnIntoLetterArticle(store(), id, acting);
    const article = await getArticle(store(), articleId);
    expect(article).toMatchObject({
      kind: "letter",
      language: "de",
      status: "draft",
      title: "A <b>reader</b> writes",
    });
    expect(article.html).not.toMatch(
      /<(script|img|a|strong|em|code|h1|blockquote|ul|ol|table|pre|sup|style)\b/,
    );
    expect(normalise(article.text)).toBe(normalise(body));
    expect(await ownerOf(store(), articleId)).toBe(acting.actor.id);
    expect((await findContactMessage(store(), id))?.letterArticleId).toBe(articleId);
    expect(await turnIntoLetterArticle(store(), id, acting)).toBe(articleId);
    const events = (await readAuditLog(store(), {})).filter((e) => e.action === "contact.to_letter");
    expect(events).toHaveLength(1);
  });

  it("tells the editors and admins who may still log in", async () => {
    await loginAs(store(), "writer", { email: "writer@example.org" });
    await loginAs(store(), "translator", { email: "translator@example.org" });
    await loginAs(store(), "editor", { email: "editor@example.org" });
    await loginAs(store(), "admin", { email: "admin@example.org" });
    const { account } = await createAccount(store(), { email: "gone@example.org", role: "editor" });
    await updateAccount(store(), account.id, { disabledAt: LATER.toISOString() });
    expect((await listInboxReaderEmails(store())).sort()).toEqual([
      "admin@example.org",
      "editor@example.org",
    ]);
  });
});

it("writes plain text as Markdown that keeps each paragraph and line", () => {
  expect(plainTextAsMarkdown("Dear editors,\nI *object*.\n\n\n  Yours, <Ada>")).toBe(
    "Dear editors\\,\\\nI \\*object\\*\\.\n\nYours\\, \\<Ada\\>",
  );
});

/** The text as a reader sees it, blank space aside: what the rendered page says. */
function normalise(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
