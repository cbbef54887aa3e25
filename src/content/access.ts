// Who may work on which article. Editors and admins: every article. Writers: the articles they created and
// those under a byline they write as. Translators: those, and any article in a language granted to them.
// Only editors and admins change what is public (publish, schedule, withdraw, correct).
import type { Account } from "../accounts/accounts.js";
import { can } from "../accounts/roles.js";
import { ForbiddenError } from "../errors.js";
import { ownerOf, personIdsOfArticle } from "../storage/article-owners.js";
import type { Store } from "../storage/store.js";
import type { Article } from "./article.js";

export async function canEditArticle(store: Store, account: Account, article: Article): Promise<boolean> {
  if (can(account.role, "publish")) return true;
  if (!can(account.role, "write")) return false;
  // Writers and translators work on drafts and on what is in review; what is public is the editors'.
  if (article.status !== "draft" && article.status !== "review") return false;
  if (account.role === "translator" && !account.languages.includes(article.language)) return false;
  if (account.role === "translator") return true;
  if ((await ownerOf(store, article.id)) === account.id) return true;
  const bylines = await personIdsOfArticle(store, article.id);
  return bylines.some((id) => account.personIds.includes(id));
}

export async function assertCanEdit(store: Store, account: Account, article: Article): Promise<void> {
  if (!(await canEditArticle(store, account, article))) {
    throw new ForbiddenError("you may not edit this article");
  }
}

/** A writer may create in any language, a translator only in theirs. */
export function assertCanWriteIn(account: Account, language: string): void {
  if (!can(account.role, "write")) throw new ForbiddenError("your role does not allow writing");
  if (account.role === "translator" && !account.languages.includes(language)) {
    throw new ForbiddenError(`you may write in ${account.languages.join(", ")} only`);
  }
}

/** Bylines a writer may sign: their own persons; editors may sign any. */
export function assertMaySign(
  account: Account,
  personIds: readonly number[],
  current: readonly number[] = [],
) {
  if (can(account.role, "publish")) return;
  const added = personIds.filter((id) => !current.includes(id));
  if (added.some((id) => !account.personIds.includes(id))) {
    throw new ForbiddenError("you may sign only as the persons you write as");
  }
}
