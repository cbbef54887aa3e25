// When an article's correction was recorded, so the public page can date it ("Correction, 3 March: …").
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("articles").addColumn("corrected_at", "text").execute();
  // Expired leases are looked for on every poll: this keeps that a range over the few running jobs.
  await db.schema.createIndex("jobs_leased").on("jobs").columns(["status", "lease_until"]).execute();
}
