// Plain text from markdown-it's token stream, for search and feeds. Working on tokens rather than on the
// HTML keeps entities decoded once and never mistakes a writer's `<` for a tag.

import type { Token } from "markdown-it";
import { citationGroupOf, citationPlacementOf } from "./citation.js";
import type { RenderEnv } from "./render.js";
import { htmlText } from "./sanitize.js";

/** Blocks (paragraphs, headings, table rows…) of `tokens`, separated by blank lines. */
export function blockText(tokens: readonly Token[], env: RenderEnv): string {
  const blocks: string[] = [];
  // A table is one block: a line per row, cells separated by tabs.
  let rows: string[] | undefined;
  let row: string[] | undefined;
  let notePrefix = "";
  for (const token of tokens) {
    switch (token.type) {
      case "inline": {
        const text = inlineText(token.children ?? [], env, { noteMarkers: true }).trim();
        if (row) row.push(text);
        else if (text) {
          blocks.push(notePrefix + text);
          notePrefix = "";
        }
        break;
      }
      case "table_open":
        rows = [];
        break;
      case "tr_open":
        row = [];
        break;
      case "tr_close":
        if (row?.some((cell) => cell)) rows?.push(row.join("\t"));
        row = undefined;
        break;
      case "table_close":
        if (rows && rows.length > 0) blocks.push(rows.join("\n"));
        rows = undefined;
        break;
      case "fence":
      case "code_block":
        blocks.push(token.content.replace(/\n+$/, ""));
        break;
      case "html_block": {
        const text = htmlText(token.content)
          .trim()
          .replace(/\n\s*\n\s*/g, "\n\n");
        if (text) blocks.push(text);
        break;
      }
      case "footnote_open":
        notePrefix = `[${footnoteNumber(token)}] `;
        break;
    }
  }
  return blocks.join("\n\n");
}

export function inlineText(
  children: readonly Token[],
  env: RenderEnv,
  options: { noteMarkers: boolean },
): string {
  let text = "";
  for (const child of children) {
    switch (child.type) {
      case "text":
      case "text_special":
      case "code_inline":
        text += child.content;
        break;
      case "softbreak":
        text += " ";
        break;
      case "hardbreak":
        text += "\n";
        break;
      case "image":
        text += inlineText(child.children ?? [], env, options);
        break;
      case "citation":
        text += env.citer.text(citationGroupOf(child), citationPlacementOf(child));
        break;
      case "footnote_ref":
        if (options.noteMarkers) text += `[${footnoteNumber(child)}]`;
        break;
      // Inline HTML tokens are single tags; the text between them arrives as text tokens.
    }
  }
  return text;
}

export function footnoteNumber(token: Token): number {
  return (token.meta as { id: number }).id + 1;
}
