// The word diff an editor reads beside an altered quotation: the quotation's words against the
// source's, each word shown with the punctuation that follows it.

import { OP_ADDED, OP_CHANGED, OP_DROPPED, OP_INSERTION, OP_INSERTION_EMPTY, OP_MATCH } from "./align.js";
import { foldWord, styledPunctuation } from "./normalize.js";
import type { Passage } from "./passages.js";
import type { QuoteToken } from "./quote-parts.js";

export interface DiffPart {
  /** "added": in the quotation, not the source; "removed": in the source, left out or replaced. */
  op: "same" | "added" | "removed";
  text: string;
}

export interface Change {
  kind: "changed" | "added" | "dropped" | "punctuation";
  quoted?: string;
  original?: string;
}

export function passageDiff(
  passage: Passage,
  quote: string,
  text: string,
  segmentEnd: number,
): {
  parts: DiffPart[];
  changes: Change[];
} {
  const { tokens, window } = passage;
  const parts: DiffPart[] = [];
  const changes: Change[] = [];
  const quoted = (q: number) => {
    const token = tokens[q] as QuoteToken;
    const next = tokens[q + 1];
    return quote.slice(token.start, next ? next.start : Math.max(token.end, segmentEnd)).trim();
  };
  const original = (s: number) => {
    const next = window.starts[s + 1];
    return text.slice(window.starts[s], next ?? window.ends[s]).trim();
  };
  let shownInsertion = -1;
  for (const step of passage.steps) {
    switch (step.op) {
      case OP_MATCH: {
        const q = quoted(step.q);
        const o = original(step.s);
        // The last word's punctuation is the end of the quotation, the writer's to choose.
        const final = step.q === tokens.length - 1;
        if (final || foldWord(styledPunctuation(q)) === foldWord(styledPunctuation(o))) add(parts, "same", q);
        else {
          add(parts, "removed", o);
          add(parts, "added", q);
          changes.push({ kind: "punctuation", quoted: q, original: o });
        }
        break;
      }
      case OP_CHANGED:
        add(parts, "removed", original(step.s));
        add(parts, "added", quoted(step.q));
        changes.push({ kind: "changed", quoted: words(quoted(step.q)), original: words(original(step.s)) });
        break;
      case OP_ADDED:
        add(parts, "added", quoted(step.q));
        changes.push({ kind: "added", quoted: words(quoted(step.q)) });
        break;
      case OP_DROPPED:
        add(parts, "removed", original(step.s));
        changes.push({ kind: "dropped", original: words(original(step.s)) });
        break;
      case OP_INSERTION:
      case OP_INSERTION_EMPTY:
        // An editorial insertion is shown once, beside the source words it stands for.
        if (shownInsertion !== step.q) add(parts, "added", quoted(step.q));
        shownInsertion = step.q;
        if (step.s >= 0) add(parts, "removed", original(step.s));
        break;
    }
  }
  return { parts, changes };
}

/** Appends to the diff, joining a part to the one before when they are of the same kind. */
export function add(parts: DiffPart[], op: DiffPart["op"], text: string): void {
  if (!text) return;
  const last = parts.at(-1);
  if (last?.op === op) last.text = `${last.text} ${text}`;
  else parts.push({ op, text });
}

function words(display: string): string {
  return display.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
}

/** "“not” left out, “regime” became “state”", at most three of them. */
export function describeChanges(changes: readonly Change[]): string {
  const described = changes.slice(0, 3).map(describeChange);
  const more = changes.length > 3 ? ` and ${changes.length - 3} more` : "";
  return `${described.join(", ")}${more}`;
}

function describeChange(c: Change): string {
  if (c.kind === "changed") return `“${c.original}” became “${c.quoted}”`;
  if (c.kind === "added") return `“${c.quoted}” added`;
  if (c.kind === "dropped") return `“${c.original}” left out`;
  return `“${c.original}” written “${c.quoted}”`;
}
