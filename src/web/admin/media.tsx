// The media library: upload an image or a PDF, describe it (alt text, caption, credit), copy the Markdown
// that shows it, see which articles use it, attach documents to articles, delete what nothing uses.
import type { Context, Hono } from "hono";
import { z } from "zod";
import { AppError } from "../../errors.js";
import {
  attachDocument,
  type DocumentChoice,
  deleteMedia,
  describeMedia,
  detachDocument,
  listMedia,
  MAX_DOCUMENT_BYTES,
  MAX_IMAGE_BYTES,
  type MediaItem,
  type MediaPage,
  mayDelete,
  misnamedAs,
  snippetFor,
  uploadMedia,
} from "../../media/media.js";
import type { ArticleUse } from "../../storage/media.js";
import type { AdminEnv } from "./env.js";
import { checked, readForm, recordId } from "./forms.js";
import { requirePermission, wantsJson } from "./guard.js";
import { AdminPage, adminHtml, CsrfField, ErrorNote, Notice } from "./layout.js";

const text = {
  alt: z.string().max(10_000).optional(),
  caption: z.string().max(10_000).optional(),
  credit: z.string().max(10_000).optional(),
};
const uploadForm = z.object({ file: z.instanceof(File, { message: "choose a file to upload" }), ...text });
const describeForm = z.object(text);
const attachForm = z.object({ article: recordId });
const articleMediaForm = z.object({
  action: z.enum(["attach", "detach"]),
  media: recordId,
  /** Where the form was: the library, or (by default) the article's editor. */
  back: z.literal("library").optional(),
});
const listQuery = z.object({
  before: recordId.optional(),
  kind: z.enum(["image", "document"]).optional(),
});

const DONE = {
  uploaded: "Uploaded. Copy its Markdown into an article.",
  misnamed: "Uploaded, as what the file really is rather than what its name says (see below).",
  saved: "Saved. Articles show the new text when they are next saved.",
  deleted: "Deleted, with its files.",
  attached: "Attached: the article's page lists the document.",
  detached: "Detached.",
};

const ID = ":id{[0-9]{1,9}}";
/** Shown this wide from the smallest stored file, by the img's own size attributes (the CSP forbids style). */
const THUMB_WIDTH = 160;

export function mediaRoutes(admin: Hono<AdminEnv>): void {
  admin.get("/media", requirePermission("media"), (c) => showLibrary(c));
  admin.post("/media", requirePermission("media"), upload);
  admin.post(`/media/${ID}`, requirePermission("media"), describe);
  admin.post(`/media/${ID}/delete`, requirePermission("media"), remove);
  admin.post(`/media/${ID}/attach`, requirePermission("media"), attach);
  admin.post(`/articles/${ID}/media`, requirePermission("media"), changeArticleMedia);
}

async function showLibrary(c: Context<AdminEnv>, error?: AppError) {
  const query = checked(listQuery, c.req.query());
  const page = await listMedia(c.var.store, { beforeId: query.before, kind: query.kind });
  const status = error ? (error.code === "too_large" ? 413 : 400) : 200;
  return adminHtml(c, <Library c={c} page={page} error={error?.message} kind={query.kind} />, status);
}

async function upload(c: Context<AdminEnv>) {
  const { file, ...described } = await readForm(c, uploadForm);
  try {
    const item = await uploadMedia(
      c.var.store,
      c.var.account,
      { bytes: new Uint8Array(await file.arrayBuffer()), name: file.name, ...described },
      { mediaDir: c.var.mediaDir, address: c.var.address },
    );
    if (wantsJson(c)) return c.json(publicView(item), 201);
    const done = misnamedAs(item) ? "misnamed" : "uploaded";
    return c.redirect(`/admin/media?done=${done}#media-${item.id}`, 303);
  } catch (error) {
    if (
      !wantsJson(c) &&
      error instanceof AppError &&
      (error.code === "invalid" || error.code === "too_large")
    ) {
      return showLibrary(c, error);
    }
    throw error;
  }
}

async function describe(c: Context<AdminEnv>) {
  const form = await readForm(c, describeForm);
  const id = Number(c.req.param("id"));
  await describeMedia(c.var.store, c.var.account, id, form, { address: c.var.address });
  return c.redirect(`/admin/media?done=saved#media-${id}`, 303);
}

async function remove(c: Context<AdminEnv>) {
  await deleteMedia(c.var.store, c.var.account, Number(c.req.param("id")), {
    mediaDir: c.var.mediaDir,
    address: c.var.address,
  });
  return c.redirect("/admin/media?done=deleted", 303);
}

