// What a job is: a row in the jobs table that some app server will lease, run and mark (DESIGN §2).

export type JobStatus = "pending" | "running" | "done" | "failed";

export interface Job {
  id: number;
  kind: string;
  payload: Record<string, unknown>;
  uniqueKey: string | null;
  runAt: string;
  status: JobStatus;
  /** How many times it has been leased, the current lease included. */
  attempts: number;
  leaseUntil: string | null;
  leasedBy: string | null;
  lastError: string;
  createdAt: string;
  updatedAt: string;
}

export interface NewJob {
  kind: string;
  payload?: Record<string, unknown>;
  /** At most one job per key: enqueueing again moves the existing job instead of adding one. */
  uniqueKey?: string;
  runAt: Date;
}
