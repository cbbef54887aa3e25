// The audit log: who did what, when and from where. Written in the same transaction as the change it records.
import { insertAuditEvent, listAuditEvents } from "../storage/audit.js";
import type { Store } from "../storage/store.js";

export interface Actor {
  id: number;
  email: string;
}

export interface AuditEntry {
  action: string;
  /** What was acted on, e.g. "article 42" or "account editor@example.org". */
  subject?: string;
  detail?: string | Record<string, unknown>;
  /** The client's address, when the action came over HTTP. */
  address?: string;
}

const MAX_DETAIL = 4000;

export async function recordAudit(
  store: Store,
  actor: Actor | null,
  entry: AuditEntry,
  now = new Date(),
): Promise<void> {
  const detail =
    typeof entry.detail === "string" ? entry.detail : entry.detail ? JSON.stringify(entry.detail) : "";
  await insertAuditEvent(store, {
    at: now.toISOString(),
    accountId: actor?.id ?? null,
    actor: actor?.email ?? "",
    action: entry.action,
    subject: entry.subject ?? "",
    detail: detail.slice(0, MAX_DETAIL),
    address: entry.address ?? "",
  });
}

export function readAuditLog(
  store: Store,
  options: { beforeId?: number; accountId?: number; limit?: number },
) {
  return listAuditEvents(store, { ...options, limit: Math.min(options.limit ?? 50, 200) });
}
