// What an alignment says about a run of quotation words: the same words, words changed, only part of
// it found, or nothing; and for the same words, whether the punctuation and capitals are the source's.

import {
  type AlignStep,
  OP_ADDED,
  OP_CHANGED,
  OP_DROPPED,
  OP_INSERTION,
  OP_INSERTION_EMPTY,
  OP_MATCH,
} from "./align.js";
import { exactPunctuation, styledPunctuation } from "./normalize.js";
import type { Passage } from "./passages.js";
import type { QuoteToken } from "./quote-parts.js";

/** A run of this many quotation words not in the source is a part not found, not a changed word. */
export const UNFOUND_RUN = 6;
/** A run of this many source words left out without an ellipsis joins two passages. */
export const SKIPPED_RUN = 8;

export type PassageKind = "same" | "changed" | "partial" | "none";

export interface Judgement {
  kind: PassageKind;
  /** Token ranges [from, to) of the quotation that the passage does not account for (partial only). */
  unfound: { from: number; to: number }[];
  /** Source words left out without an ellipsis, in runs of SKIPPED_RUN or more. */
  skipped: number;
  /** For a partial passage: the passage cut down to the pieces found, the rest of the quotation added. */
  found?: Passage;
}

export function judgePassage(passage: Passage | undefined, tokens: readonly QuoteToken[]): Judgement {
  const words = tokens.filter((t) => !t.wildcard).length;
  if (!passage) return { kind: "none", unfound: [{ from: 0, to: tokens.length }], skipped: 0 };
  const steps = passage.steps;
  const needed = Math.min(words, Math.max(4, Math.min(12, Math.ceil(words / 4))));
  // Pieces: stretches of the alignment between long runs of unmatched quotation words or skipped source words.
  const pieces: { steps: AlignStep[]; matched: number; words: number }[] = [];
  let piece: AlignStep[] = [];
  let unmatched: AlignStep[] = [];
  let dropped = 0;
  let skipped = 0;
  let breaks = 0;
  const close = () => {
    if (piece.length === 0) return;
    const matched = piece.filter((s) => s.op === OP_MATCH).length;
    const quoted = piece.filter((s) => s.q >= 0 && !tokens[s.q]?.wildcard).length;
    pieces.push({ steps: piece, matched, words: quoted });
    piece = [];
  };
  // A match standing alone among changed words ("the", "of") is chance; it does not end a run of them.
  const isMatch = (s: AlignStep | undefined) => s?.op === OP_MATCH;
  const chance = new Set(
    steps.filter((s, i) => isMatch(s) && !isMatch(steps[i - 1]) && !isMatch(steps[i + 1])),
  );
  for (const step of steps) {
    if (step.op === OP_CHANGED || step.op === OP_ADDED || (chance.has(step) && unmatched.length > 0)) {
      unmatched.push(step);
      continue;
    }
    if (step.op === OP_DROPPED) {
      dropped++;
      continue;
    }
    if (unmatched.length >= UNFOUND_RUN || dropped >= SKIPPED_RUN) {
      close();
      breaks++;
      if (dropped >= SKIPPED_RUN) skipped += dropped;
    } else piece.push(...unmatched);
    unmatched = [];
    dropped = 0;
    piece.push(step);
  }
  if (unmatched.length >= UNFOUND_RUN) breaks++;
  else piece.push(...unmatched);
  close();
  const found = pieces.filter((p) => p.matched >= needed && p.matched >= 0.6 * p.words);
  const edits = steps.filter((s) => s.op === OP_CHANGED || s.op === OP_ADDED || s.op === OP_DROPPED).length;
  if (passage.matched === words && edits === 0) return { kind: "same", unfound: [], skipped: 0 };
  if (found.length === 0) return { kind: "none", unfound: [{ from: 0, to: tokens.length }], skipped: 0 };
  if (breaks === 0 && passage.matched >= 0.5 * words) return { kind: "changed", unfound: [], skipped: 0 };
  return {
    kind: "partial",
    unfound: unfoundRanges(tokens.length, found),
    skipped,
    found: cutTo(passage, found),
  };
}

