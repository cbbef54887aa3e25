// The markdown folder turns an article's Markdown into safe HTML, plain text and the structure around it
// (citations, sourced quotations, headings, notes). Front matter is read in front-matter.ts.

import MarkdownIt, { type Env, type StateCore, type Token } from "markdown-it";
import footnote from "markdown-it-footnote";
import { citationGroupOf, citationPlacementOf, citationRule, noteCitationsRule } from "./citation.js";
import {
  bibliographySection,
  type CitationFormatter,
  citationHtml,
  PLAIN_CITATIONS,
} from "./citation-markup.js";
import { ENGLISH_LABELS, type FootnoteLabels, useFootnoteMarkup } from "./footnote.js";
import { headingRule } from "./heading.js";
import { fillMediaFigures, imagesOf, type MarkdownImage, type MediaImage, useMediaFigures } from "./media.js";
import { blockText } from "./plain-text.js";
import { quotationRule } from "./quotation.js";
import { sanitizeArticleHtml } from "./sanitize.js";

/** `[see @key, ch. 3]` → prefix "see", key "key", locator "ch. 3". */
export interface Citation {
  key: string;
  prefix: string;
  locator: string;
  suffix: string;
  /** `[-@key]`: the author is already named in the sentence. */
  suppressAuthor?: boolean;
}

/** One bracket, which may hold several citations: `[@a; @b, p. 3]`. */
export interface CitationGroup {
  citations: Citation[];
  raw: string;
}

/** A block quotation whose last paragraph is only a citation group. */
export interface Quotation {
  /** Plain text of the quotation, paragraphs joined by blank lines. */
  text: string;
  citation: CitationGroup;
  /** 0-based order among the article's quotations. */
  position: number;
}

export interface Heading {
  level: number;
  id: string;
  text: string;
}

export interface RenderedMarkdown {
  html: string;
  text: string;
  citations: CitationGroup[];
  quotations: Quotation[];
  headings: Heading[];
  footnoteCount: number;
}

export interface RenderOptions {
  /** Formats citations in the publication's style (citations/citer.ts); defaults to keys and locators. */
  citer?: CitationFormatter;
  /** The list of the cited sources (`<ul>…</ul>`, "" for none), put after the notes when given. */
  bibliography?: (keys: string[]) => string;
  /** The article's language's words for the notes and sources sections and the notes' back-links. */
  labels?: FootnoteLabels;
  /** Our media the body names, by key: a paragraph of only such an image becomes a responsive figure. */
  media?: ReadonlyMap<string, MediaImage>;
}

/** What the rules of one render share; markdown-it hands it to every rule. */
export interface RenderEnv extends Env {
  citer: CitationFormatter;
  headings: Heading[];
  quotations: Quotation[];
  footnotes?: { list?: unknown[] };
  labels: FootnoteLabels;
  media?: ReadonlyMap<string, MediaImage>;
}

// Built once: constructing markdown-it and compiling its rules costs more than rendering an article.
const md = new MarkdownIt({ html: true, linkify: false, typographer: false });
md.use(footnote);
useFootnoteMarkup(md);
md.inline.ruler.before("link", "citation", citationRule);
md.core.ruler.push("heading_anchors", headingRule);
md.core.ruler.push("note_citations", noteCitationsRule);
md.core.ruler.push("sourced_quotations", quotationRule);
md.core.ruler.push("table_alignment", tableAlignmentRule);
useMediaFigures(md);
// A wide table scrolls inside its own box on a narrow screen instead of widening the page.
md.renderer.rules.table_open = () => '<div class="table-scroll"><table>\n';
md.renderer.rules.table_close = () => "</table></div>\n";
md.renderer.rules.citation = (tokens, idx, _options, env) =>
  citationHtml(
    citationGroupOf(tokens[idx] as Token),
    (env as RenderEnv).citer,
    citationPlacementOf(tokens[idx] as Token),
  );

export function renderMarkdown(body: string, options: RenderOptions = {}): RenderedMarkdown {
  const env: RenderEnv = {
    citer: options.citer ?? PLAIN_CITATIONS,
    headings: [],
    quotations: [],
    labels: options.labels ?? ENGLISH_LABELS,
    media: options.media,
  };
  const tokens = md.parse(body, env);
  const citations = citationGroups(tokens);
  let html = md.renderer.render(tokens, md.options, env);
  if (options.bibliography && citations.length > 0) {
    const keys = [...new Set(citations.flatMap((g) => g.citations.map((c) => c.key)))];
    html += bibliographySection(options.bibliography(keys), env.labels.sources ?? "Sources");
  }
  return {
    html: fillMediaFigures(sanitizeArticleHtml(html), env),
    text: blockText(tokens, env),
    citations,
    quotations: env.quotations,
    headings: env.headings,
    footnoteCount: env.footnotes?.list?.length ?? 0,
  };
}

/** The images a body shows, parsed as a render would parse them. */
export function findImages(body: string): MarkdownImage[] {
  const env: RenderEnv = { citer: PLAIN_CITATIONS, headings: [], quotations: [], labels: ENGLISH_LABELS };
  return imagesOf(md.parse(body, env), md);
}

function citationGroups(tokens: readonly Token[]): CitationGroup[] {
  const groups: CitationGroup[] = [];
  const visit = (list: readonly Token[]): void => {
    for (const token of list) {
      if (token.type === "citation") groups.push(citationGroupOf(token));
      else if (token.children) visit(token.children);
    }
  };
  visit(tokens);
  return groups;
}

// markdown-it aligns table cells with a style attribute, which the sanitiser rightly removes;
// the `align` attribute says the same without letting CSS in. Header cells also get their scope.
function tableAlignmentRule(state: StateCore): void {
  for (const token of state.tokens) {
    if (token.type !== "th_open" && token.type !== "td_open") continue;
    const style = token.attrGet("style");
    const align = typeof style === "string" ? /^text-align:(left|center|right)$/.exec(style)?.[1] : undefined;
    token.attrs = token.attrs?.filter(([name]) => name !== "style") ?? null;
    if (align) token.attrSet("align", align);
    if (token.type === "th_open") token.attrSet("scope", "col");
  }
}
