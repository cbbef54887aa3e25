// The passage shown under a search result: the stretch of the article's plain text where the most of the
// reader's words stand closest together, with those words marked. Made only for the results on the page.
import { type Analyzer, isWordCharacter } from "./analyze.js";

/** A snippet as plain text pieces; `marked` pieces are the words that matched. Escaped where rendered. */
export type Snippet = { text: string; marked: boolean }[];

const SPAN = 36;
const LEAD = 8;
/**
 * About the first 1,300 words: where a long article's matches are to be found if anywhere, and as much as a
 * page of ten results can afford to read. An article matched only by its title shows its opening.
 */
const MAX_SCAN = 8_000;

export function snippetOf(text: string, analyzer: Analyzer, terms: ReadonlySet<string>): Snippet {
  const scanned = text.length > MAX_SCAN ? text.slice(0, MAX_SCAN) : text;
  const starts: number[] = [];
  const ends: number[] = [];
  const matched: (string | undefined)[] = [];
  const prefixes = asciiPrefixes(terms);
  // Reading stops a passage's length after every word asked for has been seen: the best passage of what was
  // read is good enough, and reading on through a long article is what a page of results cannot afford.
  let complete = -1;
  let stopped = false;
  const seenAt = new Map<string, number>();
  const visit = (start: number, end: number) => {
    starts.push(start);
    ends.push(end);
    // Stemming keeps the start of a word: an ASCII word whose first two letters begin no term asked for
    // cannot match, and is passed over without being cut out or stemmed.
    const hit = couldMatch(scanned, start, end, prefixes)
      ? termIn(scanned.slice(start, end), analyzer, terms)
      : undefined;
    matched.push(hit);
    const index = starts.length - 1;
    if (hit !== undefined && complete < 0) {
      seenAt.set(hit, index);
      if (seenAt.size === terms.size) complete = index;
    }
    stopped = complete >= 0 && index >= complete + SPAN;
  };
  let wordStart = -1;
  for (let i = 0; i < scanned.length && !stopped; i++) {
    let code = scanned.charCodeAt(i);
    let width = 1;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < scanned.length) {
      code = scanned.codePointAt(i) as number;
      width = 2;
    }
    if (isWordCharacter(code)) {
      if (wordStart < 0) wordStart = i;
    } else if (wordStart >= 0) {
      visit(wordStart, i);
      wordStart = -1;
    }
    i += width - 1;
  }
  if (wordStart >= 0 && !stopped) visit(wordStart, scanned.length);
  if (starts.length === 0) return [];
  const first = Math.max(0, bestWindow(matched) - LEAD);
  const last = Math.min(starts.length, first + SPAN) - 1;
  const pieces: Snippet = [];
  let at = starts[first] as number;
  if (first > 0) pieces.push({ text: "… ", marked: false });
  for (let i = first; i <= last; i++) {
    if (matched[i] === undefined) continue;
    const start = starts[i] as number;
    if (start > at) pieces.push({ text: flatten(scanned.slice(at, start)), marked: false });
    pieces.push({ text: scanned.slice(start, ends[i]), marked: true });
    at = ends[i] as number;
  }
  // At the end of the text, its last punctuation belongs to the passage.
  const end = last === starts.length - 1 && !stopped ? scanned.trimEnd().length : (ends[last] as number);
  if (end > at) pieces.push({ text: flatten(scanned.slice(at, end)), marked: false });
  const cut = stopped || scanned.length < text.length;
  if (last < starts.length - 1 || cut) pieces.push({ text: " …", marked: false });
  return pieces;
}

function termIn(word: string, analyzer: Analyzer, terms: ReadonlySet<string>): string | undefined {
  const term = analyzer.term(word);
  return terms.has(term) ? term : undefined;
}

/** The first two letters of each term, when both are ASCII: what an ASCII word must begin with to match. */
function asciiPrefixes(terms: ReadonlySet<string>): Set<number> | undefined {
  const prefixes = new Set<number>();
  for (const term of terms) {
    const a = term.charCodeAt(0);
    const b = term.length > 1 ? term.charCodeAt(1) : 0;
    // A one-letter term, or one that does not start with two ASCII letters, is checked word by word.
    if (term.length < 2 || a > 0x7f || b > 0x7f) return undefined;
    prefixes.add(a * 128 + b);
  }
  return prefixes;
}

function couldMatch(text: string, start: number, end: number, prefixes: Set<number> | undefined): boolean {
  if (!prefixes || end - start < 2) return true;
  const a = text.charCodeAt(start);
  const b = text.charCodeAt(start + 1);
  if (a > 0x7f || b > 0x7f) return true;
  return prefixes.has(lower(a) * 128 + lower(b));
}

function lower(code: number): number {
  return code >= 65 && code <= 90 ? code + 32 : code;
}

/** The index of the word that starts the window of SPAN words holding the most distinct matched terms. */
function bestWindow(matched: readonly (string | undefined)[]): number {
  const positions: number[] = [];
  for (let i = 0; i < matched.length; i++) if (matched[i] !== undefined) positions.push(i);
  let best = positions[0] ?? 0;
  let bestCount = 0;
  for (let p = 0; p < positions.length; p++) {
    const start = positions[p] as number;
    const distinct = new Set<string>();
    for (let q = p; q < positions.length && (positions[q] as number) < start + SPAN - LEAD; q++) {
      distinct.add(matched[positions[q] as number] as string);
    }
    if (distinct.size > bestCount) {
      best = start;
      bestCount = distinct.size;
    }
  }
  return best;
}

function flatten(text: string): string {
  return text.replace(/\s+/g, " ");
}
