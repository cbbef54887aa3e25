// The inbox of readers' letters (editors and admins): lists by status, one letter (opening it marks it read),
// and what can be done with it: mark, archive, answer by e-mail, turn into a draft letter for publication.
import type { Context, Hono } from "hono";
import type { JSX } from "hono/jsx/jsx-runtime";
import { z } from "zod";
import {
  type Acting,
  answerContactMessage,
  archiveContactMessage,
  flagContactMessage,
  listInbox,
  markContactMessageAnswered,
  openContactMessage,
} from "../../contact/inbox.js";
import { turnIntoLetterArticle } from "../../contact/letter-article.js";
import { CONTACT_LIMITS } from "../../contact/messages.js";
import { AppError } from "../../errors.js";
import { type ContactMessage, INBOX_STATUSES, type InboxStatus } from "../../storage/contact.js";
import type { AdminEnv } from "./env.js";
import { checked, readForm } from "./forms.js";
import { requirePermission } from "./guard.js";
import { ADMIN_HEADERS, AdminPage, CsrfField, ErrorNote, Notice } from "./layout.js";

const listQuery = z.object({
  status: z.enum(INBOX_STATUSES).default("new"),
  before: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 53)
    .optional(),
});
const flagForm = z.object({ flagged: z.enum(["1", "0"]) });
const archiveForm = z.object({ archived: z.enum(["1", "0"]) });
// Generous here so that a long answer is refused by the domain's rule with its own message, text kept.
const answerForm = z.object({ subject: z.string().max(5_000), body: z.string().max(200_000) });

const DONE = {
  flagged: "Marked.",
  unflagged: "Mark removed.",
  archived: "Archived.",
  unarchived: "Back in the inbox.",
  answered: "The answer has been sent, and the letter is recorded as answered.",
  marked: "Recorded as answered.",
};
const STATUS_LABELS: Record<InboxStatus, string> = {
  new: "New",
  read: "Read",
  answered: "Answered",
  archived: "Archived",
};
const ID = ":id{[0-9]{1,9}}";

export function inboxRoutes(admin: Hono<AdminEnv>): void {
  const inbox = requirePermission("inbox");
  admin.get("/inbox", inbox, showInbox);
  admin.get(`/inbox/${ID}`, inbox, (c) => showLetter(c));
  admin.post(`/inbox/${ID}/flag`, inbox, flagLetter);
  admin.post(`/inbox/${ID}/archive`, inbox, archiveLetter);
  admin.post(`/inbox/${ID}/answer`, inbox, answerLetter);
  admin.post(`/inbox/${ID}/answered`, inbox, markAnswered);
  admin.post(`/inbox/${ID}/letter`, inbox, turnIntoLetter);
}

