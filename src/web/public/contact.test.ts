import { Writable } from "node:stream";
import { pino } from "pino";
import { afterEach, beforeEach, expect, it } from "vitest";
import { issueFormToken } from "../../contact/form-token.js";
import type { ContactSettings } from "../../contact/messages.js";
import { addEdition } from "../../i18n/editions.js";
import { createLogger } from "../../log.js";
import { createMailer } from "../../mail/mailer.js";
import { decodedText, headerText, startTestSmtp, type TestSmtp } from "../../mail/test-smtp.js";
import type { Store } from "../../storage/store.js";
import { describeEachStore } from "../../storage/test-stores.js";
import { loginAs } from "../../test-support/admin.js";
import { type AppOptions, createApp } from "../app.js";

const FORM = { "content-type": "application/x-www-form-urlencoded" };
const LETTER = {
  name: "Ada Reader",
  email: "ada@example.org",
  subject: "On your last editorial",
  body: "I disagree, and here is why.",
};

/** A token issued long enough ago to pass the timing check. */
function settledToken(store: Store, secondsAgo = 10) {
  return issueFormToken(store, new Date(Date.now() - secondsAgo * 1000));
}

async function letters(store: Store) {
  return store.db.selectFrom("contact_messages").selectAll().orderBy("id").execute();
}

function tokenIn(html: string): string {
  return html.match(/name="token" value="([^"]*)"/)?.[1] ?? "";
}

