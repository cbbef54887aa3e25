// The listing pages: a person's articles, a topic with its sub-topics, a series in order.
import type { ArticleSummary, Page } from "../../content/article.js";
import type { Series } from "../../content/series.js";
import { FEED_FILES, FEED_FORMATS, type FeedAbout, feedPath, feedTitle } from "../../feeds/feed.js";
import type { Person } from "../../people/person.js";
import type { Topic } from "../../topics/topic.js";
import type { TopicTree } from "../../topics/topics.js";
import { ArticleList, DateTime, Pagination } from "./components.js";
import type { PageContext } from "./context.js";
import { type FeedLink, Layout } from "./layout.js";

export function PersonPage(props: { ctx: PageContext; person: Person; articles: Page<ArticleSummary> }) {
  const { ctx, person, articles } = props;
  const path = `/${ctx.language.code}/authors/${person.slug}`;
  const kind =
    person.kind === "pen_name" ? ctx.t.penName : person.kind === "institution" ? ctx.t.institution : "";
  const feeds = feedsOf(ctx, path, { by: "person", name: person.name });
  return (
    <Layout
      ctx={ctx}
      head={{
        title: person.name,
        description: person.bio || undefined,
        canonical: articles.newer ? undefined : path,
        feeds,
      }}
    >
      <header class="page-header h-card">
        {kind && <p class="kind">{kind}</p>}
        <h1 class="p-name">{person.name}</h1>
        {person.bio && <p class="bio p-note">{person.bio}</p>}
        <FeedLinks ctx={ctx} feeds={feeds} />
      </header>
      <ArticleList ctx={ctx} items={articles.items} />
      <Pagination ctx={ctx} page={articles} basePath={path} />
    </Layout>
  );
}

export function TopicPage(props: {
  ctx: PageContext;
  topic: Topic;
  ancestors: Topic[];
  subtopics: Topic[];
  articles: Page<ArticleSummary>;
}) {
  const { ctx, topic, ancestors, subtopics, articles } = props;
  const lang = ctx.language.code;
  const path = `/${lang}/topics/${topic.slug}`;
  const feeds = feedsOf(ctx, path, { by: "topic", name: topic.name });
  return (
    <Layout
      ctx={ctx}
      head={{
        title: topic.name,
        description: topic.description || undefined,
        canonical: articles.newer ? undefined : path,
        feeds,
      }}
    >
      <header class="page-header">
        {ancestors.length > 0 && (
          <nav aria-label={ctx.t.breadcrumb} class="breadcrumbs">
            <ol>
              {ancestors.map((a) => (
                <li>
                  <a href={`/${lang}/topics/${a.slug}`}>{a.name}</a>
                </li>
              ))}
            </ol>
          </nav>
        )}
        <h1>{topic.name}</h1>
        {topic.description && <p class="bio">{topic.description}</p>}
        <FeedLinks ctx={ctx} feeds={feeds} />
        {subtopics.length > 0 && (
          <nav aria-labelledby="subtopics" class="subtopics">
            <h2 id="subtopics">{ctx.t.subtopics}</h2>
            <ul>
              {subtopics.map((s) => (
                <li>
                  <a href={`/${lang}/topics/${s.slug}`}>{s.name}</a>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </header>
      <ArticleList ctx={ctx} items={articles.items} />
      <Pagination ctx={ctx} page={articles} basePath={path} />
    </Layout>
  );
}

export function SeriesPage(props: {
  ctx: PageContext;
  series: Series;
  parts: { title: string; path: string; publishedAt: string }[];
}) {
  const { ctx, series, parts } = props;
  const path = `/${ctx.language.code}/series/${series.slug}`;
  const feeds = feedsOf(ctx, path, { by: "series", name: series.title });
  return (
    <Layout
      ctx={ctx}
      head={{
        title: series.title,
        description: series.description || undefined,
        canonical: path,
        feeds,
      }}
    >
      <header class="page-header">
        <p class="kind">{ctx.t.series}</p>
        <h1>{series.title}</h1>
        {series.description && <p class="bio">{series.description}</p>}
        <FeedLinks ctx={ctx} feeds={feeds} />
      </header>
      <section aria-labelledby="parts">
        <h2 id="parts" class="section-heading">
          {ctx.t.partsOfSeries}
        </h2>
        <ol class="series-parts">
          {parts.map((p) => (
            <li>
              <a href={p.path}>{p.title}</a> · <DateTime ctx={ctx} iso={p.publishedAt} />
            </li>
          ))}
        </ol>
      </section>
    </Layout>
  );
}

export function TopicsPage({ ctx, tree }: { ctx: PageContext; tree: TopicTree[] }) {
  const lang = ctx.language.code;
  const Branch = ({ nodes }: { nodes: TopicTree[] }) => (
    <ul>
      {nodes.map((n) => (
        <li>
          <a href={`/${lang}/topics/${n.topic.slug}`}>{n.topic.name}</a>
          {n.children.length > 0 && <Branch nodes={n.children} />}
        </li>
      ))}
    </ul>
  );
  return (
    <Layout ctx={ctx} head={{ title: ctx.t.topics, canonical: `/${lang}/topics` }}>
      <header class="page-header">
        <h1>{ctx.t.topics}</h1>
      </header>
      <nav class="topic-tree" aria-label={ctx.t.topics}>
        <Branch nodes={tree} />
      </nav>
    </Layout>
  );
}

/** A feed as a listing page links it: for autodiscovery in the head, and by name in the page. */
export type PageFeed = FeedLink & { label: string };

/** The feeds of the listing page at `pagePath`, in every format. */
export function feedsOf(ctx: PageContext, pagePath: string, about: FeedAbout): PageFeed[] {
  const title = feedTitle(ctx.site.name, ctx.language.code, about);
  return FEED_FORMATS.map((format) => {
    const { type, label } = FEED_FILES[format];
    return { type, label, title: `${title} (${label})`, path: feedPath(pagePath, format) };
  });
}

/** "Subscribe: RSS · Atom · JSON Feed", linking this page's feeds. */
export function FeedLinks({ ctx, feeds }: { ctx: PageContext; feeds: PageFeed[] }) {
  return (
    <p class="feeds">
      {ctx.t.feedsLabel}{" "}
      {feeds.map((feed, i) => (
        <>
          {i > 0 && " · "}
          <a href={feed.path} type={feed.type} title={feed.title}>
            {feed.label}
          </a>
        </>
      ))}
    </p>
  );
}
