// The source library: each source's full text with its persisted word index, which sources each article
// cites, every quotation's last check, and the overrides editors record to publish a failing quotation.
import { type Kysely, sql } from "kysely";
import type { MigrationContext } from "./index.js";

export async function up(db: Kysely<unknown>, { dialect }: MigrationContext): Promise<void> {
  const bytes = dialect === "postgres" ? "bytea" : "blob";
  await db.schema
    .createTable("source_texts")
    .addColumn("source_key", "text", (c) =>
      c.primaryKey().references("sources.key").onDelete("cascade").onUpdate("cascade"),
    )
    .addColumn("text", "text", (c) => c.notNull())
    /** JSON: [{ start, label }] — where each page begins in `text`. */
    .addColumn("pages", "text", (c) => c.notNull())
    .addColumn("word_count", "integer", (c) => c.notNull())
    .addColumn("word_index", bytes, (c) => c.notNull())
    .addColumn("format", "text", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("uploaded_at", "text", (c) => c.notNull())
    .execute();

  // Which sources an article cites, so a source's articles are found by index (to render them again when
  // the source changes, to refuse deleting a cited source, to export an article's bibliography).
  await db.schema
    .createTable("article_sources")
    .addColumn("article_id", "integer", (c) => c.notNull().references("articles.id").onDelete("cascade"))
    .addColumn("source_key", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("article_sources_pk", ["article_id", "source_key"])
    .execute();
  await db.schema
    .createIndex("article_sources_source")
    .on("article_sources")
    .columns(["source_key", "article_id"])
    .execute();

  await db.schema.alterTable("quotations").addColumn("status", "text").execute();
  await db.schema.alterTable("quotations").addColumn("result", "text").execute();
  await db.schema.alterTable("quotations").addColumn("checked_at", "text").execute();

  // An override names the quotation by a hash of its text and citation, so it survives saves that leave
  // the quotation alone and lapses when the quotation changes.
  await db.schema
    .createTable("quotation_overrides")
    .addColumn("article_id", "integer", (c) => c.notNull().references("articles.id").onDelete("cascade"))
    .addColumn("quotation_hash", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("account_id", "integer", (c) => c.references("accounts.id").onDelete("set null"))
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("quotation_overrides_pk", ["article_id", "quotation_hash"])
    .execute();

  // A store with articles from before: they are rendered again in the job runner's time, so their
  // citations take the house style and their sources and quotations are recorded.
  const now = new Date().toISOString();
  await sql`INSERT INTO jobs (kind, payload, unique_key, run_at, status, attempts, last_error, created_at, updated_at)
    SELECT 'citations.upgrade', '{}', 'citations.upgrade', ${now}, 'pending', 0, '', ${now}, ${now}
    WHERE EXISTS (SELECT 1 FROM articles)`.execute(db);
}