async function attach(c: Context<AdminEnv>) {
  const form = await readForm(c, attachForm);
  const id = Number(c.req.param("id"));
  await attachDocument(c.var.store, c.var.account, form.article, id, { address: c.var.address });
  return c.redirect(`/admin/media?done=attached#media-${id}`, 303);
}

async function changeArticleMedia(c: Context<AdminEnv>) {
  const form = await readForm(c, articleMediaForm);
  const articleId = Number(c.req.param("id"));
  const change = form.action === "attach" ? attachDocument : detachDocument;
  await change(c.var.store, c.var.account, articleId, form.media, { address: c.var.address });
  if (wantsJson(c)) return c.json({ article: articleId, media: form.media, action: form.action });
  if (form.back === "library")
    return c.redirect(`/admin/media?done=${form.action}ed#media-${form.media}`, 303);
  return c.redirect(`/admin/articles/${articleId}?done=${form.action}ed`, 303);
}

/** What a program is told of a new upload: never who uploaded it. */
function publicView(item: MediaItem) {
  return {
    id: item.id,
    kind: item.kind,
    width: item.width,
    height: item.height,
    snippet: snippetFor(item),
    files: item.variants.map((v) => `/media/${item.storageKey}/${v.file}`),
  };
}

function Library(props: { c: Context<AdminEnv>; page: MediaPage; error?: string; kind?: string }) {
  const { c, page } = props;
  return (
    <AdminPage c={c} title="Media" section="media">
      <h1>Media</h1>
      <Notice c={c} messages={DONE} />
      <h2>Upload</h2>
      <ErrorNote message={props.error} />
      <form method="post" action="/admin/media" enctype="multipart/form-data" class="stacked">
        <CsrfField c={c} />
        <label for="media-file">
          Image (JPEG, PNG, WebP, GIF, AVIF; up to {MAX_IMAGE_BYTES / 1024 / 1024} MB and 40 megapixels) or
          PDF (up to {MAX_DOCUMENT_BYTES / 1024 / 1024} MB)
        </label>
        <input
          id="media-file"
          name="file"
          type="file"
          required
          accept="image/jpeg,image/png,image/webp,image/gif,image/avif,application/pdf"
        />
        <TextFields />
        <p class="hint">
          Location, camera and every other detail are removed from images. The file's name is kept here only.
        </p>
        <button type="submit">Upload</button>
      </form>
      <h2>Library</h2>
      <p class="filters">
        <a href="/admin/media" aria-current={props.kind ? undefined : "page"}>
          All
        </a>{" "}
        <a href="/admin/media?kind=image" aria-current={props.kind === "image" ? "page" : undefined}>
          Images
        </a>{" "}
        <a href="/admin/media?kind=document" aria-current={props.kind === "document" ? "page" : undefined}>
          Documents
        </a>
      </p>
      {page.items.length === 0 && <p>Nothing here yet.</p>}
      {page.items.map((item) => (
        <Item c={c} item={item} />
      ))}
      {page.nextBefore && (
        <p class="pager">
          <a href={`/admin/media?before=${page.nextBefore}${props.kind ? `&kind=${props.kind}` : ""}`}>
            Older
          </a>
        </p>
      )}
    </AdminPage>
  );
}

function TextFields(props: { item?: MediaItem; idPrefix?: string }) {
  const p = props.idPrefix ?? "new";
  const item = props.item;
  const document = item?.kind === "document";
  return (
    <>
      {!document && (
        <>
          <label for={`${p}-alt`}>
            Alt text: what the image shows, for readers who cannot see it (required to publish)
          </label>
          <textarea id={`${p}-alt`} name="alt" rows={2} maxlength={1000}>
            {item?.alt ?? ""}
          </textarea>
        </>
      )}
      <label for={`${p}-caption`}>{document ? "Title, shown to readers" : "Caption"}</label>
      <input id={`${p}-caption`} name="caption" maxlength={2000} value={item?.caption ?? ""} />
      {!document && (
        <>
          <label for={`${p}-credit`}>Credit</label>
          <input id={`${p}-credit`} name="credit" maxlength={300} value={item?.credit ?? ""} />
        </>
      )}
    </>
  );
}

