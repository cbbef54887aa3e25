// The newsroom: accounts (logins, kept apart from the persons of bylines), sessions, invitations, rate limits,
// the audit log, the jobs table, autosaved drafts, readers' letters and media.
import type { Kysely } from "kysely";
import type { MigrationContext } from "./index.js";

export async function up(db: Kysely<unknown>, { idColumn }: MigrationContext): Promise<void> {
  await db.schema
    .createTable("accounts")
    .addColumn("id", idColumn.type, idColumn.build)
    .addColumn("email", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("must_change_password", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("disabled_at", "text")
    .execute();
  // Which persons an account may write as. Private: nothing public reads this table.
  await db.schema
    .createTable("account_persons")
    .addColumn("account_id", "integer", (c) => c.notNull().references("accounts.id").onDelete("cascade"))
    .addColumn("person_id", "integer", (c) => c.notNull().references("persons.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("account_persons_pk", ["account_id", "person_id"])
    .execute();
  await db.schema
    .createTable("account_languages")
    .addColumn("account_id", "integer", (c) => c.notNull().references("accounts.id").onDelete("cascade"))
    .addColumn("language", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("account_languages_pk", ["account_id", "language"])
    .execute();

  // A session is known by the SHA-256 of its cookie's token, so a copy of the table lets nobody in.
  await db.schema
    .createTable("sessions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("account_id", "integer", (c) => c.notNull().references("accounts.id").onDelete("cascade"))
    .addColumn("csrf_token", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("last_seen_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("user_agent", "text", (c) => c.notNull().defaultTo(""))
    .execute();
  await db.schema.createIndex("sessions_account").on("sessions").column("account_id").execute();

  await db.schema
    .createTable("invitations")
    .addColumn("token_hash", "text", (c) => c.primaryKey())
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    /** Comma-separated language codes, for translators. */
    .addColumn("languages", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_by", "integer", (c) => c.references("accounts.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("accepted_at", "text")
    .execute();

  // Fixed-window counters shared by every app server: log-in attempts, contact submissions.
  await db.schema
    .createTable("rate_limits")
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("window_start", "text", (c) => c.notNull())
    .addColumn("hits", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("rate_limits_pk", ["key", "window_start"])
    .execute();

  await db.schema
    .createTable("audit_events")
    .addColumn("id", idColumn.type, idColumn.build)
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("account_id", "integer", (c) => c.references("accounts.id").onDelete("set null"))
    /** The account's e-mail when it acted, kept when the account is gone. */
    .addColumn("actor", "text", (c) => c.notNull())
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("detail", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("address", "text", (c) => c.notNull().defaultTo(""))
    .execute();
  await db.schema
    .createIndex("audit_events_account")
    .on("audit_events")
    .columns(["account_id", "id"])
    .execute();

  // Who created an article: private, in its own table so that no query of articles can carry it out.
  await db.schema
    .createTable("article_owners")
    .addColumn("article_id", "integer", (c) => c.primaryKey().references("articles.id").onDelete("cascade"))
    .addColumn("account_id", "integer", (c) => c.references("accounts.id").onDelete("set null"))
    .execute();
  await db.schema
    .createIndex("article_owners_account")
    .on("article_owners")
    .columns(["account_id", "article_id"])
    .execute();
  await db.schema
    .alterTable("revisions")
    .addColumn("account_id", "integer", (c) => c.references("accounts.id").onDelete("set null"))
    .execute();

  // The editor's unsaved text, one per article and account, so a closed tab loses nothing and a published
  // article's public text changes only on an explicit save.
  await db.schema
    .createTable("autosaves")
    .addColumn("article_id", "integer", (c) => c.notNull().references("articles.id").onDelete("cascade"))
    .addColumn("account_id", "integer", (c) => c.notNull().references("accounts.id").onDelete("cascade"))
    .addColumn("base_revision", "integer", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("standfirst", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("saved_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("autosaves_pk", ["article_id", "account_id"])
    .execute();

  // The admin's article list: newest first, filtered by status, language, person or topic, by keyset on id.
  await db.schema.createIndex("articles_admin_status").on("articles").columns(["status", "id"]).execute();
  await db.schema.createIndex("articles_admin_language").on("articles").columns(["language", "id"]).execute();
  await db.schema
    .createIndex("articles_admin_language_status")
    .on("articles")
    .columns(["language", "status", "id"])
    .execute();
  await db.schema
    .createIndex("article_persons_admin")
    .on("article_persons")
    .columns(["person_id", "article_id"])
    .execute();
  await db.schema
    .createIndex("article_topics_admin")
    .on("article_topics")
    .columns(["topic_id", "article_id"])
    .execute();

  // Leased with a timeout: a server that dies holding a job lets another take it when the lease runs out.
  await db.schema
    .createTable("jobs")
    .addColumn("id", idColumn.type, idColumn.build)
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("payload", "text", (c) => c.notNull().defaultTo("{}"))
    /** One pending job per key (e.g. "publish:42"): scheduling again moves the job instead of adding one. */
    .addColumn("unique_key", "text", (c) => c.unique())
    .addColumn("run_at", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("lease_until", "text")
    .addColumn("leased_by", "text")
    .addColumn("last_error", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("jobs_due").on("jobs").columns(["status", "run_at", "id"]).execute();

  await db.schema
    .createTable("contact_messages")
    .addColumn("id", idColumn.type, idColumn.build)
    /** The form's one-time token: a submission sent twice is stored once. */
    .addColumn("submission_key", "text", (c) => c.notNull().unique())
    .addColumn("language", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    /** new, read, answered, archived. */
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("flagged", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("received_at", "text", (c) => c.notNull())
    .addColumn("answered_at", "text")
    .addColumn("answered_by", "integer", (c) => c.references("accounts.id").onDelete("set null"))
    .addColumn("letter_article_id", "integer", (c) => c.references("articles.id").onDelete("set null"))
    .execute();
  await db.schema
    .createIndex("contact_messages_inbox")
    .on("contact_messages")
    .columns(["status", "id"])
    .execute();

  await db.schema
    .createTable("media")
    .addColumn("id", idColumn.type, idColumn.build)
    /** image or document. */
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("mime", "text", (c) => c.notNull())
    .addColumn("original_name", "text", (c) => c.notNull())
    .addColumn("bytes", "integer", (c) => c.notNull())
    .addColumn("width", "integer")
    .addColumn("height", "integer")
    .addColumn("sha256", "text", (c) => c.notNull())
    /** Where the files live under the media folder: `{storage_key}/…`. */
    .addColumn("storage_key", "text", (c) => c.notNull().unique())
    .addColumn("alt", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("caption", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("credit", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("uploaded_by", "integer", (c) => c.references("accounts.id").onDelete("set null"))
    .execute();
  await db.schema
    .createTable("media_variants")
    .addColumn("media_id", "integer", (c) => c.notNull().references("media.id").onDelete("cascade"))
    .addColumn("width", "integer", (c) => c.notNull())
    .addColumn("format", "text", (c) => c.notNull())
    .addColumn("file", "text", (c) => c.notNull())
    .addColumn("bytes", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("media_variants_pk", ["media_id", "format", "width"])
    .execute();
  await db.schema
    .createTable("article_media")
    .addColumn("article_id", "integer", (c) => c.notNull().references("articles.id").onDelete("cascade"))
    .addColumn("media_id", "integer", (c) => c.notNull().references("media.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("article_media_pk", ["article_id", "media_id"])
    .execute();
  await db.schema.createIndex("article_media_media").on("article_media").column("media_id").execute();
}
