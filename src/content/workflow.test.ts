import { expect, it } from "vitest";
import { ConflictError, ForbiddenError, InvalidError } from "../errors.js";
import { JOB_HANDLERS } from "../jobs/handlers.js";
import { findJob, publishJobKey } from "../jobs/jobs.js";
import { createJobRunner } from "../jobs/runner.js";
import { setOwner } from "../storage/article-owners.js";
import { listAuditEvents } from "../storage/audit.js";
import { listRevisionEntries } from "../storage/revisions.js";
import type { Store } from "../storage/store.js";
import { describeEachStore } from "../storage/test-stores.js";
import { loginAs } from "../test-support/admin.js";
import { createArticle, getArticle, saveArticle } from "./articles.js";
import { readContentVersion } from "./content-version.js";
import {
  enqueueMissingPublishJobs,
  publishNow,
  publishScheduledArticle,
  recordCorrection,
  scheduleArticle,
  sendBackToDraft,
  submitForReview,
  withdraw,
} from "./workflow.js";

const NOW = new Date("2030-05-01T08:00:00Z");
const hours = (n: number) => new Date(NOW.getTime() + n * 3600_000);

async function draftBy(store: Store, accountId: number, overrides: { language?: string } = {}) {
  const article = await createArticle(
    store,
    { language: overrides.language ?? "en", title: "The budget", body: "Words about the budget." },
    hours(-48),
  );
  await setOwner(store, article.id, accountId);
  return article;
}

async function actions(store: Store, id: number) {
  const events = await listAuditEvents(store, { limit: 100 });
  return events
    .filter((e) => e.subject === `article ${id}`)
    .map((e) => e.action)
    .reverse();
}

