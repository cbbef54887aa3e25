// A quotation as written, taken apart for checking: segments between ellipses, and in each its words
// and its editorial brackets. "[Stalin]" standing alone may stand for any few words of the source or
// none ("[sic]"); brackets inside a word ("[T]he", "Stalin[’s]") are the editor's letters, and that
// word's capitalisation is theirs to change.

import { type Words, wordsOf } from "./normalize.js";

export interface QuoteToken {
  /** Offsets into the whole quotation string. */
  start: number;
  end: number;
  hash: number;
  /** An editorial insertion standing alone: matches any few source words, or none. */
  wildcard: boolean;
  /** A word with bracketed letters in it. */
  editorial: boolean;
}

export interface QuoteSegment {
  start: number;
  end: number;
  tokens: QuoteToken[];
  /** Tokens that are words (not insertions). */
  wordCount: number;
}

const ELLIPSIS = /\[\s*(?:\u2026|(?:\.\s*){3})\s*\]|(?:\.[ \t\u00a0]*){2,}\.|\u2026/g;
const BRACKETS = /\[[^\][]*\]/g;
// Quotation marks and spaces around a whole quotation are the writer's framing, not the source's.
const LEADING_FRAME = /^[\s"'\u201c-\u201f\u00ab\u00bb\u2018-\u201b\u2039\u203a]+/;
const TRAILING_FRAME = /[\s"'\u201c-\u201f\u00ab\u00bb\u2018-\u201b\u2039\u203a]+$/;

export function quotationSegments(quote: string): QuoteSegment[] {
  const segments: QuoteSegment[] = [];
  let last = 0;
  ELLIPSIS.lastIndex = 0;
  for (let m = ELLIPSIS.exec(quote); m; m = ELLIPSIS.exec(quote)) {
    pushSegment(segments, quote, last, m.index);
    last = m.index + m[0].length;
  }
  pushSegment(segments, quote, last, quote.length);
  return segments;
}

function pushSegment(segments: QuoteSegment[], quote: string, from: number, to: number): void {
  let start = from;
  let end = to;
  const piece = quote.slice(from, to);
  const lead = LEADING_FRAME.exec(piece)?.[0].length ?? 0;
  const trail = TRAILING_FRAME.exec(piece)?.[0].length ?? 0;
  if (segments.length === 0) start += lead;
  if (to === quote.length && lead < piece.length) end -= trail;
  if (end <= start) return;
  // Brackets are blanked before finding words: in a word they become ignorable joiners, alone a space.
  let blanked = quote.slice(0, end);
  const insertions: { start: number; end: number }[] = [];
  const editorial: { start: number; end: number }[] = [];
  BRACKETS.lastIndex = start;
  for (let m = BRACKETS.exec(blanked); m; m = BRACKETS.exec(blanked)) {
    const at = m.index;
    const after = at + m[0].length;
    // Only a letter or three ("[T]he", "[’s]") are a word's own; "[Laughter]For" is an insertion before a word.
    const attached = /[\p{L}\p{N}]/u.test(quote[at - 1] ?? "") || /[\p{L}\p{N}]/u.test(quote[after] ?? "");
    const inWord = attached && m[0].length <= 5;
    const filler = inWord ? `\u200b${m[0].slice(1, -1)}\u200b` : " ".repeat(m[0].length);
    blanked = blanked.slice(0, at) + filler + blanked.slice(after);
    (inWord ? editorial : insertions).push({ start: at, end: after });
  }
  const words = wordsOf(blanked, start, end);
  const tokens = tokensOf(words, insertions, editorial);
  const wordCount = words.count;
  if (wordCount === 0 && insertions.length === 0) return;
  segments.push({ start, end, tokens, wordCount });
}

function tokensOf(
  words: Words,
  insertions: { start: number; end: number }[],
  editorial: { start: number; end: number }[],
): QuoteToken[] {
  const tokens: QuoteToken[] = [];
  let next = 0;
  for (let i = 0; i < words.count; i++) {
    const start = words.starts[i] as number;
    const end = words.ends[i] as number;
    while (next < insertions.length && (insertions[next] as { start: number }).start < start) {
      const ins = insertions[next++] as { start: number; end: number };
      tokens.push({ start: ins.start, end: ins.end, hash: 0, wildcard: true, editorial: true });
    }
    const edited = editorial.some((e) => e.start < end && e.end > start);
    tokens.push({ start, end, hash: words.hashes[i] as number, wildcard: false, editorial: edited });
  }
  for (const ins of insertions.slice(next)) {
    tokens.push({ start: ins.start, end: ins.end, hash: 0, wildcard: true, editorial: true });
  }
  return tokens;
}
