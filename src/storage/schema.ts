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
  source_texts: SourceTextTable;
  article_sources: ArticleSourceTable;
  quotation_overrides: QuotationOverrideTable;
  settings: SettingTable;
  accounts: AccountTable;
  account_persons: AccountPersonTable;
  account_languages: AccountLanguageTable;
  sessions: SessionTable;
  invitations: InvitationTable;
  rate_limits: RateLimitTable;
  audit_events: AuditEventTable;
  article_owners: ArticleOwnerTable;
  autosaves: AutosaveTable;
  jobs: JobTable;
  contact_messages: ContactMessageTable;
  media: MediaTable;
  media_variants: MediaVariantTable;
  article_media: ArticleMediaTable;
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
  /** When the correction was recorded (ISO 8601 UTC); null without one. */
  corrected_at: string | null;
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
  /** Who saved it; private to the admin. */
  account_id: number | null;
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
  /** The last check's status ("exact", "altered"…); null when the source has no text to check against. */
  status: string | null;
  /** The last check as JSON: message, passages, diff. */
  result: string | null;
  checked_at: string | null;
}

export interface SourceTextTable {
  source_key: string;
  text: string;
  pages: string;
  word_count: number;
  word_index: Uint8Array;
  format: string;
  sha256: string;
  uploaded_at: string;
}

export interface ArticleSourceTable {
  article_id: number;
  source_key: string;
}

export interface QuotationOverrideTable {
  article_id: number;
  quotation_hash: string;
  status: string;
  account_id: number | null;
  reason: string;
  at: string;
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

export interface AccountTable {
  id: Generated<number>;
  email: string;
  name: string;
  role: string;
  password_hash: string;
  must_change_password: number;
  created_at: string;
  disabled_at: string | null;
}

export interface AccountPersonTable {
  account_id: number;
  person_id: number;
}

export interface AccountLanguageTable {
  account_id: number;
  language: string;
}

export interface SessionTable {
  /** SHA-256 (hex) of the cookie's token. */
  id: string;
  account_id: number;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  user_agent: string;
}

export interface InvitationTable {
  token_hash: string;
  email: string;
  role: string;
  languages: string;
  created_by: number | null;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
}

export interface RateLimitTable {
  key: string;
  window_start: string;
  hits: number;
}

export interface AuditEventTable {
  id: Generated<number>;
  at: string;
  account_id: number | null;
  actor: string;
  action: string;
  subject: string;
  detail: string;
  address: string;
}

export interface ArticleOwnerTable {
  article_id: number;
  account_id: number | null;
}

export interface AutosaveTable {
  article_id: number;
  account_id: number;
  base_revision: number;
  title: string;
  standfirst: string;
  body: string;
  saved_at: string;
}

export interface JobTable {
  id: Generated<number>;
  kind: string;
  payload: string;
  unique_key: string | null;
  run_at: string;
  /** pending, running, done, failed. */
  status: string;
  attempts: number;
  lease_until: string | null;
  leased_by: string | null;
  last_error: string;
  created_at: string;
  updated_at: string;
}

export interface ContactMessageTable {
  id: Generated<number>;
  submission_key: string;
  language: string;
  name: string;
  email: string;
  subject: string;
  body: string;
  status: string;
  flagged: number;
  received_at: string;
  answered_at: string | null;
  answered_by: number | null;
  letter_article_id: number | null;
}

export interface MediaTable {
  id: Generated<number>;
  kind: string;
  mime: string;
  original_name: string;
  bytes: number;
  width: number | null;
  height: number | null;
  sha256: string;
  storage_key: string;
  alt: string;
  caption: string;
  credit: string;
  created_at: string;
  uploaded_by: number | null;
}

export interface MediaVariantTable {
  media_id: number;
  width: number;
  format: string;
  file: string;
  bytes: number;
}

export interface ArticleMediaTable {
  article_id: number;
  media_id: number;
  position: number;
}
