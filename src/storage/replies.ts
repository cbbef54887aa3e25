// The SQL of replies: what an article answers, and which of our articles answer it.
import type { Reply, ReplyTarget } from "../content/article.js";
import { SUMMARY_COLUMNS } from "./articles.js";
import type { Store } from "./store.js";

export async function replaceReplies(store: Store, articleId: number, targets: readonly ReplyTarget[]) {
  await store.db.deleteFrom("replies").where("article_id", "=", articleId).execute();
  if (targets.length === 0) return;
  await store.db
    .insertInto("replies")
    .values(
      targets.map((t, position) => ({
        article_id: articleId,
        position,
        target_article_id: t.articleId ?? null,
        target_url: t.url ?? null,
        target_title: t.title,
        target_author: t.author,
        target_publisher: t.publisher,
        target_date: t.date,
      })),
    )
    .execute();
}

/** What this article answers, with our own targets resolved to their current path. */
export async function listReplies(store: Store, articleId: number): Promise<Reply[]> {
  const rows = await store.db
    .selectFrom("replies as r")
    .leftJoin("articles as t", "t.id", "r.target_article_id")
    .select([
      "r.target_article_id",
      "r.target_url",
      "r.target_title",
      "r.target_author",
      "r.target_publisher",
      "r.target_date",
      "t.title as ourTitle",
      "t.path as ourPath",
      "t.status as ourStatus",
      "t.language as ourLanguage",
    ])
    .where("r.article_id", "=", articleId)
    .orderBy("r.position")
    .execute();
  return rows.map((r) => {
    const reply: Reply = {
      // An unpublished article's working title is not public; the title recorded with the reply is.
      title: r.ourStatus === "published" && r.ourTitle ? r.ourTitle : r.target_title,
      author: r.target_author,
      publisher: r.target_publisher,
      date: r.target_date,
    };
    if (r.target_article_id !== null) reply.articleId = r.target_article_id;
    if (r.target_url !== null) reply.url = r.target_url;
    if (r.ourStatus === "published" && r.ourPath) reply.path = r.ourPath;
    if (r.ourLanguage) reply.language = r.ourLanguage;
    return reply;
  });
}

/** Our published articles that answer this one. */
export async function listAnswers(store: Store, articleId: number, limit = 50) {
  const rows = await store.db
    .selectFrom("replies as r")
    .innerJoin("articles as a", "a.id", "r.article_id")
    .select(SUMMARY_COLUMNS)
    .where("r.target_article_id", "=", articleId)
    .where("a.status", "=", "published")
    .orderBy("a.published_at")
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    path: r.path ?? "",
    publishedAt: r.published_at ?? "",
  }));
}
