// The front page of an edition: featured articles, then the latest, newest first.
import type { EditionView } from "../../content/reading.js";
import { ArticleList, Pagination } from "./components.js";
import type { PageContext } from "./context.js";
import { Layout } from "./layout.js";
import { FeedLinks, feedsOf } from "./listings.js";

export function HomePage({ ctx, view }: { ctx: PageContext; view: EditionView }) {
  const lang = ctx.language.code;
  const firstPage = !view.latest.newer;
  // An article featured above is not listed a second time just below it.
  const featured = new Set(view.featured.map((a) => a.id));
  const feeds = feedsOf(ctx, `/${lang}/`, { by: "edition" });
  return (
    <Layout
      ctx={ctx}
      head={{
        title: firstPage ? ctx.site.name : ctx.t.latest,
        description: ctx.site.tagline || undefined,
        canonical: firstPage ? `/${lang}/` : undefined,
        alternates: firstPage
          ? ctx.site.editions.map((code) => ({ language: code, path: `/${code}/` }))
          : undefined,
        openGraph: { "og:type": "website", "og:title": ctx.site.name, "og:url": `${ctx.origin}/${lang}/` },
        feeds,
      }}
    >
      <h1 class="visually-hidden">{ctx.site.name}</h1>
      {view.featured.length > 0 && (
        <section class="featured" aria-labelledby="featured-heading">
          <h2 id="featured-heading" class="section-heading">
            {ctx.t.featured}
          </h2>
          <ArticleList ctx={ctx} items={view.featured} headingLevel={3} />
        </section>
      )}
      <section class="latest" aria-labelledby="latest-heading">
        <h2 id="latest-heading" class="section-heading">
          {ctx.t.latest}
        </h2>
        <FeedLinks ctx={ctx} feeds={feeds} />
        <ArticleList
          ctx={ctx}
          items={view.latest.items.filter((a) => !featured.has(a.id))}
          headingLevel={3}
        />
      </section>
      <Pagination ctx={ctx} page={view.latest} basePath={`/${lang}/`} />
    </Layout>
  );
}
