// What a feed holds: the newest articles of an edition, a person, a topic or a series, in full.
import { NotFoundError } from "../errors.js";
import type { Site } from "../i18n/editions.js";
import { getPerson } from "../people/people.js";
import { findSeriesBySlug } from "../storage/series.js";
import type { Store } from "../storage/store.js";
import {
  type FeedListing,
  latestWithdrawal,
  listFeedArticles,
  listNewestArticleIds,
} from "../storage/syndication.js";
import { getTopic } from "../topics/topics.js";
import {
  entryId,
  FEED_FORMATS,
  type Feed,
  type FeedAbout,
  type FeedFormat,
  feedPath,
  feedTitle,
} from "./feed.js";
import { absoluteLinks } from "./links.js";
import { absoluteUrl } from "./xml.js";

export type FeedSubject =
  | { by: "edition"; language: string }
  | { by: "person" | "topic" | "series"; language: string; slug: string };

export interface FeedSettings {
  site: Site;
  /** The public origin every URL in the feed starts with. */
  origin: string;
  /** How many of the newest articles a feed holds. */
  items: number;
}

const SECTIONS = { person: "authors", topic: "topics", series: "series" } as const;

/** The path of the HTML page a subject's feeds follow. */
export function subjectPath(subject: FeedSubject): string {
  if (subject.by === "edition") return `/${subject.language}/`;
  return `/${subject.language}/${SECTIONS[subject.by]}/${subject.slug}`;
}

/**
 * The feed of a subject. An unknown person, topic or series is a NotFoundError, as its page is; so is a
 * series with nothing published in the language, again as its page is.
 */
export async function readFeed(store: Store, subject: FeedSubject, settings: FeedSettings): Promise<Feed> {
  const { origin, site } = settings;
  const { listing, about, description } = await resolve(store, subject, site);
  const ids = await listNewestArticleIds(store, listing, settings.items);
  if (subject.by === "series" && ids.length === 0) {
    throw new NotFoundError(`the series ${subject.slug} has nothing published in this language`);
  }
  const articles = await listFeedArticles(store, ids, subject.language);
  const pagePath = subjectPath(subject);
  const title = feedTitle(site.name, subject.language, about);
  // A withdrawal changes a feed that held the article without changing anything it still holds: the feed
  // says it changed then, so a reader asking by date alone does not keep the withdrawn article.
  let updatedAt = articles.length > 0 ? await latestWithdrawal(store, subject.language) : undefined;
  for (const a of articles) if (updatedAt === undefined || a.updatedAt > updatedAt) updatedAt = a.updatedAt;
  return {
    title,
    description: description || title,
    language: subject.language,
    pageUrl: absoluteUrl(origin, pagePath),
    feedUrls: Object.fromEntries(
      FEED_FORMATS.map((f) => [f, absoluteUrl(origin, feedPath(pagePath, f))]),
    ) as Record<FeedFormat, string>,
    publisher: site.name,
    updatedAt,
    entries: articles.map((a) => ({
      id: entryId(origin, a.id, a.publishedAt),
      url: absoluteUrl(origin, a.path),
      title: a.title,
      summary: a.standfirst,
      html: absoluteLinks(a.html, origin, absoluteUrl(origin, a.path)),
      publishedAt: a.publishedAt,
      updatedAt: a.updatedAt,
      authors: a.authors,
      categories: a.topics,
    })),
  };
}

/** The listing a subject's feed reads, and what its title and description say. */
async function resolve(
  store: Store,
  subject: FeedSubject,
  site: Site,
): Promise<{ listing: FeedListing; about: FeedAbout; description: string }> {
  const { language } = subject;
  switch (subject.by) {
    case "edition":
      return { listing: { by: "edition", language }, about: { by: "edition" }, description: site.tagline };
    case "person": {
      const person = await getPerson(store, subject.slug, language);
      return {
        listing: { by: "person", language, personId: person.id },
        about: { by: "person", name: person.name },
        description: person.bio,
      };
    }
    case "topic": {
      const topic = await getTopic(store, subject.slug, language);
      return {
        listing: { by: "topic", language, topicId: topic.id },
        about: { by: "topic", name: topic.name },
        description: topic.description,
      };
    }
    case "series": {
      const series = await findSeriesBySlug(store, subject.slug);
      if (!series) throw new NotFoundError(`no series has the slug ${subject.slug}`);
      return {
        listing: { by: "series", language, seriesId: series.id },
        about: { by: "series", name: series.title },
        description: series.description,
      };
    }
  }
}
