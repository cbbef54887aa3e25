// An article's history: the list of its revisions, a readable diff between any two, and restoring one.
// Diffs are word by word within the paragraphs that changed, with bounded work: past a size, a paragraph
// is shown replaced whole, and past a number of changed lines, the whole text is.
import { diffLines, diffWordsWithSpace } from "diff";
import type { Account } from "../accounts/accounts.js";
import { recordAudit } from "../accounts/audit.js";
import { can } from "../accounts/roles.js";
import { ForbiddenError, NotFoundError } from "../errors.js";
import { findRevisionText, listRevisionEntries, type RevisionEntry } from "../storage/revisions.js";
import type { Store } from "../storage/store.js";
import { canEditArticle } from "./access.js";
import type { Article } from "./article.js";
import { getArticle, saveArticle } from "./articles.js";
import type { Origin } from "./workflow.js";

/** An accepted save by its number, or a refused save (kept as a "conflict" revision) by its row id. */
export type RevisionRef = { revision: number } | { conflictId: number };

export interface DiffPart {
  op: "same" | "ins" | "del";
  text: string;
}

export interface TextDiff {
  parts: DiffPart[];
  /** "words" throughout; "lines" where a change was too large to show word by word; "whole" for none. */
  detail: "words" | "lines" | "whole";
}

export interface RevisionDiff {
  article: Article;
  from: RevisionText;
  to: RevisionText;
  title: TextDiff;
  standfirst: TextDiff;
  body: TextDiff;
}

interface RevisionText {
  label: string;
  revision: number;
  kind: "save" | "conflict";
  savedAt: string;
  title: string;
  standfirst: string;
  body: string;
}

/** Changed lines past which the two texts are shown as a whole replaced. */
const MAX_CHANGED_LINES = 2000;
/** A changed passage longer than this (both sides) is shown line by line. */
const MAX_WORD_PASSAGE = 20_000;
/** Words changed within one passage past which it is shown line by line. */
const MAX_CHANGED_WORDS = 1000;
/** Characters compared word by word in one diff, all passages together. */
const WORD_BUDGET = 200_000;

export async function listHistory(
  store: Store,
  actor: Account,
  articleId: number,
  beforeId?: number,
): Promise<{ article: Article; entries: RevisionEntry[] }> {
  const article = await getArticle(store, articleId);
  await assertCanSeeHistory(store, actor, article);
  const entries = await listRevisionEntries(store, articleId, { beforeId, limit: 100 });
  return { article, entries };
}

export async function diffRevisions(
  store: Store,
  actor: Account,
  articleId: number,
  from: RevisionRef,
  to: RevisionRef,
): Promise<RevisionDiff> {
  const article = await getArticle(store, articleId);
  await assertCanSeeHistory(store, actor, article);
  const [a, b] = await Promise.all([
    revisionText(store, articleId, from),
    revisionText(store, articleId, to),
  ]);
  return {
    article,
    from: a,
    to: b,
    title: diffText(a.title, b.title),
    standfirst: diffText(a.standfirst, b.standfirst),
    body: diffText(a.body, b.body),
  };
}

/** Saves the texts of an old revision as a new one, on top of the current revision; nothing is lost. */
export async function restoreRevision(
  store: Store,
  actor: Account,
  articleId: number,
  ref: RevisionRef,
  origin: Origin = {},
  now = new Date(),
): Promise<Article> {
  return store.transaction(async (tx) => {
    const current = await getArticle(tx, articleId);
    if (!can(actor.role, "write") || !(await canEditArticle(tx, actor, current))) {
      throw new ForbiddenError("you may not edit this article");
    }
    const old = await revisionText(tx, articleId, ref);
    const saved = await saveArticle(
      tx,
      articleId,
      { title: old.title, standfirst: old.standfirst, body: old.body, baseRevision: current.revision },
      now,
      actor,
    );
    await recordAudit(
      tx,
      actor,
      {
        action: "article.restore",
        subject: `article ${articleId}`,
        detail: { restored: old.label, revision: saved.revision },
        address: origin.address,
      },
      now,
    );
    return saved;
  });
}

/** "12" for revision 12, "c345" for the refused save kept as row 345; undefined for anything else. */
export function parseRevisionRef(text: string | undefined): RevisionRef | undefined {
  if (text === undefined) return undefined;
  const saved = /^([1-9]\d{0,8})$/.exec(text);
  if (saved) return { revision: Number(saved[1]) };
  const refused = /^c([1-9]\d{0,11})$/.exec(text);
  return refused ? { conflictId: Number(refused[1]) } : undefined;
}

export function formatRevisionRef(ref: RevisionRef): string {
  return "revision" in ref ? String(ref.revision) : `c${ref.conflictId}`;
}

async function revisionText(store: Store, articleId: number, ref: RevisionRef): Promise<RevisionText> {
  const found = await findRevisionText(store, articleId, ref);
  const label = "revision" in ref ? `revision ${ref.revision}` : `refused save ${ref.conflictId}`;
  if (!found) throw new NotFoundError(`article ${articleId} has no ${label}`);
  return {
    label: found.kind === "conflict" ? `refused save based on revision ${found.revision}` : label,
    revision: found.revision,
    kind: found.kind,
    savedAt: found.savedAt,
    title: found.title,
    standfirst: found.standfirst,
    body: found.body,
  };
}

/** Editors see every article's history; writers and translators that of the articles they may edit. */
async function assertCanSeeHistory(store: Store, actor: Account, article: Article): Promise<void> {
  if (can(actor.role, "publish")) return;
  if (!(await canEditArticle(store, actor, article))) {
    throw new ForbiddenError("you may not see this article's history");
  }
}

/** Line by line first, then word by word within each replaced passage, each step bounded. */
export function diffText(before: string, after: string): TextDiff {
  if (before === after) return { parts: before ? [{ op: "same", text: before }] : [], detail: "words" };
  const lines = diffLines(before, after, { maxEditLength: MAX_CHANGED_LINES });
  if (!lines) {
    return {
      parts: [
        { op: "del", text: before },
        { op: "ins", text: after },
      ].filter((p) => p.text !== "") as DiffPart[],
      detail: "whole",
    };
  }
  const parts: DiffPart[] = [];
  let budget = WORD_BUDGET;
  let detail: TextDiff["detail"] = "words";
  for (let i = 0; i < lines.length; i++) {
    const change = lines[i];
    if (!change) continue;
    const next = lines[i + 1];
    if (change.removed && next?.added) {
      const size = change.value.length + next.value.length;
      const words =
        size <= MAX_WORD_PASSAGE && size <= budget
          ? diffWordsWithSpace(change.value, next.value, { maxEditLength: MAX_CHANGED_WORDS })
          : undefined;
      budget -= size;
      if (words) {
        for (const w of words) push(parts, opOf(w), w.value);
      } else {
        detail = "lines";
        push(parts, "del", change.value);
        push(parts, "ins", next.value);
      }
      i++;
      continue;
    }
    push(parts, opOf(change), change.value);
  }
  return { parts, detail };
}

function opOf(change: { added: boolean; removed: boolean }): DiffPart["op"] {
  return change.added ? "ins" : change.removed ? "del" : "same";
}

function push(parts: DiffPart[], op: DiffPart["op"], text: string): void {
  if (text === "") return;
  const last = parts.at(-1);
  if (last?.op === op) last.text += text;
  else parts.push({ op, text });
}
