// The date archive: a year lists its months, a month its days, and each lists its articles.
import type { ArticleSummary, Page } from "../../content/article.js";
import type { ArchivePeriod } from "../../content/reading.js";
import { format } from "../../i18n/strings.js";
import { ArticleList, Pagination } from "./components.js";
import { formatDate, monthName, type PageContext } from "./context.js";
import { Layout } from "./layout.js";

export function ArchivePage(props: {
  ctx: PageContext;
  period: ArchivePeriod;
  parts: number[];
  articles: Page<ArticleSummary>;
}) {
  const { ctx, period, parts, articles } = props;
  const lang = ctx.language.code;
  const base = archivePath(lang, period);
  const label = periodLabel(period, lang);
  return (
    <Layout
      ctx={ctx}
      head={{
        title: format(ctx.t.archiveOf, { period: label }),
        canonical: articles.newer ? undefined : base,
      }}
    >
      <header class="page-header">
        <nav aria-label={ctx.t.breadcrumb} class="breadcrumbs">
          <ol>
            <li>
              <a href={archivePath(lang, { year: period.year - 1 })}>← {period.year - 1}</a>
            </li>
            {period.month !== undefined && (
              <li>
                <a href={archivePath(lang, { year: period.year })}>{period.year}</a>
              </li>
            )}
            {period.day !== undefined && (
              <li>
                <a href={archivePath(lang, { year: period.year, month: period.month })}>
                  {monthName(period.year, period.month ?? 1, lang)}
                </a>
              </li>
            )}
            <li>
              <a href={archivePath(lang, { year: period.year + 1 })}>{period.year + 1} →</a>
            </li>
          </ol>
        </nav>
        <h1>{format(ctx.t.archiveOf, { period: label })}</h1>
        {parts.length > 0 && (
          <nav aria-labelledby="periods" class="archive-periods">
            <h2 id="periods">{period.month === undefined ? ctx.t.months : ctx.t.days}</h2>
            <ul>
              {parts.map((n) => {
                const sub =
                  period.month === undefined ? { year: period.year, month: n } : { ...period, day: n };
                return (
                  <li>
                    <a href={archivePath(lang, sub)}>
                      {period.month === undefined ? monthName(period.year, n, lang) : String(n)}
                    </a>
                  </li>
                );
              })}
            </ul>
          </nav>
        )}
      </header>
      <ArticleList ctx={ctx} items={articles.items} />
      <Pagination ctx={ctx} page={articles} basePath={base} />
    </Layout>
  );
}

export function archivePath(lang: string, { year, month, day }: ArchivePeriod): string {
  const parts = [year, month, day]
    .filter((n) => n !== undefined)
    .map((n, i) => (i === 0 ? String(n) : String(n).padStart(2, "0")));
  return `/${lang}/archive/${parts.join("/")}`;
}

function periodLabel({ year, month, day }: ArchivePeriod, lang: string): string {
  if (month === undefined) return String(year);
  if (day === undefined) return monthName(year, month, lang);
  return formatDate(new Date(Date.UTC(year, month - 1, day)).toISOString(), lang);
}