describeEachStore("review and publishing", (store) => {
  it("takes an article from draft through review to published, each step in the audit log", async () => {
    const writer = await loginAs(store(), "writer");
    const editor = await loginAs(store(), "editor");
    const article = await draftBy(store(), writer.account.id);
    expect((await submitForReview(store(), writer.account, article.id, {}, NOW)).status).toBe("review");
    const published = await publishNow(store(), editor.account, article.id, { address: "192.0.2.1" }, NOW);
    expect(published).toMatchObject({ status: "published", publishedAt: NOW.toISOString() });
    expect(published.path).toBe("/en/articles/2030/05/01/the-budget");
    expect(await actions(store(), article.id)).toEqual(["article.submit", "article.publish"]);
    const [last] = await listAuditEvents(store(), { limit: 1 });
    expect(last).toMatchObject({ accountId: editor.account.id, address: "192.0.2.1" });
    expect(JSON.parse(last?.detail ?? "{}")).toMatchObject({ from: "review", to: "published" });
  });

  it("lets no writer or translator publish, schedule, send back, withdraw or correct, and changes nothing", async () => {
    const writer = await loginAs(store(), "writer");
    const translator = await loginAs(store(), "translator", { languages: ["en"] });
    const article = await draftBy(store(), writer.account.id);
    await submitForReview(store(), writer.account, article.id, {}, NOW);
    for (const who of [writer.account, translator.account]) {
      await expect(publishNow(store(), who, article.id, {}, NOW)).rejects.toThrow(ForbiddenError);
      await expect(scheduleArticle(store(), who, article.id, hours(5), {}, NOW)).rejects.toThrow(
        ForbiddenError,
      );
      await expect(sendBackToDraft(store(), who, article.id, {}, NOW)).rejects.toThrow(ForbiddenError);
      await expect(withdraw(store(), who, article.id, {}, NOW)).rejects.toThrow(ForbiddenError);
      await expect(recordCorrection(store(), who, article.id, "Oops.", {}, NOW)).rejects.toThrow(
        ForbiddenError,
      );
    }
    expect((await getArticle(store(), article.id)).status).toBe("review");
    expect(await findJob(store(), publishJobKey(article.id))).toBeUndefined();
    expect(await actions(store(), article.id)).toEqual(["article.submit"]);
  });

  it("refuses a writer's submission of an article that is not theirs, and a translator's outside their languages", async () => {
    const owner = await loginAs(store(), "writer");
    const other = await loginAs(store(), "writer");
    const translator = await loginAs(store(), "translator", { languages: ["de"] });
    const article = await draftBy(store(), owner.account.id);
    await expect(submitForReview(store(), other.account, article.id)).rejects.toThrow(ForbiddenError);
    await expect(submitForReview(store(), translator.account, article.id)).rejects.toThrow(ForbiddenError);
    expect((await getArticle(store(), article.id)).status).toBe("draft");
  });

  it("schedules with a job at that time, moves the job when rescheduled, and removes it when sent back", async () => {
    const editor = await loginAs(store(), "editor");
    const article = await draftBy(store(), editor.account.id);
    const scheduled = await scheduleArticle(store(), editor.account, article.id, hours(5), {}, NOW);
    expect(scheduled).toMatchObject({ status: "scheduled", publishedAt: hours(5).toISOString(), path: null });
    expect(await findJob(store(), publishJobKey(article.id))).toMatchObject({
      kind: "publish",
      status: "pending",
      runAt: hours(5).toISOString(),
      payload: { articleId: article.id },
    });
    await scheduleArticle(store(), editor.account, article.id, hours(9), {}, NOW);
    const jobs = await store().db.selectFrom("jobs").select(["run_at"]).execute();
    expect(jobs).toEqual([{ run_at: hours(9).toISOString() }]);
    expect((await sendBackToDraft(store(), editor.account, article.id, {}, NOW)).status).toBe("draft");
    expect(await findJob(store(), publishJobKey(article.id))).toBeUndefined();
    const runner = createJobRunner({ store: store(), handlers: JOB_HANDLERS, clock: () => hours(10) });
    expect(await runner.runOnce()).toBe(0);
    expect((await getArticle(store(), article.id)).status).toBe("draft");
  });

  it("withdrawing a scheduled article cancels its job; publishing it now does too", async () => {
    const editor = await loginAs(store(), "editor");
    const first = await draftBy(store(), editor.account.id);
    const second = await draftBy(store(), editor.account.id);
    await scheduleArticle(store(), editor.account, first.id, hours(5), {}, NOW);
    await scheduleArticle(store(), editor.account, second.id, hours(5), {}, NOW);
    expect((await withdraw(store(), editor.account, first.id, {}, NOW)).status).toBe("withdrawn");
    const now = await publishNow(store(), editor.account, second.id, {}, hours(1));
    expect(now).toMatchObject({ status: "published", publishedAt: hours(1).toISOString() });
    expect(await findJob(store(), publishJobKey(first.id))).toBeUndefined();
    expect(await findJob(store(), publishJobKey(second.id))).toBeUndefined();
  });

  it("refuses a time that is not in the future, and status changes that do not follow from the status", async () => {
    const editor = await loginAs(store(), "editor");
    const article = await draftBy(store(), editor.account.id);
    await expect(scheduleArticle(store(), editor.account, article.id, hours(-1), {}, NOW)).rejects.toThrow(
      InvalidError,
    );
    await expect(
      scheduleArticle(store(), editor.account, article.id, new Date("x"), {}, NOW),
    ).rejects.toThrow(InvalidError);
    await expect(withdraw(store(), editor.account, article.id, {}, NOW)).rejects.toThrow(ConflictError);
    await expect(sendBackToDraft(store(), editor.account, article.id, {}, NOW)).rejects.toThrow(
      ConflictError,
    );
    await publishNow(store(), editor.account, article.id, {}, NOW);
    await expect(submitForReview(store(), editor.account, article.id, {}, NOW)).rejects.toThrow(
      /is published: it cannot be submitted for review/,
    );
    await expect(scheduleArticle(store(), editor.account, article.id, hours(3), {}, NOW)).rejects.toThrow(
      ConflictError,
    );
    await expect(publishNow(store(), editor.account, article.id, {}, NOW)).rejects.toThrow(ConflictError);
    expect(await actions(store(), article.id)).toEqual(["article.publish"]);
  });

  it("refuses to publish or schedule an article with an image that has no alt text", async () => {
    const editor = await loginAs(store(), "editor");
    const article = await draftBy(store(), editor.account.id);
    await saveArticle(store(), article.id, {
      body: "Look:\n\n![](https://example.org/chart.png)",
      baseRevision: 1,
    });
    await expect(publishNow(store(), editor.account, article.id, {}, NOW)).rejects.toThrow(/no alt text/);
    await expect(scheduleArticle(store(), editor.account, article.id, hours(3), {}, NOW)).rejects.toThrow(
      InvalidError,
    );
    expect((await getArticle(store(), article.id)).status).toBe("draft");
    expect(await findJob(store(), publishJobKey(article.id))).toBeUndefined();
    await saveArticle(store(), article.id, {
      body: "Look:\n\n![A rising line](https://example.org/chart.png)",
      baseRevision: 2,
    });
    expect((await publishNow(store(), editor.account, article.id, {}, NOW)).status).toBe("published");
  });

  it("lets the publish job fail, saying why, when an image lost its description after scheduling", async () => {
    const editor = await loginAs(store(), "editor");
    const article = await draftBy(store(), editor.account.id);
    await scheduleArticle(store(), editor.account, article.id, hours(2), {}, NOW);
    await saveArticle(store(), article.id, {
      body: "Look:\n\n![](https://example.org/chart.png)",
      baseRevision: 1,
    });
    const job = await findJob(store(), publishJobKey(article.id));
    if (!job) throw new Error("no job");
    await expect(publishScheduledArticle(store(), job, hours(3))).rejects.toThrow(/no alt text/);
    expect((await getArticle(store(), article.id)).status).toBe("scheduled");
  });

  it("publishes a withdrawn article again under its first date and address", async () => {
    const editor = await loginAs(store(), "editor");
    const article = await draftBy(store(), editor.account.id);
    const first = await publishNow(store(), editor.account, article.id, {}, NOW);
    await withdraw(store(), editor.account, article.id, {}, hours(24));
    const again = await publishNow(store(), editor.account, article.id, {}, hours(48));
    expect(again).toMatchObject({ status: "published", publishedAt: first.publishedAt, path: first.path });
  });

  it("makes a publish job that runs twice, or on an article no longer scheduled, publish once at most", async () => {
    const editor = await loginAs(store(), "editor");
    const article = await draftBy(store(), editor.account.id);
    await scheduleArticle(store(), editor.account, article.id, hours(2), {}, NOW);
    const job = await findJob(store(), publishJobKey(article.id));
    if (!job) throw new Error("no job");
    await publishScheduledArticle(store(), job, hours(3));
    await publishScheduledArticle(store(), job, hours(4));
    expect((await getArticle(store(), article.id)).publishedAt).toBe(hours(2).toISOString());
    expect(await actions(store(), article.id)).toEqual(["article.schedule", "article.publish"]);
    const [published] = await listAuditEvents(store(), { limit: 1 });
    expect(published?.accountId).toBeNull();

    const other = await draftBy(store(), editor.account.id);
    await publishScheduledArticle(store(), { ...job, payload: { articleId: other.id } }, hours(4));
    expect((await getArticle(store(), other.id)).status).toBe("draft");
    await expect(
      publishScheduledArticle(store(), { ...job, payload: { articleId: "7" } }, NOW),
    ).rejects.toThrow(/names no article/);
  });

  it("gives a publish job to a scheduled article that has none", async () => {
    const editor = await loginAs(store(), "editor");
    const article = await draftBy(store(), editor.account.id);
    await scheduleArticle(store(), editor.account, article.id, hours(2), {}, NOW);
    await store().db.deleteFrom("jobs").execute();
    expect(await enqueueMissingPublishJobs(store(), NOW)).toBe(1);
    expect((await findJob(store(), publishJobKey(article.id)))?.runAt).toBe(hours(2).toISOString());
    await enqueueMissingPublishJobs(store(), NOW);
    expect(await store().db.selectFrom("jobs").select("id").execute()).toHaveLength(1);
  });

  it("records a dated correction on a published article and bumps the content version", async () => {
    const editor = await loginAs(store(), "editor");
    const article = await draftBy(store(), editor.account.id);
    await expect(
      recordCorrection(store(), editor.account, article.id, "Too early.", {}, NOW),
    ).rejects.toThrow(ConflictError);
    await publishNow(store(), editor.account, article.id, {}, NOW);
    const version = await readContentVersion(store());
    const corrected = await recordCorrection(
      store(),
      editor.account,
      article.id,
      "  An earlier version gave\nthe wrong year.  ",
      {},
      hours(30),
    );
    expect(corrected).toMatchObject({
      correction: "An earlier version gave the wrong year.",
      correctedAt: hours(30).toISOString(),
      revision: article.revision,
    });
    expect(await readContentVersion(store())).toBe(version + 1);
    expect(await actions(store(), article.id)).toEqual(["article.publish", "article.correct"]);
  });

  it("refuses an empty or oversized correction and keeps the old one", async () => {
    const editor = await loginAs(store(), "editor");
    const article = await draftBy(store(), editor.account.id);
    await publishNow(store(), editor.account, article.id, {}, NOW);
    await recordCorrection(store(), editor.account, article.id, "First.", {}, NOW);
    await expect(recordCorrection(store(), editor.account, article.id, " \n\t ", {}, NOW)).rejects.toThrow(
      InvalidError,
    );
    await expect(
      recordCorrection(store(), editor.account, article.id, "x".repeat(2001), {}, NOW),
    ).rejects.toThrow(/at most 2,000 characters/);
    expect((await getArticle(store(), article.id)).correction).toBe("First.");
  });

  it("answers two accounts saving from the same revision with a 409 that keeps both texts and who wrote them", async () => {
    const one = await loginAs(store(), "editor");
    const two = await loginAs(store(), "writer");
    const article = await draftBy(store(), two.account.id);
    await saveArticle(store(), article.id, { body: "One's text.", baseRevision: 1 }, hours(1), one.account);
    const refused = saveArticle(
      store(),
      article.id,
      { body: "Two's text.", baseRevision: 1 },
      hours(2),
      two.account,
    );
    await expect(refused).rejects.toThrow(ConflictError);
    const error = (await refused.catch((e: unknown) => e)) as ConflictError<{ body: string }>;
    expect(error.current.body).toBe("One's text.");
    expect(error.attempted.body).toBe("Two's text.");
    const entries = await listRevisionEntries(store(), article.id, { limit: 10 });
    expect(entries.map((e) => [e.revision, e.kind, e.accountId])).toEqual([
      [1, "conflict", two.account.id],
      [2, "save", one.account.id],
      [1, "save", null],
    ]);
    expect(entries[1]?.savedBy).toBe(one.account.name);
  });
});
