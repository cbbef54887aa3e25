// The admin's articles: the list with its filters, a new article (or a translation), and the small JSON
// endpoints of the editor (autosave, preview, the article picker). The editor page is editor.tsx; status
// changes, revisions and corrections are workflow.tsx.
import type { Context, Hono } from "hono";
import { z } from "zod";
import { ARTICLE_KINDS, ARTICLE_STATUSES } from "../../content/article.js";
import { renderPreview } from "../../content/articles.js";
import { listPersonChoices, listTopicChoices } from "../../content/choices.js";
import {
  type AutosaveText,
  autosave,
  createDraft,
  discardAutosave,
  findArticleByReference,
  listArticlesFor,
} from "../../content/editing.js";
import { AppError } from "../../errors.js";
import { findLanguage, LANGUAGES } from "../../i18n/languages.js";
import { search } from "../../search/search.js";
import { DONE, ids, resolveArticle, save, showEditor } from "./editor.js";
import type { AdminEnv } from "./env.js";
import { checked, readForm, readJson, recordId } from "./forms.js";
import { requirePermission } from "./guard.js";
import { AdminPage, adminHtml, CsrfField, ErrorNote, Notice } from "./layout.js";

const listQuery = z.object({
  status: z.enum(ARTICLE_STATUSES).optional(),
  language: z.string().max(20).optional(),
  person: recordId.optional(),
  topic: recordId.optional(),
  before: recordId.optional(),
});

const newForm = z.object({
  title: z.string().trim().min(1, "is required").max(500),
  language: z.string().max(20),
  kind: z.enum(ARTICLE_KINDS).default("article"),
  persons: z.unknown().optional(),
  translation_of: z.string().max(2000).optional(),
});

const autosaveBody = z.object({
  baseRevision: recordId,
  title: z.string().max(500),
  standfirst: z.string().max(5000),
  body: z.string().max(2_000_000),
});

const previewBody = z.object({ body: z.string().max(2_000_000), language: z.string().max(20) });

export function articleRoutes(admin: Hono<AdminEnv>): void {
  admin.get("/articles", requirePermission("write"), showList);
  admin.get("/articles/new", requirePermission("write"), (c) => showNew(c));
  admin.post("/articles", requirePermission("write"), create);
  admin.get("/articles/lookup", requirePermission("write"), lookup);
  admin.get("/articles/:id{[0-9]{1,9}}", requirePermission("write"), (c) => showEditor(c));
  admin.post("/articles/:id{[0-9]{1,9}}", requirePermission("write"), save);
  admin.post("/articles/:id{[0-9]{1,9}}/autosave", requirePermission("write"), saveDraftText);
  admin.post("/articles/:id{[0-9]{1,9}}/autosave/discard", requirePermission("write"), discard);
  admin.post("/preview", requirePermission("write"), preview);
}