describeEachStore("the contact page", (store) => {
  const app = (options: Partial<AppOptions> = {}) =>
    createApp({ store: store(), log: createLogger(), ...options });
  const post = async (fields: Record<string, string>, options: Partial<AppOptions> = {}) => {
    const body = new URLSearchParams({ website: "", ...LETTER, ...fields });
    if (!body.has("token")) body.set("token", await settledToken(store()));
    return app(options).request("http://127.0.0.1/en/contact", { method: "POST", headers: FORM, body });
  };

  it("shows a form in the edition's language, never cached, with a token of its own each time", async () => {
    await addEdition(store(), "de");
    const res = await app().request("http://127.0.0.1/de/contact");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const html = await res.text();
    expect(html).toContain('<html lang="de"');
    expect(html).toContain('<label for="contact-name">Ihr Name</label>');
    expect(html).toContain('<label for="contact-email">Ihre E-Mail-Adresse</label>');
    expect(html).toContain('<label for="contact-subject">Betreff</label>');
    expect(html).toContain('<label for="contact-body">Ihr Brief</label>');
    expect(html).toContain('action="/de/contact"');
    // The honeypot: out of sight by the site's visually-hidden rule, out of the tab order, never autofilled.
    expect(html).toMatch(
      /<p class="visually-hidden"><label for="contact-website">[^<]+<\/label><input id="contact-website" name="website" type="text" tabindex="-1" autocomplete="off" value=""\/><\/p>/,
    );
    const again = await (await app().request("http://127.0.0.1/de/contact")).text();
    expect(tokenIn(html)).not.toBe("");
    expect(tokenIn(again)).not.toBe(tokenIn(html));
    expect((await app().request("http://127.0.0.1/xx/contact")).status).toBe(404);
  });

  it("is linked from every page's footer", async () => {
    const html = await (await app().request("http://127.0.0.1/en/")).text();
    expect(html).toContain('<a href="/en/contact">Contact</a>');
  });

  it("stores the letter, then says it was received", async () => {
    const res = await post({});
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/en/contact?sent");
    const stored = await letters(store());
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ ...LETTER, language: "en", status: "new" });
    const page = await app().request("http://127.0.0.1/en/contact?sent");
    expect(page.headers.get("cache-control")).toBe("no-store");
    expect(await page.text()).toContain("Your letter has been received and stored");
  });

  it("stores a letter sent twice with the same token once, and says received both times", async () => {
    const token = await settledToken(store());
    const [first, second] = await Promise.all([post({ token }), post({ token })]);
    const third = await post({ token, body: "An edited retry" });
    for (const res of [first, second, third]) {
      expect(res?.status).toBe(303);
      expect(res?.headers.get("location")).toBe("/en/contact?sent");
    }
    const stored = await letters(store());
    expect(stored.map((l) => l.body)).toEqual([LETTER.body]);
  });

  it("answers a filled honeypot as if received, and stores nothing", async () => {
    const res = await post({ website: "https://spam.example/" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/en/contact?sent");
    expect(await letters(store())).toEqual([]);
  });

  it("refuses a form sent back within seconds, keeping the text and the token", async () => {
    const token = await issueFormToken(store());
    const res = await post({ token, body: "Typed <quickly>" });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("quicker than anyone can type");
    expect(html).toContain("Typed &lt;quickly&gt;</textarea>");
    expect(html).toContain(`value="${LETTER.subject}"`);
    expect(tokenIn(html)).toBe(token);
    expect(await letters(store())).toEqual([]);
  });

  it("refuses an expired or forged form, keeping the text under a new token", async () => {
    for (const [token, message] of [
      [await settledToken(store(), 2 * 86_400), "open for too long"],
      ["v1.forged.token.here", "could not be checked"],
      ["", "could not be checked"],
    ] as const) {
      const res = await post({ token, body: "Kept text" });
      expect(res.status).toBe(400);
      const html = await res.text();
      expect(html).toContain(message);
      expect(html).toContain("Kept text</textarea>");
      expect(tokenIn(html)).not.toBe(token);
      expect(tokenIn(html)).not.toBe("");
    }
    expect(await letters(store())).toEqual([]);
  });

  it("shows what is missing beside each field, and stores nothing", async () => {
    const res = await post({ name: "", email: "", subject: "", body: "" });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('role="alert"');
    for (const field of ["name", "email", "subject", "body"]) {
      expect(html).toContain(
        `<strong id="contact-${field}-error" class="contact-error">Please fill this in.</strong>`,
      );
      expect(html).toMatch(new RegExp(`id="contact-${field}"[^>]*aria-invalid="true"`));
      expect(html).toContain(`<a href="#contact-${field}">`);
    }
    const nothing = await app().request("http://127.0.0.1/en/contact", {
      method: "POST",
      headers: FORM,
      body: "",
    });
    expect(nothing.status).toBe(400);
    const json = await app().request("http://127.0.0.1/en/contact", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(LETTER),
    });
    expect(json.status).toBe(400);
    expect(await letters(store())).toEqual([]);
  });

  it("refuses newlines that would forge mail headers in the subject, name or address", async () => {
    for (const fields of [
      { subject: "Hello\r\nBcc: victim@example.org" },
      { name: "Ada\nBcc: victim@example.org" },
      { email: "ada@example.org\r\nBcc: victim@example.org" },
      { email: "ada@example.org,victim@example.org" },
    ] as Record<string, string>[]) {
      const res = await post(fields);
      expect(res.status, JSON.stringify(fields)).toBe(400);
      const html = await res.text();
      expect(html).toMatch(/Write this on one line|Give one e-mail address/);
    }
    expect(await letters(store())).toEqual([]);
  });

  it("refuses a letter over 20,000 characters with the text kept, and a 1 MB body unread", async () => {
    const long = await post({ body: "x".repeat(20_001) });
    expect(long.status).toBe(400);
    const html = await long.text();
    expect(html).toContain("This is longer than 20,000 characters.");
    expect(html).toContain(`${"x".repeat(20_001)}</textarea>`);
    const huge = await post({ body: "y".repeat(1024 * 1024) });
    expect(huge.status).toBe(413);
    expect(huge.headers.get("cache-control")).toBe("no-store");
    expect(await huge.text()).toContain("far too long");
    expect(await letters(store())).toEqual([]);
  });

  it("limits letters per client address with a 429 that keeps the text", async () => {
    const contact: Partial<ContactSettings> = { limit: { max: 2, windowSeconds: 600 } };
    expect((await post({}, { contact })).status).toBe(303);
    expect((await post({}, { contact })).status).toBe(303);
    const refused = await post({ body: "My third letter" }, { contact });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    const html = await refused.text();
    expect(html).toContain("Too many letters have come from your address");
    expect(html).toContain("My third letter</textarea>");
    expect(await letters(store())).toHaveLength(2);
  });

  it("keeps HTML and script as text and shows them escaped when the form comes back", async () => {
    const hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>";
    const res = await post({ subject: hostile, body: hostile, name: "" });
    const html = await res.text();
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    await post({ subject: hostile, body: hostile });
    expect((await letters(store()))[0]).toMatchObject({ subject: hostile, body: hostile });
  });
});