function Item(props: { c: Context<AdminEnv>; item: MediaItem & { uses: ArticleUse[] } }) {
  const { c, item } = props;
  const thumb = item.variants.find((v) => v.format === "webp") ?? item.variants[0];
  const p = `media-${item.id}`;
  return (
    <section class="media-item" id={p} aria-labelledby={`${p}-name`}>
      <h3 id={`${p}-name`}>{item.originalName}</h3>
      {item.kind === "image" && thumb && (
        <img
          class="media-thumb"
          src={`/media/${item.storageKey}/${thumb.file}`}
          alt={item.alt}
          width={THUMB_WIDTH}
          height={Math.round(((item.height ?? 1) * THUMB_WIDTH) / (item.width ?? 1))}
          loading="lazy"
        />
      )}
      <p class="hint">
        {item.kind === "image" ? `${item.width}×${item.height}, ` : "PDF, "}
        {formatBytes(item.bytes)}, uploaded {item.createdAt.slice(0, 10)}
        {item.uploadedBy === c.var.account.id ? " by you" : ""}
        {misnamedAs(item) && `; its name says otherwise, but it is ${misnamedAs(item)}`}
      </p>
      <label for={`${p}-snippet`}>
        {item.kind === "image" ? "Markdown to paste into an article" : "Link"}
      </label>
      <input id={`${p}-snippet`} class="copyable" readonly value={snippetFor(item)} />
      <form method="post" action={`/admin/media/${item.id}`} class="stacked">
        <CsrfField c={c} />
        <TextFields item={item} idPrefix={p} />
        <button type="submit">Save</button>
      </form>
      {item.uses.length === 0 ? (
        <p>No article uses it.</p>
      ) : (
        <>
          <p>{item.kind === "document" ? "Attached to:" : "Shown in:"}</p>
          <ul>
            {item.uses.map((u) => (
              <li>
                <a href={`/admin/articles/${u.articleId}`}>{u.title}</a> ({u.status})
                {item.kind === "document" && (
                  <form method="post" action={`/admin/articles/${u.articleId}/media`} class="inline">
                    <CsrfField c={c} />
                    <input type="hidden" name="action" value="detach" />
                    <input type="hidden" name="media" value={String(item.id)} />
                    <input type="hidden" name="back" value="library" />
                    <button type="submit" class="link-button">
                      Detach
                    </button>
                  </form>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {item.kind === "document" && (
        <form method="post" action={`/admin/media/${item.id}/attach`} class="stacked">
          <CsrfField c={c} />
          <label for={`${p}-article`}>Attach to the article numbered</label>
          <input id={`${p}-article`} name="article" type="number" min={1} required />
          <button type="submit">Attach</button>
        </form>
      )}
      {item.uses.length === 0 && mayDelete(c.var.account, item) && (
        <form method="post" action={`/admin/media/${item.id}/delete`}>
          <CsrfField c={c} />
          <button type="submit">Delete</button>
        </form>
      )}
    </section>
  );
}

function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** PDFs attached to the article, listed on its public page; attached from the library's newest documents. */
export function DocumentsPanel(props: {
  c: Context<AdminEnv>;
  articleId: number;
  documents: { attached: DocumentChoice[]; available: DocumentChoice[] };
  editable: boolean;
}) {
  const { c, articleId, documents } = props;
  const action = `/admin/articles/${articleId}/media`;
  const size = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return (
    <section class="documents-panel" aria-labelledby="documents-title">
      <h2 id="documents-title">Documents</h2>
      {documents.attached.length === 0 ? (
        <p class="hint">No document is attached.</p>
      ) : (
        <ul>
          {documents.attached.map((d) => (
            <li>
              {d.title} ({size(d.bytes)})
              {props.editable && (
                <form method="post" action={action} class="inline-form">
                  <CsrfField c={c} />
                  <input type="hidden" name="action" value="detach" />
                  <input type="hidden" name="media" value={String(d.id)} />
                  <button type="submit" class="link-button">
                    Detach
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
      {props.editable && documents.available.length > 0 && (
        <form method="post" action={action} class="stacked">
          <CsrfField c={c} />
          <input type="hidden" name="action" value="attach" />
          <label for="attach-media">Attach a document from the library</label>
          <select id="attach-media" name="media">
            {documents.available.map((d) => (
              <option value={String(d.id)}>
                {d.title} ({size(d.bytes)})
              </option>
            ))}
          </select>
          <button type="submit">Attach</button>
        </form>
      )}
      <p class="hint">
        <a href="/admin/media?kind=document">Upload a PDF</a> to the library first.
      </p>
    </section>
  );
}
