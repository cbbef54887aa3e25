// GET /api/v1/search: the search page's answer as JSON (src/search/search.ts does the work for both). The
// snippet is plain text with the offsets of its matched words, so a program can mark them as it likes.
import type { Context } from "hono";
import { pageUrl } from "../../content/api-views.js";
import { type SearchResults, search } from "../../search/search.js";
import type { AppEnv } from "../env.js";
import { respondJson } from "./http.js";
import { param, readQuery } from "./params.js";

const text = param((value) => value);
const SEARCH_QUERY = {
  q: text.optional(),
  language: text.optional(),
  person: text.optional(),
  topic: text.optional(),
  series: text.optional(),
  kind: text.optional(),
  since: text.optional(),
  until: text.optional(),
  order: text.optional(),
  cursor: text.optional(),
  limit: text.optional(),
};

export async function searchArticles(c: Context<AppEnv>) {
  const { limit, ...request } = readQuery(c, SEARCH_QUERY);
  const { site, origin } = c.var;
  const edition =
    request.language && site.editions.includes(request.language) ? request.language : site.defaultLanguage;
  const found = await search(c.var.store, site, edition, {
    ...request,
    limit: limit === undefined ? 20 : /^\d{1,4}$/.test(limit) ? Number(limit) : Number.NaN,
  });
  let nextUrl: string | null = null;
  if (found.next) {
    const params = new URL(c.req.url).searchParams;
    params.set("cursor", found.next);
    nextUrl = `${origin}${c.req.path}?${params}`;
  }
  return respondJson(
    c,
    { ...resultsJson(found, origin), next: found.next ?? null, next_url: nextUrl },
    {
      ...(nextUrl ? { link: `<${nextUrl}>; rel="next"` } : {}),
    },
  );
}

function resultsJson(found: SearchResults, origin: string) {
  const { filters } = found;
  return {
    query: found.query,
    order: found.order,
    ranking: found.ranking,
    filters: {
      language: filters.language,
      person: filters.person?.slug ?? null,
      topic: filters.topic?.slug ?? null,
      series: filters.series?.slug ?? null,
      kind: filters.kind ?? null,
      since: filters.since ?? null,
      until: filters.until ?? null,
    },
    total: { count: found.total.count, at_least: found.total.atLeast },
    editions: found.editions,
    items: found.results.map(({ article, snippet }) => {
      let offset = 0;
      const highlights: [number, number][] = [];
      for (const piece of snippet) {
        if (piece.marked) highlights.push([offset, offset + piece.text.length]);
        offset += piece.text.length;
      }
      return {
        id: article.id,
        kind: article.kind,
        language: article.language,
        title: article.title,
        standfirst: article.standfirst,
        url: origin + article.path,
        api_url: `${origin}/api/v1/articles/${article.id}`,
        published_at: article.publishedAt,
        bylines: article.bylines.map((b) => ({
          slug: b.slug,
          name: b.name,
          kind: b.kind,
          url: pageUrl(origin, article.language, "authors", b.slug),
        })),
        snippet: { text: snippet.map((p) => p.text).join(""), highlights },
      };
    }),
  };
}
