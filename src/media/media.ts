// The media folder owns uploads: checking what a file really is (sniff.ts), making the files we serve
// (images.ts), keeping them on disk (files.ts), and the library's rules — who may change or delete an item,
// which documents an article lists. Which account uploaded an item is kept for the admin alone.
import { createHash } from "node:crypto";
import type { Account } from "../accounts/accounts.js";
import { recordAudit } from "../accounts/audit.js";
import { can } from "../accounts/roles.js";
import { assertCanEdit } from "../content/access.js";
import { getArticle } from "../content/articles.js";
import { bumpContentVersion } from "../content/content-version.js";
import { ConflictError, ForbiddenError, InvalidError, NotFoundError, TooLargeError } from "../errors.js";
import {
  type ArticleUse,
  attachMediaRow,
  deleteMediaRow,
  detachMediaRow,
  findMediaById,
  insertMedia,
  listArticleUses,
  listAttachedMedia,
  listMediaRows,
  listVariantRows,
  type MediaRow,
  updateMediaText,
  type VariantRow,
} from "../storage/media.js";
import type { Store } from "../storage/store.js";
import { newStorageKey, removeMediaFiles, stageFiles } from "./files.js";
import { EXTENSION, processImage } from "./images.js";
import { blankPdfMetadata } from "./pdf.js";
import { describeFormat, formatNamed, signatureOf, sniffUpload, type UploadFormat } from "./sniff.js";
import { refreshImageUses } from "./uses.js";

export const MAX_IMAGE_BYTES = 20 * 1024 * 1024;
export const MAX_DOCUMENT_BYTES = 30 * 1024 * 1024;
const MAX_ALT = 1000;
const MAX_CAPTION = 2000;
const MAX_CREDIT = 300;
const MAX_NAME = 200;
const PAGE_SIZE = 24;

export type MediaItem = MediaRow & { variants: VariantRow[] };

export interface MediaText {
  alt?: string;
  caption?: string;
  credit?: string;
}

export interface Upload extends MediaText {
  bytes: Uint8Array;
  /** The name the file had on the uploader's computer: shown in the admin only. */
  name: string;
}

interface Context {
  mediaDir: string;
  address?: string;
  now?: Date;
}

const MIME = {
  jpeg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  gif: "image/gif",
  avif: "image/avif",
};

export async function uploadMedia(
  store: Store,
  actor: Account,
  upload: Upload,
  { mediaDir, address, now = new Date() }: Context,
): Promise<MediaItem> {
  const size = upload.bytes.byteLength;
  if (size > MAX_DOCUMENT_BYTES)
    throw new TooLargeError(`the file is ${megabytes(size)}: the limit is 30 MB`);
  if (size === 0) throw new InvalidError("the file is empty");
  const text = checkedText(upload);
  const name = cleanName(upload.name);
  const claimed = signatureOf(upload.bytes);
  if (claimed && claimed !== "pdf" && size > MAX_IMAGE_BYTES) {
    throw new TooLargeError(`the image is ${megabytes(size)}: the limit for images is 20 MB`);
  }
  const format = await sniffUpload(upload.bytes, name);
  const image = format === "pdf" ? undefined : await processImage(upload.bytes, format);
  const files = image
    ? image.variants.map((v) => ({ file: v.file, data: v.data, width: v.width, format: v.format }))
    : [{ file: "document.pdf", data: blankPdfMetadata(upload.bytes), width: 0, format: "pdf" }];
  const storageKey = newStorageKey();
  const staged = await stageFiles(mediaDir, storageKey, files);
  try {
    return await store.transaction(async (tx) => {
      const row = {
        kind: image ? ("image" as const) : ("document" as const),
        mime: format === "pdf" ? "application/pdf" : MIME[format],
        originalName: name,
        bytes: size,
        width: image?.width ?? null,
        height: image?.height ?? null,
        sha256: createHash("sha256").update(upload.bytes).digest("hex"),
        storageKey,
        ...text,
        createdAt: now.toISOString(),
        uploadedBy: actor.id,
      };
      const variants = files.map((f) => ({
        width: f.width,
        format: f.format,
        file: f.file,
        bytes: f.data.byteLength,
      }));
      const id = await insertMedia(tx, row, variants);
      await recordAudit(
        tx,
        actor,
        { action: "media.upload", subject: `media ${id}`, detail: { name, format, bytes: size }, address },
        now,
      );
      await staged.commit();
      return { id, ...row, variants: variants.map((v) => ({ mediaId: id, ...v })) };
    });
  } catch (error) {
    await staged.discard();
    throw error;
  }
}

