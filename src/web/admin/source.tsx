// One source of the library (`/admin/source?key=…`; a key may hold "/", ":" or "?", so it travels in the
// query): its CSL-JSON to edit, its full text to attach or remove, and its deletion.
import type { Context, Hono } from "hono";
import { z } from "zod";
import { can } from "../../accounts/roles.js";
import {
  attachSourceText,
  deleteSource,
  describeSourceText,
  getSource,
  removeSourceText,
  type SourceTextFormat,
  saveSource,
} from "../../citations/sources.js";
import { TooLargeError } from "../../errors.js";
import { MAX_SOURCE_TEXT_BYTES } from "../../quotations/source-text.js";
import type { AdminEnv } from "./env.js";
import { checked, readForm } from "./forms.js";
import { requirePermission } from "./guard.js";
import { AdminPage, adminHtml, CsrfField, ErrorNote, Notice } from "./layout.js";
import { MAX_ADMIN_BODY } from "./routes.js";
import {
  DONE,
  decodeText,
  keyQuery,
  MAX_PASTE,
  type Problem,
  problemStatus,
  shownOnPage,
  sourcePath,
  summarize,
} from "./sources.js";

const editForm = z.object({ csl: z.string().max(MAX_PASTE) });
const textForm = z.object({
  file: z.instanceof(File, { message: "choose the text to upload" }),
  format: z.enum(["auto", "text", "markdown", "html"]).default("auto"),
  first_page: z.union([z.literal(""), z.coerce.number().int().min(0).max(1e6)]).default(""),
});

const TEXT_FORMAT_NAMES: Record<string, string> = { text: "plain text", markdown: "Markdown", html: "HTML" };

export function sourcePageRoutes(admin: Hono<AdminEnv>): void {
  const write = requirePermission("write");
  const publish = requirePermission("publish");
  admin.get("/source", write, (c) => showSource(c));
  admin.post("/source", write, editSource);
  admin.post("/source/text", write, uploadText);
  admin.post("/source/text/remove", publish, removeText);
  admin.post("/source/delete", publish, removeSource);
}

async function showSource(c: Context<AdminEnv>, problem?: Problem & { form: "csl" | "text" | "delete" }) {
  const sourceKey = checked(keyQuery, c.req.query()).key;
  const item = await getSource(c.var.store, sourceKey);
  // The whole text comes with it; a domain summary of the text would spare reading it (see the report).
  const stored = await describeSourceText(c.var.store, sourceKey);
  const text = stored && {
    words: stored.wordCount,
    pages: stored.pages,
    format: stored.format,
    uploadedAt: stored.uploadedAt,
  };
  const editor = can(c.var.account.role, "publish");
  const action = (path: string) => `${path}?key=${encodeURIComponent(item.id)}`;
  const shown = (form: string) => (problem?.form === form ? problem.error.message : undefined);
  return adminHtml(
    c,
    <AdminPage c={c} title={item.id} section="sources">
      <p>
        <a href="/admin/sources">← Sources</a>
      </p>
      <h1 class="source-key">{item.id}</h1>
      <p class="meta">
        {summarize(item)} · {item.type}
      </p>
      <Notice c={c} messages={DONE} />
      <h2 id="csl-title">The source</h2>
      <ErrorNote message={shown("csl")} />
      <form method="post" action={action("/admin/source")} class="stacked wide" aria-labelledby="csl-title">
        <CsrfField c={c} />
        <label for="csl">
          As CSL-JSON (BibTeX or RIS pasted here is read too); the key, what articles cite, cannot change
        </label>
        <textarea id="csl" name="csl" rows={18} class="code" spellcheck={false}>
          {`\n${problem?.form === "csl" ? (problem.text ?? "") : JSON.stringify(item, null, 2)}`}
        </textarea>
        <button type="submit">Save</button>
      </form>
      <h2 id="text-title">Full text</h2>
      <ErrorNote message={shown("text")} />
      {text ? (
        <dl class="facts">
          <dt>Words</dt>
          <dd>{text.words.toLocaleString("en")}</dd>
          <dt>Pages</dt>
          <dd>{text.pages === 0 ? "not marked" : text.pages.toLocaleString("en")}</dd>
          <dt>Read as</dt>
          <dd>{TEXT_FORMAT_NAMES[text.format] ?? text.format}</dd>
          <dt>Uploaded</dt>
          <dd>
            <time datetime={text.uploadedAt}>{`${text.uploadedAt.slice(0, 16).replace("T", " ")} UTC`}</time>
          </dd>
        </dl>
      ) : (
        <p>None: quotations of this source are not checked until its text is here.</p>
      )}
      <form
        method="post"
        action={action("/admin/source/text")}
        enctype="multipart/form-data"
        class="stacked"
        aria-labelledby="text-title"
      >
        <CsrfField c={c} />
        <label for="text-file">
          {text ? "Replace it with" : "Upload"} the text (UTF-8, up to{" "}
          {Math.min(MAX_SOURCE_TEXT_BYTES, MAX_ADMIN_BODY) / 1024 / 1024} MB)
        </label>
        <input
          id="text-file"
          name="file"
          type="file"
          required
          accept=".txt,.md,.markdown,.html,.htm,text/*"
        />
        <label for="text-format">It is</label>
        <select id="text-format" name="format">
          <option value="auto">as its name says (.md, .html, otherwise plain text)</option>
          <option value="text">plain text</option>
          <option value="markdown">Markdown</option>
          <option value="html">HTML</option>
        </select>
        <label for="first-page">Number of its first page</label>
        <input id="first-page" name="first_page" inputmode="numeric" size={6} placeholder="1" />
        <p class="hint">
          Pages are told by form feeds (as <code>pdftotext</code> writes them, numbered from the first page
          above) or by lines like <code>[page 378]</code>. Every quotation of this source is checked again.
        </p>
        <button type="submit">Upload</button>
      </form>
      {text && editor && (
        <form method="post" action={action("/admin/source/text/remove")}>
          <CsrfField c={c} />
          <button type="submit" class="link-button">
            Remove the text
          </button>
        </form>
      )}
      {editor && (
        <>
          <h2 id="delete-title">Delete</h2>
          <ErrorNote message={shown("delete")} />
          <form method="post" action={action("/admin/source/delete")} aria-labelledby="delete-title">
            <CsrfField c={c} />
            <p class="hint">Only a source no article cites can be deleted.</p>
            <button type="submit">Delete this source</button>
          </form>
        </>
      )}
    </AdminPage>,
    problemStatus(problem),
  );
}

