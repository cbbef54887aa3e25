// Which of the places found for each part of a quotation belong together: the parts in order, as close
// together as possible, on the cited pages when the locator names pages and the source has them.

import { judgePassage, typographyOf } from "./judge.js";
import { isPageAmong } from "./locator.js";
import type { Passage } from "./passages.js";
import type { QuoteSegment } from "./quote-parts.js";
import { pagesOf, type SourceText } from "./source-text.js";

export interface Chain {
  passages: Map<QuoteSegment, Passage>;
  inOrder: boolean;
  /** The first passage of each equally good chain (one: the choice is clear). */
  alternatives: Passage[];
  /** The source has pages and the locator names some, but no good chain is on them. */
  wrongPage: boolean;
}

interface Ranked {
  passages: Map<QuoteSegment, Passage>;
  inOrder: boolean;
  span: number;
}

export function chooseChain(
  options: { segment: QuoteSegment; passages: Passage[] }[],
  quote: string,
  text: SourceText,
  expectedPages: string[] | undefined,
): Chain | undefined {
  const choices = options
    .map(({ segment, passages }) => ({ segment, passages: equalBest(segment, passages, quote, text.text) }))
    .filter((c) => c.passages.length > 0);
  const [head, ...rest] = choices;
  if (!head) return undefined;
  const chains: Ranked[] = head.passages.map((start) => {
    const passages = new Map([[head.segment, start]]);
    let inOrder = true;
    let previous = start;
    for (const { segment, passages: places } of rest) {
      const next = places.filter((p) => p.first > previous.last).sort((a, b) => a.first - b.first)[0];
      if (!next) inOrder = false;
      previous = next ?? (places[0] as Passage);
      passages.set(segment, previous);
    }
    return { passages, inOrder, span: previous.last - start.first };
  });
  const rank = (c: Ranked) => (c.inOrder ? 0 : 1e12) + Math.abs(c.span);
  const bestRank = Math.min(...chains.map(rank));
  const best = chains.filter((c) => rank(c) === bestRank);
  const checkPages = expectedPages !== undefined && text.pages.length > 0;
  const onPage = checkPages ? best.filter((c) => isOnPages(c, text, expectedPages)) : best;
  const group = onPage.length > 0 ? onPage : best;
  const chosen = group[0] as Ranked;
  return {
    passages: chosen.passages,
    inOrder: chosen.inOrder,
    alternatives: group.map((c) => c.passages.values().next().value as Passage),
    wrongPage: checkPages && onPage.length === 0,
  };
}

/**
 * The best passage, with those as good as it when it is a match at all (a repeated passage). Among the
 * same words, a place whose punctuation is the quotation's too is better.
 */
function equalBest(segment: QuoteSegment, passages: Passage[], quote: string, text: string): Passage[] {
  const [best] = passages;
  if (!best) return [];
  const kind = judgePassage(best, segment.tokens).kind;
  if (kind === "none") return [];
  if (kind !== "same" && kind !== "changed") return [best];
  const equal = passages.filter(
    (p) => p.score === best.score && judgePassage(p, segment.tokens).kind === kind,
  );
  if (kind !== "same" || equal.length === 1) return equal;
  const rank = (p: Passage) => TYPOGRAPHY_RANK[typographyOf(p, quote, text, segment)];
  const top = Math.min(...equal.map(rank));
  return equal.filter((p) => rank(p) === top);
}

const TYPOGRAPHY_RANK = { exact: 0, styled: 1, punctuation: 2 } as const;

/** Every passage of the chain touches one of the cited pages. */
function isOnPages(chain: Ranked, text: SourceText, pages: string[]): boolean {
  for (const passage of chain.passages.values()) {
    if (!pagesOf(text, passage.start, passage.end).some((label) => isPageAmong(label, pages))) return false;
  }
  return true;
}
