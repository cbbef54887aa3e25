// The public site's routes (DESIGN §4), one screen: each handler parses, calls one domain function, renders.
import type { Context, Hono } from "hono";
import type { JSX } from "hono/jsx/jsx-runtime";
import { decodeCursor, type PageRequest } from "../../content/article.js";
import {
  isValidPeriod,
  readArchive,
  readArticle,
  readEdition,
  readPerson,
  readSeries,
  readTopic,
} from "../../content/reading.js";
import { findRedirect } from "../../content/redirects.js";
import { InvalidError, NotFoundError } from "../../errors.js";
import type { FeedSubject } from "../../feeds/feeds.js";
import { search } from "../../search/search.js";
import { readTopicTree } from "../../topics/topics.js";
import type { AppEnv } from "../env.js";
import { etagOf } from "../page-cache.js";
import { ArchivePage } from "./archive.js";
import { ArticlePage } from "./article.js";
import { contactBodyLimit, sendContact, showContact } from "./contact.js";
import { pageContext } from "./context.js";
import { showFeed } from "./feeds.js";
import { HomePage } from "./home.js";
import { PersonPage, SeriesPage, TopicPage, TopicsPage } from "./listings.js";
import { SearchPage } from "./search.js";
import { searchRequest } from "./search-request.js";

const LANG = ":lang{[a-z]{2,3}(?:-[a-z]{2,4})?}";
const SLUG = ":slug{[^/]{1,200}}";
// The group keeps the alternatives inside this segment: Hono pastes the pattern into the route's regex as is.
const FEED = ":feed{(?:feed\\.xml|atom\\.xml|feed\\.json)}";
const PAGE_SIZE = 20;

export function publicRoutes(app: Hono<AppEnv>, options: { feedItems: number }): void {
  const feed = (by: FeedSubject["by"]) => (c: Context<AppEnv>) =>
    showFeed(c, feedSubject(c, by), c.req.param("feed") ?? "", options.feedItems);
  app.get(`/${LANG}`, (c) => c.redirect(`/${edition(c)}/`, 301));
  app.get(`/${LANG}/`, showHome);
  app.get(`/${LANG}/articles/:y{[0-9]{4}}/:m{[0-9]{2}}/:d{[0-9]{2}}/${SLUG}`, showArticle);
  app.get(`/${LANG}/authors/${SLUG}`, showPerson);
  app.get(`/${LANG}/topics`, showTopics);
  app.get(`/${LANG}/topics/${SLUG}`, showTopic);
  app.get(`/${LANG}/series/${SLUG}`, showSeries);
  app.get(`/${LANG}/search`, showSearch);
  app.get(`/${LANG}/contact`, showContact);
  app.post(`/${LANG}/contact`, contactBodyLimit, sendContact);
  app.get(`/${LANG}/${FEED}`, feed("edition"));
  app.get(`/${LANG}/authors/${SLUG}/${FEED}`, feed("person"));
  app.get(`/${LANG}/topics/${SLUG}/${FEED}`, feed("topic"));
  app.get(`/${LANG}/series/${SLUG}/${FEED}`, feed("series"));
  app.get(`/${LANG}/archive`, (c) =>
    c.redirect(`/${edition(c)}/archive/${new Date().getUTCFullYear()}`, 302),
  );
  app.get(`/${LANG}/archive/:year{[0-9]{4}}`, showArchive);
  app.get(`/${LANG}/archive/:year{[0-9]{4}}/:month{[0-9]{2}}`, showArchive);
  app.get(`/${LANG}/archive/:year{[0-9]{4}}/:month{[0-9]{2}}/:day{[0-9]{2}}`, showArchive);
}

async function showHome(c: Context<AppEnv>) {
  const lang = edition(c);
  const view = await readEdition(c.var.store, lang, pageRequest(c));
  return render(c, <HomePage ctx={context(c, lang)} view={view} />);
}

