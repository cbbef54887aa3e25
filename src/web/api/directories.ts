// The people and topics of the read API: pages in slug order, named in one edition's language.
import type { Context } from "hono";
import { decodeSlugCursor, listApiPeople, listApiTopics } from "../../content/api-directories.js";
import { InvalidError } from "../../errors.js";
import type { AppEnv } from "../env.js";
import { apiPlace, respondPage } from "./http.js";
import { DEFAULT_LIMIT, languageParam, limitParam, param, readQuery } from "./params.js";

const DIRECTORY_QUERY = {
  language: languageParam.optional(),
  cursor: param((text) => {
    const slug = decodeSlugCursor(text);
    if (slug === undefined)
      throw new InvalidError("cursor is not one this API gave out; use the next value of a page");
    return slug;
  }).optional(),
  limit: limitParam.optional(),
};

export async function listPeople(c: Context<AppEnv>) {
  const { language, cursor, limit } = readQuery(c, DIRECTORY_QUERY);
  const page = await listApiPeople(c.var.store, apiPlace(c), {
    language,
    after: cursor,
    limit: limit ?? DEFAULT_LIMIT,
  });
  return respondPage(c, page);
}

export async function listTopics(c: Context<AppEnv>) {
  const { language, cursor, limit } = readQuery(c, DIRECTORY_QUERY);
  const page = await listApiTopics(c.var.store, apiPlace(c), {
    language,
    after: cursor,
    limit: limit ?? DEFAULT_LIMIT,
  });
  return respondPage(c, page);
}