describeEachStore("mail about letters", (store) => {
  let smtp: TestSmtp;
  beforeEach(async () => {
    smtp = await startTestSmtp();
  });
  afterEach(async () => {
    await smtp.close();
  });

  async function send(options: Partial<AppOptions>, fields: Record<string, string> = {}) {
    const app = createApp({ store: store(), log: createLogger(), ...options });
    const body = new URLSearchParams({
      website: "",
      token: await settledToken(store()),
      ...LETTER,
      ...fields,
    });
    return app.request("http://127.0.0.1/en/contact", { method: "POST", headers: FORM, body });
  }

  it("tells every editor and admin by plain-text mail once the letter is stored", async () => {
    await loginAs(store(), "editor", { email: "editor@example.org" });
    await loginAs(store(), "admin", { email: "admin@example.org" });
    await loginAs(store(), "writer", { email: "writer@example.org" });
    const mailer = smtp.mailer("newsroom@example.org");
    const res = await send(
      { mailer, baseUrl: "https://news.example" },
      { subject: "Bcc: victim@example.org <script>", body: "Line one\nSubject: forged\n\n<b>bold</b>" },
    );
    expect(res.status).toBe(303);
    const [id] = (await letters(store())).map((l) => l.id);
    const mails = await smtp.waitFor(2);
    await mailer.idle();
    expect(mails.flatMap((m) => m.to).sort()).toEqual(["admin@example.org", "editor@example.org"]);
    for (const mail of mails) {
      expect(mail.from).toBe("newsroom@example.org");
      expect(mail.to).toHaveLength(1);
      expect(headerText(mail, "subject")).toBe("Letter from Ada Reader: Bcc: victim@example.org <script>");
      expect(headerText(mail, "reply-to")).toBe("ada@example.org");
      expect(mail.headers.has("bcc")).toBe(false);
      expect(mail.headers.get("subject")).toHaveLength(1);
      expect(mail.headers.get("content-type")?.[0]).toMatch(/^text\/plain/);
      const text = decodedText(mail);
      expect(text).toContain("From: Ada Reader <ada@example.org>");
      expect(text).toContain("Line one\nSubject: forged\n\n<b>bold</b>");
      expect(text).toContain(`https://news.example/admin/inbox/${id}`);
    }
  });

  it("never names the request's own host in a mail when no base URL is configured", async () => {
    await loginAs(store(), "editor");
    const mailer = smtp.mailer();
    const app = createApp({ store: store(), log: createLogger(), mailer });
    const body = new URLSearchParams({ website: "", token: await settledToken(store()), ...LETTER });
    await app.request("http://evil.example/en/contact", { method: "POST", headers: FORM, body });
    const [mail] = await smtp.waitFor(1);
    expect(mail && decodedText(mail)).toMatch(/inbox: \/admin\/inbox\/\d+/);
    expect(mail?.raw).not.toContain("evil.example");
  });

  it("sends nothing for a duplicate or a honeypot", async () => {
    await loginAs(store(), "editor");
    const mailer = smtp.mailer();
    const token = await settledToken(store());
    await send({ mailer }, { token });
    await send({ mailer }, { token });
    await send({ mailer }, { website: "filled" });
    await mailer.idle();
    expect(smtp.mails).toHaveLength(1);
  });

  it("stores the letter and says received even when the mail server is down, logging the failure", async () => {
    await loginAs(store(), "editor");
    const lines: string[] = [];
    const log = pino(
      { level: "error" },
      new Writable({
        write(chunk, _encoding, done) {
          lines.push(String(chunk));
          done();
        },
      }),
    );
    // A port nothing listens on: the test server's, once closed.
    const down = await startTestSmtp();
    await down.close();
    const mailer = createMailer({ url: down.url, from: "newsroom@example.org" });
    const res = await send({ mailer, log });
    expect(res.status).toBe(303);
    expect(await letters(store())).toHaveLength(1);
    await mailer.idle();
    mailer.close();
    expect(lines.join("")).toContain("could not tell an editor of a letter");
  });
});