export async function getMedia(store: Store, id: number): Promise<MediaItem> {
  const row = await findMediaById(store, id);
  if (!row) throw new NotFoundError(`no media item ${id}`);
  return { ...row, variants: await listVariantRows(store, [id]) };
}

export interface MediaPage {
  items: (MediaItem & { uses: ArticleUse[] })[];
  /** The id to ask `before` for the next page, when there is one. */
  nextBefore?: number;
}

export async function listMedia(
  store: Store,
  options: { beforeId?: number; kind?: "image" | "document" } = {},
): Promise<MediaPage> {
  await refreshImageUses(store);
  const rows = await listMediaRows(store, { ...options, limit: PAGE_SIZE + 1 });
  const shown = rows.slice(0, PAGE_SIZE);
  const [variants, uses] = await Promise.all([
    listVariantRows(
      store,
      shown.map((m) => m.id),
    ),
    listArticleUses(
      store,
      shown.map((m) => m.id),
    ),
  ]);
  const items = shown.map((m) => ({
    ...m,
    variants: variants.filter((v) => v.mediaId === m.id),
    uses: uses.filter((u) => u.mediaId === m.id),
  }));
  const last = shown.at(-1);
  return rows.length > PAGE_SIZE && last ? { items, nextBefore: last.id } : { items };
}

export async function describeMedia(
  store: Store,
  actor: Account,
  id: number,
  changes: MediaText,
  { address, now = new Date() }: Omit<Context, "mediaDir"> = {},
): Promise<MediaItem> {
  const text = checkedText(changes);
  return store.transaction(async (tx) => {
    const current = await getMedia(tx, id);
    await updateMediaText(tx, id, text);
    await recordAudit(
      tx,
      actor,
      { action: "media.describe", subject: `media ${id}`, detail: changed(current, text), address },
      now,
    );
    return { ...current, ...text };
  });
}

/** Who may delete: whoever uploaded the item, and editors and admins. Never while an article uses it. */
export function mayDelete(actor: Account, item: MediaRow): boolean {
  return can(actor.role, "publish") || (item.uploadedBy !== null && item.uploadedBy === actor.id);
}

export async function deleteMedia(
  store: Store,
  actor: Account,
  id: number,
  { mediaDir, address, now = new Date() }: Context,
): Promise<void> {
  await refreshImageUses(store);
  const item = await store.transaction(async (tx) => {
    const current = await getMedia(tx, id);
    if (!mayDelete(actor, current)) {
      throw new ForbiddenError("only its uploader or an editor may delete this item");
    }
    const uses = await listArticleUses(tx, [id]);
    if (uses.length > 0) {
      const titles = uses.map((u) => `“${u.title}”`).join(", ");
      throw new ConflictError(`still used by ${titles}: remove it from there first`, undefined, undefined);
    }
    await deleteMediaRow(tx, id);
    await recordAudit(
      tx,
      actor,
      { action: "media.delete", subject: `media ${id}`, detail: { name: current.originalName }, address },
      now,
    );
    return current;
  });
  await removeMediaFiles(mediaDir, item.storageKey);
}

/** Attaches a document to an article, whose page then lists it. */
export async function attachDocument(
  store: Store,
  actor: Account,
  articleId: number,
  mediaId: number,
  { address, now = new Date() }: Omit<Context, "mediaDir"> = {},
): Promise<void> {
  await store.transaction(async (tx) => {
    const article = await getArticle(tx, articleId);
    await assertCanEdit(tx, actor, article);
    const media = await getMedia(tx, mediaId);
    if (media.kind !== "document") {
      throw new InvalidError("only documents are attached: an image goes into the text with its snippet");
    }
    if (!(await attachMediaRow(tx, articleId, mediaId))) return;
    if (article.status === "published") await bumpContentVersion(tx);
    await recordAudit(
      tx,
      actor,
      { action: "media.attach", subject: `article ${articleId}`, detail: { media: mediaId }, address },
      now,
    );
  });
}

export async function detachDocument(
  store: Store,
  actor: Account,
  articleId: number,
  mediaId: number,
  { address, now = new Date() }: Omit<Context, "mediaDir"> = {},
): Promise<void> {
  await store.transaction(async (tx) => {
    const article = await getArticle(tx, articleId);
    await assertCanEdit(tx, actor, article);
    if (!(await detachMediaRow(tx, articleId, mediaId))) {
      throw new NotFoundError(`media ${mediaId} is not attached to article ${articleId}`);
    }
    if (article.status === "published") await bumpContentVersion(tx);
    await recordAudit(
      tx,
      actor,
      { action: "media.detach", subject: `article ${articleId}`, detail: { media: mediaId }, address },
      now,
    );
  });
}

