// Sending e-mail over SMTP (nodemailer): plain-text mails only, every header value checked so that nothing a
// reader typed can add a header, and a count of sends in flight so a test or a shutdown can wait for them.
import nodemailer from "nodemailer";
import { InvalidError } from "../errors.js";
import { headerLine, isSingleAddress } from "./address.js";

export interface MailSettings {
  /** smtp://user:pass@host:587 (STARTTLS when offered) or smtps://…:465 (TLS from the start). */
  url: string;
  /** The From address of every mail sent. */
  from: string;
}

export interface Mail {
  to: string;
  subject: string;
  text: string;
  replyTo?: string;
}

export interface Mailer {
  /** The From address, for messages that say who a mail will come from. */
  readonly from: string;
  send(mail: Mail): Promise<void>;
  /**
   * Runs `work` (sends) without anyone awaiting it, so a request need not wait for an SMTP server; a failure
   * goes to `onError`, never to the caller.
   */
  inBackground(work: () => Promise<void>, onError: (error: unknown) => void): void;
  /** Resolves when every send and background work started so far has finished, well or badly. */
  idle(): Promise<void>;
  close(): void;
}

export function checkSmtpUrl(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new InvalidError("BROADSIDE_SMTP_URL is not a URL: write it like smtp://user:password@host:587");
  }
  if (parsed.protocol !== "smtp:" && parsed.protocol !== "smtps:") {
    throw new InvalidError("BROADSIDE_SMTP_URL must begin with smtp:// or smtps://");
  }
  if (!parsed.hostname) throw new InvalidError("BROADSIDE_SMTP_URL names no host");
}

export function createMailer(settings: MailSettings): Mailer {
  checkSmtpUrl(settings.url);
  if (!isSingleAddress(settings.from)) {
    throw new InvalidError(`BROADSIDE_MAIL_FROM must be one plain e-mail address (got "${settings.from}")`);
  }
  const transport = nodemailer.createTransport(settings.url);
  const inFlight = new Set<Promise<unknown>>();
  return {
    from: settings.from,
    async send(mail) {
      for (const address of [mail.to, mail.replyTo]) {
        if (address !== undefined && !isSingleAddress(address)) {
          throw new InvalidError(`"${headerLine(address, 80)}" is not one plain e-mail address`);
        }
      }
      const sending = transport.sendMail({
        from: settings.from,
        to: mail.to,
        ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
        subject: headerLine(mail.subject),
        text: mail.text,
        // Never an HTML part: nothing in a mail can run, and nothing a reader wrote becomes markup.
        disableUrlAccess: true,
        disableFileAccess: true,
      });
      inFlight.add(sending);
      try {
        await sending;
      } catch (error) {
        throw new Error(`could not send mail to ${mail.to}: ${(error as Error).message}`, { cause: error });
      } finally {
        inFlight.delete(sending);
      }
    },
    inBackground(work, onError) {
      const running = Promise.resolve()
        .then(work)
        .catch(onError)
        .finally(() => inFlight.delete(running));
      inFlight.add(running);
    },
    async idle() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    close() {
      transport.close();
    },
  };
}
