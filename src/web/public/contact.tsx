// The contact page (`/{lang}/contact`): a letter to the editors. Each form carries its own signed token, so
// the page is never cached; a letter is stored before the page says it arrived, and a refused one is shown
// again with the reader's text and what to fix beside each field.
import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { JSX } from "hono/jsx/jsx-runtime";
import { issueFormToken, type TokenProblem } from "../../contact/form-token.js";
import {
  CONTACT_LIMITS,
  type ContactField,
  type FieldProblem,
  type FieldProblems,
  type Submission,
  submitContactMessage,
} from "../../contact/messages.js";
import { notifyEditorsLater } from "../../contact/notify.js";
import { NotFoundError, TooManyError } from "../../errors.js";
import { format, type Strings } from "../../i18n/strings.js";
import { clientAddress } from "../admin/guard.js";
import type { AppEnv } from "../env.js";
import { type PageContext, pageContext } from "./context.js";
import { Layout } from "./layout.js";

/**
 * Room for a 20,000-character letter of four-byte characters, percent-encoded, and the other fields; past
 * it, the request is refused unread.
 */
const MAX_CONTACT_REQUEST = 256 * 1024;
const PERSONAL = { "cache-control": "no-store" };

type Values = Record<ContactField, string>;
const EMPTY: Values = { name: "", email: "", subject: "", body: "" };

interface FormState {
  token: string;
  values: Values;
  problems: FieldProblems;
  /** A message above the form, for what no single field is to blame for. */
  notice?: string;
}

export const contactBodyLimit: MiddlewareHandler<AppEnv> = bodyLimit({
  maxSize: MAX_CONTACT_REQUEST,
  onError: (c) =>
    showForm(
      c as Context<AppEnv>,
      { token: "", values: EMPTY, problems: {} },
      (t) => format(t.contactTooLarge, { n: CONTACT_LIMITS.body.toLocaleString(lang(c as Context<AppEnv>)) }),
      413,
    ),
});

export async function showContact(c: Context<AppEnv>) {
  if (c.req.query("sent") !== undefined) return page(c, <Received ctx={context(c)} />, 200);
  return showForm(c, { token: "", values: EMPTY, problems: {} });
}

export async function sendContact(c: Context<AppEnv>) {
  const body = await c.req.parseBody();
  const text = (name: string) => (typeof body[name] === "string" ? body[name] : "");
  const submission: Submission = {
    language: lang(c),
    token: text("token"),
    honeypot: text("website"),
    name: text("name"),
    email: text("email"),
    subject: text("subject"),
    body: text("body"),
  };
  const values: Values = {
    name: submission.name,
    email: submission.email,
    subject: submission.subject,
    body: submission.body,
  };
  let result: Awaited<ReturnType<typeof submitContactMessage>>;
  try {
    result = await submitContactMessage(c.var.store, submission, {
      address: clientAddress(c),
      settings: c.var.contact,
    });
  } catch (error) {
    if (!(error instanceof TooManyError)) throw error;
    c.header("retry-after", String(error.retryAfterSeconds));
    const minutes = Math.max(1, Math.ceil(error.retryAfterSeconds / 60));
    const state = { token: submission.token, values, problems: {} };
    return showForm(c, state, (t) => format(t.contactTooMany, { n: minutes }), 429);
  }
  if (result.outcome === "refused") {
    // A token that is merely early stays: in a few seconds it is good, and the reader need not wait again.
    const keep = !result.token || result.token === "too_fast";
    const state = { token: keep ? submission.token : "", values, problems: result.problems };
    const problem = result.token;
    return showForm(c, state, problem ? (t) => tokenMessage(t, problem) : undefined, 400);
  }
  if (result.outcome === "stored") {
    const path = `/admin/inbox/${result.id}`;
    notifyEditorsLater(
      c.var.store,
      c.var.mailer,
      {
        id: result.id,
        letter: result.letter,
        siteName: c.var.site.name,
        inboxUrl: c.var.baseUrl ? c.var.baseUrl + path : path,
      },
      c.var.log,
    );
  }
  // Stored now, stored before, or a robot's: all three read the same.
  return c.redirect(`/${lang(c)}/contact?sent`, 303);
}

async function showForm(
  c: Context<AppEnv>,
  state: FormState,
  notice?: (t: Strings) => string,
  status: 200 | 400 | 413 | 429 = 200,
) {
  const ctx = context(c);
  const token = state.token || (await issueFormToken(c.var.store));
  const form = { ...state, token, ...(notice ? { notice: notice(ctx.t) } : {}) };
  return page(c, <ContactForm ctx={ctx} state={form} />, status);
}

async function page(c: Context<AppEnv>, element: JSX.Element, status: 200 | 400 | 413 | 429) {
  return c.html(`<!doctype html>${await element.toString()}`, status, PERSONAL);
}

function Received({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} head={head(ctx)}>
      <div class="contact-page">
        <h1>{t.contactTitle}</h1>
        <p role="status" class="contact-received">
          {t.contactReceived}
        </p>
        <p>
          <a href={`/${ctx.language.code}/contact`}>{t.contactAnother}</a>
        </p>
      </div>
    </Layout>
  );
}

