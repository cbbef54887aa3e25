// The prose of a Markdown source text: markup characters stripped line by line, so that the line
// structure (and with it `[page N]` markers and form feeds) survives exactly as written.

import MarkdownIt from "markdown-it";
import { htmlToText } from "./html-text.js";

const PAGE_MARKER_LINE = /^[ \t]*\[page[ \t]+([0-9]+|[ivxlcdm]+)\][ \t]*$/i;
const FENCE = /^[ \t]{0,3}(`{3,}|~{3,})/;

// markdown-it's decoder of character references, with its backslash rule kept for Markdown only.
const { unescapeAll } = new MarkdownIt().utils;

export function markdownToText(markdown: string): string {
  const lines = markdown.replace(/\r\n?/g, "\n").split("\n");
  const out: string[] = [];
  let fence: string | undefined;
  for (const line of lines) {
    const opened = FENCE.exec(line)?.[1];
    if (fence !== undefined) {
      if (opened?.startsWith(fence)) fence = undefined;
      else out.push(line);
      continue;
    }
    if (opened) {
      fence = opened;
      continue;
    }
    out.push(PAGE_MARKER_LINE.test(line) ? line : proseOfLine(line));
  }
  return out.join("\n");
}

function proseOfLine(line: string): string {
  // Block markup: rules, table separators and link definitions carry no prose.
  if (/^[ \t]*([-*_][ \t]*){3,}$/.test(line)) return "";
  if (/^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$/.test(line)) return "";
  if (/^[ \t]{0,3}\[[^\]]+\]:[ \t]*\S+/.test(line) && !/^[ \t]{0,3}\[\^/.test(line)) return "";
  const text = line
    // Escaped punctuation is set aside as private-use characters until the markup is gone.
    .replace(/\\([!-/:-@[-`{-~])/g, (_, c: string) => String.fromCharCode(0xe000 + c.charCodeAt(0)))
    .replace(/^[ \t]{0,3}(>[ \t]?)+/, "")
    .replace(/^[ \t]*#{1,6}[ \t]+/, "")
    .replace(/[ \t]+#+[ \t]*$/, "")
    .replace(/^[ \t]*([-*+]|\d{1,9}[.)])[ \t]+/, "")
    .replace(/^[ \t]*\[\^[^\]]+\]:[ \t]*/, "")
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, "$1")
    .replace(/\[\^[^\]]+\]/g, "")
    .replace(/<(https?:[^>\s]+|[^>\s@]+@[^>\s]+)>/g, "$1")
    .replace(/(\*{1,3}|~~)(?=\S)([^*~]*?\S)\1/g, "$2")
    .replace(/(?<![\p{L}\p{N}])(_{1,3})(?=\S)([^_]*?\S)\1(?![\p{L}\p{N}])/gu, "$2")
    .replace(/`+/g, "")
    .replace(/^[ \t]*\|[ \t]*/, "")
    .replace(/[ \t]*\|[ \t]*$/, "")
    .replace(/[ \t]*\|[ \t]*/g, "\t");
  const withoutTags = /<[a-z!/]/i.test(text) ? htmlToText(text) : text;
  return unescapeAll(withoutTags).replace(/[\ue000-\ue07f]/g, (c) =>
    String.fromCharCode(c.charCodeAt(0) - 0xe000),
  );
}
