// The source library in the admin: the sources the publication cites (paste one, import a file, export
// all or one article's) and the publication's citation style. One source's page is in source.tsx.
import type { Context, Hono } from "hono";
import { z } from "zod";
import { can } from "../../accounts/roles.js";
import { type CslItem, MAX_CITATION_KEY_LENGTH } from "../../citations/csl-item.js";
import { MAX_SOURCES_FILE_BYTES, type SourceFormat } from "../../citations/formats/read.js";
import { sourcesFileExtension, sourcesMediaType } from "../../citations/formats/write.js";
import { exportSources, importSources, listSources, saveSource } from "../../citations/sources.js";
import { assertCanEdit } from "../../content/access.js";
import {
  availableStyles,
  changeCitationSettings,
  readCitationSettings,
} from "../../content/article-citations.js";
import { getArticle } from "../../content/articles.js";
import { AppError, InvalidError, TooLargeError } from "../../errors.js";
import type { SourceRow } from "../../storage/sources.js";
import { statusOf } from "../errors.js";
import type { AdminEnv } from "./env.js";
import { checked, readForm } from "./forms.js";
import { requirePermission } from "./guard.js";
import { AdminPage, adminHtml, CsrfField, ErrorNote, Notice } from "./layout.js";

const PAGE_SIZE = 50;
const FORMATS = ["csl-json", "bibtex", "ris"] as const;
const FORMAT_NAMES: Record<SourceFormat, string> = { "csl-json": "CSL-JSON", bibtex: "BibTeX", ris: "RIS" };
/** One pasted source is a few hundred bytes; this only keeps a runaway paste from being read. */
export const MAX_PASTE = 1_000_000;

const key = z.string().min(1, "is required").max(MAX_CITATION_KEY_LENGTH);
const listQuery = z.object({
  after: key.optional(),
  prefix: z.string().max(MAX_CITATION_KEY_LENGTH).optional(),
  created: z.coerce.number().int().min(0).max(1e6).optional(),
  updated: z.coerce.number().int().min(0).max(1e6).optional(),
});
export const keyQuery = z.object({ key });
const exportQuery = z.object({ format: z.enum(FORMATS).default("csl-json") });
const pasteForm = z.object({ text: z.string().max(MAX_PASTE) });
const importForm = z.object({ file: z.instanceof(File, { message: "choose a file to import" }) });
const settingsForm = z.object({ style: z.string().max(300), bibliography: z.literal("on").optional() });

export const DONE = {
  added: "Added to the library.",
  imported: "Imported.",
  settings: "Saved. Articles that cite sources are being rendered again in the new style.",
  saved: "Saved. Articles that cite it are being rendered again.",
  text: "The text is attached, and the quotations of this source have been checked again.",
  "text-removed": "The text is removed: its quotations are no longer checked.",
  deleted: "Deleted.",
};

const ID = ":id{[0-9]{1,9}}";

export function sourceRoutes(admin: Hono<AdminEnv>): void {
  const write = requirePermission("write");
  const publish = requirePermission("publish");
  admin.get("/sources", write, (c) => showLibrary(c));
  admin.post("/sources", write, addSource);
  admin.post("/sources/import", write, importFile);
  admin.get("/sources/export", write, exportLibrary);
  admin.get("/sources/settings", publish, (c) => showSettings(c));
  admin.post("/sources/settings", publish, saveSettings);
  admin.get(`/articles/${ID}/sources`, write, exportArticleSources);
}

/** What a person can put right (bad input, a clash, a file too large) is shown on the page, text kept. */
export interface Problem {
  error: AppError;
  /** The text the person sent, to put back in the form. */
  text?: string;
}

export function shownOnPage(error: unknown): error is AppError {
  return (
    error instanceof AppError &&
    (error.code === "invalid" ||
      error.code === "conflict" ||
      error.code === "too_large" ||
      error.code === "forbidden")
  );
}

export function problemStatus(problem?: Problem): 200 | 400 | 403 | 409 | 413 {
  return problem ? (statusOf(problem.error) as 400 | 403 | 409 | 413) : 200;
}

