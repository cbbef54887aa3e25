// The tables as Kysely sees them. Timestamps are ISO 8601 UTC strings in both databases, so that they sort
// as text and read back identically on SQLite and PostgreSQL; booleans are 0/1 integers for the same reason.
import type { Generated } from "kysely";

export interface Database {
  articles: ArticleTable;
  article_persons: ArticlePersonTable;
  article_topics: ArticleTopicTable;
  persons: PersonTable;
  person_localizations: PersonLocalizationTable;
  topics: TopicTable;
  topic_localizations: TopicLocalizationTable;
  series: SeriesTable;
  revisions: RevisionTable;
  redirects: RedirectTable;
  replies: ReplyTable;
  quotations: QuotationTable;
  sources: SourceTable;
  settings: SettingTable;
}

export interface ArticleTable {
  id: Generated<number>;
  kind: string;
  language: string;
  /** The id of the first article of the group; an article that is nobody's translation is its own group. */
  translation_group: number | null;
  title: string;
  standfirst: string;
  slug: string;
  body: string;
  html: string;
  text: string;
  status: string;
  published_at: string | null;
  /** The public path, set on publication and kept when withdrawn so the old URL can answer 410. */
  path: string | null;
  created_at: string;
  updated_at: string;
  revision: number;
  series_id: number | null;
  series_part: number | null;
  correction: string;
  featured: number;
  word_count: number;
}

/** Denormalised listing keys (language, listed_at) so a person's archive is one index range scan. */
export interface ArticlePersonTable {
  article_id: number;
  person_id: number;
  position: number;
  language: string;
  /** published_at while the article is published, otherwise null. */
  listed_at: string | null;
}

export interface ArticleTopicTable {
  article_id: number;
  topic_id: number;
  language: string;
  listed_at: string | null;
}

export interface PersonTable {
  id: Generated<number>;
  slug: string;
  kind: string;
  name: string;
  bio: string;
  created_at: string;
}

export interface PersonLocalizationTable {
  person_id: number;
  language: string;
  name: string;
  bio: string;
}

export interface TopicTable {
  id: Generated<number>;
  slug: string;
  name: string;
  description: string;
  parent_id: number | null;
}

export interface TopicLocalizationTable {
  topic_id: number;
  language: string;
  name: string;
  description: string;
}

export interface SeriesTable {
  id: Generated<number>;
  slug: string;
  title: string;
  description: string;
}

export interface RevisionTable {
  id: Generated<number>;
  article_id: number;
  revision: number;
  /** "save" for an accepted save; "conflict" for a stale save kept so that its text is not lost. */
  kind: string;
  title: string;
  standfirst: string;
  body: string;
  saved_at: string;
}

export interface RedirectTable {
  from_path: string;
  article_id: number;
  created_at: string;
}

/** This article answers something: one of ours (target_article_id), a URL, or a printed work. */
export interface ReplyTable {
  id: Generated<number>;
  article_id: number;
  position: number;
  target_article_id: number | null;
  target_url: string | null;
  target_title: string;
  target_author: string;
  target_publisher: string;
  target_date: string;
}

export interface QuotationTable {
  id: Generated<number>;
  article_id: number;
  position: number;
  text: string;
  /** The citation group as written, e.g. "@trotsky-beginning-of-the-end, pp. 378, 382". */
  citation: string;
  source_key: string;
  locator: string;
}

export interface SourceTable {
  key: string;
  /** The CSL-JSON item. */
  csl: string;
  created_at: string;
  updated_at: string;
}

export interface SettingTable {
  key: string;
  value: string;
}
