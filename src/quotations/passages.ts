// Where a run of quotation tokens stands in the source: candidates from the trigram index, each aligned
// in its band, best first.

import {
  type AlignStep,
  alignInBand,
  bandFor,
  OP_CHANGED,
  OP_DROPPED,
  OP_INSERTION,
  OP_MATCH,
} from "./align.js";
import { candidatePlaces } from "./candidates.js";
import type { Words } from "./normalize.js";
import type { QuoteToken } from "./quote-parts.js";
import { type SourceIndex, sourceWords } from "./source-index.js";

/** Places tried for one run of words; more equal ones than this are reported as "at least" this many. */
export const MAX_PLACES = 12;
/** Source words an editorial insertion may stand for, in the window's length. */
const INSERTION_ROOM = 8;

export interface Passage {
  tokens: readonly QuoteToken[];
  steps: AlignStep[];
  /** The source words around the passage, and the number of the first of them. */
  window: Words;
  windowFirst: number;
  score: number;
  /** Quotation words matched exactly (after folding). */
  matched: number;
  /** Source word numbers of the passage's first and last words (inclusive). */
  first: number;
  last: number;
  /** Character offsets of the passage in the source text. */
  start: number;
  end: number;
}

export function findPassages(
  index: SourceIndex,
  text: string,
  tokens: readonly QuoteToken[],
  max = MAX_PLACES,
): Passage[] {
  const hashes = tokens.map((t) => (t.wildcard ? -1 : t.hash));
  const found: Passage[] = [];
  for (const candidate of candidatePlaces(index, hashes, max)) {
    const passage = alignAt(index, text, tokens, candidate.diagonal);
    if (passage && !found.some((p) => p.first === passage.first && p.last === passage.last))
      found.push(passage);
  }
  return found.sort((a, b) => b.score - a.score || a.first - b.first);
}

/** Aligns the tokens in a band around the source word where the first of them would stand. */
export function alignAt(
  index: SourceIndex,
  text: string,
  tokens: readonly QuoteToken[],
  diagonal: number,
): Passage | undefined {
  const band = bandFor(tokens.length);
  const room = tokens.filter((t) => t.wildcard).length * INSERTION_ROOM;
  const windowFirst = Math.max(0, diagonal - band);
  const window = sourceWords(index, text, windowFirst, diagonal + tokens.length + band + room);
  const quote = new Uint32Array(tokens.map((t) => t.hash));
  const wildcard = new Uint8Array(tokens.map((t) => (t.wildcard ? 1 : 0)));
  const { score, steps } = alignInBand(
    quote,
    wildcard,
    window.hashes,
    window.count,
    diagonal - windowFirst,
    band,
  );
  return passageOf(tokens, steps, window, windowFirst, score);
}

function passageOf(
  tokens: readonly QuoteToken[],
  steps: AlignStep[],
  window: Words,
  windowFirst: number,
  score: number,
): Passage | undefined {
  // The passage runs from the first source word the quotation meets to the last, dropped words at
  // either end excluded (they are the alignment's free ends, not the quotation's).
  const inside = steps.filter((s) => s.op === OP_MATCH || s.op === OP_CHANGED || s.op === OP_INSERTION);
  const firstStep = inside[0];
  const lastStep = inside.at(-1);
  if (!firstStep || !lastStep) return undefined;
  const from = steps.indexOf(firstStep);
  const to = steps.lastIndexOf(lastStep);
  const trimmed = steps.filter((s, i) => (i >= from && i <= to) || s.op !== OP_DROPPED);
  return {
    tokens,
    steps: trimmed,
    window,
    windowFirst,
    score,
    matched: steps.filter((s) => s.op === OP_MATCH).length,
    first: windowFirst + firstStep.s,
    last: windowFirst + lastStep.s,
    start: window.starts[firstStep.s] as number,
    end: window.ends[lastStep.s] as number,
  };
}

/**
 * The source word number where the tokens' words stand word for word between source words `from` and
 * `to`: the first such place, or the last when `closestToEnd`. Used near a part already placed.
 */
export function findNear(
  index: SourceIndex,
  text: string,
  tokens: readonly QuoteToken[],
  from: number,
  to: number,
  closestToEnd: boolean,
): number | undefined {
  if (tokens.some((t) => t.wildcard) || tokens.length === 0) return undefined;
  const window = sourceWords(index, text, Math.max(0, from), to);
  let found: number | undefined;
  for (let s = 0; s + tokens.length <= window.count; s++) {
    if (!tokens.every((t, k) => window.hashes[s + k] === t.hash)) continue;
    found = Math.max(0, from) + s;
    if (!closestToEnd) break;
  }
  return found;
}
