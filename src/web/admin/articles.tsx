// The admin's articles: the list with its filters, a new article, and the editor (Markdown with a toolbar,
// a live preview by the public pipeline, autosave, bylines, topics, series, translation and reply chosen
// from the store). Status changes, revisions and corrections are in workflow.tsx.
import type { Context, Hono } from "hono";
import { z } from "zod";
import { can } from "../../accounts/roles.js";
import { canEditArticle } from "../../content/access.js";
import { ARTICLE_KINDS, ARTICLE_STATUSES, type Article, type ReplyTarget } from "../../content/article.js";
import { getArticle, renderPreview } from "../../content/articles.js";
import { listPersonChoices, listSeriesChoices, listTopicChoices } from "../../content/choices.js";
import {
  type AutosaveText,
  autosave,
  createDraft,
  discardAutosave,
  findArticleByReference,
  listArticleReplies,
  listArticlesFor,
  listArticleTopicIds,
  listBylineIds,
  listCitationSources,
  pendingAutosave,
  saveAs,
} from "../../content/editing.js";
import { AppError, ConflictError, InvalidError } from "../../errors.js";
import { findLanguage, LANGUAGES } from "../../i18n/languages.js";
import { type DocumentChoice, documentsForEditor } from "../../media/media.js";
import { search } from "../../search/search.js";
import type { AdminEnv } from "./env.js";
import { checked, many, readForm, readJson } from "./forms.js";
import { requirePermission } from "./guard.js";
import { AdminPage, adminHtml, CsrfField, ErrorNote, Notice } from "./layout.js";
import { WORKFLOW_DONE, WorkflowPanel } from "./workflow.js";

const id = z.coerce.number().int().positive().max(2_147_483_647);

const listQuery = z.object({
  status: z.enum(ARTICLE_STATUSES).optional(),
  language: z.string().max(20).optional(),
  person: id.optional(),
  topic: id.optional(),
  before: id.optional(),
});

const newForm = z.object({
  title: z.string().trim().min(1, "is required").max(500),
  language: z.string().max(20),
  kind: z.enum(ARTICLE_KINDS).default("article"),
  persons: z.unknown().optional(),
  translation_of: z.string().max(2000).optional(),
});

const editForm = z.object({
  base_revision: id,
  title: z.string().trim().min(1, "is required").max(500),
  standfirst: z.string().max(5000).default(""),
  slug: z.string().trim().max(200).default(""),
  kind: z.enum(ARTICLE_KINDS),
  language: z.string().max(20),
  persons: z.unknown().optional(),
  topics: z.unknown().optional(),
  series: z.string().max(12).default(""),
  series_part: z.string().max(6).default(""),
  featured: z.literal("on").optional(),
  translation_of: z.string().max(2000).default(""),
  reply_to: z.string().max(2000).default(""),
  reply_url: z.string().max(2000).default(""),
  reply_title: z.string().max(500).default(""),
  reply_author: z.string().max(300).default(""),
  reply_publisher: z.string().max(300).default(""),
  reply_date: z.string().max(40).default(""),
  body: z.string().max(2_000_000),
});

const autosaveBody = z.object({
  baseRevision: id,
  title: z.string().max(500),
  standfirst: z.string().max(5000),
  body: z.string().max(2_000_000),
});

const previewBody = z.object({ body: z.string().max(2_000_000), language: z.string().max(20) });

const DONE = {
  saved: "Saved.",
  created: "Draft created.",
  discarded: "The autosaved text was discarded.",
  ...WORKFLOW_DONE,
  attached: "The document is attached: the public page lists it.",
  detached: "The document is no longer attached.",
};

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

interface EditorState {
  error?: string;
  /** The text to put in the form instead of the stored one: a refused save's, or an autosave's. */
  text?: { title: string; standfirst: string; body: string };
  baseRevision?: number;
  conflict?: { theirs: { title: string; standfirst: string; body: string } };
}

