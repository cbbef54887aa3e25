// Where in the source a quotation may be: each of its word trigrams votes for the diagonal (source
// position minus quotation position) of every place the trigram occurs. A faithful quotation piles
// its votes on one diagonal; a few changed words only cost the trigrams that touch them.

import { GRAM_WORDS, gramHash, gramPositions, type SourceIndex } from "./source-index.js";

export interface Candidate {
  /** The source word number where the quotation's first word would stand. */
  diagonal: number;
  votes: number;
}

/** A trigram found at more places than this is too common to place anything; it is not counted. */
const COMMON_GRAM = 20_000;
const COMMON_SAMPLE = 64;
const DIAGONAL_BUCKET = 3; // votes are pooled over 8 neighbouring diagonals (2^3)

/** Up to `max` places, most votes first; `words` are the quotation's word hashes with -1 for a gap. */
export function candidatePlaces(index: SourceIndex, words: readonly number[], max: number): Candidate[] {
  const votes = new Map<number, number>();
  const sums = new Map<number, number>();
  const vote = (diagonal: number) => {
    const key = diagonal >> DIAGONAL_BUCKET;
    votes.set(key, (votes.get(key) ?? 0) + 1);
    sums.set(key, (sums.get(key) ?? 0) + diagonal);
  };
  const grams = gramsOf(words);
  let counted = 0;
  let rarest: { at: number; places: Uint32Array } | undefined;
  for (const { at, hash } of grams) {
    const places = gramPositions(index, hash);
    if (places.length > 0 && (!rarest || places.length < rarest.places.length)) rarest = { at, places };
    // A common trigram still offers its first few places: in a text made of nothing else they are all there is.
    if (places.length > COMMON_GRAM) {
      for (const p of places.subarray(0, COMMON_SAMPLE)) vote(p - at);
      continue;
    }
    counted++;
    for (const p of places) vote(p - at);
  }
  // Only common trigrams (a source of one word repeated): the first places of the rarest stand in.
  if (counted === 0 && rarest) {
    for (const p of rarest.places.subarray(0, COMMON_GRAM)) vote(p - rarest.at);
  }
  let best = 0;
  for (const n of votes.values()) if (n > best) best = n;
  const floor = Math.max(1, Math.ceil(best / 4));
  const keys = [...votes.entries()].filter(([, n]) => n >= floor).sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const chosen: Candidate[] = [];
  const taken = new Set<number>();
  for (const [key, n] of keys) {
    if (chosen.length >= max) break;
    if (taken.has(key)) continue;
    for (let d = -3; d <= 3; d++) taken.add(key + d);
    chosen.push({ diagonal: Math.round((sums.get(key) as number) / n), votes: n });
  }
  return chosen;
}

/** The quotation's trigrams with the position of their first word; none spans a gap. */
function gramsOf(words: readonly number[]): { at: number; hash: number }[] {
  const grams: { at: number; hash: number }[] = [];
  for (let i = 0; i + GRAM_WORDS <= words.length; i++) {
    const a = words[i] as number;
    const b = words[i + 1] as number;
    const c = words[i + 2] as number;
    if (a < 0 || b < 0 || c < 0) continue;
    grams.push({ at: i, hash: gramHash(a, b, c) });
  }
  return grams;
}
