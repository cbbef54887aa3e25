// Review and publishing: the status changes an account makes — draft → review → scheduled or published →
// withdrawn — each in one transaction with its audit entry, and the publish job's handler. Writers and
// translators submit for review; only accounts with "publish" change what is public.
import type { Account } from "../accounts/accounts.js";
import { recordAudit } from "../accounts/audit.js";
import { can, type Permission } from "../accounts/roles.js";
import { ConflictError, ForbiddenError, InvalidError } from "../errors.js";
import type { Job } from "../jobs/job.js";
import { cancelJob, publishJobKey } from "../jobs/jobs.js";
import { assertImagesHaveAlt } from "../media/in-articles.js";
import { assertQuotationsPublishable } from "../quotations/article-quotations.js";
import * as rows from "../storage/articles.js";
import { insertJobIfAbsent } from "../storage/jobs.js";
import type { Store } from "../storage/store.js";
import { assertCanEdit } from "./access.js";
import type { Article, ArticleStatus } from "./article.js";
import { getArticle, publishArticle, withdrawArticle } from "./articles.js";
import { bumpContentVersion } from "./content-version.js";

export const MAX_CORRECTION = 2000;

/** Where the request came from, for the audit log. */
export interface Origin {
  address?: string;
}

export async function submitForReview(
  store: Store,
  actor: Account,
  id: number,
  origin: Origin = {},
  now = new Date(),
) {
  return change(
    store,
    actor,
    id,
    { permission: "write", from: ["draft"], action: "submit", origin, now },
    (tx) => setStatus(tx, id, ["draft"], "review", "submit", now),
  );
}

export async function sendBackToDraft(
  store: Store,
  actor: Account,
  id: number,
  origin: Origin = {},
  now = new Date(),
) {
  const allowed: ArticleStatus[] = ["review", "scheduled"];
  return change(
    store,
    actor,
    id,
    { permission: "publish", from: allowed, action: "draft", origin, now },
    async (tx) => {
      await setStatus(tx, id, allowed, "draft", "draft", now);
      await cancelJob(tx, publishJobKey(id));
    },
  );
}

/** Publishes at `at`, which must be in the future; scheduling again moves the time. */
export async function scheduleArticle(
  store: Store,
  actor: Account,
  id: number,
  at: Date,
  origin: Origin = {},
  now = new Date(),
) {
  if (Number.isNaN(at.getTime())) throw new InvalidError("at: is not a date and time");
  if (at.getTime() <= now.getTime()) throw new InvalidError("at: the time to publish is not in the future");
  const allowed: ArticleStatus[] = ["draft", "review", "scheduled", "withdrawn"];
  return change(
    store,
    actor,
    id,
    {
      permission: "publish",
      from: allowed,
      action: "schedule",
      origin,
      now,
      detail: { at: at.toISOString() },
    },
    async (tx, article) => {
      await claim(tx, article, allowed, now);
      await assertReadyToPublish(tx, article);
      await publishArticle(tx, id, at, now);
    },
  );
}

export async function publishNow(
  store: Store,
  actor: Account,
  id: number,
  origin: Origin = {},
  now = new Date(),
) {
  const allowed: ArticleStatus[] = ["draft", "review", "scheduled", "withdrawn"];
  return change(
    store,
    actor,
    id,
    { permission: "publish", from: allowed, action: "publish", origin, now },
    async (tx, article) => {
      await claim(tx, article, allowed, now);
      await assertReadyToPublish(tx, article);
      // A withdrawn article comes back under its first date and address; anything else is dated now.
      const keepDate =
        article.status === "withdrawn" &&
        article.publishedAt !== null &&
        article.publishedAt <= now.toISOString();
      await publishArticle(tx, id, keepDate ? undefined : now, now);
    },
  );
}

export async function withdraw(
  store: Store,
  actor: Account,
  id: number,
  origin: Origin = {},
  now = new Date(),
) {
  const allowed: ArticleStatus[] = ["published", "scheduled"];
  return change(
    store,
    actor,
    id,
    { permission: "publish", from: allowed, action: "withdraw", origin, now },
    async (tx, article) => {
      await claim(tx, article, allowed, now);
      await withdrawArticle(tx, id, now);
    },
  );
}

/** Prints a dated correction note on the public page; a new note replaces the last. */
export async function recordCorrection(
  store: Store,
  actor: Account,
  id: number,
  text: string,
  origin: Origin = {},
  now = new Date(),
) {
  const note = text.replace(/\s+/g, " ").trim();
  if (note === "") throw new InvalidError("text: the correction is empty");
  if (note.length > MAX_CORRECTION) {
    throw new InvalidError(`text: a correction is at most ${MAX_CORRECTION.toLocaleString("en")} characters`);
  }
  return change(
    store,
    actor,
    id,
    {
      permission: "publish",
      from: ["published"],
      action: "correct",
      origin,
      now,
      detail: { text: note },
    },
    async (tx, article) => {
      const at = now.toISOString();
      const done = await rows.updateArticleInStatus(tx, id, ["published"], {
        correction: note,
        corrected_at: at,
        updated_at: at,
      });
      if (!done) throw notIn(article, "corrected");
      // The page is rendered from the stored row, so a new content version is all the caches need.
      await bumpContentVersion(tx);
    },
  );
}

