// The article page: the reading view, with its bylines, place in a series, what it answers and what
// answers it, its translations, and the metadata (canonical, hreflang, Open Graph, JSON-LD) around it.
import { raw } from "hono/html";
import { schemaOrgCitation } from "../../citations/schema-org.js";
import type { ArticleView, CheckedQuotation } from "../../content/reading.js";
import { findLanguage } from "../../i18n/languages.js";
import { format } from "../../i18n/strings.js";
import { Bylines, DateTime, KindLabel } from "./components.js";
import type { PageContext } from "./context.js";
import { Layout } from "./layout.js";
import { documentSize, documentsLabel } from "./media.js";

export function ArticlePage({ ctx, view }: { ctx: PageContext; view: ArticleView }) {
  const { article, bylines, topics, series, replies, answers, translations } = view;
  const { t } = ctx;
  const lang = ctx.language.code;
  const path = article.path ?? "";
  const minutes = Math.max(1, Math.round(article.wordCount / 230));
  const head = {
    title: article.title,
    description: article.standfirst || article.text.slice(0, 200),
    canonical: path,
    alternates: [
      { language: article.language, path },
      ...translations.map((tr) => ({ language: tr.language, path: tr.path })),
    ],
    openGraph: {
      "og:type": "article",
      "og:title": article.title,
      "og:description": article.standfirst || article.text.slice(0, 200),
      "og:url": ctx.origin + path,
      "og:site_name": ctx.site.name,
      "og:locale": article.language,
      "article:published_time": article.publishedAt ?? "",
      "article:modified_time": article.updatedAt,
    },
    jsonLd: jsonLd(ctx, view),
  };
  return (
    <Layout ctx={ctx} head={head}>
      <article class="article h-entry" lang={article.language}>
        <header class="article-header">
          <KindLabel ctx={ctx} kind={article.kind} />
          {series && (
            <p class="series-label">
              <a href={`/${lang}/series/${series.series.slug}`}>{series.series.title}</a>
              {" · "}
              {format(t.part, { n: series.part, total: series.total })}
            </p>
          )}
          <h1 class="p-name">{article.title}</h1>
          {article.standfirst && <p class="standfirst p-summary">{article.standfirst}</p>}
          <p class="meta">
            <Bylines ctx={ctx} bylines={bylines} />
            {bylines.length > 0 && " · "}
            <DateTime ctx={ctx} iso={article.publishedAt ?? article.updatedAt} className="dt-published" />
            {" · "}
            {format(t.minutes, { n: minutes })}
          </p>
          {replies.length > 0 && (
            <aside class="in-reply-to" aria-label={t.answers}>
              <p>{t.answers}:</p>
              <ul>
                {replies.map((r) => (
                  <li class="h-cite u-in-reply-to">
                    <ReplyTitle title={r.title} href={r.path ?? r.url} />
                    {r.author && <span class="p-author"> — {r.author}</span>}
                    {r.publisher && <span class="p-publisher">, {r.publisher}</span>}
                  </li>
                ))}
              </ul>
            </aside>
          )}
          {article.correction && (
            <aside class="correction" aria-label={t.correction}>
              <strong>
                {t.correction}
                {article.correctedAt && (
                  <>
                    , <DateTime ctx={ctx} iso={article.correctedAt} />
                  </>
                )}
                :
              </strong>{" "}
              {article.correction}
            </aside>
          )}
        </header>
        <div class="article-body e-content">{raw(article.html)}</div>
        <footer class="article-footer">
          {view.documents.length > 0 && (
            <section class="documents" aria-labelledby="documents">
              <h2 id="documents">{documentsLabel(lang)}</h2>
              <ul>
                {view.documents.map((d) => (
                  <li>
                    <a href={d.url} type="application/pdf" download>
                      {d.title}
                    </a>{" "}
                    <span class="document-size">(PDF, {documentSize(d.bytes, lang)})</span>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {view.checkedQuotations.length > 0 && (
            <QuotationChecks ctx={ctx} quotations={view.checkedQuotations} />
          )}
          {topics.length > 0 && (
            <nav aria-label={t.topics} class="topics">
              <h2>{t.topics}</h2>
              <ul>
                {topics.map((topic) => (
                  <li>
                    <a class="p-category" href={`/${lang}/topics/${topic.slug}`}>
                      {topic.name}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          )}
          {series && (series.previous || series.next) && (
            <nav class="series-nav" aria-label={series.series.title}>
              {series.previous && (
                <a rel="prev" href={series.previous.path}>
                  <span>← {t.previousPart}</span> {series.previous.title}
                </a>
              )}
              {series.next && (
                <a rel="next" href={series.next.path}>
                  <span>{t.nextPart} →</span> {series.next.title}
                </a>
              )}
            </nav>
          )}
          {answers.length > 0 && (
            <section class="answers" aria-labelledby="answered-by">
              <h2 id="answered-by">{t.answeredBy}</h2>
              <ul>
                {answers.map((a) => (
                  <li>
                    <a href={a.path}>{a.title}</a> · <DateTime ctx={ctx} iso={a.publishedAt} />
                  </li>
                ))}
              </ul>
            </section>
          )}
          {translations.length > 0 && (
            <nav class="translations" aria-label={t.alsoIn}>
              <h2>{t.alsoIn}</h2>
              <ul>
                {translations.map((tr) => (
                  <li>
                    <a href={tr.path} hreflang={tr.language} lang={tr.language}>
                      {findLanguage(tr.language)?.name ?? tr.language}: {tr.title}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          )}
        </footer>
      </article>
    </Layout>
  );
}

/** Each checked quotation, opened on request, with the source's passage and its pages. */
function QuotationChecks({ ctx, quotations }: { ctx: PageContext; quotations: CheckedQuotation[] }) {
  const { t } = ctx;
  return (
    <section class="quotation-checks" aria-labelledby="quotation-checks">
      <h2 id="quotation-checks">{t.quotationChecks}</h2>
      <p>{t.quotationChecksIntro}</p>
      <ol>
        {quotations.map((q) => (
          <li id={`quotation-check-${q.position + 1}`}>
            <details>
              <summary>
                “{q.opening}” —{" "}
                {q.pages.length > 0
                  ? format(t.quotationFoundOnPages, { pages: pagesLabel(ctx, q.pages) })
                  : t.quotationFound}
              </summary>
              {q.overridden && <p>{t.quotationOverridden}</p>}
              <figure>
                <figcaption>{t.quotationSourcePassage}</figcaption>
                <blockquote class="source-passage">
                  <p>{q.excerpt}</p>
                </blockquote>
              </figure>
              <p class="checked-at">
                {t.quotationChecked} <DateTime ctx={ctx} iso={q.checkedAt} />
              </p>
            </details>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** "p. 378" or "pp. 378–379": consecutive numbered pages as a range. */
function pagesLabel(ctx: PageContext, pages: string[]): string {
  const numbers = pages.map(Number);
  const consecutive =
    numbers.every(Number.isInteger) && numbers.every((n, i) => i === 0 || n === (numbers[i - 1] ?? 0) + 1);
  const list =
    consecutive && pages.length > 2
      ? `${pages[0]}–${pages.at(-1)}`
      : pages.join(pages.length === 2 && consecutive ? "–" : ", ");
  return format(pages.length === 1 ? ctx.t.quotationPage : ctx.t.quotationPages, { n: list });
}

function ReplyTitle({ title, href }: { title: string; href: string | undefined }) {
  const text = <cite class="p-name">{title}</cite>;
  return href ? (
    <a class="u-url" href={href}>
      {text}
    </a>
  ) : (
    text
  );
}

function jsonLd(ctx: PageContext, view: ArticleView) {
  const { article, bylines, series } = view;
  const url = ctx.origin + (article.path ?? "");
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: article.title,
    description: article.standfirst || undefined,
    inLanguage: article.language,
    datePublished: article.publishedAt,
    dateModified: article.updatedAt,
    url,
    mainEntityOfPage: url,
    wordCount: article.wordCount,
    author: bylines.map((b) => ({
      "@type": b.kind === "institution" ? "Organization" : "Person",
      name: b.name,
      url: `${ctx.origin}/${ctx.language.code}/authors/${b.slug}`,
    })),
    publisher: { "@type": "Organization", name: ctx.site.name, url: `${ctx.origin}/` },
    isPartOf: series
      ? {
          "@type": "CreativeWorkSeries",
          name: series.series.title,
          url: `${ctx.origin}/${ctx.language.code}/series/${series.series.slug}`,
        }
      : undefined,
    citation: view.sources.length > 0 ? view.sources.map(schemaOrgCitation) : undefined,
    workTranslation: view.translations.map((tr) => ({
      "@type": "NewsArticle",
      url: ctx.origin + tr.path,
      inLanguage: tr.language,
    })),
  };
}
