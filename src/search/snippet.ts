// The passage shown under a search result: the stretch of the article's plain text where the most of the
// reader's words stand closest together, with those words marked. Made only for the results on the page.
import { type Analyzer, forEachWord } from "./analyze.js";

/** A snippet as plain text pieces; `marked` pieces are the words that matched. Escaped where rendered. */
export type Snippet = { text: string; marked: boolean }[];

const SPAN = 36;
const LEAD = 8;
/** Enough of a long article to find a passage in; the rest is not read. */
const MAX_SCAN = 60_000;

export function snippetOf(text: string, analyzer: Analyzer, terms: ReadonlySet<string>): Snippet {
  const scanned = text.length > MAX_SCAN ? text.slice(0, MAX_SCAN) : text;
  const starts: number[] = [];
  const ends: number[] = [];
  const matched: (string | undefined)[] = [];
  // Reading stops once a passage holds every word asked for and the words after it are read.
  let complete = -1;
  let stopped = false;
  const seenAt = new Map<string, number>();
  forEachWord(scanned, (word, start, end) => {
    starts.push(start);
    ends.push(end);
    const term = analyzer.term(word);
    const hit = terms.has(term) ? term : undefined;
    matched.push(hit);
    const index = starts.length - 1;
    if (hit !== undefined && complete < 0) {
      seenAt.set(hit, index);
      const earliest = Math.min(...seenAt.values());
      if (seenAt.size === terms.size && index - earliest < SPAN - LEAD) complete = index;
    }
    stopped = complete >= 0 && index >= complete + SPAN;
    return !stopped;
  });
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
