// The jobs table (DESIGN §2): work to run later or elsewhere — scheduled publishing first — kept only as
// rows, so it survives restarts and is shared by every app server. runner.ts leases and runs them.
import { deleteJobByKey, findJobByKey, upsertJob } from "../storage/jobs.js";
import type { Store } from "../storage/store.js";
import type { Job, NewJob } from "./job.js";

/** Call inside the transaction of the change that wants the job, so both happen or neither. */
export async function enqueueJob(store: Store, job: NewJob, now = new Date()): Promise<void> {
  await upsertJob(store, job, now.toISOString());
}

export async function cancelJob(store: Store, uniqueKey: string): Promise<void> {
  await deleteJobByKey(store, uniqueKey);
}

export function findJob(store: Store, uniqueKey: string): Promise<Job | undefined> {
  return findJobByKey(store, uniqueKey);
}

export function publishJobKey(articleId: number): string {
  return `publish:${articleId}`;
}
