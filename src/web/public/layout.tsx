// The frame of every public page: head (metadata, alternates, style), masthead, main, footer.
import type { Child } from "hono/jsx";
import { findLanguage } from "../../i18n/languages.js";
import { stylesheetPath } from "../assets.js";
import type { PageContext } from "./context.js";

export interface Head {
  title: string;
  description?: string;
  canonical?: string;
  /** Other-language versions of this page: language code → path. */
  alternates?: { language: string; path: string }[];
  openGraph?: Record<string, string>;
  jsonLd?: unknown;
  noindex?: boolean;
  /** This page's feeds, announced for autodiscovery. */
  feeds?: FeedLink[];
}

export interface FeedLink {
  /** The media type, e.g. application/atom+xml. */
  type: string;
  title: string;
  path: string;
}

export function Layout(props: { ctx: PageContext; head: Head; children?: Child }) {
  const { ctx, head } = props;
  const { site, t, language } = ctx;
  const fullTitle = head.title === site.name ? site.name : `${head.title} — ${site.name}`;
  return (
    <html lang={language.code} dir={language.dir}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        {head.description && <meta name="description" content={head.description} />}
        {head.noindex && <meta name="robots" content="noindex" />}
        {head.canonical && <link rel="canonical" href={ctx.origin + head.canonical} />}
        {head.alternates?.map((a) => (
          <link rel="alternate" hreflang={a.language} href={ctx.origin + a.path} />
        ))}
        {head.feeds?.map((f) => (
          <link rel="alternate" type={f.type} title={f.title} href={ctx.origin + f.path} />
        ))}
        {Object.entries(head.openGraph ?? {}).map(([property, content]) => (
          <meta property={property} content={content} />
        ))}
        {/* No icon of its own yet: this keeps browsers from asking for /favicon.ico on every visit. */}
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href={stylesheetPath()} />
        {head.jsonLd !== undefined && <JsonLd data={head.jsonLd} />}
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t.skipToContent}
        </a>
        <header class="masthead">
          <div class="masthead-inner">
            <a class="site-name" href={`/${language.code}/`}>
              {site.name}
            </a>
            {site.tagline && <p class="tagline">{site.tagline}</p>}
            <nav aria-label={t.primaryNavigation} class="site-nav">
              <ul>
                <li>
                  <a href={`/${language.code}/`}>{t.home}</a>
                </li>
                <li>
                  <a href={`/${language.code}/topics`}>{t.topics}</a>
                </li>
                <li>
                  <a href={`/${language.code}/archive/${new Date().getUTCFullYear()}`}>{t.archive}</a>
                </li>
              </ul>
            </nav>
            <search class="masthead-search">
              <form method="get" action={`/${language.code}/search`}>
                <label for="masthead-q" class="visually-hidden">
                  {t.searchLabel}
                </label>
                <input id="masthead-q" type="search" name="q" maxlength={500} placeholder={t.search} />
                <button type="submit">{t.search}</button>
              </form>
            </search>
            {site.editions.length > 1 && <EditionSwitch ctx={ctx} />}
          </div>
        </header>
        <main id="main" tabindex={-1}>
          {props.children}
        </main>
        <footer class="site-footer">
          <p>
            © {site.name}. {t.footerNote}
          </p>
          <p>
            <a href={`/${language.code}/contact`}>{t.contact}</a>
          </p>
        </footer>
      </body>
    </html>
  );
}

function EditionSwitch({ ctx }: { ctx: PageContext }) {
  return (
    <nav aria-label={ctx.t.editions} class="editions">
      <ul>
        {ctx.site.editions.map((code) => {
          const language = findLanguage(code);
          const current = code === ctx.language.code;
          return (
            <li>
              <a href={`/${code}/`} lang={code} hreflang={code} aria-current={current ? "true" : undefined}>
                {language?.name ?? code}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** JSON inside <script> must not be able to close the element: `<` is written as \u003c. */
function JsonLd({ data }: { data: unknown }) {
  const json = JSON.stringify(data)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: json }} />;
}
