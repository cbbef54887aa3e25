// The listing pages: a person's articles, a topic with its sub-topics, a series in order.
import type { ArticleSummary, Page } from "../../content/article.js";
import type { Series } from "../../content/series.js";
import type { Person } from "../../people/person.js";
import type { Topic } from "../../topics/topic.js";
import type { TopicTree } from "../../topics/topics.js";
import { ArticleList, DateTime, Pagination } from "./components.js";
import type { PageContext } from "./context.js";
import { Layout } from "./layout.js";

export function PersonPage(props: { ctx: PageContext; person: Person; articles: Page<ArticleSummary> }) {
  const { ctx, person, articles } = props;
  const path = `/${ctx.language.code}/authors/${person.slug}`;
  const kind =
    person.kind === "pen_name" ? ctx.t.penName : person.kind === "institution" ? ctx.t.institution : "";
  return (
    <Layout
      ctx={ctx}
      head={{
        title: person.name,
        description: person.bio || undefined,
        canonical: articles.newer ? undefined : path,
      }}
    >
      <header class="page-header h-card">
        {kind && <p class="kind">{kind}</p>}
        <h1 class="p-name">{person.name}</h1>
        {person.bio && <p class="bio p-note">{person.bio}</p>}
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
  return (
    <Layout
      ctx={ctx}
      head={{
        title: topic.name,
        description: topic.description || undefined,
        canonical: articles.newer ? undefined : path,
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
  return (
    <Layout
      ctx={ctx}
      head={{
        title: series.title,
        description: series.description || undefined,
        canonical: `/${ctx.language.code}/series/${series.slug}`,
      }}
    >
      <header class="page-header">
        <p class="kind">{ctx.t.series}</p>
        <h1>{series.title}</h1>
        {series.description && <p class="bio">{series.description}</p>}
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
