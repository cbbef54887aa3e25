// The content model of DESIGN §3: articles, bylines, topics, series, revisions, redirects, replies,
// quotations and sources. Every list the site shows is backed by one of the indexes made here.
import type { Kysely } from "kysely";
import type { MigrationContext } from "./index.js";

export async function up(db: Kysely<unknown>, { idColumn }: MigrationContext): Promise<void> {
  await db.schema
    .createTable("persons")
    .addColumn("id", idColumn.type, idColumn.build)
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("bio", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("person_localizations")
    .addColumn("person_id", "integer", (c) => c.notNull().references("persons.id").onDelete("cascade"))
    .addColumn("language", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("bio", "text", (c) => c.notNull().defaultTo(""))
    .addPrimaryKeyConstraint("person_localizations_pk", ["person_id", "language"])
    .execute();

  await db.schema
    .createTable("topics")
    .addColumn("id", idColumn.type, idColumn.build)
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("parent_id", "integer", (c) => c.references("topics.id").onDelete("set null"))
    .execute();
  await db.schema.createIndex("topics_parent").on("topics").columns(["parent_id", "name"]).execute();
  await db.schema
    .createTable("topic_localizations")
    .addColumn("topic_id", "integer", (c) => c.notNull().references("topics.id").onDelete("cascade"))
    .addColumn("language", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addPrimaryKeyConstraint("topic_localizations_pk", ["topic_id", "language"])
    .execute();

  await db.schema
    .createTable("series")
    .addColumn("id", idColumn.type, idColumn.build)
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .execute();

  await db.schema
    .createTable("articles")
    .addColumn("id", idColumn.type, idColumn.build)
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("language", "text", (c) => c.notNull())
    .addColumn("translation_group", "integer")
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("standfirst", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("slug", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("published_at", "text")
    .addColumn("path", "text", (c) => c.unique())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("revision", "integer", (c) => c.notNull())
    .addColumn("series_id", "integer", (c) => c.references("series.id").onDelete("set null"))
    .addColumn("series_part", "integer")
    .addColumn("correction", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("featured", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("word_count", "integer", (c) => c.notNull().defaultTo(0))
    // The large columns come last: SQLite reads a row's columns in order, so a listing that needs only the
    // title and path never walks the overflow pages of the text before them.
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("html", "text", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("articles_listing")
    .on("articles")
    .columns(["language", "status", "published_at", "id"])
    .execute();
  await db.schema
    .createIndex("articles_featured")
    .on("articles")
    .columns(["language", "featured", "status", "published_at"])
    .execute();
  // Imports and translations name articles by slug, in one language or in any.
  await db.schema.createIndex("articles_slug").on("articles").columns(["slug", "language"]).execute();
  await db.schema
    .createIndex("articles_translation_group")
    .on("articles")
    .column("translation_group")
    .execute();
  await db.schema
    .createIndex("articles_series")
    .on("articles")
    .columns(["series_id", "series_part"])
    .execute();
  await db.schema.createIndex("articles_updated").on("articles").columns(["updated_at", "id"]).execute();

  await db.schema
    .createTable("article_persons")
    .addColumn("article_id", "integer", (c) => c.notNull().references("articles.id").onDelete("cascade"))
    .addColumn("person_id", "integer", (c) => c.notNull().references("persons.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("language", "text", (c) => c.notNull())
    .addColumn("listed_at", "text")
    .addPrimaryKeyConstraint("article_persons_pk", ["article_id", "person_id"])
    .execute();
  await db.schema
    .createIndex("article_persons_listing")
    .on("article_persons")
    .columns(["person_id", "language", "listed_at", "article_id"])
    .execute();

  await db.schema
    .createTable("article_topics")
    .addColumn("article_id", "integer", (c) => c.notNull().references("articles.id").onDelete("cascade"))
    .addColumn("topic_id", "integer", (c) => c.notNull().references("topics.id").onDelete("cascade"))
    .addColumn("language", "text", (c) => c.notNull())
    .addColumn("listed_at", "text")
    .addPrimaryKeyConstraint("article_topics_pk", ["article_id", "topic_id"])
    .execute();
  await db.schema
    .createIndex("article_topics_listing")
    .on("article_topics")
    .columns(["topic_id", "language", "listed_at", "article_id"])
    .execute();

  await db.schema
    .createTable("revisions")
    .addColumn("id", idColumn.type, idColumn.build)
    .addColumn("article_id", "integer", (c) => c.notNull().references("articles.id").onDelete("cascade"))
    .addColumn("revision", "integer", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("standfirst", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("saved_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("revisions_article").on("revisions").columns(["article_id", "id"]).execute();

  await db.schema
    .createTable("redirects")
    .addColumn("from_path", "text", (c) => c.primaryKey())
    .addColumn("article_id", "integer", (c) => c.notNull().references("articles.id").onDelete("cascade"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("redirects_article").on("redirects").column("article_id").execute();

  await db.schema
    .createTable("replies")
    .addColumn("id", idColumn.type, idColumn.build)
    .addColumn("article_id", "integer", (c) => c.notNull().references("articles.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("target_article_id", "integer", (c) => c.references("articles.id").onDelete("set null"))
    .addColumn("target_url", "text")
    .addColumn("target_title", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("target_author", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("target_publisher", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("target_date", "text", (c) => c.notNull().defaultTo(""))
    .execute();
  await db.schema.createIndex("replies_article").on("replies").columns(["article_id", "position"]).execute();
  await db.schema.createIndex("replies_target").on("replies").column("target_article_id").execute();

  await db.schema
    .createTable("quotations")
    .addColumn("id", idColumn.type, idColumn.build)
    .addColumn("article_id", "integer", (c) => c.notNull().references("articles.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("citation", "text", (c) => c.notNull())
    .addColumn("source_key", "text", (c) => c.notNull())
    .addColumn("locator", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("quotations_article")
    .on("quotations")
    .columns(["article_id", "position"])
    .execute();
  await db.schema.createIndex("quotations_source").on("quotations").column("source_key").execute();

  await db.schema
    .createTable("sources")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("csl", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("settings")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("value", "text", (c) => c.notNull())
    .execute();
}