function ContactForm({ ctx, state }: { ctx: PageContext; state: FormState }) {
  const { t } = ctx;
  const lang = ctx.language.code;
  const fields: { name: ContactField; label: string; autocomplete?: string; type?: string }[] = [
    { name: "name", label: t.contactName, autocomplete: "name" },
    { name: "email", label: t.contactEmail, autocomplete: "email", type: "email" },
    { name: "subject", label: t.contactSubject },
  ];
  const wrong = fields.filter((f) => state.problems[f.name]).map((f) => f.name);
  if (state.problems.body) wrong.push("body");
  const labels: Record<ContactField, string> = {
    name: t.contactName,
    email: t.contactEmail,
    subject: t.contactSubject,
    body: t.contactBody,
  };
  return (
    <Layout ctx={ctx} head={head(ctx)}>
      <div class="contact-page">
        <h1>{t.contactTitle}</h1>
        <p>{t.contactIntro}</p>
        {(state.notice || wrong.length > 0) && (
          <div class="contact-problems" role="alert">
            <p>
              <strong>{t.contactNotSent}</strong> {state.notice}
            </p>
            {wrong.length > 0 && (
              <ul>
                {wrong.map((field) => (
                  <li>
                    <a href={`#contact-${field}`}>{labels[field]}</a>:{" "}
                    {problemText(t, lang, field, state.problems[field])}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
        <form method="post" action={`/${lang}/contact`} class="contact-form">
          <input type="hidden" name="token" value={state.token} />
          {fields.map((f) => (
            <p class="contact-field">
              <label for={`contact-${f.name}`}>{f.label}</label>
              <FieldError t={t} lang={lang} field={f.name} problem={state.problems[f.name]} />
              <br />
              <input
                id={`contact-${f.name}`}
                name={f.name}
                type={f.type ?? "text"}
                size={40}
                required
                maxlength={CONTACT_LIMITS[f.name]}
                autocomplete={f.autocomplete}
                value={state.values[f.name]}
                aria-invalid={state.problems[f.name] ? "true" : undefined}
                aria-describedby={state.problems[f.name] ? `contact-${f.name}-error` : undefined}
              />
            </p>
          ))}
          {/* Hidden from sight but not display:none, which some robots skip; people never reach it. */}
          <p class="visually-hidden">
            <label for="contact-website">{t.contactHoneypot}</label>
            <input
              id="contact-website"
              name="website"
              type="text"
              tabindex={-1}
              autocomplete="off"
              value=""
            />
          </p>
          <p class="contact-field">
            <label for="contact-body">{t.contactBody}</label>
            <FieldError t={t} lang={lang} field="body" problem={state.problems.body} />
            <br />
            <small id="contact-body-hint">
              {format(t.contactBodyHint, { n: CONTACT_LIMITS.body.toLocaleString(lang) })}
            </small>
            <br />
            <textarea
              id="contact-body"
              name="body"
              rows={14}
              cols={60}
              required
              maxlength={CONTACT_LIMITS.body}
              aria-invalid={state.problems.body ? "true" : undefined}
              aria-describedby={
                state.problems.body ? "contact-body-hint contact-body-error" : "contact-body-hint"
              }
            >
              {state.values.body}
            </textarea>
          </p>
          <p>
            <button type="submit">{t.contactSend}</button>
          </p>
        </form>
      </div>
    </Layout>
  );
}

function FieldError(props: {
  t: Strings;
  lang: string;
  field: ContactField;
  problem: FieldProblem | undefined;
}) {
  if (!props.problem) return null;
  return (
    <>
      {" "}
      <strong id={`contact-${props.field}-error`} class="contact-error">
        {problemText(props.t, props.lang, props.field, props.problem)}
      </strong>
    </>
  );
}

function problemText(
  t: Strings,
  lang: string,
  field: ContactField,
  problem: FieldProblem | undefined,
): string {
  if (problem === "missing") return t.contactMissing;
  if (problem === "too_long") {
    return format(t.contactTooLong, { n: CONTACT_LIMITS[field].toLocaleString(lang) });
  }
  return field === "email" ? t.contactBadEmail : t.contactBadLine;
}

function tokenMessage(t: Strings, problem: TokenProblem): string {
  if (problem === "too_fast") return t.contactTooFast;
  return problem === "expired" ? t.contactExpired : t.contactBadToken;
}

function head(ctx: PageContext) {
  return {
    title: ctx.t.contactTitle,
    canonical: `/${ctx.language.code}/contact`,
    alternates: ctx.site.editions.map((code) => ({ language: code, path: `/${code}/contact` })),
  };
}

/** The edition named in the path; a language we do not publish in has no contact page. */
function lang(c: Context<AppEnv>): string {
  const code = c.req.param("lang") ?? "";
  if (!c.var.site.editions.includes(code)) throw new NotFoundError(`there is no ${code} edition`);
  return code;
}

function context(c: Context<AppEnv>): PageContext {
  return pageContext(c.var.site, lang(c), c.var.origin, c.req.path);
}