async function showLibrary(c: Context<AdminEnv>, problem?: Problem & { form: "paste" | "import" }) {
  const query = checked(listQuery, c.req.query());
  const prefix = query.prefix?.trim() || undefined;
  // One row more than shown tells whether there is a next page.
  const rows = await listSources(c.var.store, { after: query.after, prefix, limit: PAGE_SIZE + 1 });
  const shown = rows.slice(0, PAGE_SIZE);
  const last = shown.at(-1);
  const next = rows.length > PAGE_SIZE && last ? new URLSearchParams({ after: last.key }) : undefined;
  if (next && prefix) next.set("prefix", prefix);
  const editor = can(c.var.account.role, "publish");
  const settings = editor ? await readCitationSettings(c.var.store) : undefined;
  return adminHtml(
    c,
    <AdminPage c={c} title="Sources" section="sources">
      <h1>Sources</h1>
      <Notice c={c} messages={DONE} />
      {query.created !== undefined && query.updated !== undefined && (
        <p class="notice" role="status">
          {`${query.created} new source${query.created === 1 ? "" : "s"}, ${query.updated} updated.`}
        </p>
      )}
      <form method="get" action="/admin/sources" class="filters">
        <label>
          Keys beginning with
          <input name="prefix" value={prefix ?? ""} maxlength={MAX_CITATION_KEY_LENGTH} />
        </label>
        <button type="submit">Filter</button>
        {prefix && <a href="/admin/sources">All sources</a>}
      </form>
      {shown.length === 0 ? (
        <p class="empty">{prefix ? `No source's key begins with “${prefix}”.` : "The library is empty."}</p>
      ) : (
        <SourceTable rows={shown} />
      )}
      {next && (
        <p class="pager">
          <a href={`/admin/sources?${next}`}>Next</a>
        </p>
      )}
      <p>
        Export the library as{" "}
        {FORMATS.map((f, i) => (
          <>
            {i > 0 && (i === FORMATS.length - 1 ? " or " : ", ")}
            <a href={`/admin/sources/export?format=${f}`} download>
              {FORMAT_NAMES[f]}
            </a>
          </>
        ))}
        .
      </p>
      <h2 id="add-title">Add a source</h2>
      {problem?.form === "paste" && <ErrorNote message={problem.error.message} />}
      <form method="post" action="/admin/sources" class="stacked" aria-labelledby="add-title">
        <CsrfField c={c} />
        <label for="source-text">
          One source as BibTeX (<code>@book{"{key, …}"}</code>), RIS (<code>TY - BOOK …</code>) or CSL-JSON (
          <code>{'{"id": "key", …}'}</code>); its key is what articles cite as <code>[@key]</code>
        </label>
        <textarea id="source-text" name="text" rows={10} required class="code" spellcheck={false}>
          {problem?.form === "paste" ? `\n${problem.text ?? ""}` : ""}
        </textarea>
        <button type="submit">Add</button>
      </form>
      <h2 id="import-title">Import a file</h2>
      {problem?.form === "import" && <ErrorNote message={problem.error.message} />}
      <form
        method="post"
        action="/admin/sources/import"
        enctype="multipart/form-data"
        class="stacked"
        aria-labelledby="import-title"
      >
        <CsrfField c={c} />
        <label for="source-file">
          A CSL-JSON, BibTeX or RIS file (up to {MAX_SOURCES_FILE_BYTES / 1024 / 1024} MB), as a reference
          manager exports it
        </label>
        <input id="source-file" name="file" type="file" required accept=".json,.bib,.bibtex,.ris,.txt" />
        <p class="hint">
          All or nothing: one bad entry refuses the file, naming it. A source whose key is in the library
          already is replaced.
        </p>
        <button type="submit">Import</button>
      </form>
      {settings && (
        <>
          <h2>Citation style</h2>
          <p>
            Articles cite sources in{" "}
            <strong>{settings.style === "house" ? "the house style" : settings.style}</strong>,{" "}
            {settings.bibliography ? "with" : "without"} a bibliography at the end.{" "}
            <a href="/admin/sources/settings">Change</a>
          </p>
        </>
      )}
    </AdminPage>,
    problemStatus(problem),
  );
}

