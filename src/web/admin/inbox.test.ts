import { afterEach, beforeEach, expect, it } from "vitest";
import { readAuditLog } from "../../accounts/audit.js";
import type { Role } from "../../accounts/roles.js";
import { issueFormToken } from "../../contact/form-token.js";
import { DEFAULT_CONTACT_SETTINGS, type Submission, submitContactMessage } from "../../contact/messages.js";
import { getArticle } from "../../content/articles.js";
import { createLogger } from "../../log.js";
import type { Mailer } from "../../mail/mailer.js";
import { decodedText, headerText, startTestSmtp, type TestSmtp } from "../../mail/test-smtp.js";
import { findContactMessage } from "../../storage/contact.js";
import type { Store } from "../../storage/store.js";
import { describeEachStore } from "../../storage/test-stores.js";
import { type LoggedIn, loginAs } from "../../test-support/admin.js";
import { createApp } from "../app.js";

const FORM = { "content-type": "application/x-www-form-urlencoded" };
const HOSTILE = "<script>alert('inbox')</script><img src=x onerror=alert('img')>";

let lettersSent = 0;
async function letter(store: Store, fields: Partial<Submission> = {}): Promise<number> {
  lettersSent += 1;
  const result = await submitContactMessage(
    store,
    {
      language: "en",
      token: await issueFormToken(store, new Date(Date.now() - 10_000)),
      honeypot: "",
      name: "Ada Reader",
      email: "ada@example.org",
      subject: "On your last editorial",
      body: "I disagree.\nStrongly.",
      ...fields,
    },
    { address: `192.0.2.${lettersSent % 250}`, settings: DEFAULT_CONTACT_SETTINGS },
  );
  if (result.outcome !== "stored") throw new Error("the letter was not stored");
  return result.id;
}

