// Checks one quotation against its source's text: finds where each part of it (between ellipses)
// stands, compares it word by word, and says in one sentence what an editor needs to know.

import { MAX_ALIGNED_WORDS } from "./align.js";
import { chooseChain } from "./chains.js";
import { type Judgement, judgePassage, negationAfter, typographyOf } from "./judge.js";
import { pagesOfLocator } from "./locator.js";
import { alignAt, findNear, findPassages, MAX_PLACES, type Passage } from "./passages.js";
import { type QuoteSegment, quotationSegments } from "./quote-parts.js";
import { assertIndexMatches, type SourceIndex, sourceWords } from "./source-index.js";
import { pagesOf, type SourceText } from "./source-text.js";
import { add, type Change, type DiffPart, describeChanges, passageDiff } from "./word-diff.js";

export type QuotationStatus =
  | "exact"
  | "exact-ellipsis"
  | "silent-changes"
  | "altered"
  | "partial"
  | "wrong-page"
  | "ambiguous"
  | "not-found"
  | "too-short";

export interface Verification {
  status: QuotationStatus;
  /** One sentence for an editor. */
  message: string;
  /** Where each part of the quotation stands in the source text (character offsets), in the quotation's order. */
  passages: { start: number; end: number; pages: string[] }[];
  /** The quotation's words against the source's, for an altered or partial quotation. */
  diff?: DiffPart[];
  /** The pages the locator names. */
  expectedPages?: string[];
}

/** Statuses an editor must override before the article is published. */
export function isFailing(status: QuotationStatus): boolean {
  return status === "altered" || status === "partial" || status === "not-found" || status === "wrong-page";
}

/** Fewer words than this cannot be told apart from a coincidence. */
export const MIN_QUOTATION_WORDS = 3;

export interface VerifiableSource {
  text: SourceText;
  index: SourceIndex;
}

interface SegmentCheck {
  segment: QuoteSegment;
  passage?: Passage;
  judgement: Judgement;
  /** Other places parts of the segment were found (spliced without an ellipsis). */
  elsewhere: Passage[];
}

export function verifyQuotation(quote: string, locator: string, source: VerifiableSource): Verification {
  assertIndexMatches(source.index, source.text);
  const expectedPages = pagesOfLocator(locator);
  const result = (
    status: QuotationStatus,
    message: string,
    rest: Partial<Verification> = {},
  ): Verification => ({
    status,
    message,
    passages: [],
    ...rest,
    ...(expectedPages ? { expectedPages } : {}),
  });
  const segments = quotationSegments(quote);
  const words = segments.reduce((n, s) => n + s.wordCount, 0);
  const placeable = segments.filter((s) => s.wordCount >= MIN_QUOTATION_WORDS);
  if (words < MIN_QUOTATION_WORDS) {
    return result(
      "too-short",
      `A quotation of ${plural(words, "word")} is too short to check against the source.`,
    );
  }
  if (words > MAX_ALIGNED_WORDS) {
    return result(
      "not-found",
      `The quotation has ${words.toLocaleString("en")} words, more than the ${MAX_ALIGNED_WORDS.toLocaleString("en")} that can be checked; quote less or check it by hand.`,
    );
  }
  if (placeable.length === 0) {
    return result(
      "too-short",
      "Each part of the quotation between ellipses is too short to find in the source.",
    );
  }
  const { text, index } = source;
  const options = placeable.map((segment) => ({
    segment,
    passages: findPassages(index, text.text, segment.tokens),
  }));
  placeCommonSegments(options, source);
  const chain = chooseChain(options, quote, text, expectedPages);
  if (!chain) return result("not-found", "Nothing resembling the quotation was found in the source.");

  const checks: SegmentCheck[] = segments.map((segment) => {
    const passage = chain.passages.get(segment);
    const judgement = judgePassage(passage, segment.tokens);
    return { segment, passage, judgement, elsewhere: [] };
  });
  placeShortSegments(checks, source);
  for (const check of checks) {
    if (check.judgement.kind !== "partial") continue;
    check.passage = check.judgement.found ?? check.passage;
    findElsewhere(check, source);
  }

  const passages = checks
    .flatMap((c) => [c.passage, ...c.elsewhere])
    .filter((p): p is Passage => p !== undefined)
    .map((p) => ({ start: p.start, end: p.end, pages: pagesOf(text, p.start, p.end) }));
  const pages = [...new Set(passages.flatMap((p) => p.pages))];
  const where = pages.length > 0 ? ` (${pageList(pages)})` : "";
  const kinds = checks.map((c) => c.judgement.kind);
  if (kinds.every((k) => k === "none"))
    return result("not-found", "Nothing resembling the quotation was found in the source.");

  const { diff, changes } = diffOf(checks, quote, text.text);
  if (kinds.includes("none") || kinds.includes("partial") || !chain.inOrder) {
    return result("partial", partialMessage(checks, chain.inOrder, where), { passages, diff });
  }
  const ending = checks.at(-1)?.passage;
  const negation = ending ? negationAfter(text.text, ending.end) : undefined;
  if (negation) {
    add(diff, "removed", negation);
    changes.push({ kind: "dropped", original: negation });
  }
  const typography = checks.map((c) =>
    c.passage ? typographyOf(c.passage, quote, text.text, c.segment) : "exact",
  );
  if (kinds.includes("changed") || typography.includes("punctuation") || negation) {
    const what = describeChanges(changes);
    return result("altered", `The quotation differs from the source${where}: ${what}.`, { passages, diff });
  }
  if (chain.wrongPage && expectedPages) {
    return result(
      "wrong-page",
      `The quotation is in the source${where}, not on the cited ${pageList(expectedPages)}.`,
      { passages },
    );
  }
  if (chain.alternatives.length > 1) {
    const count = chain.alternatives.length;
    const places = count >= MAX_PLACES ? `at least ${MAX_PLACES} places` : `${count} places`;
    const all = [...new Set(chain.alternatives.flatMap((p) => pagesOf(text, p.start, p.end)))];
    const hint = expectedPages && all.length > 0 ? " on the cited pages" : "";
    const at = all.length > 0 ? ` (${pageList(all)})` : "";
    return result(
      "ambiguous",
      `The quotation appears at ${places}${hint} in the source${at}, and the locator does not say which is meant.`,
      { passages },
    );
  }
  if (typography.includes("styled")) {
    return result(
      "silent-changes",
      `The quotation matches the source${where} except for capitals, accents, quotation marks, dashes or final punctuation.`,
      { passages },
    );
  }
  if (segments.length > 1) {
    return result(
      "exact-ellipsis",
      `The quotation's ${segments.length} parts match the source${where} in order, with omissions where it shows ellipses.`,
      { passages },
    );
  }
  return result("exact", `The quotation matches the source exactly${where}.`, { passages });
}