async function showList(c: Context<AdminEnv>) {
  const query = checked(listQuery, c.req.query());
  const store = c.var.store;
  const [page, persons, topics] = await Promise.all([
    listArticlesFor(store, c.var.account, {
      status: query.status,
      language: query.language,
      personId: query.person,
      topicId: query.topic,
      beforeId: query.before,
    }),
    listPersonChoices(store),
    listTopicChoices(store),
  ]);
  const params = new URLSearchParams();
  for (const key of ["status", "language", "person", "topic"] as const) {
    const value = query[key];
    if (value !== undefined) params.set(key, String(value));
  }
  const older = page.olderBeforeId
    ? `/admin/articles?${withParam(params, "before", page.olderBeforeId)}`
    : "";
  return adminHtml(
    c,
    <AdminPage c={c} title="Articles" section="articles">
      <div class="page-head">
        <h1>Articles</h1>
        <a class="button" href="/admin/articles/new">
          New article
        </a>
      </div>
      <Notice c={c} messages={DONE} />
      <form method="get" action="/admin/articles" class="filters" aria-label="Filter the articles">
        <label>
          Status{" "}
          <select name="status">
            <option value="">any</option>
            {ARTICLE_STATUSES.map((s) => (
              <option value={s} selected={s === query.status}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label>
          Language{" "}
          <select name="language">
            <option value="">any</option>
            {c.var.site.editions.map((l) => (
              <option value={l} selected={l === query.language}>
                {findLanguage(l)?.name ?? l}
              </option>
            ))}
          </select>
        </label>
        <label>
          Person{" "}
          <select name="person">
            <option value="">anyone</option>
            {persons.map((p) => (
              <option value={String(p.id)} selected={p.id === query.person}>
                {p.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Topic{" "}
          <select name="topic">
            <option value="">any</option>
            {topics.map((t) => (
              <option value={String(t.id)} selected={t.id === query.topic}>
                {t.label}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Filter</button>
      </form>
      {page.items.length === 0 ? (
        <p class="empty">No article matches these filters.</p>
      ) : (
        <table class="listing articles">
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">By</th>
              <th scope="col">Status</th>
              <th scope="col">Language</th>
              <th scope="col">Published</th>
              <th scope="col">Updated</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((a) => (
              <tr>
                <td>
                  <a href={`/admin/articles/${a.id}`}>{a.title}</a>
                  {a.kind !== "article" && <span class="kind"> {a.kind}</span>}
                </td>
                <td>{a.bylines.map((b) => b.name).join(", ")}</td>
                <td>
                  <span class={`status status-${a.status}`}>{a.status}</span>
                </td>
                <td>{a.language}</td>
                <td>
                  {a.publishedAt ? <time datetime={a.publishedAt}>{a.publishedAt.slice(0, 10)}</time> : ""}
                </td>
                <td>
                  <time datetime={a.updatedAt}>{a.updatedAt.slice(0, 16).replace("T", " ")}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {older && (
        <nav aria-label="More articles" class="pager">
          <a href={older}>Older articles</a>
        </nav>
      )}
    </AdminPage>,
  );
}

async function showNew(c: Context<AdminEnv>, error?: string, status: 200 | 400 | 403 = 200) {
  const persons = await listPersonChoices(c.var.store);
  const account = c.var.account;
  const mine = persons.filter(
    (p) => account.role === "editor" || account.role === "admin" || account.personIds.includes(p.id),
  );
  const languages = account.role === "translator" ? account.languages : c.var.site.editions;
  const from = c.req.query("translation_of") ?? "";
  return adminHtml(
    c,
    <AdminPage c={c} title="New article" section="articles">
      <h1>New article</h1>
      <ErrorNote message={error} />
      <form method="post" action="/admin/articles" class="stacked narrow">
        <CsrfField c={c} />
        <label for="title">Title</label>
        <input id="title" name="title" required maxlength={500} />
        <label for="language">Language</label>
        <select id="language" name="language">
          {languages.map((l) => (
            <option value={l}>{findLanguage(l)?.name ?? l}</option>
          ))}
          {account.role !== "translator" &&
            LANGUAGES.filter((l) => !languages.includes(l.code)).map((l) => (
              <option value={l.code}>{l.name}</option>
            ))}
        </select>
        <label for="kind">Kind</label>
        <select id="kind" name="kind">
          {ARTICLE_KINDS.map((k) => (
            <option value={k}>{k}</option>
          ))}
        </select>
        <label for="persons">Byline</label>
        <select id="persons" name="persons" multiple size={Math.min(8, Math.max(2, mine.length))}>
          {mine.map((p) => (
            <option value={String(p.id)} selected={mine.length === 1}>
              {p.label}
            </option>
          ))}
        </select>
        <label for="translation_of">Translation of (an article's id or address; optional)</label>
        <input id="translation_of" name="translation_of" value={from} data-lookup="articles" />
        <button type="submit">Create draft</button>
      </form>
    </AdminPage>,
    status,
  );
}

async function create(c: Context<AdminEnv>) {
  const form = await readForm(c, newForm);
  try {
    const original = form.translation_of
      ? await resolveArticle(c, form.translation_of, "translation of")
      : undefined;
    const article = await createDraft(c.var.store, c.var.account, {
      title: form.title,
      language: form.language,
      kind: form.kind,
      personIds: ids(form.persons),
      translationOf: original?.id ?? null,
      body: original ? original.body : "",
      standfirst: original?.standfirst ?? "",
      topicIds: [],
    });
    return c.redirect(`/admin/articles/${article.id}?done=created`, 303);
  } catch (error) {
    if (error instanceof AppError && (error.code === "invalid" || error.code === "forbidden")) {
      return showNew(c, error.message, error.code === "invalid" ? 400 : 403);
    }
    throw error;
  }
}

async function saveDraftText(c: Context<AdminEnv>) {
  const body: AutosaveText = await readJson(c, autosaveBody);
  const result = await autosave(c.var.store, c.var.account, Number(c.req.param("id")), body);
  return c.json(result, 200, { "cache-control": "no-store" });
}

async function discard(c: Context<AdminEnv>) {
  const articleId = Number(c.req.param("id"));
  await discardAutosave(c.var.store, c.var.account, articleId);
  return c.redirect(`/admin/articles/${articleId}?done=discarded`, 303);
}

async function preview(c: Context<AdminEnv>) {
  const body = await readJson(c, previewBody);
  const rendered = await renderPreview(c.var.store, body.body, body.language);
  return c.json(rendered, 200, { "cache-control": "no-store" });
}

/** Articles for the pickers: by id or address exactly, else published ones whose words match, newest first. */
async function lookup(c: Context<AdminEnv>) {
  const q = (c.req.query("q") ?? "").trim().slice(0, 200);
  if (q === "") return c.json({ articles: [] });
  const exact = await findArticleByReference(c.var.store, q);
  const found = exact
    ? []
    : (
        await search(c.var.store, c.var.site, c.var.site.defaultLanguage, {
          q,
          language: "all",
          order: "newest",
        })
      ).results
        .slice(0, 10)
        .map((r) => ({
          id: r.article.id,
          title: r.article.title,
          language: r.article.language,
          path: r.article.path,
        }));
  const articles = exact
    ? [{ id: exact.id, title: exact.title, language: exact.language, path: exact.path ?? "" }]
    : found;
  return c.json({ articles }, 200, { "cache-control": "no-store" });
}

function withParam(params: URLSearchParams, key: string, value: number): string {
  const copy = new URLSearchParams(params);
  copy.set(key, String(value));
  return copy.toString();
}
