// Footnote markup: a labelled section instead of markdown-it-footnote's `<hr>`, and ids that stay valid
// in CSS selectors (the plugin's `fnref1:2` needs escaping).

import type { MarkdownIt, RendererRule, Token } from "markdown-it";
import { footnoteNumber } from "./plain-text.js";

// The second and later references to one note get their own anchor, so each back-link returns to the
// right place: fnref-1, fnref-1-2, fnref-1-3.
function referenceId(token: Token): string {
  const use = (token.meta as { subId?: number }).subId ?? 0;
  const n = footnoteNumber(token);
  return use > 0 ? `fnref-${n}-${use + 1}` : `fnref-${n}`;
}

const footnoteRef: RendererRule = (tokens, idx) => {
  const token = tokens[idx] as Token;
  const n = footnoteNumber(token);
  return `<sup class="footnote-ref"><a href="#fn-${n}" id="${referenceId(token)}">${n}</a></sup>`;
};

export interface FootnoteLabels {
  notes: string;
  /** With `{n}` for the note's number. */
  backToReference: string;
  /** The heading of the list of sources cited, when the publication shows one; "Sources" if not given. */
  sources?: string;
}

export const ENGLISH_LABELS: FootnoteLabels = { notes: "Notes", backToReference: "Back to reference {n}" };

function labelsOf(env: unknown): FootnoteLabels {
  return (env as { labels?: FootnoteLabels }).labels ?? ENGLISH_LABELS;
}

const footnoteAnchor: RendererRule = (tokens, idx, _options, env) => {
  const token = tokens[idx] as Token;
  const use = (token.meta as { subId?: number }).subId ?? 0;
  const back = labelsOf(env).backToReference.replace("{n}", String(footnoteNumber(token)));
  const label = escapeAttribute(`${back}${use > 0 ? ` (${use + 1})` : ""}`);
  // U+FE0E keeps iOS from drawing the arrow as an emoji.
  return ` <a href="#${referenceId(token)}" class="footnote-backref" aria-label="${label}">\u21a9\ufe0e</a>`;
};

export function useFootnoteMarkup(md: MarkdownIt): void {
  const rules = md.renderer.rules;
  rules.footnote_ref = footnoteRef;
  rules.footnote_anchor = footnoteAnchor;
  rules.footnote_block_open = (_tokens, _idx, _options, env) =>
    `<section class="footnotes" aria-label="${escapeAttribute(labelsOf(env).notes)}"><ol>\n`;
  rules.footnote_block_close = () => "</ol>\n</section>\n";
  rules.footnote_open = (tokens, idx) => `<li id="fn-${footnoteNumber(tokens[idx] as Token)}">`;
  rules.footnote_close = () => "</li>\n";
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}
