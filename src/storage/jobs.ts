// The SQL of the jobs table, the same on both databases but for one clause of leasing. Every change to a
// leased job names the lease holder, so a runner whose lease ran out and was taken by another cannot mark
// the job behind the new holder's back.
import type { Selectable } from "kysely";
import type { Job, JobStatus, NewJob } from "../jobs/job.js";
import type { JobTable } from "./schema.js";
import type { Store } from "./store.js";

export interface LeaseRequest {
  kinds: readonly string[];
  now: string;
  leaseUntil: string;
  leasedBy: string;
  limit: number;
}

/** Adds a job; one with the same unique key is moved to the new time and made pending again. */
export async function upsertJob(store: Store, job: NewJob, now: string): Promise<void> {
  const values = {
    kind: job.kind,
    payload: JSON.stringify(job.payload ?? {}),
    unique_key: job.uniqueKey ?? null,
    run_at: job.runAt.toISOString(),
    status: "pending",
    attempts: 0,
    lease_until: null,
    leased_by: null,
    last_error: "",
    created_at: now,
    updated_at: now,
  };
  const { created_at: _, ...reset } = values;
  await store.db
    .insertInto("jobs")
    .values(values)
    .onConflict((oc) => oc.column("unique_key").doUpdateSet(reset))
    .execute();
}

/** Adds a job unless one with its key exists, whatever that one's state. */
export async function insertJobIfAbsent(store: Store, job: NewJob, now: string): Promise<void> {
  await store.db
    .insertInto("jobs")
    .values({
      kind: job.kind,
      payload: JSON.stringify(job.payload ?? {}),
      unique_key: job.uniqueKey ?? null,
      run_at: job.runAt.toISOString(),
      status: "pending",
      attempts: 0,
      last_error: "",
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.column("unique_key").doNothing())
    .execute();
}

/** A running job is left to finish: its handler finds nothing to do, and it is marked done, not lost. */
export async function deleteJobByKey(store: Store, uniqueKey: string): Promise<void> {
  await store.db
    .deleteFrom("jobs")
    .where("unique_key", "=", uniqueKey)
    .where("status", "!=", "running")
    .execute();
}

/** Forgets finished jobs last changed before `before`; failed ones stay for someone to look at. */
export async function deleteDoneJobs(store: Store, before: string): Promise<number> {
  const result = await store.db
    .deleteFrom("jobs")
    .where("status", "=", "done")
    .where("updated_at", "<", before)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function findJobByKey(store: Store, uniqueKey: string): Promise<Job | undefined> {
  const row = await store.db
    .selectFrom("jobs")
    .selectAll()
    .where("unique_key", "=", uniqueKey)
    .executeTakeFirst();
  return row && toJob(row);
}

export async function findJobById(store: Store, id: number): Promise<Job | undefined> {
  const row = await store.db.selectFrom("jobs").selectAll().where("id", "=", id).executeTakeFirst();
  return row && toJob(row);
}

/**
 * Leases up to `limit` jobs of these kinds that are due, or whose lease has run out; counts an attempt.
 * One UPDATE … RETURNING: on SQLite it is atomic by itself (one writer at a time); on PostgreSQL the due rows
 * are chosen FOR UPDATE SKIP LOCKED, so several servers polling at once take different rows without waiting.
 */
export async function leaseDueJobs(store: Store, r: LeaseRequest): Promise<Job[]> {
  if (r.kinds.length === 0 || r.limit < 1) return [];
  const rows = await store.db
    .updateTable("jobs")
    .set((eb) => ({
      status: "running",
      attempts: eb("attempts", "+", 1),
      lease_until: r.leaseUntil,
      leased_by: r.leasedBy,
      updated_at: r.now,
    }))
    .where("id", "in", (eb) => {
      const due = eb
        .selectFrom("jobs")
        .select("id")
        .where("kind", "in", r.kinds)
        .where((w) =>
          w.or([
            w.and([w("status", "=", "pending"), w("run_at", "<=", r.now)]),
            w.and([w("status", "=", "running"), w("lease_until", "<", r.now)]),
          ]),
        )
        .orderBy("run_at")
        .orderBy("id")
        .limit(r.limit);
      return store.kind === "postgres" ? due.forUpdate().skipLocked() : due;
    })
    .returningAll()
    .execute();
  return rows.map(toJob);
}

export async function finishJob(store: Store, id: number, leasedBy: string, now: string): Promise<boolean> {
  return changeLeased(store, id, leasedBy, {
    status: "done",
    lease_until: null,
    last_error: "",
    updated_at: now,
  });
}

/** Back to pending at `runAt`, or failed for good when `runAt` is null. */
export async function releaseFailedJob(
  store: Store,
  id: number,
  leasedBy: string,
  outcome: { error: string; runAt: string | null; now: string },
): Promise<boolean> {
  return changeLeased(store, id, leasedBy, {
    status: outcome.runAt === null ? "failed" : "pending",
    ...(outcome.runAt === null ? {} : { run_at: outcome.runAt }),
    lease_until: null,
    leased_by: null,
    last_error: outcome.error,
    updated_at: outcome.now,
  });
}

async function changeLeased(
  store: Store,
  id: number,
  leasedBy: string,
  changes: Partial<Selectable<JobTable>>,
): Promise<boolean> {
  const result = await store.db
    .updateTable("jobs")
    .set(changes)
    .where("id", "=", id)
    .where("status", "=", "running")
    .where("leased_by", "=", leasedBy)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export function toJob(row: Selectable<JobTable>): Job {
  return {
    id: Number(row.id),
    kind: row.kind,
    payload: parsePayload(row.payload),
    uniqueKey: row.unique_key,
    runAt: row.run_at,
    status: row.status as JobStatus,
    attempts: Number(row.attempts),
    leaseUntil: row.lease_until,
    leasedBy: row.leased_by,
    lastError: row.last_error,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function parsePayload(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === "object" && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    // A payload this program did not write: the handler sees an empty one and refuses it by name.
    return {};
  }
}