/**
 * A part found at several places ("It is estimated that the") may have lost its right place from the
 * places tried: it is looked for again word for word beside the part next to it found at fewest places.
 */
function placeCommonSegments(
  options: { segment: QuoteSegment; passages: Passage[] }[],
  source: VerifiableSource,
): void {
  const NEAR = 2000;
  const { index, text } = source;
  options.forEach((option, i) => {
    if (option.passages.length < 2) return;
    const before = options[i - 1];
    const after = options[i + 1];
    const fewest = (o: typeof before) =>
      o && o.passages.length > 0 ? o.passages.length : Number.POSITIVE_INFINITY;
    const useBefore = fewest(before) <= fewest(after);
    const anchor = (useBefore ? before : after)?.passages[0];
    if (!anchor) return;
    const at = useBefore
      ? findNear(index, text.text, option.segment.tokens, anchor.last + 1, anchor.last + 1 + NEAR, false)
      : findNear(index, text.text, option.segment.tokens, anchor.first - NEAR, anchor.first, true);
    if (at === undefined || option.passages.some((p) => p.first === at)) return;
    const passage = alignAt(index, text.text, option.segment.tokens, at);
    if (passage && !option.passages.some((p) => p.first === passage.first && p.last === passage.last)) {
      option.passages.unshift(passage);
    }
  });
}

/** Parts of one or two words are placed by their neighbours: between the passages around them. */
function placeShortSegments(checks: SegmentCheck[], source: VerifiableSource): void {
  const NEAR = 2000;
  checks.forEach((check, i) => {
    if (check.segment.wordCount >= MIN_QUOTATION_WORDS) return;
    const before = checks.slice(0, i).findLast((c) => c.passage)?.passage;
    const after = checks.slice(i + 1).find((c) => c.passage)?.passage;
    if (!before && !after) return;
    const from = before ? before.last + 1 : Math.max(0, (after?.first ?? 0) - NEAR);
    const to = after ? Math.min(after.first, from + NEAR) : from + NEAR;
    const wanted = check.segment.tokens.filter((t) => !t.wildcard);
    const window = sourceWords(source.index, source.text.text, from, to);
    for (let s = 0; s + wanted.length <= window.count; s++) {
      if (!wanted.every((t, k) => window.hashes[s + k] === t.hash)) continue;
      check.passage = {
        tokens: wanted,
        steps: wanted.map((_, k) => ({ op: 0, q: k, s: s + k })),
        window,
        windowFirst: from,
        score: 0,
        matched: wanted.length,
        first: from + s,
        last: from + s + wanted.length - 1,
        start: window.starts[s] as number,
        end: window.ends[s + wanted.length - 1] as number,
      };
      check.judgement = { kind: "same", unfound: [], skipped: 0 };
      return;
    }
  });
}

/** A partial segment's missing runs, looked for elsewhere in the source: found, they were spliced in. */
function findElsewhere(check: SegmentCheck, source: VerifiableSource): void {
  for (const range of check.judgement.unfound) {
    const tokens = check.segment.tokens.slice(range.from, range.to);
    if (tokens.filter((t) => !t.wildcard).length < MIN_QUOTATION_WORDS) continue;
    const [best] = findPassages(source.index, source.text.text, tokens, 4);
    const kind = judgePassage(best, tokens).kind;
    if (best && (kind === "same" || kind === "changed")) check.elsewhere.push(best);
  }
}

function partialMessage(checks: SegmentCheck[], inOrder: boolean, where: string): string {
  if (!inOrder) return `The quotation's parts are in the source${where}, but not in the order quoted.`;
  if (checks.some((c) => c.elsewhere.length > 0 || c.judgement.skipped > 0)) {
    return `The quotation joins passages from different places in the source${where} without an ellipsis.`;
  }
  return `Only part of the quotation was found in the source${where}; the rest is not there.`;
}

function diffOf(
  checks: SegmentCheck[],
  quote: string,
  text: string,
): { diff: DiffPart[]; changes: Change[] } {
  const diff: DiffPart[] = [];
  const changes: Change[] = [];
  checks.forEach((check, i) => {
    if (i > 0) add(diff, "same", "…");
    if (!check.passage) {
      add(diff, "added", quote.slice(check.segment.start, check.segment.end).trim());
      return;
    }
    const part = passageDiff(check.passage, quote, text, check.segment.end);
    for (const p of part.parts) add(diff, p.op, p.text);
    changes.push(...part.changes);
  });
  return { diff, changes };
}

function pageList(pages: readonly string[]): string {
  return pages.length === 1 ? `p. ${pages[0]}` : `pp. ${pages.join(", ")}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
