// Review and publishing in the admin: status changes, corrections, an article's history, the diff between
// two revisions and restoring one; and WorkflowPanel, the editor page's side column for all of it.
import type { Context, Hono } from "hono";
import { z } from "zod";
import { can } from "../../accounts/roles.js";
import type { Article, ArticleStatus } from "../../content/article.js";
import {
  diffRevisions,
  formatRevisionRef,
  listHistory,
  parseRevisionRef,
  type RevisionRef,
  restoreRevision,
  type TextDiff,
} from "../../content/revisions.js";
import {
  MAX_CORRECTION,
  publishNow,
  recordCorrection,
  scheduleArticle,
  sendBackToDraft,
  submitForReview,
  withdraw,
} from "../../content/workflow.js";
import { AppError, InvalidError } from "../../errors.js";
import type { Job } from "../../jobs/job.js";
import { findJob, publishJobKey } from "../../jobs/jobs.js";
import type { AdminEnv } from "./env.js";
import { checked, readForm } from "./forms.js";
import { requirePermission, wantsJson } from "./guard.js";
import { AdminPage, adminHtml, CsrfField } from "./layout.js";

/** What the editor page's notice says after each action here (`?done=…`). */
export const WORKFLOW_DONE = {
  submitted: "Submitted for review.",
  draft: "Sent back to draft.",
  scheduled: "Scheduled.",
  published: "Published.",
  withdrawn: "Withdrawn: its address now answers Gone.",
  corrected: "The correction is on the public page.",
  restored: "The old revision is restored as a new one.",
};

const ACTIONS = ["submit", "draft", "schedule", "publish", "withdraw"] as const;
type Action = (typeof ACTIONS)[number];

const DONE_OF: Record<Action, keyof typeof WORKFLOW_DONE> = {
  submit: "submitted",
  draft: "draft",
  schedule: "scheduled",
  publish: "published",
  withdraw: "withdrawn",
};

const statusForm = z.object({
  action: z.enum(ACTIONS, { message: `is one of ${ACTIONS.join(", ")}` }),
  at: z.string().max(40).optional(),
});
const correctionForm = z.object({ text: z.string().max(20_000) });
const restoreForm = z.object({ revision: z.string().max(20) });
const historyQuery = z.object({ before: z.coerce.number().int().positive().max(1e12).optional() });
const diffQuery = z.object({ from: z.string().max(20), to: z.string().max(20) });

const ID = ":id{[0-9]{1,9}}";

export function workflowRoutes(admin: Hono<AdminEnv>): void {
  admin.post(`/articles/${ID}/status`, requirePermission("write"), changeStatus);
  admin.post(`/articles/${ID}/correction`, requirePermission("publish"), correct);
  admin.get(`/articles/${ID}/revisions`, requirePermission("write"), showHistory);
  admin.get(`/articles/${ID}/diff`, requirePermission("write"), showDiff);
  admin.post(`/articles/${ID}/restore`, requirePermission("write"), restore);
}

async function changeStatus(c: Context<AdminEnv>) {
  const id = Number(c.req.param("id"));
  const form = await readForm(c, statusForm);
  const { store, account } = c.var;
  const origin = { address: c.var.address };
  try {
    const article =
      form.action === "submit"
        ? await submitForReview(store, account, id, origin)
        : form.action === "draft"
          ? await sendBackToDraft(store, account, id, origin)
          : form.action === "schedule"
            ? await scheduleArticle(store, account, id, parseUtc(form.at), origin)
            : form.action === "publish"
              ? await publishNow(store, account, id, origin)
              : await withdraw(store, account, id, origin);
    return done(c, article, DONE_OF[form.action]);
  } catch (error) {
    // An article not ready to publish (an image undescribed, a quotation failing its check) is refused
    // on the editor's own page, beside the panels where it can be put right.
    const refused = error instanceof AppError && (error.code === "invalid" || error.code === "conflict");
    if (!refused || wantsJson(c) || (form.action !== "publish" && form.action !== "schedule")) throw error;
    // Imported here, not above: the editor page imports this file's panel.
    const { showEditor } = await import("./editor.js");
    return showEditor(c, { error: error.message }, error.code === "invalid" ? 400 : 409);
  }
}

