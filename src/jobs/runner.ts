// Runs the jobs table: every few seconds it leases the due jobs it has handlers for, runs each, and marks
// it done — or, on an error, pending again after a growing pause, until the last attempt marks it failed.
// A lease has a timeout: if this process dies holding one, another runner takes the job when it runs out,
// so a handler must be safe to run twice.

import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import type { Logger } from "../log.js";
import { deleteDoneJobs, finishJob, leaseDueJobs, releaseFailedJob } from "../storage/jobs.js";
import type { Store } from "../storage/store.js";
import type { Job } from "./job.js";

export type JobHandler = (store: Store, job: Job, now: Date) => Promise<void>;

export interface JobRunnerOptions {
  store: Store;
  handlers: Record<string, JobHandler>;
  log?: Logger;
  pollMs?: number;
  leaseSeconds?: number;
  maxAttempts?: number;
  /** How many jobs one poll leases. */
  batch?: number;
  /** Seconds to wait before the attempt after `attempts` failed ones. */
  backoffSeconds?: (attempts: number) => number;
  /** How long a finished job is kept before a poll forgets it. */
  keepDoneDays?: number;
  /** Names this runner in leased_by; unique per runner by default. */
  name?: string;
  clock?: () => Date;
}

export interface JobRunner {
  readonly name: string;
  /** One poll: leases and runs what is due; returns how many jobs it ran. */
  runOnce(): Promise<number>;
  /** Polls until stopped. */
  start(): void;
  /** Stops polling and waits for the job in hand to finish. */
  stop(): Promise<void>;
}

const MAX_ERROR = 2000;
const SWEEP_EVERY_MS = 3600_000;

export function defaultBackoff(attempts: number): number {
  return Math.min(30 * 2 ** Math.max(0, attempts - 1), 3600);
}

export function createJobRunner(options: JobRunnerOptions): JobRunner {
  const {
    store,
    handlers,
    log,
    pollMs = 5000,
    leaseSeconds = 120,
    maxAttempts = 5,
    batch = 20,
    backoffSeconds = defaultBackoff,
    clock = () => new Date(),
    keepDoneDays = 30,
  } = options;
  const name = options.name ?? `${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;
  const kinds = Object.keys(handlers);
  let timer: NodeJS.Timeout | undefined;
  let stopped = true;
  let current: Promise<unknown> = Promise.resolve();
  let lastSweep = 0;

  async function runJob(job: Job): Promise<void> {
    const handler = handlers[job.kind];
    const now = clock();
    try {
      if (!handler) throw new Error(`no handler for jobs of kind "${job.kind}"`);
      await handler(store, job, now);
      await finishJob(store, job.id, name, clock().toISOString());
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).slice(0, MAX_ERROR);
      const last = job.attempts >= maxAttempts;
      const runAt = last ? null : new Date(clock().getTime() + backoffSeconds(job.attempts) * 1000);
      log?.warn(
        { err: error, job: job.id, kind: job.kind, attempt: job.attempts },
        last ? "job failed for good" : "job failed; it will be tried again",
      );
      await releaseFailedJob(store, job.id, name, {
        error: message,
        runAt: runAt?.toISOString() ?? null,
        now: clock().toISOString(),
      });
    }
  }

  async function runOnce(): Promise<number> {
    const now = clock();
    const jobs = await leaseDueJobs(store, {
      kinds,
      now: now.toISOString(),
      leaseUntil: new Date(now.getTime() + leaseSeconds * 1000).toISOString(),
      leasedBy: name,
      limit: batch,
    });
    for (const job of jobs) await runJob(job);
    if (now.getTime() - lastSweep >= SWEEP_EVERY_MS) {
      lastSweep = now.getTime();
      await deleteDoneJobs(store, new Date(now.getTime() - keepDoneDays * 86_400_000).toISOString());
    }
    return jobs.length;
  }

  function schedule(delay: number): void {
    if (stopped) return;
    timer = setTimeout(() => {
      const run = runOnce().then(
        // A full batch means more may be waiting: look again at once.
        (count) => schedule(count === batch ? 0 : pollMs),
        (error: unknown) => {
          log?.error({ err: error }, "could not lease jobs");
          schedule(pollMs);
        },
      );
      current = run;
    }, delay);
  }

  return {
    name,
    runOnce,
    start() {
      if (!stopped) return;
      stopped = false;
      schedule(0);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await current;
    },
  };
}
