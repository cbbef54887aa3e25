// What the read API shows of persons and topics: pages of them in slug order, named in one edition's
// language, each with its public page and the API address of its articles. Persons are bylines only.
import { listPersonsBySlug, listTopicsBySlug } from "../storage/directories.js";
import type { Store } from "../storage/store.js";
import { type ApiPage, type ApiPlace, checkEdition, pageUrl } from "./api-views.js";

export interface DirectoryQuery {
  /** The edition whose names are given; the default edition when absent. */
  language?: string;
  /** The slug the previous page ended with, from `decodeSlugCursor`. */
  after?: string;
  limit: number;
}

export interface ApiPerson {
  slug: string;
  name: string;
  kind: string;
  bio: string;
  url: string;
  articles_url: string;
}

export interface ApiTopic {
  slug: string;
  name: string;
  description: string;
  /** The parent topic's slug; null for a topic at the top of the hierarchy. */
  parent: string | null;
  url: string;
  articles_url: string;
}

export async function listApiPeople(
  store: Store,
  place: ApiPlace,
  query: DirectoryQuery,
): Promise<ApiPage<ApiPerson>> {
  const language = editionOf(place, query);
  const found = await listPersonsBySlug(store, language, query.after, query.limit + 1);
  return page(found, query.limit, (p) => ({
    slug: p.slug,
    name: p.name,
    kind: p.kind,
    bio: p.bio,
    url: pageUrl(place.origin, language, "authors", p.slug),
    articles_url: articlesUrl(place.origin, "person", p.slug),
  }));
}

export async function listApiTopics(
  store: Store,
  place: ApiPlace,
  query: DirectoryQuery,
): Promise<ApiPage<ApiTopic>> {
  const language = editionOf(place, query);
  const found = await listTopicsBySlug(store, language, query.after, query.limit + 1);
  return page(found, query.limit, (t) => ({
    slug: t.slug,
    name: t.name,
    description: t.description,
    parent: t.parentSlug,
    url: pageUrl(place.origin, language, "topics", t.slug),
    articles_url: articlesUrl(place.origin, "topic", t.slug),
  }));
}

const CURSOR_PREFIX = "slug|";

export function encodeSlugCursor(slug: string): string {
  return Buffer.from(`${CURSOR_PREFIX}${slug}`, "utf8").toString("base64url");
}

/** Undefined for anything that is not a slug cursor this program wrote. */
export function decodeSlugCursor(text: string): string | undefined {
  if (text.length > 300 || !/^[A-Za-z0-9_-]+$/.test(text)) return undefined;
  const bytes = Buffer.from(text, "base64url");
  // Re-encoding must give the same text: a truncated or altered cursor rarely survives the round trip.
  if (bytes.toString("base64url") !== text) return undefined;
  const decoded = bytes.toString("utf8");
  if (!decoded.startsWith(CURSOR_PREFIX)) return undefined;
  const slug = decoded.slice(CURSOR_PREFIX.length);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point.
  if (slug === "" || slug.length > 200 || /[\u0000-\u001f\u007f\ufffd]/.test(slug)) return undefined;
  return slug;
}

function editionOf(place: ApiPlace, query: DirectoryQuery): string {
  const language = query.language ?? place.defaultLanguage;
  checkEdition(place, language);
  return language;
}

function page<T extends { slug: string }, U>(found: T[], limit: number, toJson: (item: T) => U): ApiPage<U> {
  const shown = found.slice(0, limit);
  const last = shown.at(-1);
  return {
    items: shown.map(toJson),
    next: found.length > limit && last ? encodeSlugCursor(last.slug) : null,
  };
}

function articlesUrl(origin: string, filter: "person" | "topic", slug: string): string {
  return `${origin}/api/v1/articles?${filter}=${encodeURIComponent(slug)}`;
}