describeEachStore("the inbox pages", (store) => {
  let smtp: TestSmtp | undefined;
  let mailer: Mailer | undefined;
  beforeEach(() => {
    mailer = undefined;
  });
  afterEach(async () => {
    await smtp?.close();
    smtp = undefined;
  });
  const app = () => createApp({ store: store(), log: createLogger(), mailer });
  const get = (path: string, me?: LoggedIn) =>
    app().request(`http://127.0.0.1${path}`, { headers: me ? me.headers() : {} });
  const post = (path: string, me: LoggedIn, fields: Record<string, string> = {}, csrf = true) =>
    app().request(`http://127.0.0.1${path}`, {
      method: "POST",
      headers: { ...me.headers({ csrf: false }), ...FORM },
      body: me.form(fields, { csrf }),
    });

  it("lets editors and admins in, and keeps writers, translators and strangers out", async () => {
    const id = await letter(store());
    const paths = ["/admin/inbox", `/admin/inbox/${id}`];
    const actions: [string, Record<string, string>][] = [
      [`/admin/inbox/${id}/flag`, { flagged: "1" }],
      [`/admin/inbox/${id}/archive`, { archived: "1" }],
      [`/admin/inbox/${id}/answer`, { subject: "Re", body: "Thanks" }],
      [`/admin/inbox/${id}/answered`, {}],
      [`/admin/inbox/${id}/letter`, {}],
    ];
    for (const role of ["writer", "translator"] as Role[]) {
      const me = await loginAs(store(), role);
      for (const path of paths) expect((await get(path, me)).status, `${role} ${path}`).toBe(403);
      for (const [path, fields] of actions) {
        expect((await post(path, me, fields)).status, `${role} ${path}`).toBe(403);
      }
    }
    for (const path of paths) {
      const res = await get(path);
      expect(res.status).toBe(303);
      expect(res.headers.get("location")).toMatch(/^\/admin\/login\?next=/);
    }
    for (const [path] of actions) {
      const res = await app().request(`http://127.0.0.1${path}`, { method: "POST", headers: FORM, body: "" });
      expect(res.status).toBe(401);
    }
    const editor = await loginAs(store(), "editor");
    for (const [path, fields] of actions) {
      expect((await post(path, editor, fields, false)).status, `no CSRF ${path}`).toBe(403);
    }
    const message = await findContactMessage(store(), id);
    expect(message).toMatchObject({ status: "new", flagged: false, answeredAt: null, letterArticleId: null });
    for (const role of ["editor", "admin"] as Role[]) {
      const me = await loginAs(store(), role);
      expect((await get("/admin/inbox", me)).status).toBe(200);
    }
  });

  it("lists letters by status with counts, and pages by id", async () => {
    const editor = await loginAs(store(), "editor");
    const ids: number[] = [];
    for (let i = 0; i < 52; i++) ids.push(await letter(store(), { subject: `Letter number ${i}` }));
    const res = await get("/admin/inbox", editor);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const html = await res.text();
    expect(html).toContain("New (52)");
    expect(html).toContain("Letter number 51");
    expect(html).not.toContain("Letter number 1<");
    const older = html
      .match(/href="(\/admin\/inbox\?status=new&amp;before=\d+)"/)?.[1]
      ?.replace("&amp;", "&");
    expect(older).toBeDefined();
    const next = await (await get(older ?? "", editor)).text();
    expect(next).toContain("Letter number 1<");
    expect(next).toContain("Letter number 0<");
    expect(next).not.toContain("Letter number 2<");
    expect((await get("/admin/inbox?status=read", editor)).status).toBe(200);
    expect((await get("/admin/inbox?status=spam", editor)).status).toBe(400);
    expect((await get("/admin/inbox?before=-1", editor)).status).toBe(400);
    expect((await get("/admin/inbox/99999", editor)).status).toBe(404);
  });

  it("shows a hostile letter as text, escaped, in the list and when opened, and marks it read", async () => {
    const editor = await loginAs(store(), "editor");
    const id = await letter(store(), { subject: HOSTILE, name: HOSTILE, body: HOSTILE });
    for (const html of [
      await (await get("/admin/inbox", editor)).text(),
      await (await get(`/admin/inbox/${id}`, editor)).text(),
    ]) {
      expect(html).not.toContain("<script>alert");
      expect(html).not.toContain("<img src=x");
      expect(html).toContain("&lt;script&gt;alert(&#39;inbox&#39;)&lt;/script&gt;");
    }
    expect((await findContactMessage(store(), id))?.status).toBe("read");
    const list = await (await get("/admin/inbox", editor)).text();
    expect(list).toContain("New (0)");
    expect(list).toContain("Read (1)");
  });

  it("marks and archives a letter, and brings it back", async () => {
    const editor = await loginAs(store(), "editor");
    const id = await letter(store());
    const flagged = await post(`/admin/inbox/${id}/flag`, editor, { flagged: "1" });
    expect(flagged.status).toBe(303);
    expect(flagged.headers.get("location")).toBe(`/admin/inbox/${id}?done=flagged`);
    expect((await findContactMessage(store(), id))?.flagged).toBe(true);
    expect(await (await get(`/admin/inbox/${id}?done=flagged`, editor)).text()).toContain("Remove the mark");
    await post(`/admin/inbox/${id}/archive`, editor, { archived: "1" });
    expect((await findContactMessage(store(), id))?.status).toBe("archived");
    expect(await (await get("/admin/inbox?status=archived", editor)).text()).toContain("Archived (1)");
    await post(`/admin/inbox/${id}/archive`, editor, { archived: "0" });
    expect((await findContactMessage(store(), id))?.status).toBe("read");
    expect((await post(`/admin/inbox/${id}/flag`, editor, { flagged: "maybe" })).status).toBe(400);
    expect((await post(`/admin/inbox/${id}/archive`, editor, {})).status).toBe(400);
    expect((await post("/admin/inbox/99999/flag", editor, { flagged: "1" })).status).toBe(404);
    const actions = (await readAuditLog(store(), {}))
      .map((e) => e.action)
      .filter((a) => a.startsWith("contact."));
    expect(actions).toContain("contact.flag");
    expect(actions).toContain("contact.archive");
    expect(actions).toContain("contact.unarchive");
  });

  it("says plainly when there is no mail server, offers a mailto: link, and records an answer sent elsewhere", async () => {
    const editor = await loginAs(store(), "editor");
    const id = await letter(store(), { subject: "Hello & goodbye?", body: "Line\nBcc: x@example.org" });
    const html = await (await get(`/admin/inbox/${id}`, editor)).text();
    expect(html).toContain("No mail server is configured");
    const href = html.match(/href="(mailto:[^"]+)"/)?.[1]?.replaceAll("&amp;", "&") ?? "";
    const url = new URL(href);
    expect(decodeURIComponent(url.pathname)).toBe("ada@example.org");
    expect(url.searchParams.get("subject")).toBe("Re: Hello & goodbye?");
    expect(url.searchParams.get("body")).toContain("> Line\n> Bcc: x@example.org");
    expect([...url.searchParams.keys()]).toEqual(["subject", "body"]);
    expect((await post(`/admin/inbox/${id}/answer`, editor, { subject: "Re", body: "Hi" })).status).toBe(503);
    expect((await findContactMessage(store(), id))?.answeredAt).toBeNull();
    const marked = await post(`/admin/inbox/${id}/answered`, editor);
    expect(marked.status).toBe(303);
    expect(await findContactMessage(store(), id)).toMatchObject({
      status: "answered",
      answeredBy: editor.account.id,
    });
  });

  it("answers by e-mail through SMTP, one plain-text mail with no header smuggled in", async () => {
    smtp = await startTestSmtp();
    mailer = smtp.mailer("letters@example.org");
    const editor = await loginAs(store(), "editor");
    const id = await letter(store());
    const page = await (await get(`/admin/inbox/${id}`, editor)).text();
    expect(page).toContain("Sent by e-mail from letters@example.org to ada@example.org");
    const res = await post(`/admin/inbox/${id}/answer`, editor, {
      subject: "Re: your letter\r\nBcc: victim@example.org",
      body: "Thank you.\r\nBcc: victim@example.org\r\n\r\nThe editors",
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/admin/inbox/${id}?done=answered`);
    const [mail] = await smtp.waitFor(1);
    expect(mail?.from).toBe("letters@example.org");
    expect(mail?.to).toEqual(["ada@example.org"]);
    expect(mail && headerText(mail, "subject")).toBe("Re: your letter Bcc: victim@example.org");
    expect(mail?.headers.has("bcc")).toBe(false);
    expect(mail?.headers.get("content-type")?.[0]).toMatch(/^text\/plain/);
    expect(mail && decodedText(mail)).toBe("Thank you.\nBcc: victim@example.org\n\nThe editors\n");
    expect(await findContactMessage(store(), id)).toMatchObject({
      status: "answered",
      answeredBy: editor.account.id,
    });
    const audit = (await readAuditLog(store(), {})).find((e) => e.action === "contact.answer");
    expect(audit?.subject).toBe(`letter ${id}`);
  });

  it("keeps an answer that is too long or empty in the form, sending nothing", async () => {
    smtp = await startTestSmtp();
    mailer = smtp.mailer();
    const editor = await loginAs(store(), "editor");
    const id = await letter(store());
    const long = await post(`/admin/inbox/${id}/answer`, editor, { subject: "Re", body: "z".repeat(20_001) });
    expect(long.status).toBe(400);
    const html = await long.text();
    expect(html).toContain("body: at most 20,000 characters");
    expect(html).toContain(`${"z".repeat(20_001)}</textarea>`);
    expect((await post(`/admin/inbox/${id}/answer`, editor, { subject: " ", body: "Hi" })).status).toBe(400);
    expect((await post(`/admin/inbox/${id}/answer`, editor, { subject: "Re" })).status).toBe(400);
    await mailer.idle();
    expect(smtp.mails).toEqual([]);
    expect((await findContactMessage(store(), id))?.answeredAt).toBeNull();
  });

  it("turns a letter into a draft letter, once, and goes to its editor page", async () => {
    const editor = await loginAs(store(), "editor");
    const id = await letter(store(), { subject: "About <the> *war*", body: HOSTILE });
    const res = await post(`/admin/inbox/${id}/letter`, editor);
    expect(res.status).toBe(303);
    const location = res.headers.get("location") ?? "";
    expect(location).toMatch(/^\/admin\/articles\/\d+$/);
    const article = await getArticle(store(), Number(location.split("/").pop()));
    expect(article).toMatchObject({
      kind: "letter",
      status: "draft",
      language: "en",
      title: "About <the> *war*",
    });
    expect(article.html).not.toMatch(/<(script|img)\b/);
    expect(article.text.trim()).toBe(HOSTILE);
    const again = await post(`/admin/inbox/${id}/letter`, editor);
    expect(again.headers.get("location")).toBe(location);
    expect(await (await get(`/admin/inbox/${id}`, editor)).text()).toContain(`href="${location}"`);
  });
});