async function editSource(c: Context<AdminEnv>) {
  const sourceKey = checked(keyQuery, c.req.query()).key;
  const form = await readForm(c, editForm);
  await getSource(c.var.store, sourceKey);
  try {
    await saveSource(c.var.store, form.csl, { key: sourceKey, actor: c.var.account });
    return c.redirect(`${sourcePath(sourceKey)}&done=saved`, 303);
  } catch (error) {
    if (shownOnPage(error)) return showSource(c, { error, text: form.csl, form: "csl" });
    throw error;
  }
}

async function uploadText(c: Context<AdminEnv>) {
  const sourceKey = checked(keyQuery, c.req.query()).key;
  const form = await readForm(c, textForm);
  try {
    const limit = Math.min(MAX_SOURCE_TEXT_BYTES, MAX_ADMIN_BODY);
    if (form.file.size > limit) {
      throw new TooLargeError(`${form.file.name} is larger than ${limit / 1024 / 1024} MB`);
    }
    const raw = decodeText(new Uint8Array(await form.file.arrayBuffer()), form.file.name);
    const format = form.format === "auto" ? formatFromName(form.file.name) : form.format;
    await attachSourceText(c.var.store, sourceKey, raw, format, {
      ...(form.first_page === "" ? {} : { firstPage: form.first_page }),
      actor: c.var.account,
    });
    return c.redirect(`${sourcePath(sourceKey)}&done=text`, 303);
  } catch (error) {
    if (shownOnPage(error)) return showSource(c, { error, form: "text" });
    throw error;
  }
}

async function removeText(c: Context<AdminEnv>) {
  const sourceKey = checked(keyQuery, c.req.query()).key;
  await removeSourceText(c.var.store, sourceKey, c.var.account);
  return c.redirect(`${sourcePath(sourceKey)}&done=text-removed`, 303);
}

async function removeSource(c: Context<AdminEnv>) {
  const sourceKey = checked(keyQuery, c.req.query()).key;
  try {
    await deleteSource(c.var.store, sourceKey, c.var.account);
    return c.redirect("/admin/sources?done=deleted", 303);
  } catch (error) {
    if (shownOnPage(error)) return showSource(c, { error, form: "delete" });
    throw error;
  }
}

function formatFromName(name: string): SourceTextFormat {
  if (/\.(md|markdown)$/i.test(name)) return "markdown";
  if (/\.x?html?$/i.test(name)) return "html";
  return "text";
}
