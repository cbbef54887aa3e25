// The article editor: the Markdown text with its toolbar and preview, the form of what the front matter
// says (bylines, topics, series, language, translation, reply, slug), saving with its conflicts, and the
// side column (publishing from workflow.tsx, documents from media.tsx). The list and new articles are in
// articles.tsx. Over 400 lines because it is one page's form, whose parts appear nowhere else.
import type { Context } from "hono";
import { z } from "zod";
import { can } from "../../accounts/roles.js";
import { canEditArticle } from "../../content/access.js";
import { ARTICLE_KINDS, type Article, type ReplyTarget } from "../../content/article.js";
import { getArticle } from "../../content/articles.js";
import { listPersonChoices, listSeriesChoices, listTopicChoices } from "../../content/choices.js";
import {
  findArticleByReference,
  listArticleReplies,
  listArticleTopicIds,
  listBylineIds,
  listCitationSources,
  pendingAutosave,
  saveAs,
} from "../../content/editing.js";
import { AppError, ConflictError, InvalidError } from "../../errors.js";
import { LANGUAGES } from "../../i18n/languages.js";
import { documentsForEditor } from "../../media/media.js";
import type { AdminEnv } from "./env.js";
import { many, readForm, recordId } from "./forms.js";
import { AdminPage, adminHtml, CsrfField, ErrorNote, Notice } from "./layout.js";
import { DocumentsPanel } from "./media.js";
import { QuotationPanel } from "./quotations.js";
import { WORKFLOW_DONE, WorkflowPanel } from "./workflow.js";

const editForm = z.object({
  base_revision: recordId,
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

export const DONE = {
  saved: "Saved.",
  created: "Draft created.",
  discarded: "The autosaved text was discarded.",
  ...WORKFLOW_DONE,
  attached: "The document is attached: the public page lists it.",
  detached: "The document is no longer attached.",
};

interface EditorState {
  error?: string;
  /** The text to put in the form instead of the stored one: a refused save's, or an autosave's. */
  text?: { title: string; standfirst: string; body: string };
  baseRevision?: number;
  conflict?: { theirs: { title: string; standfirst: string; body: string } };
}

export async function showEditor(
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
          <QuotationPanel c={c} articleId={article.id} editable={editable} />
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

export async function save(c: Context<AdminEnv>) {
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

export async function resolveArticle(
  c: Context<AdminEnv>,
  reference: string,
  field: string,
): Promise<Article> {
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

export function ids(value: unknown): number[] {
  return many(value)
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0 && n < 2_147_483_647);
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
