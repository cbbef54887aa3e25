// The SQL of media: uploaded images and documents, their stored variants, and documents attached to articles.
import { sql } from "kysely";
import type { Store } from "./store.js";

export interface MediaRow {
  id: number;
  kind: "image" | "document";
  mime: string;
  originalName: string;
  bytes: number;
  width: number | null;
  height: number | null;
  sha256: string;
  storageKey: string;
  alt: string;
  caption: string;
  credit: string;
  createdAt: string;
  uploadedBy: number | null;
}

export interface VariantRow {
  mediaId: number;
  width: number;
  format: string;
  file: string;
  bytes: number;
}

export type NewMedia = Omit<MediaRow, "id">;

export async function insertMedia(
  store: Store,
  media: NewMedia,
  variants: Omit<VariantRow, "mediaId">[],
): Promise<number> {
  const inserted = await store.db
    .insertInto("media")
    .values({
      kind: media.kind,
      mime: media.mime,
      original_name: media.originalName,
      bytes: media.bytes,
      width: media.width,
      height: media.height,
      sha256: media.sha256,
      storage_key: media.storageKey,
      alt: media.alt,
      caption: media.caption,
      credit: media.credit,
      created_at: media.createdAt,
      uploaded_by: media.uploadedBy,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const id = Number(inserted.id);
  if (variants.length > 0) {
    await store.db
      .insertInto("media_variants")
      .values(
        variants.map((v) => ({
          media_id: id,
          width: v.width,
          format: v.format,
          file: v.file,
          bytes: v.bytes,
        })),
      )
      .execute();
  }
  return id;
}

const columns = [
  "id",
  "kind",
  "mime",
  "original_name",
  "bytes",
  "width",
  "height",
  "sha256",
  "storage_key",
  "alt",
  "caption",
  "credit",
  "created_at",
  "uploaded_by",
] as const;

type Selected = {
  id: number;
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
};

function toMedia(r: Selected): MediaRow {
  return {
    id: Number(r.id),
    kind: r.kind === "document" ? "document" : "image",
    mime: r.mime,
    originalName: r.original_name,
    bytes: Number(r.bytes),
    width: r.width === null ? null : Number(r.width),
    height: r.height === null ? null : Number(r.height),
    sha256: r.sha256,
    storageKey: r.storage_key,
    alt: r.alt,
    caption: r.caption,
    credit: r.credit,
    createdAt: r.created_at,
    uploadedBy: r.uploaded_by === null ? null : Number(r.uploaded_by),
  };
}

export async function findMediaById(store: Store, id: number): Promise<MediaRow | undefined> {
  const row = await store.db.selectFrom("media").select(columns).where("id", "=", id).executeTakeFirst();
  return row && toMedia(row);
}

export async function findMediaByKeys(store: Store, keys: readonly string[]): Promise<MediaRow[]> {
  if (keys.length === 0) return [];
  const rows = await store.db.selectFrom("media").select(columns).where("storage_key", "in", keys).execute();
  return rows.map(toMedia);
}

/** Newest first, by keyset on id. */
export async function listMediaRows(
  store: Store,
  options: { beforeId?: number; limit: number; kind?: "image" | "document" },
): Promise<MediaRow[]> {
  let query = store.db.selectFrom("media").select(columns).orderBy("id", "desc").limit(options.limit);
  if (options.beforeId !== undefined) query = query.where("id", "<", options.beforeId);
  if (options.kind) query = query.where("kind", "=", options.kind);
  return (await query.execute()).map(toMedia);
}

export async function listVariantRows(store: Store, mediaIds: readonly number[]): Promise<VariantRow[]> {
  if (mediaIds.length === 0) return [];
  const rows = await store.db
    .selectFrom("media_variants")
    .selectAll()
    .where("media_id", "in", mediaIds)
    .orderBy("media_id")
    .orderBy("width")
    .execute();
  return rows.map((r) => ({
    mediaId: Number(r.media_id),
    width: Number(r.width),
    format: r.format,
    file: r.file,
    bytes: Number(r.bytes),
  }));
}

export async function updateMediaText(
  store: Store,
  id: number,
  text: { alt: string; caption: string; credit: string },
): Promise<boolean> {
  const result = await store.db.updateTable("media").set(text).where("id", "=", id).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function deleteMediaRow(store: Store, id: number): Promise<void> {
  // Deleted explicitly rather than by cascade: SQLite enforces foreign keys only when asked to.
  await store.db.deleteFrom("media_variants").where("media_id", "=", id).execute();
  await store.db.deleteFrom("article_media").where("media_id", "=", id).execute();
  await store.db.deleteFrom("media").where("id", "=", id).execute();
}

export async function attachMediaRow(store: Store, articleId: number, mediaId: number): Promise<boolean> {
  const last = await store.db
    .selectFrom("article_media")
    .select(sql<number | string | null>`max(position)`.as("last"))
    .where("article_id", "=", articleId)
    .executeTakeFirst();
  const result = await store.db
    .insertInto("article_media")
    .values({ article_id: articleId, media_id: mediaId, position: Number(last?.last ?? 0) + 1 })
    .onConflict((oc) => oc.columns(["article_id", "media_id"]).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

export async function detachMediaRow(store: Store, articleId: number, mediaId: number): Promise<boolean> {
  const result = await store.db
    .deleteFrom("article_media")
    .where("article_id", "=", articleId)
    .where("media_id", "=", mediaId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** The media attached to an article, in the order they were attached. */
export async function listAttachedMedia(store: Store, articleId: number): Promise<MediaRow[]> {
  const rows = await store.db
    .selectFrom("article_media")
    .innerJoin("media", "media.id", "article_media.media_id")
    .select(columns.map((c) => `media.${c}` as const))
    .where("article_media.article_id", "=", articleId)
    .orderBy("article_media.position")
    .execute();
  return rows.map(toMedia);
}

export interface ArticleUse {
  mediaId: number;
  articleId: number;
  title: string;
  status: string;
}

/** Articles each media item is attached to (documents) or shown in (images, see media/uses.ts). */
export async function listArticleUses(store: Store, mediaIds: readonly number[]): Promise<ArticleUse[]> {
  if (mediaIds.length === 0) return [];
  const rows = await store.db
    .selectFrom("article_media")
    .innerJoin("articles", "articles.id", "article_media.article_id")
    .select(["article_media.media_id", "articles.id", "articles.title", "articles.status"])
    .where("article_media.media_id", "in", mediaIds)
    .orderBy("articles.id", "desc")
    .execute();
  return rows.map((r) => ({
    mediaId: Number(r.media_id),
    articleId: Number(r.id),
    title: r.title,
    status: r.status,
  }));
}

export async function oldestMediaCreatedAt(store: Store): Promise<string | undefined> {
  const row = await store.db
    .selectFrom("media")
    .select("created_at")
    .orderBy("id")
    .limit(1)
    .executeTakeFirst();
  return row?.created_at;
}

export interface ArticleMark {
  updatedAt: string;
  id: number;
}

/** Articles saved after `after`, oldest first, through the (updated_at, id) index. */
export async function listArticlesSavedAfter(
  store: Store,
  after: ArticleMark | undefined,
  limit: number,
): Promise<(ArticleMark & { body: string })[]> {
  let query = store.db
    .selectFrom("articles")
    .select(["id", "updated_at", "body"])
    .orderBy("updated_at")
    .orderBy("id")
    .limit(limit);
  if (after) {
    // A row comparison, which both databases answer from the index; the same test spelt with OR is not.
    query = query.where((eb) =>
      eb(eb.refTuple("updated_at", "id"), ">", eb.tuple(after.updatedAt, after.id)),
    );
  }
  const rows = await query.execute();
  return rows.map((r) => ({ id: Number(r.id), updatedAt: r.updated_at, body: r.body }));
}

/** Replaces which images the given articles show; documents attached to them are left alone. */
export async function replaceImageUses(
  store: Store,
  articleIds: readonly number[],
  uses: readonly { articleId: number; mediaId: number }[],
): Promise<void> {
  if (articleIds.length === 0) return;
  await store.db
    .deleteFrom("article_media")
    .where("article_id", "in", articleIds)
    .where("media_id", "in", (eb) => eb.selectFrom("media").select("id").where("kind", "=", "image"))
    .execute();
  if (uses.length === 0) return;
  await store.db
    .insertInto("article_media")
    .values(uses.map((u) => ({ article_id: u.articleId, media_id: u.mediaId, position: 0 })))
    .onConflict((oc) => oc.columns(["article_id", "media_id"]).doNothing())
    .execute();
}
