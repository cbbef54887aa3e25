// Listings filtered by kind (the read API's `kind`, the admin's lists) walk this index instead of checking
// each article of a language in turn.
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex("articles_kind_listing")
    .on("articles")
    .columns(["language", "status", "kind", "published_at", "id"])
    .execute();
}