async function correct(c: Context<AdminEnv>) {
  const id = Number(c.req.param("id"));
  const form = await readForm(c, correctionForm);
  const article = await recordCorrection(c.var.store, c.var.account, id, form.text, {
    address: c.var.address,
  });
  return done(c, article, "corrected");
}

async function restore(c: Context<AdminEnv>) {
  const id = Number(c.req.param("id"));
  const form = await readForm(c, restoreForm);
  const ref = parseRevisionRef(form.revision);
  if (!ref) throw new InvalidError("revision: is not a revision of this article");
  const article = await restoreRevision(c.var.store, c.var.account, id, ref, { address: c.var.address });
  return done(c, article, "restored");
}

function done(c: Context<AdminEnv>, article: Article, key: keyof typeof WORKFLOW_DONE) {
  if (wantsJson(c)) {
    return c.json({
      id: article.id,
      status: article.status,
      revision: article.revision,
      publishedAt: article.publishedAt,
      path: article.path,
    });
  }
  return c.redirect(`/admin/articles/${article.id}?done=${key}`, 303);
}

/** A datetime-local value, read as UTC (the form says so): the server's zone must not change its meaning. */
export function parseUtc(value: string | undefined): Date {
  if (!value) throw new InvalidError("at: choose when to publish");
  const match = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)(?::(\d\d)(?:\.\d{1,3})?)?Z?$/.exec(value);
  if (!match) throw new InvalidError("at: is not a date and time like 2026-03-01T09:30");
  const [, y, mo, d, h, mi, s] = match.map(Number) as number[];
  const at = new Date(Date.UTC(y as number, (mo as number) - 1, d, h, mi, s || 0));
  if (at.getUTCMonth() !== (mo as number) - 1 || at.getUTCDate() !== d || (h as number) > 23) {
    throw new InvalidError("at: is not a date and time that exists");
  }
  return at;
}

