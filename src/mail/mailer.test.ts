import { afterEach, beforeEach, expect, it } from "vitest";
import { loadConfig } from "../config.js";
import { headerLine, isSingleAddress } from "./address.js";
import { createMailer } from "./mailer.js";
import { decodedText, headerText, startTestSmtp, type TestSmtp } from "./test-smtp.js";

let smtp: TestSmtp;
beforeEach(async () => {
  smtp = await startTestSmtp();
});
afterEach(async () => {
  await smtp.close();
});

it("sends one plain-text mail with the headers it was given and no others", async () => {
  const mailer = smtp.mailer("desk@example.org");
  await mailer.send({
    to: "reader@example.org",
    replyTo: "editors@example.org",
    subject: "Über <your> letter\r\nBcc: victim@example.org",
    text: "Grüße.\nBcc: not a header\n",
  });
  const [mail] = await smtp.waitFor(1);
  expect(mail?.from).toBe("desk@example.org");
  expect(mail?.to).toEqual(["reader@example.org"]);
  expect(mail && headerText(mail, "subject")).toBe("Über <your> letter Bcc: victim@example.org");
  expect(mail && headerText(mail, "reply-to")).toBe("editors@example.org");
  expect(mail?.headers.has("bcc")).toBe(false);
  expect(mail?.headers.get("content-type")?.[0]).toMatch(/^text\/plain; charset=utf-8/);
  expect(mail && decodedText(mail)).toBe("Grüße.\nBcc: not a header\n");
});

it("refuses to send to anything but one plain address", async () => {
  const mailer = smtp.mailer();
  for (const to of [
    "a@example.org\r\nBcc: b@example.org",
    "a@example.org, b@example.org",
    "A <a@example.org>",
    "",
  ]) {
    await expect(mailer.send({ to, subject: "x", text: "x" })).rejects.toMatchObject({ code: "invalid" });
  }
  await expect(
    mailer.send({ to: "a@example.org", replyTo: "b@example.org\nX: y", subject: "x", text: "x" }),
  ).rejects.toMatchObject({ code: "invalid" });
  await mailer.idle();
  expect(smtp.mails).toEqual([]);
});

it("waits for work left running in the background, and hands its failures over", async () => {
  const mailer = smtp.mailer();
  const failures: unknown[] = [];
  mailer.inBackground(
    () => mailer.send({ to: "a@example.org", subject: "one", text: "1" }),
    (e) => failures.push(e),
  );
  mailer.inBackground(
    async () => {
      throw new Error("broken");
    },
    (e) => failures.push(e),
  );
  await mailer.idle();
  expect(smtp.mails).toHaveLength(1);
  expect(failures).toHaveLength(1);
});

it("is configured from BROADSIDE_SMTP_URL and BROADSIDE_MAIL_FROM, and refuses half a configuration", () => {
  expect(loadConfig({}, {}).mail).toBeUndefined();
  expect(
    loadConfig(
      {},
      { BROADSIDE_SMTP_URL: "smtp://u:p@mail.example:587", BROADSIDE_MAIL_FROM: "desk@example.org" },
    ).mail,
  ).toEqual({ url: "smtp://u:p@mail.example:587", from: "desk@example.org" });
  expect(() => loadConfig({}, { BROADSIDE_SMTP_URL: "smtp://mail.example" })).toThrow(/BROADSIDE_MAIL_FROM/);
  expect(() => createMailer({ url: "http://mail.example", from: "desk@example.org" })).toThrow(/smtp:\/\//);
  expect(() => createMailer({ url: "not a url", from: "desk@example.org" })).toThrow(/not a URL/);
  expect(() => createMailer({ url: "smtp://mail.example", from: "Desk <desk@example.org>" })).toThrow(
    /BROADSIDE_MAIL_FROM/,
  );
});

it("knows one address and one line when it sees them", () => {
  expect(isSingleAddress("a.b+c@example.co.uk")).toBe(true);
  for (const bad of ["a@b", "a b@example.org", "a@example.org\n", "<a@example.org>", "a@@example.org"]) {
    expect(isSingleAddress(bad), bad).toBe(false);
  }
  expect(headerLine(" one\r\ntwo\u2028three\u0000four  ")).toBe("one two three four");
  expect(headerLine("x".repeat(400))).toHaveLength(300);
});