function SourceTable(props: { rows: SourceRow[] }) {
  return (
    <table class="listing sources">
      <caption>Sources by key</caption>
      <thead>
        <tr>
          <th scope="col">Key</th>
          <th scope="col">Source</th>
          <th scope="col">Type</th>
          <th scope="col">Full text</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => {
          const item = JSON.parse(row.csl) as CslItem;
          return (
            <tr>
              <td class="detail">
                <a href={sourcePath(row.key)}>{row.key}</a>
              </td>
              <td>{summarize(item)}</td>
              <td class="kind">{item.type}</td>
              <td>{row.textWords === null ? "none" : `${row.textWords.toLocaleString("en")} words`}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** Its own page: a folder of styles can hold thousands, each read to list it. */
async function showSettings(c: Context<AdminEnv>, error?: AppError) {
  const settings = await readCitationSettings(c.var.store);
  const styles = availableStyles();
  // The house style first, then by the title shown, so typing a title's first letters finds it.
  const byTitle = (s: { id: string; title: string }) => s.title || s.id;
  const ordered = [
    ...styles.filter((s) => s.id === "house"),
    ...styles.filter((s) => s.id !== "house").sort((a, b) => byTitle(a).localeCompare(byTitle(b), "en")),
  ];
  return adminHtml(
    c,
    <AdminPage c={c} title="Citation style" section="sources">
      <p>
        <a href="/admin/sources">← Sources</a>
      </p>
      <h1>Citation style</h1>
      <ErrorNote message={error?.message} />
      <form method="post" action="/admin/sources/settings" class="stacked">
        <CsrfField c={c} />
        <label for="style">The style every article's citations are written in</label>
        <select id="style" name="style">
          {ordered.map((s) => (
            <option value={s.id} selected={s.id === settings.style}>
              {`${byTitle(s)}${s.class === "note" ? " (notes)" : ""}`}
            </option>
          ))}
        </select>
        <label class="inline">
          <input type="checkbox" name="bibliography" checked={settings.bibliography} /> A bibliography at the
          end of each article that cites sources
        </label>
        <p class="hint">
          Changing either renders every article that cites a source again, published ones included; that runs
          in the background and takes a while for a large archive.
        </p>
        <button type="submit">Save</button>
      </form>
    </AdminPage>,
    error ? 400 : 200,
  );
}

async function addSource(c: Context<AdminEnv>) {
  const form = await readForm(c, pasteForm);
  try {
    const item = await saveSource(c.var.store, form.text, { actor: c.var.account });
    return c.redirect(`${sourcePath(item.id)}&done=added`, 303);
  } catch (error) {
    if (shownOnPage(error)) return showLibrary(c, { error, text: form.text, form: "paste" });
    throw error;
  }
}

async function importFile(c: Context<AdminEnv>) {
  const { file } = await readForm(c, importForm);
  try {
    if (file.size > MAX_SOURCES_FILE_BYTES) {
      throw new TooLargeError(`${file.name} is larger than ${MAX_SOURCES_FILE_BYTES / 1024 / 1024} MB`);
    }
    const content = decodeText(new Uint8Array(await file.arrayBuffer()), file.name);
    const result = await importSources(c.var.store, content, file.name, c.var.account);
    const done = new URLSearchParams({
      created: String(result.created.length),
      updated: String(result.updated.length),
    });
    return c.redirect(`/admin/sources?${done}`, 303);
  } catch (error) {
    if (shownOnPage(error)) return showLibrary(c, { error, form: "import" });
    throw error;
  }
}

async function exportLibrary(c: Context<AdminEnv>) {
  const { format } = checked(exportQuery, c.req.query());
  return sourcesFile(c, await exportSources(c.var.store, format), format, "sources");
}

async function exportArticleSources(c: Context<AdminEnv>) {
  const { format } = checked(exportQuery, c.req.query());
  const article = await getArticle(c.var.store, Number(c.req.param("id")));
  await assertCanEdit(c.var.store, c.var.account, article);
  const content = await exportSources(c.var.store, format, { articleId: article.id });
  return sourcesFile(c, content, format, `article-${article.id}-sources`);
}

function sourcesFile(c: Context<AdminEnv>, content: string, format: SourceFormat, name: string) {
  return c.body(content, 200, {
    "content-type": sourcesMediaType(format),
    "content-disposition": `attachment; filename="${name}.${sourcesFileExtension(format)}"`,
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
  });
}

async function saveSettings(c: Context<AdminEnv>) {
  const form = await readForm(c, settingsForm);
  try {
    await changeCitationSettings(c.var.store, c.var.account, {
      style: form.style,
      bibliography: form.bibliography === "on",
    });
  } catch (error) {
    if (error instanceof InvalidError) return showSettings(c, error);
    throw error;
  }
  return c.redirect("/admin/sources?done=settings", 303);
}

/** Text files only, in UTF-8: a PDF or a word processor's file would read as garbage. */
export function decodeText(bytes: Uint8Array, name: string): string {
  if (bytes.subarray(0, 5).every((b, i) => b === "%PDF-".charCodeAt(i))) {
    throw new InvalidError(`${name} is a PDF: convert it to text first (pdftotext keeps its page breaks)`);
  }
  if (bytes.includes(0)) throw new InvalidError(`${name} is not a text file`);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new InvalidError(`${name} is not UTF-8 text: save it as UTF-8 and try again`);
  }
}

export function sourcePath(sourceKey: string): string {
  return `/admin/source?key=${encodeURIComponent(sourceKey)}`;
}

// CSL's rich-text tags (italics, small caps…) are not shown in one-line summaries.
const CSL_MARKUP = /<\/?(?:i|b|sup|sub)>|<span class="nocase">|<span style="[^"]*">|<\/span>/g;

/** "Trotsky, The Beginning of the End (1978)": authors (or editors), title and year from the CSL-JSON. */
export function summarize(item: CslItem): string {
  const names = (item.author ?? item.editor ?? []).map((n) => n.literal ?? n.family ?? n.given ?? "");
  const authors = names.length > 3 ? `${names.slice(0, 3).join(", ")} et al.` : names.join(", ");
  const title = (item.title ?? item["container-title"] ?? "").replace(CSL_MARKUP, "");
  const issued = item.issued;
  const year = issued?.["date-parts"]?.[0]?.[0] ?? issued?.literal ?? issued?.raw;
  const text = [authors, title || "(untitled)"].filter(Boolean).join(", ");
  return year === undefined ? text : `${text} (${year})`;
}