async function showArticle(c: Context<AppEnv>) {
  const lang = edition(c);
  const view = await readArticle(c.var.store, c.req.path).catch(async (error: unknown) => {
    // An address that an article left behind (a slug change, a legacy import) leads to where it lives now.
    const target = error instanceof NotFoundError ? await findRedirect(c.var.store, c.req.path) : undefined;
    if (target) return target;
    throw error;
  });
  if (typeof view === "string") return c.redirect(view, 301);
  return render(c, <ArticlePage ctx={context(c, lang)} view={view} />, view.article.updatedAt);
}

async function showPerson(c: Context<AppEnv>) {
  const lang = edition(c);
  const { person, articles } = await readPerson(c.var.store, c.req.param("slug") ?? "", lang, pageRequest(c));
  return render(c, <PersonPage ctx={context(c, lang)} person={person} articles={articles} />);
}

async function showTopic(c: Context<AppEnv>) {
  const lang = edition(c);
  const view = await readTopic(c.var.store, c.req.param("slug") ?? "", lang, pageRequest(c));
  return render(c, <TopicPage ctx={context(c, lang)} {...view} />);
}

async function showTopics(c: Context<AppEnv>) {
  const lang = edition(c);
  const tree = await readTopicTree(c.var.store, lang);
  return render(c, <TopicsPage ctx={context(c, lang)} tree={tree} />);
}

async function showSeries(c: Context<AppEnv>) {
  const lang = edition(c);
  const view = await readSeries(c.var.store, c.req.param("slug") ?? "", lang);
  return render(c, <SeriesPage ctx={context(c, lang)} {...view} />);
}

async function showArchive(c: Context<AppEnv>) {
  const lang = edition(c);
  const { year, month, day } = c.req.param() as { year: string; month?: string; day?: string };
  const period = {
    year: Number(year),
    month: month ? Number(month) : undefined,
    day: day ? Number(day) : undefined,
  };
  if (!isValidPeriod(period)) throw new NotFoundError("there is no such date");
  const view = await readArchive(c.var.store, lang, period, pageRequest(c));
  return render(c, <ArchivePage ctx={context(c, lang)} {...view} />);
}

async function showSearch(c: Context<AppEnv>) {
  const lang = edition(c);
  const found = await search(c.var.store, c.var.site, lang, searchRequest(c));
  return render(c, <SearchPage ctx={context(c, lang)} found={found} />);
}

/** The edition named in the path; a language we do not publish in is a 404, not an empty site. */
function edition(c: Context<AppEnv>): string {
  const lang = c.req.param("lang") ?? "";
  if (!c.var.site.editions.includes(lang)) throw new NotFoundError(`there is no ${lang} edition`);
  return lang;
}

function feedSubject(c: Context<AppEnv>, by: FeedSubject["by"]): FeedSubject {
  const language = edition(c);
  return by === "edition" ? { by, language } : { by, language, slug: c.req.param("slug") ?? "" };
}

function context(c: Context<AppEnv>, lang: string) {
  return pageContext(c.var.site, lang, c.var.origin, c.req.path);
}

function pageRequest(c: Context<AppEnv>): PageRequest {
  const before = c.req.query("before");
  const after = c.req.query("after");
  if (before !== undefined && after !== undefined)
    throw new InvalidError("a page is either before or after a cursor");
  const cursorText = before ?? after;
  if (cursorText === undefined) return { limit: PAGE_SIZE };
  const cursor = decodeCursor(cursorText);
  if (!cursor) throw new InvalidError("the page cursor in this address is not valid");
  return before !== undefined ? { limit: PAGE_SIZE, before: cursor } : { limit: PAGE_SIZE, after: cursor };
}

/** A full HTML response with validators; answers 304 when the reader already has this version. */
async function render(c: Context<AppEnv>, page: JSX.Element, lastModified?: string) {
  const body = `<!doctype html>${await page.toString()}`;
  const etag = etagOf(body);
  const headers: Record<string, string> = {
    etag,
    "cache-control": "public, max-age=60, stale-while-revalidate=600",
  };
  if (lastModified) headers["last-modified"] = new Date(lastModified).toUTCString();
  if (c.req.header("if-none-match") === etag) return c.body(null, 304, headers);
  return c.html(body, 200, headers);
}