async function showInbox(c: Context<AdminEnv>) {
  const query = checked(listQuery, c.req.query());
  const page = await listInbox(c.var.store, query.status, query.before);
  const status = page.status;
  return send(
    c,
    <AdminPage c={c} title="Letters" section="inbox">
      <h1>Letters from readers</h1>
      <nav aria-label="Letters by status" class="filters">
        {INBOX_STATUSES.map((s) => (
          <a href={`/admin/inbox?status=${s}`} aria-current={s === status ? "page" : undefined}>
            {STATUS_LABELS[s]} ({page.counts[s]})
          </a>
        ))}
      </nav>
      {page.messages.length === 0 ? (
        <p class="empty">No {STATUS_LABELS[status].toLowerCase()} letters.</p>
      ) : (
        <table class="listing">
          <caption>{STATUS_LABELS[status]} letters, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Subject</th>
              <th scope="col">From</th>
              <th scope="col">Edition</th>
              <th scope="col">Received</th>
            </tr>
          </thead>
          <tbody>
            {page.messages.map((m) => (
              <tr>
                <td>
                  <a href={`/admin/inbox/${m.id}`}>{m.subject}</a>
                  {m.flagged && (
                    <>
                      {" "}
                      <span class="status">marked</span>
                    </>
                  )}
                </td>
                <td>{m.name}</td>
                <td>{m.language}</td>
                <td>
                  <time datetime={m.receivedAt}>{shortTime(m.receivedAt)}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {page.nextBefore !== undefined && (
        <p class="pager">
          <a href={`/admin/inbox?status=${status}&before=${page.nextBefore}`}>Older letters</a>
        </p>
      )}
    </AdminPage>,
  );
}

async function showLetter(
  c: Context<AdminEnv>,
  problem?: { message: string; answer: { subject: string; body: string }; status: 400 | 503 },
) {
  const message = await openContactMessage(c.var.store, letterId(c), acting(c));
  const mailer = c.var.mailer;
  const answer = problem?.answer ?? { subject: `Re: ${message.subject}`, body: "" };
  const base = `/admin/inbox/${message.id}`;
  return send(
    c,
    <AdminPage c={c} title={message.subject} section="inbox">
      <p>
        <a href={`/admin/inbox?status=${message.status}`}>← {STATUS_LABELS[message.status]} letters</a>
      </p>
      <h1>{message.subject}</h1>
      <Notice c={c} messages={DONE} />
      <dl class="facts">
        <dt>From</dt>
        <dd>
          {message.name} &lt;{message.email}&gt;
        </dd>
        <dt>Received</dt>
        <dd>
          <time datetime={message.receivedAt}>{shortTime(message.receivedAt)}</time> in the {message.language}{" "}
          edition
        </dd>
        <dt>State</dt>
        <dd>
          {STATUS_LABELS[message.status]}
          {message.flagged && ", marked"}
          {message.answeredAt && `; answered ${shortTime(message.answeredAt)}`}
        </dd>
      </dl>
      <section class="letter-body" aria-label="The letter">
        <Lines text={message.body} />
      </section>
      <div class="filters">
        <form method="post" action={`${base}/flag`}>
          <CsrfField c={c} />
          <input type="hidden" name="flagged" value={message.flagged ? "0" : "1"} />
          <button type="submit">{message.flagged ? "Remove the mark" : "Mark"}</button>
        </form>
        <form method="post" action={`${base}/archive`}>
          <CsrfField c={c} />
          <input type="hidden" name="archived" value={message.status === "archived" ? "0" : "1"} />
          <button type="submit">
            {message.status === "archived" ? "Take out of the archive" : "Archive"}
          </button>
        </form>
        {message.letterArticleId === null ? (
          <form method="post" action={`${base}/letter`}>
            <CsrfField c={c} />
            <button type="submit">Turn into a letter for publication (a draft)</button>
          </form>
        ) : (
          <p>
            <a href={`/admin/articles/${message.letterArticleId}`}>Its draft letter for publication</a>
          </p>
        )}
      </div>
      <h2>Answer</h2>
      {mailer ? (
        <form method="post" action={`${base}/answer`} class="stacked">
          <CsrfField c={c} />
          <ErrorNote message={problem?.message} />
          <p>
            Sent by e-mail from {mailer.from} to {message.email}, as plain text.
          </p>
          <label for="answer-subject">Subject</label>
          <input
            id="answer-subject"
            name="subject"
            required
            maxlength={CONTACT_LIMITS.subject}
            value={answer.subject}
          />
          <label for="answer-body">Answer</label>
          <textarea id="answer-body" name="body" rows={12} required maxlength={CONTACT_LIMITS.body}>
            {answer.body}
          </textarea>
          <button type="submit">Send the answer</button>
        </form>
      ) : (
        <>
          <p>
            No mail server is configured (BROADSIDE_SMTP_URL), so Broadside cannot send an answer itself.{" "}
            <a href={mailtoLink(message)}>Write the answer in your own mail program</a>, then record it here.
          </p>
          <form method="post" action={`${base}/answered`}>
            <CsrfField c={c} />
            <button type="submit">I have answered it: record as answered</button>
          </form>
        </>
      )}
    </AdminPage>,
    problem?.status,
  );
}

async function flagLetter(c: Context<AdminEnv>) {
  const form = await readForm(c, flagForm);
  const flagged = form.flagged === "1";
  await flagContactMessage(c.var.store, letterId(c), flagged, acting(c));
  return done(c, flagged ? "flagged" : "unflagged");
}

async function archiveLetter(c: Context<AdminEnv>) {
  const form = await readForm(c, archiveForm);
  const archived = form.archived === "1";
  await archiveContactMessage(c.var.store, letterId(c), archived, acting(c));
  return done(c, archived ? "archived" : "unarchived");
}

async function answerLetter(c: Context<AdminEnv>) {
  const answer = await readForm(c, answerForm);
  try {
    await answerContactMessage(c.var.store, c.var.mailer, letterId(c), answer, acting(c));
  } catch (error) {
    if (error instanceof AppError && (error.code === "invalid" || error.code === "unavailable")) {
      const status = error.code === "invalid" ? 400 : 503;
      return showLetter(c, { message: error.message, answer, status });
    }
    throw error;
  }
  return done(c, "answered");
}

async function markAnswered(c: Context<AdminEnv>) {
  await markContactMessageAnswered(c.var.store, letterId(c), acting(c));
  return done(c, "marked");
}

async function turnIntoLetter(c: Context<AdminEnv>) {
  const articleId = await turnIntoLetterArticle(c.var.store, letterId(c), {
    actor: c.var.account,
    address: c.var.address,
  });
  return c.redirect(`/admin/articles/${articleId}`, 303);
}

/** The letter's lines as lines: the admin's stylesheet is not asked to keep them. */
function Lines({ text }: { text: string }) {
  return (
    <>
      {text.split(/\n{2,}/).map((paragraph) => (
        <p>
          {paragraph.split("\n").map((line, i) => (
            <>
              {i > 0 && <br />}
              {line}
            </>
          ))}
        </p>
      ))}
    </>
  );
}

/** A mailto: link (RFC 6068) with every part percent-encoded, so nothing in the letter can add a header. */
export function mailtoLink(message: ContactMessage): string {
  const subject = encodeURIComponent(`Re: ${message.subject}`);
  const quoted = message.body
    .split("\n")
    .map((line) => `> ${line}`)
    .join("\n");
  // Browsers and mail programs cut long mailto: links; the start of the letter is enough to quote.
  const body = encodeURIComponent(`\n\n${quoted.slice(0, 1500)}`);
  return `mailto:${encodeURIComponent(message.email)}?subject=${subject}&body=${body}`;
}

function letterId(c: Context<AdminEnv>): number {
  return Number(c.req.param("id"));
}

function acting(c: Context<AdminEnv>): Acting {
  return { actor: c.var.account, address: c.var.address };
}

function done(c: Context<AdminEnv>, what: keyof typeof DONE) {
  return c.redirect(`/admin/inbox/${letterId(c)}?done=${what}`, 303);
}

function shortTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

async function send(c: Context<AdminEnv>, page: JSX.Element, status: 200 | 400 | 503 = 200) {
  return c.html(`<!doctype html>${await page.toString()}`, status, ADMIN_HEADERS);
}