/**
 * The publish job: publishes the article if it is still scheduled and its time has come. Anything else —
 * published already, sent back, withdrawn — makes it a no-op, so a job run twice publishes once.
 */
export async function publishScheduledArticle(store: Store, job: Job, now = new Date()): Promise<void> {
  const articleId = job.payload.articleId;
  if (typeof articleId !== "number" || !Number.isInteger(articleId)) {
    throw new InvalidError(`publish job ${job.id} names no article`);
  }
  await store.transaction(async (tx) => {
    const article = await rows.findArticleById(tx, articleId);
    if (article?.status !== "scheduled") return;
    if (article.publishedAt && article.publishedAt > now.toISOString()) {
      throw new Error(`article ${articleId} is scheduled for ${article.publishedAt}, not yet due`);
    }
    // Checked again: the text may have changed since it was scheduled. The job fails, and says why, rather
    // than publish an image nobody has described.
    await assertImagesHaveAlt(tx, article.body);
    await assertQuotationsPublishable(tx, article.id);
    // Locks the row: a second runner holding the same job waits here, then finds it published.
    if (!(await rows.updateArticleInStatus(tx, articleId, ["scheduled"], { updated_at: now.toISOString() })))
      return;
    await publishArticle(tx, articleId, undefined, now);
    await recordAudit(
      tx,
      null,
      {
        action: "article.publish",
        subject: `article ${articleId}`,
        detail: { scheduled: article.publishedAt, job: job.id },
      },
      now,
    );
  });
}

/**
 * Gives every scheduled article a publish job if it lacks one: articles scheduled before the jobs table
 * existed, or by a tool that wrote the row directly. Run at start; returns how many were looked at.
 */
export async function enqueueMissingPublishJobs(store: Store, now = new Date()): Promise<number> {
  const scheduled = await rows.listScheduled(store);
  for (const { id, publishedAt } of scheduled) {
    await insertJobIfAbsent(
      store,
      {
        kind: "publish",
        uniqueKey: publishJobKey(id),
        payload: { articleId: id },
        runAt: new Date(publishedAt),
      },
      now.toISOString(),
    );
  }
  return scheduled.length;
}

interface Change {
  permission: Permission;
  from: readonly ArticleStatus[];
  action: string;
  origin: Origin;
  now: Date;
  detail?: Record<string, unknown>;
}

/** The frame of every status change: permission, the article's current status, the work, the audit entry. */
async function change(
  store: Store,
  actor: Account,
  id: number,
  what: Change,
  work: (tx: Store, article: Article) => Promise<void>,
): Promise<Article> {
  if (!can(actor.role, what.permission)) {
    throw new ForbiddenError(
      `your role (${actor.role}) may not ${VERBS[what.action] ?? what.action} articles`,
    );
  }
  return store.transaction(async (tx) => {
    const article = await getArticle(tx, id);
    if (what.permission === "write") await assertCanEdit(tx, actor, article);
    if (!what.from.includes(article.status)) throw notIn(article, PAST[what.action] ?? what.action);
    await work(tx, article);
    const after = await getArticle(tx, id);
    await recordAudit(
      tx,
      actor,
      {
        action: `article.${what.action}`,
        subject: `article ${id}`,
        detail: { from: article.status, to: after.status, ...what.detail },
        address: what.origin.address,
      },
      what.now,
    );
    return after;
  });
}

const VERBS: Record<string, string> = {
  submit: "submit",
  draft: "send back",
  schedule: "schedule",
  publish: "publish",
  withdraw: "withdraw",
  correct: "correct",
};

const PAST: Record<string, string> = {
  submit: "submitted for review",
  draft: "sent back to draft",
  schedule: "scheduled",
  publish: "published",
  withdraw: "withdrawn",
  correct: "corrected",
};

async function setStatus(
  tx: Store,
  id: number,
  from: readonly ArticleStatus[],
  to: ArticleStatus,
  action: string,
  now: Date,
) {
  if (!(await rows.updateArticleInStatus(tx, id, from, { status: to, updated_at: now.toISOString() }))) {
    throw notIn(await getArticle(tx, id), PAST[action] ?? action);
  }
}

/** Takes the row (on PostgreSQL, its lock) while the status is still one this change may leave. */
async function claim(tx: Store, article: Article, from: readonly ArticleStatus[], now: Date) {
  if (!(await rows.updateArticleInStatus(tx, article.id, from, { updated_at: now.toISOString() }))) {
    throw notIn(await getArticle(tx, article.id), "changed now");
  }
}

function notIn(article: Article, wanted: string): ConflictError<string> {
  return new ConflictError(
    `article ${article.id} is ${article.status === "review" ? "in review" : article.status}: it cannot be ${wanted}`,
    article.status,
    wanted,
  );
}

/** What must hold before anything goes public: every image described for readers who cannot see it. */
async function assertReadyToPublish(store: Store, article: Article): Promise<void> {
  await assertImagesHaveAlt(store, article.body);
  await assertQuotationsPublishable(store, article.id);
}
