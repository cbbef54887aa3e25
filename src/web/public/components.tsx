// Pieces shared by the public pages: bylines, dates, article lists and keyset pagination.
import { type ArticleSummary, type Byline, encodeCursor, type Page } from "../../content/article.js";
import { formatDate, type PageContext } from "./context.js";

export function Bylines({ ctx, bylines }: { ctx: PageContext; bylines: Byline[] }) {
  if (bylines.length === 0) return null;
  const last = bylines.length - 1;
  return (
    <span class="bylines">
      {ctx.t.by}{" "}
      {bylines.map((b, i) => (
        <>
          {i > 0 && (i === last ? ` ${ctx.t.and} ` : ", ")}
          <a class="p-author h-card" rel="author" href={`/${ctx.language.code}/authors/${b.slug}`}>
            {b.name}
          </a>
        </>
      ))}
    </span>
  );
}

export function DateTime({ ctx, iso, className }: { ctx: PageContext; iso: string; className?: string }) {
  return (
    <time class={className} datetime={iso}>
      {formatDate(iso, ctx.language.code)}
    </time>
  );
}

export function ArticleList({
  ctx,
  items,
  headingLevel = 2,
}: {
  ctx: PageContext;
  items: ArticleSummary[];
  headingLevel?: 2 | 3;
}) {
  if (items.length === 0) return <p class="empty">{ctx.t.noArticles}</p>;
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <ol class="article-list">
      {items.map((a) => (
        <li class="h-entry">
          <article>
            {a.kind !== "article" && <KindLabel ctx={ctx} kind={a.kind} />}
            <Heading class="p-name">
              <a class="u-url" href={a.path}>
                {a.title}
              </a>
            </Heading>
            {a.standfirst && <p class="standfirst p-summary">{a.standfirst}</p>}
            <p class="meta">
              <Bylines ctx={ctx} bylines={a.bylines} />
              {a.bylines.length > 0 && " · "}
              <DateTime ctx={ctx} iso={a.publishedAt} className="dt-published" />
            </p>
          </article>
        </li>
      ))}
    </ol>
  );
}

export function KindLabel({ ctx, kind }: { ctx: PageContext; kind: string }) {
  const label = (ctx.t as Record<string, string>)[`kind_${kind}`];
  return label ? <p class="kind">{label}</p> : null;
}

/** Links to the older and newer pages of a keyset-paginated list at `basePath`. */
export function Pagination({
  ctx,
  page,
  basePath,
}: {
  ctx: PageContext;
  page: Page<unknown>;
  basePath: string;
}) {
  if (!page.older && !page.newer) return null;
  return (
    <nav class="pagination" aria-label={ctx.t.pagination}>
      {page.newer && (
        <a rel="prev" href={`${basePath}?after=${encodeCursor(page.newer)}`}>
          ← {ctx.t.newer}
        </a>
      )}
      {page.older && (
        <a rel="next" href={`${basePath}?before=${encodeCursor(page.older)}`}>
          {ctx.t.older} →
        </a>
      )}
    </nav>
  );
}
