// The search page: the form, what was found and how many, the filters as links, and a way on when
// nothing was found.
import { ARTICLE_KINDS } from "../../content/article.js";
import { findLanguage } from "../../i18n/languages.js";
import { format } from "../../i18n/strings.js";
import type { SearchResults } from "../../search/search.js";
import type { Snippet } from "../../search/snippet.js";
import { Bylines, DateTime, KindLabel } from "./components.js";
import type { PageContext } from "./context.js";
import { Layout } from "./layout.js";

/** The parameters a search page keeps in its links, in a stable order. */
const KEPT = ["q", "language", "kind", "person", "topic", "series", "since", "until", "order"] as const;
type Kept = (typeof KEPT)[number];

export function searchPath(lang: string, params: Partial<Record<Kept | "cursor", string>>): string {
  const query = new URLSearchParams();
  for (const key of [...KEPT, "cursor"] as const) {
    const value = params[key];
    if (value) query.set(key, value);
  }
  const text = query.toString();
  return text ? `/${lang}/search?${text}` : `/${lang}/search`;
}

export function SearchPage(props: { ctx: PageContext; found: SearchResults }) {
  const { ctx, found } = props;
  const { t } = ctx;
  const lang = ctx.language.code;
  const current = currentParams(found, lang);
  const link = (change: Partial<Record<Kept, string | undefined>>) =>
    searchPath(lang, { ...current, ...change } as Record<Kept, string>);
  const title = found.query ? format(t.searchResultsFor, { q: found.query }) : t.search;
  return (
    <Layout ctx={ctx} head={{ title, noindex: true }}>
      <header class="page-header">
        <h1>{title}</h1>
        <SearchForm ctx={ctx} found={found} />
      </header>
      {found.empty ? (
        <section class="search-help">
          <p>{found.query ? t.searchEmpty : t.searchHelp}</p>
          {found.query && <p>{t.searchHelp}</p>}
        </section>
      ) : (
        <>
          <p class="search-count" role="status">
            {countText(ctx, found)}
          </p>
          <Refinements ctx={ctx} found={found} link={link} />
          {found.results.length === 0 ? (
            <section class="search-help">
              <p>{format(t.searchNothing, { q: found.query })}</p>
              <p>{t.searchNothingHelp}</p>
              <p>{t.searchHelp}</p>
            </section>
          ) : (
            <ol class="article-list search-results">
              {found.results.map(({ article, snippet }) => (
                <li class="h-entry">
                  <article>
                    {article.kind !== "article" && <KindLabel ctx={ctx} kind={article.kind} />}
                    <h2 class="p-name">
                      <a class="u-url" href={article.path} hreflang={article.language}>
                        {article.title}
                      </a>
                    </h2>
                    {snippet.length > 0 && <SnippetText snippet={snippet} language={article.language} />}
                    <p class="meta">
                      <Bylines ctx={ctx} bylines={article.bylines} />
                      {article.bylines.length > 0 && " · "}
                      <DateTime ctx={ctx} iso={article.publishedAt} className="dt-published" />
                      {article.language !== lang &&
                        ` · ${findLanguage(article.language)?.name ?? article.language}`}
                    </p>
                  </article>
                </li>
              ))}
            </ol>
          )}
          {found.ranking === "bounded" && found.order === "relevance" && (
            <p class="search-note">{t.searchBounded}</p>
          )}
          {found.next && (
            <nav aria-label={t.pagination} class="pagination">
              <a rel="next" href={searchPath(lang, { ...current, cursor: found.next })}>
                {t.searchMore}
              </a>
            </nav>
          )}
        </>
      )}
    </Layout>
  );
}

function SearchForm({ ctx, found }: { ctx: PageContext; found: SearchResults }) {
  const hidden = Object.entries(currentParams(found, ctx.language.code)).filter(
    ([key, value]) => key !== "q" && value,
  );
  return (
    <search class="search-form">
      <form method="get" action={`/${ctx.language.code}/search`}>
        <label for="search-page-q" class="visually-hidden">
          {ctx.t.searchLabel}
        </label>
        <input id="search-page-q" type="search" name="q" value={found.query} maxlength={500} />
        {hidden.map(([name, value]) => (
          <input type="hidden" name={name} value={value} />
        ))}
        <button type="submit">{ctx.t.search}</button>
      </form>
    </search>
  );
}