/** A document as a reader sees it: a title, a size and a link, nothing of who uploaded it or its file name. */
export interface PublicDocument {
  title: string;
  bytes: number;
  url: string;
}

export async function listArticleDocuments(store: Store, articleId: number): Promise<PublicDocument[]> {
  const attached = await listAttachedMedia(store, articleId);
  return attached
    .filter((m) => m.kind === "document")
    .map((m, i) => ({
      title: m.caption || `Document ${i + 1}`,
      bytes: m.bytes,
      url: `/media/${m.storageKey}/document.pdf`,
    }));
}

/**
 * When a file's name claims another format than its bytes (a PNG named .jpg), what it really is, to tell the
 * uploader: it was taken for what it is.
 */
export function misnamedAs(item: MediaRow): string | undefined {
  const named = formatNamed(item.originalName);
  const actual = (Object.entries(MIME) as [UploadFormat, string][]).find(
    ([, mime]) => mime === item.mime,
  )?.[0];
  const real: UploadFormat | undefined = item.kind === "document" ? "pdf" : actual;
  return named && real && named !== real ? describeFormat(real) : undefined;
}

/** The Markdown a writer pastes to show an image. */
export function snippetFor(item: MediaRow & { variants: VariantRow[] }): string {
  if (item.kind === "document")
    return `[${escapeLabel(item.caption || "Document")}](/media/${item.storageKey}/document.pdf)`;
  const own = item.variants.filter((v) => v.format !== "webp");
  const list = own.length > 0 ? own : item.variants;
  const chosen = [...list].reverse().find((v) => v.width <= 1200) ?? list[0];
  const file = chosen?.file ?? `${item.width}.${EXTENSION.webp}`;
  const title = item.caption ? ` "${item.caption.replace(/["\\]/g, "\\$&").replace(/\s+/g, " ")}"` : "";
  return `![${escapeLabel(item.alt)}](/media/${item.storageKey}/${file}${title})`;
}

function escapeLabel(text: string): string {
  return text.replace(/[[\]\\]/g, "\\$&").replace(/\s+/g, " ");
}

function checkedText(text: MediaText): Required<MediaText> {
  const field = (name: string, value: string | undefined, max: number) => {
    const v = (value ?? "").trim();
    if (v.length > max) throw new InvalidError(`${name}: at most ${max} characters`);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point.
    if (/[\u0000-\u0008\u000b-\u001f\u007f]/.test(v))
      throw new InvalidError(`${name}: control characters are not allowed`);
    return v.replace(/\s+/g, " ");
  };
  return {
    alt: field("alt", text.alt, MAX_ALT),
    caption: field("caption", text.caption, MAX_CAPTION),
    credit: field("credit", text.credit, MAX_CREDIT),
  };
}

function cleanName(name: string): string {
  // Browsers send a bare name, but some send a path: keep only its last part.
  const base = name.split(/[\\/]/).pop() ?? "";
  const clean = withoutControlCharacters(base).trim().slice(0, MAX_NAME);
  return clean || "unnamed";
}

export function withoutControlCharacters(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
  return text.replace(/[\u0000-\u001f\u007f]/g, "");
}

function changed(before: MediaText, after: Required<MediaText>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of ["alt", "caption", "credit"] as const) {
    if ((before[key] ?? "") !== after[key]) out[key] = after[key];
  }
  return out;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export interface DocumentChoice {
  id: number;
  title: string;
  bytes: number;
}

/** For the editor: the documents attached to an article, and the newest of the library's others. */
export async function documentsForEditor(store: Store, articleId: number) {
  const [attached, recent] = await Promise.all([
    listAttachedMedia(store, articleId),
    listMediaRows(store, { kind: "document", limit: 50 }),
  ]);
  const choice = (m: MediaRow): DocumentChoice => ({
    id: m.id,
    title: m.caption || m.originalName,
    bytes: m.bytes,
  });
  const attachedIds = new Set(attached.map((m) => m.id));
  return {
    attached: attached.filter((m) => m.kind === "document").map(choice),
    available: recent.filter((m) => !attachedIds.has(m.id)).map(choice),
  };
}
