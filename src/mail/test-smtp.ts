// Test support: a real SMTP server on 127.0.0.1 (a free port) that keeps every mail it is given, with the
// headers read back as a mail program would read them.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { createMailer, type Mailer } from "./mailer.js";

export interface ReceivedMail {
  from: string;
  to: string[];
  /** Header names in lower case, each with every value it had (unfolded). */
  headers: Map<string, string[]>;
  /** The body as sent (quoted-printable or 7-bit), for `decodedText`. */
  rawBody: string;
  raw: string;
}

export interface TestSmtp {
  url: string;
  mails: ReceivedMail[];
  /** A mailer that sends here. */
  mailer(from?: string): Mailer;
  /** Waits until `count` mails have arrived (or fails after a few seconds). */
  waitFor(count: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

export async function startTestSmtp(): Promise<TestSmtp> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const split = raw.indexOf("\r\n\r\n");
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          headers: parseHeaders(raw.slice(0, split)),
          rawBody: raw.slice(split + 4),
          raw,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  const url = `smtp://127.0.0.1:${port}`;
  const mailers: Mailer[] = [];
  return {
    url,
    mails,
    mailer(from = "newsroom@example.org") {
      const mailer = createMailer({ url, from });
      mailers.push(mailer);
      return mailer;
    },
    async waitFor(count) {
      const deadline = Date.now() + 5000;
      while (mails.length < count) {
        if (Date.now() > deadline) throw new Error(`${mails.length} mails arrived, not ${count}`);
        await new Promise((r) => setTimeout(r, 10));
      }
      return mails;
    },
    async close() {
      for (const mailer of mailers) {
        await mailer.idle();
        mailer.close();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function parseHeaders(block: string): Map<string, string[]> {
  const headers = new Map<string, string[]>();
  for (const line of block.replace(/\r\n[ \t]+/g, " ").split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon < 1) continue;
    const name = line.slice(0, colon).toLowerCase();
    headers.set(name, [...(headers.get(name) ?? []), line.slice(colon + 1).trim()]);
  }
  return headers;
}

/** A header's value with RFC 2047 encoded words decoded, as a mail program shows it. */
export function headerText(mail: ReceivedMail, name: string): string | undefined {
  const value = mail.headers.get(name)?.[0];
  return value?.replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_, encoding: string, text: string) =>
    encoding.toLowerCase() === "b"
      ? Buffer.from(text, "base64").toString("utf8")
      : decodeQ(text.replace(/_/g, " ")),
  );
}

/** The text part, quoted-printable undone. */
export function decodedText(mail: ReceivedMail): string {
  const encoding = mail.headers.get("content-transfer-encoding")?.[0]?.toLowerCase();
  if (encoding === "base64") return Buffer.from(mail.rawBody, "base64").toString("utf8");
  if (encoding !== "quoted-printable") return mail.rawBody.replace(/\r\n/g, "\n");
  return decodeQ(mail.rawBody.replace(/=\r\n/g, "")).replace(/\r\n/g, "\n");
}

function decodeQ(text: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "=" && /^[0-9A-F]{2}$/i.test(text.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(text[i] ?? ""));
    }
  }
  return Buffer.from(bytes).toString("utf8");
}
