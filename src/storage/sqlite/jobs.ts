// Leasing jobs on SQLite: one UPDATE … RETURNING is atomic (SQLite has one writer at a time), so the rows it
// marks running are this runner's alone.
import type { Selectable } from "kysely";
import type { LeaseRequest } from "../jobs.js";
import type { JobTable } from "../schema.js";
import type { Store } from "../store.js";

export async function leaseJobs(store: Store, r: LeaseRequest): Promise<Selectable<JobTable>[]> {
  return store.db
    .updateTable("jobs")
    .set((eb) => ({
      status: "running",
      attempts: eb("attempts", "+", 1),
      lease_until: r.leaseUntil,
      leased_by: r.leasedBy,
      updated_at: r.now,
    }))
    .where("id", "in", (eb) =>
      eb
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
        .limit(r.limit),
    )
    .returningAll()
    .execute();
}
