import { expect, it, vi } from "vitest";
import { createArticle, getArticle, publishArticle } from "../content/articles.js";
import { createLogger } from "../log.js";
import { findJobById, leaseDueJobs } from "../storage/jobs.js";
import type { Store } from "../storage/store.js";
import { describeEachStore } from "../storage/test-stores.js";
import { JOB_HANDLERS } from "./handlers.js";
import { enqueueJob, findJob, publishJobKey } from "./jobs.js";
import { createJobRunner, type JobHandler } from "./runner.js";

const T = new Date("2030-03-01T09:00:00Z");
const later = (seconds: number) => new Date(T.getTime() + seconds * 1000);
const log = createLogger();

async function scheduled(store: Store, title: string, at = T): Promise<number> {
  const article = await createArticle(
    store,
    { language: "en", title, body: `The text of ${title}.` },
    later(-3600),
  );
  await publishArticle(store, article.id, at, later(-3600));
  return article.id;
}

function runnerAt(store: Store, clock: () => Date, handlers: Record<string, JobHandler> = JOB_HANDLERS) {
  return createJobRunner({ store, handlers, log, clock, backoffSeconds: () => 10, maxAttempts: 3 });
}

describeEachStore("the job runner", (store) => {
  it("publishes a scheduled article when its time comes, and not before", async () => {
    const id = await scheduled(store(), "Tomorrow's leader");
    expect(await runnerAt(store(), () => later(-60)).runOnce()).toBe(0);
    expect((await getArticle(store(), id)).status).toBe("scheduled");
    expect(await runnerAt(store(), () => later(1)).runOnce()).toBe(1);
    expect((await getArticle(store(), id)).status).toBe("published");
    expect((await findJob(store(), publishJobKey(id)))?.status).toBe("done");
  });

  it("takes again a job whose lease ran out, as when a server dies holding it", async () => {
    const id = await scheduled(store(), "Orphaned");
    const [held] = await leaseDueJobs(store(), {
      kinds: ["publish"],
      now: later(1).toISOString(),
      leaseUntil: later(120).toISOString(),
      leasedBy: "a server that died",
      limit: 10,
    });
    expect(held?.status).toBe("running");
    expect(await runnerAt(store(), () => later(60)).runOnce()).toBe(0);
    expect(await runnerAt(store(), () => later(121)).runOnce()).toBe(1);
    expect((await getArticle(store(), id)).status).toBe("published");
    const job = await findJob(store(), publishJobKey(id));
    expect(job).toMatchObject({ status: "done", attempts: 2 });
  });

  it("retries a failing job after a pause, then marks it failed with the last error", async () => {
    let calls = 0;
    const boom: JobHandler = async () => {
      calls += 1;
      throw new Error(`the mail server said no (${calls})`);
    };
    await enqueueJob(store(), { kind: "mail", runAt: T }, T);
    const handlers = { mail: boom };
    expect(await runnerAt(store(), () => later(0), handlers).runOnce()).toBe(1);
    const [first] = await store().db.selectFrom("jobs").select("id").execute();
    const id = Number(first?.id);
    expect(await findJobById(store(), id)).toMatchObject({
      status: "pending",
      attempts: 1,
      runAt: later(10).toISOString(),
      lastError: "the mail server said no (1)",
    });
    expect(await runnerAt(store(), () => later(5), handlers).runOnce()).toBe(0);
    expect(await runnerAt(store(), () => later(11), handlers).runOnce()).toBe(1);
    expect(await runnerAt(store(), () => later(22), handlers).runOnce()).toBe(1);
    expect(await findJobById(store(), id)).toMatchObject({
      status: "failed",
      attempts: 3,
      lastError: "the mail server said no (3)",
    });
    expect(await runnerAt(store(), () => later(9999), handlers).runOnce()).toBe(0);
    expect(calls).toBe(3);
  });

  it("leaves alone the jobs of kinds it has no handler for", async () => {
    await enqueueJob(store(), { kind: "webmention", runAt: T }, T);
    expect(await runnerAt(store(), () => later(1)).runOnce()).toBe(0);
    const [job] = await store().db.selectFrom("jobs").select("status").execute();
    expect(job?.status).toBe("pending");
  });

  it("does not let a runner whose lease was taken over mark the job", async () => {
    let release: () => void = () => {};
    const slow: JobHandler = () => new Promise<void>((resolve) => (release = resolve));
    await enqueueJob(store(), { kind: "slow", runAt: T }, T);
    const first = runnerAt(store(), () => later(0), { slow });
    const running = first.runOnce();
    await vi.waitFor(async () => {
      const [job] = await store().db.selectFrom("jobs").select("status").execute();
      expect(job?.status).toBe("running");
    });
    // The lease (120 s) runs out; another runner takes the job and fails it.
    const failing: JobHandler = async () => {
      throw new Error("second runner failed");
    };
    expect(await runnerAt(store(), () => later(200), { slow: failing }).runOnce()).toBe(1);
    release();
    await running;
    const [job] = await store().db.selectFrom("jobs").selectAll().execute();
    expect(job).toMatchObject({ status: "pending", last_error: "second runner failed" });
  });

  it("forgets finished jobs after a month, and keeps failed ones", async () => {
    const handlers: Record<string, JobHandler> = {
      ok: async () => {},
      bad: async () => {
        throw new Error("no");
      },
    };
    await enqueueJob(store(), { kind: "ok", runAt: T }, T);
    await enqueueJob(store(), { kind: "bad", runAt: T }, T);
    const runner = createJobRunner({ store: store(), handlers, log, clock: () => later(0), maxAttempts: 1 });
    expect(await runner.runOnce()).toBe(2);
    const statuses = async () =>
      (await store().db.selectFrom("jobs").select("status").orderBy("id").execute()).map((j) => j.status);
    expect(await statuses()).toEqual(["done", "failed"]);
    const monthLater = createJobRunner({ store: store(), handlers, log, clock: () => later(31 * 86_400) });
    await monthLater.runOnce();
    expect(await statuses()).toEqual(["failed"]);
  });

  it("runs on its own once started, and stops", async () => {
    const id = await scheduled(store(), "Polled");
    const runner = createJobRunner({
      store: store(),
      handlers: JOB_HANDLERS,
      log,
      pollMs: 20,
      clock: () => later(1),
    });
    runner.start();
    await vi.waitFor(async () => expect((await getArticle(store(), id)).status).toBe("published"));
    await runner.stop();
  });
});