async function showEditor(
  c: Context<AdminEnv>,
  state: EditorState = {},
  status: 200 | 400 | 403 | 409 = 200,
) {
  const store = c.var.store;
  const account = c.var.account;
  const article = await getArticle(store, Number(c.req.param("id")));
  const editable = await canEditArticle(store, account, article);
  const [persons, topics, series, sources, bylineIds, topicIds, replies, pending, documents] =
    await Promise.all([
      listPersonChoices(store),
      listTopicChoices(store),
      listSeriesChoices(store),
      listCitationSources(store),
      listBylineIds(store, article.id),
      listArticleTopicIds(store, article.id),
      listArticleReplies(store, article.id),
      state.text ? undefined : pendingAutosave(store, account, article),
      documentsForEditor(store, article.id),
    ]);
  const text = state.text ?? (pending ? pending : article);
  const reply: Partial<ReplyTarget> = replies[0] ?? {};
  const signable = persons.filter(
    (p) =>
      account.role === "editor" ||
      account.role === "admin" ||
      account.personIds.includes(p.id) ||
      bylineIds.includes(p.id),
  );
  const original = article.translationGroup !== article.id ? article.translationGroup : undefined;
  const disabled = !editable;
  return adminHtml(
    c,
    <AdminPage c={c} title={article.title} section="articles">
      <div class="page-head">
        <h1>{article.title}</h1>
        <p class="meta">
          <span class={`status status-${article.status}`}>{article.status}</span> · revision{" "}
          {article.revision} · {article.wordCount.toLocaleString("en")} words
          {article.path && article.status === "published" && (
            <>
              {" "}
              · <a href={article.path}>view on the site</a>
            </>
          )}{" "}
          · <a href={`/admin/articles/new?translation_of=${article.id}`}>translate it</a>
        </p>
      </div>
      <Notice c={c} messages={DONE} />
      <ErrorNote message={state.error} />
      {pending && (
        <div class="notice" role="status">
          <p>
            Your unsaved text from{" "}
            <time datetime={pending.savedAt}>{pending.savedAt.slice(0, 16).replace("T", " ")}</time> UTC is in
            the editor below. Save to keep it, or discard it.
          </p>
          <form method="post" action={`/admin/articles/${article.id}/autosave/discard`}>
            <CsrfField c={c} />
            <button type="submit" class="link-button">
              Discard the unsaved text
            </button>
          </form>
        </div>
      )}
      {state.conflict && (
        <section class="conflict" aria-labelledby="conflict-title">
          <h2 id="conflict-title">Someone else saved this article while you were writing</h2>
          <p>
            Nothing is lost: your text is in the editor below (and kept among the revisions), and theirs is
            here. Merge what you need and save again.
          </p>
          <label for="theirs">Their text (revision {article.revision})</label>
          <textarea id="theirs" readonly rows={12}>
            {`\n${state.conflict.theirs.body}`}
          </textarea>
        </section>
      )}
      {disabled && (
        <p class="notice">
          You may read this article but not edit it
          {article.status === "published" || article.status === "scheduled"
            ? " (it is in the editors' hands)"
            : ""}
          .
        </p>
      )}
      <div class="editor-layout">
        <form
          method="post"
          action={`/admin/articles/${article.id}`}
          class="editor"
          data-editor={String(article.id)}
          data-autosave={editable ? `/admin/articles/${article.id}/autosave` : undefined}
        >
          <CsrfField c={c} />
          <input type="hidden" name="base_revision" value={String(state.baseRevision ?? article.revision)} />
          <fieldset disabled={disabled}>
            <label for="title">Title</label>
            <input id="title" name="title" required maxlength={500} value={text.title} />
            <label for="standfirst">Standfirst</label>
            <textarea id="standfirst" name="standfirst" rows={2} maxlength={5000}>
              {`\n${text.standfirst}`}
            </textarea>
            <div class="toolbar" role="toolbar" aria-label="Formatting" aria-controls="body">
              <button type="button" data-insert="bold" title="Bold (Ctrl+B)">
                <b>B</b>
              </button>
              <button type="button" data-insert="italic" title="Italic (Ctrl+I)">
                <i>I</i>
              </button>
              <button type="button" data-insert="heading">
                Heading
              </button>
              <button type="button" data-insert="link">
                Link
              </button>
              <button type="button" data-insert="quote">
                Quotation
              </button>
              <button type="button" data-insert="footnote">
                Footnote
              </button>
              <label class="citation-picker">
                <span>Cite</span>{" "}
                <select data-insert="citation" aria-label="Insert a citation of a source">
                  <option value="">source…</option>
                  {sources.map((s) => (
                    <option value={s.key}>{sourceLabel(s.key, s.csl)}</option>
                  ))}
                </select>
              </label>
            </div>
            <label for="body" class="visually-hidden">
              Text (Markdown)
            </label>
            <textarea id="body" name="body" rows={28} class="body" spellcheck={true} lang={article.language}>
              {`\n${text.body}`}
            </textarea>
            <p class="autosave-state" aria-live="polite" data-autosave-state="" />
            <details class="article-settings" open={status !== 200 || undefined}>
              <summary>Byline, topics, series, language, address</summary>
              <label for="persons">Byline (in order)</label>
              <select id="persons" name="persons" multiple size={6}>
                {signable.map((p) => (
                  <option value={String(p.id)} selected={bylineIds.includes(p.id)}>
                    {p.label}
                  </option>
                ))}
              </select>
              <label for="topics">Topics</label>
              <select id="topics" name="topics" multiple size={6}>
                {topics.map((t) => (
                  <option value={String(t.id)} selected={topicIds.includes(t.id)}>
                    {t.label}
                  </option>
                ))}
              </select>
              <div class="row">
                <div>
                  <label for="series">Series</label>
                  <select id="series" name="series">
                    <option value="">none</option>
                    {series.map((s) => (
                      <option value={String(s.id)} selected={s.id === article.seriesId}>
                        {s.label}
                      </option>
                    ))}
                  </select>
                </div>
                <div>
                  <label for="series_part">Part</label>
                  <input
                    id="series_part"
                    name="series_part"
                    inputmode="numeric"
                    size={4}
                    value={article.seriesPart ? String(article.seriesPart) : ""}
                  />
                </div>
              </div>
              <div class="row">
                <div>
                  <label for="kind">Kind</label>
                  <select id="kind" name="kind">
                    {ARTICLE_KINDS.map((k) => (
                      <option value={k} selected={k === article.kind}>
                        {k}
                      </option>
                    ))}
                  </select>
                </div>
                <div>
                  <label for="language">Language</label>
                  <select id="language" name="language">
                    {LANGUAGES.map((l) => (
                      <option value={l.code} selected={l.code === article.language}>
                        {l.name}
                      </option>
                    ))}
                  </select>
                </div>
              </div>
              <label for="slug">
                Slug (the last part of the address; a published article's old address redirects)
              </label>
              <input
                id="slug"
                name="slug"
                value={article.slug}
                maxlength={200}
                pattern="[a-z0-9]+(-[a-z0-9]+)*"
              />
              <label class="inline">
                <input type="checkbox" name="featured" checked={article.featured} /> Featured on the edition's
                home
              </label>
              <label for="translation_of">Translation of (an article's id or address)</label>
              <input
                id="translation_of"
                name="translation_of"
                value={original ? String(original) : ""}
                data-lookup="articles"
              />
              <fieldset class="reply">
                <legend>Answers</legend>
                <label for="reply_to">One of our articles (id or address)</label>
                <input
                  id="reply_to"
                  name="reply_to"
                  value={reply.articleId ? String(reply.articleId) : ""}
                  data-lookup="articles"
                />
                <p class="hint">or a work elsewhere:</p>
                <label for="reply_url">Its address (if it has one)</label>
                <input
                  id="reply_url"
                  name="reply_url"
                  type="url"
                  value={reply.articleId ? "" : (reply.url ?? "")}
                />
                <label for="reply_title">Title</label>
                <input
                  id="reply_title"
                  name="reply_title"
                  value={reply.articleId ? "" : (reply.title ?? "")}
                />
                <label for="reply_author">Author</label>
                <input
                  id="reply_author"
                  name="reply_author"
                  value={reply.articleId ? "" : (reply.author ?? "")}
                />
                <label for="reply_publisher">Publisher</label>
                <input
                  id="reply_publisher"
                  name="reply_publisher"
                  value={reply.articleId ? "" : (reply.publisher ?? "")}
                />
                <label for="reply_date">Date</label>
                <input id="reply_date" name="reply_date" value={reply.articleId ? "" : (reply.date ?? "")} />
              </fieldset>
            </details>
            <div class="actions">
              <button type="submit">Save</button>
            </div>
          </fieldset>
        </form>
        <aside class="editor-side" aria-label="Preview and publishing">
          <WorkflowPanel c={c} article={article} />
          {can(account.role, "media") && (
            <DocumentsPanel c={c} articleId={article.id} documents={documents} editable={editable} />
          )}
          <section class="preview-pane" aria-labelledby="preview-title">
            <h2 id="preview-title">Preview</h2>
            <div class="article-body preview" data-preview={article.language} lang={article.language}>
              <p class="hint">The preview follows your typing.</p>
            </div>
          </section>
        </aside>
      </div>
    </AdminPage>,
    status,
  );
}

async function save(c: Context<AdminEnv>) {
  const articleId = Number(c.req.param("id"));
  const form = await readForm(c, editForm);
  const text = { title: form.title, standfirst: form.standfirst, body: form.body };
  try {
    const translationOf = form.translation_of
      ? (await resolveArticle(c, form.translation_of, "translation of")).id
      : null;
    await saveAs(c.var.store, c.var.account, articleId, {
      baseRevision: form.base_revision,
      ...text,
      slug: form.slug || undefined,
      kind: form.kind,
      language: form.language,
      personIds: ids(form.persons),
      topicIds: ids(form.topics),
      seriesId: form.series ? Number(form.series) : null,
      seriesPart: form.series_part ? Number(form.series_part) : null,
      featured: form.featured === "on",
      translationOf: translationOf === articleId ? null : translationOf,
      replies: await replyTargets(c, form),
    });
  } catch (error) {
    if (error instanceof ConflictError) {
      const current = await getArticle(c.var.store, articleId);
      return showEditor(
        c,
        { text, baseRevision: current.revision, conflict: { theirs: error.current as typeof text } },
        409,
      );
    }
    if (error instanceof AppError && (error.code === "invalid" || error.code === "forbidden")) {
      return showEditor(
        c,
        { error: error.message, text, baseRevision: form.base_revision },
        error.code === "invalid" ? 400 : 403,
      );
    }
    throw error;
  }
  return c.redirect(`/admin/articles/${articleId}?done=saved`, 303);
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

async function resolveArticle(c: Context<AdminEnv>, reference: string, field: string): Promise<Article> {
  const article = await findArticleByReference(c.var.store, reference);
  if (!article) throw new InvalidError(`${field}: no article of ours is "${reference.slice(0, 100)}"`);
  return article;
}

async function replyTargets(c: Context<AdminEnv>, form: z.infer<typeof editForm>): Promise<ReplyTarget[]> {
  if (form.reply_to) {
    const target = await resolveArticle(c, form.reply_to, "answers");
    return [{ articleId: target.id, title: target.title, author: "", publisher: "", date: "" }];
  }
  if (!form.reply_title && !form.reply_url) return [];
  if (!form.reply_title) throw new InvalidError("answers: a work elsewhere needs its title");
  if (form.reply_url && !/^https?:\/\/[^\s]+$/.test(form.reply_url)) {
    throw new InvalidError("answers: the address must begin with http:// or https://");
  }
  return [
    {
      url: form.reply_url || undefined,
      title: form.reply_title,
      author: form.reply_author,
      publisher: form.reply_publisher,
      date: form.reply_date,
    },
  ];
}

function ids(value: unknown): number[] {
  return many(value)
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0 && n < 2_147_483_647);
}

function withParam(params: URLSearchParams, key: string, value: number): string {
  const copy = new URLSearchParams(params);
  copy.set(key, String(value));
  return copy.toString();
}

/** "key — Author, Title" from a CSL-JSON item, for the citation picker. */
function sourceLabel(key: string, csl: string): string {
  try {
    const item = JSON.parse(csl) as { title?: string; author?: { family?: string; literal?: string }[] };
    const author = item.author?.[0]?.family ?? item.author?.[0]?.literal ?? "";
    return [key, [author, item.title].filter(Boolean).join(", ")].filter(Boolean).join(" — ").slice(0, 120);
  } catch {
    return key;
  }
}

/** PDFs attached to the article, listed on its public page; attached from the library's newest documents. */
function DocumentsPanel(props: {
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
