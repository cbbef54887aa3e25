// Writing in the admin: who may create and save what, autosaved text, the preview, and the admin's list.
// The rules of saving itself (revisions, conflicts, rendering) are in articles.ts; this adds the account.
import type { Account } from "../accounts/accounts.js";
import { type Actor, recordAudit } from "../accounts/audit.js";
import { can } from "../accounts/roles.js";
import { InvalidError } from "../errors.js";
import { type AdminListFilter, type AdminListRow, listAdminArticles } from "../storage/admin-articles.js";
import { personIdsOfArticle, setOwner } from "../storage/article-owners.js";
import { bylinesOf, findArticleById, findArticleByPath, topicIdsOf } from "../storage/articles.js";
import { deleteAutosave, findAutosave, upsertAutosave } from "../storage/autosaves.js";
import { listReplies } from "../storage/replies.js";
import { listSourcesPage } from "../storage/sources.js";
import type { Store } from "../storage/store.js";
import { assertCanEdit, assertCanWriteIn, assertMaySign } from "./access.js";
import type { Article, Byline } from "./article.js";
import { type ArticleEdit, type ArticleInput, createArticle, getArticle, saveArticle } from "./articles.js";

export const ADMIN_PAGE_SIZE = 50;

export interface AdminListItem extends AdminListRow {
  bylines: Byline[];
}

export interface AdminListQuery {
  status?: string;
  language?: string;
  personId?: number;
  topicId?: number;
  beforeId?: number;
}

/** A page of the admin's list: everything for editors, one's own (and one's languages') for the others. */
export async function listArticlesFor(store: Store, account: Account, query: AdminListQuery) {
  const filter: AdminListFilter = {
    status: query.status,
    language: query.language,
    personId: query.personId,
    topicId: query.topicId,
    ...(can(account.role, "publish")
      ? {}
      : {
          scope: {
            accountId: account.id,
            personIds: account.personIds,
            languages: account.role === "translator" ? account.languages : [],
          },
        }),
  };
  const rows = await listAdminArticles(store, filter, query.beforeId, ADMIN_PAGE_SIZE + 1);
  const shown = rows.slice(0, ADMIN_PAGE_SIZE);
  const bylines = await bylinesOf(
    store,
    shown.map((r) => r.id),
    "en",
  );
  const items: AdminListItem[] = shown.map((r) => ({ ...r, bylines: bylines.get(r.id) ?? [] }));
  const last = items.at(-1);
  return { items, olderBeforeId: rows.length > ADMIN_PAGE_SIZE && last ? last.id : undefined };
}

export async function createDraft(store: Store, account: Account, input: ArticleInput, now = new Date()) {
  assertCanWriteIn(account, input.language);
  assertMaySign(account, input.personIds ?? []);
  return store.transaction(async (tx) => {
    const article = await createArticle(tx, input, now, account);
    await setOwner(tx, article.id, account.id);
    await recordAudit(
      tx,
      account,
      { action: "article.create", subject: `article ${article.id}`, detail: { title: article.title } },
      now,
    );
    return article;
  });
}

/** Saves as `account`; the autosaved text of that account is dropped once its save is in. */
export async function saveAs(
  store: Store,
  account: Account,
  id: number,
  edit: ArticleEdit,
  now = new Date(),
) {
  const current = await getArticle(store, id);
  await assertCanEdit(store, account, current);
  if (edit.language !== undefined && edit.language !== current.language)
    assertCanWriteIn(account, edit.language);
  if (edit.personIds) assertMaySign(account, edit.personIds, await personIdsOfArticle(store, id));
  const saved = await saveArticle(store, id, edit, now, account);
  await deleteAutosave(store, id, account.id);
  await recordAudit(
    store,
    account,
    { action: "article.save", subject: `article ${id}`, detail: { revision: saved.revision } },
    now,
  );
  return saved;
}

export interface AutosaveText {
  baseRevision: number;
  title: string;
  standfirst: string;
  body: string;
}

const MAX_AUTOSAVE = 2_000_000;

export async function autosave(
  store: Store,
  account: Account,
  id: number,
  text: AutosaveText,
  now = new Date(),
) {
  const article = await getArticle(store, id);
  await assertCanEdit(store, account, article);
  if (text.body.length > MAX_AUTOSAVE || text.title.length > 500 || text.standfirst.length > 5000) {
    throw new InvalidError("the text is longer than an article may be");
  }
  await upsertAutosave(store, { articleId: id, accountId: account.id, ...text, savedAt: now.toISOString() });
  return { savedAt: now.toISOString() };
}

/** This account's autosaved text when it differs from what is stored, for the editor to offer back. */
export async function pendingAutosave(store: Store, account: Account, article: Article) {
  const saved = await findAutosave(store, article.id, account.id);
  if (!saved) return undefined;
  const same =
    saved.title === article.title && saved.standfirst === article.standfirst && saved.body === article.body;
  if (same) {
    await deleteAutosave(store, article.id, account.id);
    return undefined;
  }
  return saved;
}

export function discardAutosave(store: Store, account: Actor, id: number): Promise<void> {
  return deleteAutosave(store, id, account.id);
}

/** An article named by its id, its public path or its full URL on this site. */
export async function findArticleByReference(store: Store, reference: string): Promise<Article | undefined> {
  const text = reference.trim();
  if (/^[0-9]{1,9}$/.test(text)) return findArticleById(store, Number(text));
  let path = text;
  try {
    if (/^https?:\/\//.test(text)) path = new URL(text).pathname;
  } catch {
    return undefined;
  }
  return path.startsWith("/") ? findArticleByPath(store, path) : undefined;
}

export function listCitationSources(store: Store) {
  return listSourcesPage(store, { limit: 2000 });
}

/** What the editor shows of an article beyond its row: byline and topic ids, what it answers. */
export function listBylineIds(store: Store, id: number): Promise<number[]> {
  return personIdsOfArticle(store, id);
}

export function listArticleTopicIds(store: Store, id: number): Promise<number[]> {
  return topicIdsOf(store, id).then((list) => list.map(Number));
}

export function listArticleReplies(store: Store, id: number) {
  return listReplies(store, id);
}