async function showHistory(c: Context<AdminEnv>) {
  const id = Number(c.req.param("id"));
  const query = checked(historyQuery, c.req.query());
  const { article, entries } = await listHistory(c.var.store, c.var.account, id, query.before);
  const job = await findJob(c.var.store, publishJobKey(id));
  const saves = entries.filter((e) => e.kind === "save").map((e) => e.revision);
  const last = entries.at(-1);
  return adminHtml(
    c,
    <AdminPage c={c} title={`History of ${article.title}`} section="articles">
      <p class="breadcrumb">
        <a href={`/admin/articles/${id}`}>← {article.title}</a>
      </p>
      <h1>History</h1>
      <p>
        Now at revision {article.revision}. Every save is kept; a save refused because someone else had saved
        first is kept too, so no text is lost. Restoring saves an old text as a new revision.
      </p>
      {job && job.status !== "done" && <PublishJob job={job} />}
      <form method="get" action={`/admin/articles/${id}/diff`} class="inline-form compare-form">
        <label for="from">Compare revision</label>
        <input
          id="from"
          name="from"
          inputmode="numeric"
          size={6}
          value={String(Math.max(1, article.revision - 1))}
        />
        <label for="to">with</label>
        <input id="to" name="to" inputmode="numeric" size={6} value={String(article.revision)} />
        <button type="submit">Show changes</button>
      </form>
      <table class="listing revisions">
        <thead>
          <tr>
            <th scope="col">Revision</th>
            <th scope="col">Kind</th>
            <th scope="col">Saved (UTC)</th>
            <th scope="col">By</th>
            <th scope="col">Changes</th>
            <th scope="col">
              <span class="visually-hidden">Restore</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => {
            const ref: RevisionRef = e.kind === "conflict" ? { conflictId: e.id } : { revision: e.revision };
            const previous = e.kind === "conflict" ? e.revision : saves.find((n) => n < e.revision);
            return (
              <tr>
                <td>{e.revision}</td>
                <td>{e.kind === "conflict" ? `refused save (based on ${e.revision})` : "save"}</td>
                <td>
                  <time datetime={e.savedAt}>{e.savedAt.slice(0, 19).replace("T", " ")}</time>
                </td>
                <td>{e.savedBy ?? "—"}</td>
                <td>
                  {previous !== undefined && (
                    <a href={`/admin/articles/${id}/diff?from=${previous}&to=${formatRevisionRef(ref)}`}>
                      {e.kind === "conflict" ? "its text" : `since ${previous}`}
                    </a>
                  )}
                </td>
                <td>
                  {(e.kind === "conflict" || e.revision !== article.revision) && (
                    <form method="post" action={`/admin/articles/${id}/restore`}>
                      <CsrfField c={c} />
                      <input type="hidden" name="revision" value={formatRevisionRef(ref)} />
                      <button type="submit" class="link-button">
                        Restore
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {entries.length === 100 && last && (
        <p>
          <a href={`/admin/articles/${id}/revisions?before=${last.id}`}>Older</a>
        </p>
      )}
    </AdminPage>,
  );
}

async function showDiff(c: Context<AdminEnv>) {
  const id = Number(c.req.param("id"));
  const query = checked(diffQuery, c.req.query());
  const from = parseRevisionRef(query.from);
  const to = parseRevisionRef(query.to);
  if (!from) throw new InvalidError("from: is not a revision number");
  if (!to) throw new InvalidError("to: is not a revision number");
  const diff = await diffRevisions(c.var.store, c.var.account, id, from, to);
  const coarse = [diff.title, diff.standfirst, diff.body].find((d) => d.detail !== "words");
  return adminHtml(
    c,
    <AdminPage c={c} title={`Changes to ${diff.article.title}`} section="articles">
      <p class="breadcrumb">
        <a href={`/admin/articles/${id}`}>← {diff.article.title}</a> ·{" "}
        <a href={`/admin/articles/${id}/revisions`}>History</a>
      </p>
      <h1>
        Changes from {diff.from.label} to {diff.to.label}
      </h1>
      <p class="diff-key">
        <del>Removed</del> <ins>added</ins>
        {coarse &&
          (coarse.detail === "lines"
            ? " — some passages changed too much to compare word by word and are shown whole."
            : " — the texts differ too much to compare: both are shown whole.")}
      </p>
      <DiffSection heading="Title" diff={diff.title} />
      <DiffSection heading="Standfirst" diff={diff.standfirst} />
      <DiffSection heading="Body" diff={diff.body} />
    </AdminPage>,
  );
}

function PublishJob({ job }: { job: Job }) {
  const due = `${job.runAt.slice(0, 16).replace("T", " ")} UTC`;
  return (
    <p class={job.status === "failed" ? "form-error" : "notice"} role="status">
      {job.status === "failed"
        ? `Publishing failed after ${job.attempts} attempts and will not be tried again: ${job.lastError}. Publish it now, or schedule it again.`
        : job.status === "running"
          ? "It is being published now."
          : `Publishing is due ${due}${job.attempts > 0 ? `; attempt ${job.attempts} failed: ${job.lastError}` : ""}.`}
    </p>
  );
}

function DiffSection(props: { heading: string; diff: TextDiff }) {
  const changed = props.diff.parts.some((p) => p.op !== "same");
  return (
    <section class="diff-section">
      <h2>
        {props.heading}
        {!changed && <span class="unchanged"> (unchanged)</span>}
      </h2>
      <div class="diff">
        {props.diff.parts.map((p) =>
          p.op === "ins" ? <ins>{p.text}</ins> : p.op === "del" ? <del>{p.text}</del> : p.text,
        )}
      </div>
    </section>
  );
}

/** A scheduled article still unpublished this long after its time has a job that failed or waits to retry. */
function overdue(): string {
  return new Date(Date.now() - 2 * 60_000).toISOString();
}

const STATUS_LABELS: Record<ArticleStatus, string> = {
  draft: "Draft",
  review: "In review",
  scheduled: "Scheduled",
  published: "Published",
  withdrawn: "Withdrawn",
};

/** The editor's side column: where the article stands and what this account may do with it. */
export function WorkflowPanel(props: { c: Context<AdminEnv>; article: Article }) {
  const { c, article } = props;
  const editor = can(c.var.account.role, "publish");
  const status = article.status;
  const action = `/admin/articles/${article.id}/status`;
  const button = (value: Action, label: string) => (
    <form method="post" action={action}>
      <CsrfField c={c} />
      <input type="hidden" name="action" value={value} />
      <button type="submit">{label}</button>
    </form>
  );
  const when = article.publishedAt ? `${article.publishedAt.slice(0, 16).replace("T", " ")} UTC` : "";
  const canSchedule = editor && status !== "published";
  return (
    <section class="workflow-panel" aria-labelledby="workflow-title">
      <h2 id="workflow-title">Publishing</h2>
      <p>
        <span class={`status status-${status}`}>{STATUS_LABELS[status]}</span>
        {status === "scheduled" && ` for ${when}`}
        {status === "published" && ` since ${when}`}
        {article.path && status === "published" && (
          <>
            {" · "}
            <a href={article.path}>view</a>
          </>
        )}
      </p>
      <div class="workflow-actions">
        {status === "draft" && button("submit", editor ? "Mark ready for review" : "Submit for review")}
        {editor &&
          status !== "published" &&
          button("publish", status === "withdrawn" ? "Publish again" : "Publish now")}
        {editor && (status === "review" || status === "scheduled") && button("draft", "Send back to draft")}
        {editor && (status === "published" || status === "scheduled") && button("withdraw", "Withdraw")}
      </div>
      {!editor && status === "review" && <p class="hint">An editor will publish it or send it back.</p>}
      {status === "scheduled" && article.publishedAt && article.publishedAt < overdue() && (
        <p class="form-error">
          Its time has passed and it is not published yet: the{" "}
          <a href={`/admin/articles/${article.id}/revisions`}>history</a> shows why.
        </p>
      )}
      {canSchedule && (
        <form method="post" action={action} class="stacked schedule-form">
          <CsrfField c={c} />
          <input type="hidden" name="action" value="schedule" />
          <label for="schedule-at">Publish at (UTC, not your local time)</label>
          <input
            id="schedule-at"
            name="at"
            type="datetime-local"
            required
            value={
              status === "scheduled" && article.publishedAt ? article.publishedAt.slice(0, 16) : undefined
            }
          />
          <button type="submit">{status === "scheduled" ? "Move to this time" : "Schedule"}</button>
        </form>
      )}
      {editor && status === "published" && (
        <form
          method="post"
          action={`/admin/articles/${article.id}/correction`}
          class="stacked correction-form"
        >
          <CsrfField c={c} />
          {article.correction && (
            <p class="current-correction">
              Shown now{article.correctedAt ? ` (since ${article.correctedAt.slice(0, 10)})` : ""}:{" "}
              {article.correction}
            </p>
          )}
          <label for="correction-text">
            {article.correction ? "Replace the correction note" : "Add a correction note"} (shown on the
            public page, dated today)
          </label>
          <textarea id="correction-text" name="text" rows={3} maxlength={MAX_CORRECTION} required />
          <button type="submit">Record correction</button>
        </form>
      )}
      <p>
        <a href={`/admin/articles/${article.id}/revisions`}>History and changes</a> (revision{" "}
        {article.revision})
      </p>
    </section>
  );
}
