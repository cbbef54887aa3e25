// The articles of the read API: a filtered, keyset-paged list, and one article by id or slug.
import type { Context } from "hono";
import { DEFAULT_ARTICLE_FIELDS, listApiArticles, readApiArticle } from "../../content/api-views.js";
import { InvalidError } from "../../errors.js";
import type { AppEnv } from "../env.js";
import { renderJsonError } from "../errors.js";
import { apiPlace, respondJson, respondPage } from "./http.js";
import {
  articleCursorParam,
  DEFAULT_LIMIT,
  fieldsParam,
  kindParam,
  languageParam,
  limitParam,
  readQuery,
  sinceParam,
  slugParam,
  untilParam,
} from "./params.js";

const LIST_QUERY = {
  language: languageParam.optional(),
  person: slugParam("person").optional(),
  topic: slugParam("topic").optional(),
  series: slugParam("series").optional(),
  kind: kindParam.optional(),
  since: sinceParam.optional(),
  until: untilParam.optional(),
  cursor: articleCursorParam.optional(),
  limit: limitParam.optional(),
  fields: fieldsParam.optional(),
};

export async function listArticles(c: Context<AppEnv>) {
  const { limit, fields, ...filters } = readQuery(c, LIST_QUERY);
  const page = await listApiArticles(c.var.store, apiPlace(c), {
    ...filters,
    limit: limit ?? DEFAULT_LIMIT,
    fields: fields ?? DEFAULT_ARTICLE_FIELDS,
  });
  return respondPage(c, page);
}

const ARTICLE_QUERY = { language: languageParam.optional() };

export async function showArticle(c: Context<AppEnv>) {
  const { language } = readQuery(c, ARTICLE_QUERY);
  const ref = c.req.param("ref") ?? "";
  if (ref.length > 200)
    throw new InvalidError("an article is named by its id or a slug of at most 200 characters");
  const isId = /^\d{1,15}$/.test(ref);
  if (isId && language !== undefined) {
    throw new InvalidError("language chooses among articles sharing a slug; an id names one article already");
  }
  const found = await readApiArticle(
    c.var.store,
    apiPlace(c),
    isId ? { id: Number(ref) } : { slug: ref, language },
  );
  if ("candidates" in found) {
    const message = `${found.candidates.length} published articles have the slug ${ref}: ask for one by id${language === undefined ? " or add ?language=" : ""}`;
    return renderJsonError(c, 300, "ambiguous", message, { details: { candidates: found.candidates } });
  }
  return respondJson(c, found.article, { lastModified: found.article.updated_at });
}
