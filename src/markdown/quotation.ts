// A block quotation whose last paragraph is only a citation is a sourced quotation: it becomes a
// <figure> with the citation as its caption, and is recorded so that quotations can be listed and
// checked against their sources.

import type { StateCore, Token } from "markdown-it";
import { citationGroupOf } from "./citation.js";
import { quotationSourceUrl } from "./citation-markup.js";
import { blockText } from "./plain-text.js";
import type { RenderEnv } from "./render.js";

interface SourcedQuote {
  open: number;
  close: number;
  captionStart: number;
  citation: Token;
}

export function quotationRule(state: StateCore): void {
  const tokens = state.tokens;
  const env = state.env as RenderEnv;
  const found: SourcedQuote[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if ((tokens[i] as Token).type !== "blockquote_open") continue;
    const quote = sourcedQuote(tokens, i);
    if (quote) found.push(quote);
  }
  if (found.length === 0) return;

  const opens = new Set(found.map((q) => q.open));
  const closes = new Map(found.map((q) => [q.close, q]));
  const captionTokens = new Set(
    found.flatMap((q) => [q.captionStart, q.captionStart + 1, q.captionStart + 2]),
  );
  const rewritten: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (opens.has(i)) rewritten.push(blockToken(state, "figure_open", "figure", 1, [["class", "quotation"]]));
    if (!captionTokens.has(i)) rewritten.push(tokens[i] as Token);
    const closing = closes.get(i);
    if (!closing) continue;
    const caption = new state.Token("inline", "", 0);
    closing.citation.meta = { ...closing.citation.meta, placement: "caption" };
    caption.children = [closing.citation];
    rewritten.push(
      blockToken(state, "figcaption_open", "figcaption", 1),
      caption,
      blockToken(state, "figcaption_close", "figcaption", -1),
      blockToken(state, "figure_close", "figure", -1),
    );
  }

  for (const quote of found) {
    // The quoted source's address, for a reader's tools (HTML's blockquote cite attribute).
    const url = quotationSourceUrl(citationGroupOf(quote.citation), env.citer);
    if (url) (tokens[quote.open] as Token).attrSet("cite", url);
    env.quotations.push({
      text: blockText(tokens.slice(quote.open + 1, quote.captionStart), env),
      citation: citationGroupOf(quote.citation),
      position: env.quotations.length,
    });
  }
  state.tokens = rewritten;
}

function sourcedQuote(tokens: readonly Token[], open: number): SourcedQuote | undefined {
  const level = (tokens[open] as Token).level;
  let close = open + 1;
  while (close < tokens.length) {
    const t = tokens[close] as Token;
    if (t.type === "blockquote_close" && t.level === level) break;
    close++;
  }
  const captionStart = close - 3;
  // A quotation needs something besides its citation.
  if (captionStart <= open + 1) return undefined;
  if (tokens[captionStart]?.type !== "paragraph_open" || tokens[close - 1]?.type !== "paragraph_close") {
    return undefined;
  }
  const citation = onlyCitation(tokens[close - 2]?.children ?? []);
  return citation && { open, close, captionStart, citation };
}

function onlyCitation(children: readonly Token[]): Token | undefined {
  const meaningful = children.filter(
    (c) => !(c.type === "softbreak" || (c.type === "text" && c.content.trim() === "")),
  );
  const [first] = meaningful;
  return meaningful.length === 1 && first?.type === "citation" ? first : undefined;
}

function blockToken(
  state: StateCore,
  type: string,
  tag: string,
  nesting: 1 | -1,
  attrs: [string, string][] = [],
): Token {
  const token = new state.Token(type, tag, nesting);
  token.block = true;
  token.attrs = attrs.length > 0 ? attrs : null;
  return token;
}
