// The SQL of the audit log and of the rate-limit counters.
import type { Store } from "./store.js";

export interface AuditEventRow {
  id: number;
  at: string;
  accountId: number | null;
  actor: string;
  action: string;
  subject: string;
  detail: string;
  address: string;
}

export async function insertAuditEvent(store: Store, event: Omit<AuditEventRow, "id">): Promise<void> {
  await store.db
    .insertInto("audit_events")
    .values({
      at: event.at,
      account_id: event.accountId,
      actor: event.actor,
      action: event.action,
      subject: event.subject,
      detail: event.detail,
      address: event.address,
    })
    .execute();
}

/** Newest first, by keyset on id; optionally one account's events. */
export async function listAuditEvents(
  store: Store,
  options: { beforeId?: number; accountId?: number; limit: number },
): Promise<AuditEventRow[]> {
  let query = store.db.selectFrom("audit_events").selectAll().orderBy("id", "desc").limit(options.limit);
  if (options.beforeId !== undefined) query = query.where("id", "<", options.beforeId);
  if (options.accountId !== undefined) query = query.where("account_id", "=", options.accountId);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: Number(r.id),
    at: r.at,
    accountId: r.account_id === null ? null : Number(r.account_id),
    actor: r.actor,
    action: r.action,
    subject: r.subject,
    detail: r.detail,
    address: r.address,
  }));
}

/** Counts one hit against `key` in the window starting at `windowStart`; returns the hits so far. */
export async function countHit(store: Store, key: string, windowStart: string): Promise<number> {
  const row = await store.db
    .insertInto("rate_limits")
    .values({ key, window_start: windowStart, hits: 1 })
    .onConflict((oc) =>
      oc.columns(["key", "window_start"]).doUpdateSet((eb) => ({ hits: eb("rate_limits.hits", "+", 1) })),
    )
    .returning("hits")
    .executeTakeFirstOrThrow();
  return Number(row.hits);
}

export async function readHits(store: Store, key: string, windowStart: string): Promise<number> {
  const row = await store.db
    .selectFrom("rate_limits")
    .select("hits")
    .where("key", "=", key)
    .where("window_start", "=", windowStart)
    .executeTakeFirst();
  return row ? Number(row.hits) : 0;
}

export async function clearHits(store: Store, key: string): Promise<void> {
  await store.db.deleteFrom("rate_limits").where("key", "=", key).execute();
}

export async function deleteOldWindows(store: Store, before: string): Promise<void> {
  await store.db.deleteFrom("rate_limits").where("window_start", "<", before).execute();
}