function Refinements(props: {
  ctx: PageContext;
  found: SearchResults;
  link: (change: Partial<Record<Kept, string | undefined>>) => string;
}) {
  const { ctx, found, link } = props;
  const { t } = ctx;
  const kindLabel = (kind: string) => (t as Record<string, string>)[`kind_${kind}`] ?? t.kind_article;
  const { filters } = found;
  const active = [
    filters.person && { name: filters.person.name, remove: link({ person: undefined }) },
    filters.topic && { name: filters.topic.name, remove: link({ topic: undefined }) },
    filters.series && { name: filters.series.title, remove: link({ series: undefined }) },
    (filters.since || filters.until) && {
      name: `${filters.since ?? "…"} – ${filters.until ?? "…"}`,
      remove: link({ since: undefined, until: undefined }),
    },
  ].filter((f): f is { name: string; remove: string } => Boolean(f));
  return (
    <nav aria-label={t.searchRefine} class="search-refine">
      <FilterGroup
        label={t.searchOrder}
        options={[
          {
            label: t.searchRelevance,
            href: link({ order: undefined }),
            current: found.order === "relevance",
          },
          { label: t.searchNewest, href: link({ order: "newest" }), current: found.order === "newest" },
        ]}
      />
      {found.editions.length > 0 && (
        <FilterGroup
          label={t.searchLanguage}
          options={[
            ...found.editions.map((language) => ({
              label: findLanguage(language)?.name ?? language,
              href: link({ language: language === ctx.language.code ? undefined : language }),
              current: filters.language === language,
            })),
            {
              label: t.searchAllLanguages,
              href: link({ language: "all" }),
              current: filters.language === "all",
            },
          ]}
        />
      )}
      <FilterGroup
        label={t.searchKind}
        options={[
          { label: t.searchAnyKind, href: link({ kind: undefined }), current: !filters.kind },
          ...ARTICLE_KINDS.filter((k) => k !== "page").map((kind) => ({
            label: kindLabel(kind),
            href: link({ kind }),
            current: filters.kind === kind,
          })),
        ]}
      />
      {active.length > 0 && (
        <div class="filter-group">
          <h2>{t.searchFilteredBy}</h2>
          <ul>
            {active.map((f) => (
              <li>
                {f.name}{" "}
                <a href={f.remove} class="remove-filter">
                  {t.searchRemoveFilter}
                  <span class="visually-hidden">: {f.name}</span>
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
    </nav>
  );
}

function FilterGroup(props: { label: string; options: { label: string; href: string; current: boolean }[] }) {
  return (
    <div class="filter-group">
      <h2>{props.label}</h2>
      <ul>
        {props.options.map((o) => (
          <li>
            {o.current ? (
              <a href={o.href} aria-current="true">
                {o.label}
              </a>
            ) : (
              <a href={o.href}>{o.label}</a>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

function SnippetText({ snippet, language }: { snippet: Snippet; language: string }) {
  return (
    <p class="snippet" lang={language}>
      {snippet.map((piece) => (piece.marked ? <mark>{piece.text}</mark> : piece.text))}
    </p>
  );
}

function countText(ctx: PageContext, found: SearchResults): string {
  const { count, atLeast } = found.total;
  const n = count.toLocaleString(ctx.language.code);
  if (atLeast) return format(ctx.t.searchCountAtLeast, { n });
  return count === 1 ? ctx.t.searchCountOne : format(ctx.t.searchCount, { n });
}

function currentParams(found: SearchResults, edition: string): Partial<Record<Kept, string>> {
  const { filters } = found;
  return {
    q: found.query,
    language: filters.language === edition ? undefined : filters.language,
    kind: filters.kind,
    person: filters.person?.slug,
    topic: filters.topic?.slug,
    series: filters.series?.slug,
    since: filters.since,
    until: filters.until,
    order: found.order === "newest" ? "newest" : undefined,
  };
}
