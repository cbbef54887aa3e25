// The search parameters of a request, shared by the search page and the search API: each a string as sent,
// checked by the domain (src/search/search.ts), which refuses what it cannot use with a message.
import type { Context } from "hono";
import type { SearchRequest } from "../../search/search.js";
import type { AppEnv } from "../env.js";

export function searchRequest(c: Context<AppEnv>, limit?: number): SearchRequest {
  const q = (name: string) => {
    const value = c.req.query(name);
    return value === "" ? undefined : value;
  };
  const limitText = q("limit");
  return {
    q: c.req.query("q") ?? "",
    language: q("language"),
    person: q("person"),
    topic: q("topic"),
    series: q("series"),
    kind: q("kind"),
    since: q("since"),
    until: q("until"),
    order: q("order"),
    cursor: q("cursor"),
    limit: limitText === undefined ? limit : /^\d{1,4}$/.test(limitText) ? Number(limitText) : Number.NaN,
  };
}
