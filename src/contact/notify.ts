// Telling the editors a letter came: one plain-text mail to each editor and admin who may still log in, sent
// after the letter is stored and never in the reader's way (a failure is logged, not thrown).
import type { Logger } from "../log.js";
import { headerLine } from "../mail/address.js";
import type { Mailer } from "../mail/mailer.js";
import { listInboxReaderEmails } from "../storage/contact.js";
import type { Store } from "../storage/store.js";
import type { Letter } from "./messages.js";

export interface LetterNotice {
  id: number;
  letter: Letter;
  siteName: string;
  /**
   * Where the inbox is: an absolute URL only from the configured base URL, never from the request's Host
   * header, which whoever sends the letter controls.
   */
  inboxUrl: string;
}

export function notifyEditorsLater(
  store: Store,
  mailer: Mailer | undefined,
  notice: LetterNotice,
  log: Logger,
) {
  if (!mailer) return;
  mailer.inBackground(
    () => notifyEditors(store, mailer, notice, log),
    (error) => log.error({ err: error, letter: notice.id }, "could not tell the editors of a letter"),
  );
}

export async function notifyEditors(store: Store, mailer: Mailer, notice: LetterNotice, log: Logger) {
  const recipients = await listInboxReaderEmails(store);
  const { letter } = notice;
  const mail = {
    subject: headerLine(`Letter from ${letter.name}: ${letter.subject}`),
    replyTo: letter.email,
    text: [
      `A reader wrote to ${notice.siteName} (the ${letter.language} edition).`,
      "",
      `From: ${letter.name} <${letter.email}>`,
      `Subject: ${letter.subject}`,
      "",
      letter.body,
      "",
      `Read it, answer it or archive it in the inbox: ${notice.inboxUrl}`,
    ].join("\n"),
  };
  // One mail each, so no editor's address is shown to another; one failure does not stop the rest.
  for (const to of recipients) {
    try {
      await mailer.send({ ...mail, to });
    } catch (error) {
      log.error({ err: error, letter: notice.id }, "could not tell an editor of a letter");
    }
  }
}