function cutTo(passage: Passage, pieces: { steps: AlignStep[] }[]): Passage {
  const kept = new Set(pieces.flatMap((p) => p.steps));
  const inPieces = new Set([...kept].map((s) => s.q));
  const steps = passage.steps
    .filter((s) => kept.has(s) || (s.q >= 0 && !inPieces.has(s.q)))
    .map((s) => (kept.has(s) ? s : { op: OP_ADDED, q: s.q, s: -1 }));
  const placed = [...kept].filter((s) => s.s >= 0);
  const first = placed[0] as AlignStep;
  const last = placed.at(-1) as AlignStep;
  return {
    ...passage,
    steps,
    matched: placed.filter((s) => s.op === OP_MATCH).length,
    first: passage.windowFirst + first.s,
    last: passage.windowFirst + last.s,
    start: passage.window.starts[first.s] as number,
    end: passage.window.ends[last.s] as number,
  };
}

function unfoundRanges(count: number, found: { steps: AlignStep[] }[]): { from: number; to: number }[] {
  const covered = new Uint8Array(count);
  for (const piece of found) for (const s of piece.steps) if (s.q >= 0) covered[s.q] = 1;
  const ranges: { from: number; to: number }[] = [];
  for (let i = 0; i < count; i++) {
    if (covered[i]) continue;
    const from = i;
    while (i < count && !covered[i]) i++;
    ranges.push({ from, to: i });
  }
  return ranges;
}

export type Typography = "exact" | "styled" | "punctuation";

/**
 * For a passage with the same words: "exact" when capitals and punctuation are the source's too,
 * "styled" when only capitals, accents, quotation marks, dashes or the final punctuation differ, and
 * "punctuation" when punctuation inside the quotation differs.
 */
export function typographyOf(
  passage: Passage,
  quote: string,
  text: string,
  segment: { start: number; end: number },
): Typography {
  const { tokens, window } = passage;
  let result: Typography = "exact";
  let previous: { token: QuoteToken; s: number } | undefined;
  for (const step of passage.steps) {
    if (step.op === OP_INSERTION || step.op === OP_INSERTION_EMPTY) {
      previous = undefined;
      continue;
    }
    if (step.op !== OP_MATCH) continue;
    const token = tokens[step.q] as QuoteToken;
    const quoted = unbracketed(quote.slice(token.start, token.end));
    const original = text.slice(window.starts[step.s], window.ends[step.s]);
    if (quoted !== original && !token.editorial) result = "styled";
    if (previous) {
      const between = compare(
        unbracketed(quote.slice(previous.token.end, token.start)),
        text.slice(window.ends[previous.s], window.starts[step.s]),
      );
      if (between === "punctuation") return "punctuation";
      if (between === "styled") result = "styled";
    }
    previous = { token, s: step.s };
  }
  const first = tokens[0];
  const last = tokens.at(-1);
  const lead = first ? exactPunctuation(unbracketed(quote.slice(segment.start, first.start))) : "";
  const trail = last ? exactPunctuation(unbracketed(quote.slice(last.end, segment.end))) : "";
  const before = exactPunctuation(text.slice(Math.max(0, passage.start - 8), passage.start));
  const after = exactPunctuation(text.slice(passage.end, passage.end + 8));
  // Punctuation at the ends may be the writer's (a full stop closing a cut sentence): a style change at most.
  if ((lead && !before.endsWith(lead)) || (trail && !after.startsWith(trail))) result = "styled";
  return result;
}

function compare(quoted: string, original: string): Typography {
  if (exactPunctuation(quoted) === exactPunctuation(original)) return "exact";
  if (styledPunctuation(quoted) === styledPunctuation(original)) return "styled";
  return "punctuation";
}

function unbracketed(s: string): string {
  return s.replace(/[[\]\u200b]/g, "");
}

const NEGATIONS = new Set(["not", "never", "no"]);

/**
 * A negation the source goes on with right after the passage ("We are" from "We are not."): a quotation
 * stopping just before it says the opposite of its source, though every word matches.
 */
export function negationAfter(text: string, end: number): string | undefined {
  const next = /^[\s\u2019'"\u201d]*([\p{L}]+)/u.exec(text.slice(end, end + 40));
  const word = next?.[1];
  return word && NEGATIONS.has(word.toLowerCase()) ? word : undefined;
}
