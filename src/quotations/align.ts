// Word-level Smith–Waterman, in the form that fits quotations: every word of the quotation must be
// accounted for (matched, changed or added) while the source passage may begin and end anywhere
// ("semi-global"). Only a band of diagonals around the candidate is filled, so the work is the
// quotation's length times the band, whatever the source: a 10,000-word quotation costs a few
// million cells, never the square of anything.

export const MATCH = 3;
export const MISMATCH = -3;
export const GAP = -3;
/** Each source word an editorial insertion stands for, beyond the first. */
export const INSERTION_EXTRA = -1;
/** The band is this many words either side of the expected diagonal, plus an eighth of the quotation. */
export const BAND_BASE = 24;
export const BAND_MAX = 256;
/** The longest quotation (in words) aligned at all; longer ones are refused before any work. */
export const MAX_ALIGNED_WORDS = 10_000;

export const OP_MATCH = 0;
export const OP_CHANGED = 1; // a quotation word in place of a different source word
export const OP_ADDED = 2; // a quotation word with no source word
export const OP_DROPPED = 3; // a source word the quotation leaves out
export const OP_INSERTION = 4; // an editorial insertion standing for this source word
export const OP_INSERTION_EMPTY = 5; // an editorial insertion standing for nothing

export interface AlignStep {
  op: number;
  /** Index into the quotation's tokens, or -1. */
  q: number;
  /** Index into the source window, or -1. */
  s: number;
}

export interface Alignment {
  score: number;
  steps: AlignStep[];
}

export function bandFor(quoteLength: number): number {
  return Math.min(BAND_MAX, BAND_BASE + Math.ceil(quoteLength / 8));
}

/**
 * Aligns the quotation's tokens (`wildcard[i]` marks an insertion) against source window words, expecting
 * token 0 near window word `expected`.
 */
export function alignInBand(
  quote: Uint32Array,
  wildcard: Uint8Array,
  source: Uint32Array,
  sourceCount: number,
  expected: number,
  band: number,
): Alignment {
  const m = quote.length;
  const width = 2 * band + 1;
  const NEG = -1e9;
  // Row i, band column k stands for source position j = i + expected - band + k.
  let previous = new Float64Array(width).fill(NEG);
  let current = new Float64Array(width).fill(NEG);
  const moves = new Uint8Array((m + 1) * width); // 1 diagonal, 2 up (quotation word), 3 left (source word)
  for (let k = 0; k < width; k++) {
    const j = expected - band + k;
    if (j >= 0 && j <= sourceCount) previous[k] = 0;
  }
  for (let i = 1; i <= m; i++) {
    const word = quote[i - 1] as number;
    const isWild = wildcard[i - 1] === 1;
    const row = i * width;
    for (let k = 0; k < width; k++) {
      const j = i + expected - band + k;
      if (j < 0 || j > sourceCount) {
        current[k] = NEG;
        continue;
      }
      let best = NEG;
      let move = 0;
      if (j >= 1) {
        const diagonal = (previous[k] as number) + (isWild ? 0 : source[j - 1] === word ? MATCH : MISMATCH);
        if (diagonal > best) {
          best = diagonal;
          move = 1;
        }
      }
      if (k + 1 < width) {
        const up = (previous[k + 1] as number) + (isWild ? 0 : GAP);
        if (up > best) {
          best = up;
          move = 2;
        }
      }
      if (k >= 1 && j >= 1) {
        const left = (current[k - 1] as number) + (isWild ? INSERTION_EXTRA : GAP);
        if (left > best) {
          best = left;
          move = 3;
        }
      }
      current[k] = best;
      moves[row + k] = move;
    }
    [previous, current] = [current, previous];
  }
  let bestK = -1;
  let score = NEG;
  for (let k = 0; k < width; k++) {
    // On a tie the later end wins: a last word changed reads better than a last word added.
    if ((previous[k] as number) >= score && (previous[k] as number) > NEG) {
      score = previous[k] as number;
      bestK = k;
    }
  }
  const steps = traceBack(moves, width, m, bestK, expected, band, wildcard);
  for (const step of steps) {
    if (step.op === OP_MATCH && quote[step.q] !== source[step.s]) step.op = OP_CHANGED;
  }
  return { score, steps };
}

function traceBack(
  moves: Uint8Array,
  width: number,
  m: number,
  endK: number,
  expected: number,
  band: number,
  wildcard: Uint8Array,
): AlignStep[] {
  const steps: AlignStep[] = [];
  let i = m;
  let k = endK;
  while (i > 0 && k >= 0) {
    const j = i + expected - band + k;
    const move = moves[i * width + k];
    const wild = wildcard[i - 1] === 1;
    if (move === 1) {
      steps.push({ op: wild ? OP_INSERTION : OP_MATCH, q: i - 1, s: j - 1 });
      i--;
    } else if (move === 2) {
      steps.push({ op: wild ? OP_INSERTION_EMPTY : OP_ADDED, q: i - 1, s: -1 });
      i--;
      k++;
    } else if (move === 3) {
      steps.push({ op: wild ? OP_INSERTION : OP_DROPPED, q: wild ? i - 1 : -1, s: j - 1 });
      k--;
    } else break;
  }
  steps.reverse();
  return steps;
}
