// The reader's query language, parsed into a plain structure that no database syntax has touched:
//   words            all must match
//   "exact phrase"   the words in this order
//   -word -"phrase"  must not match
//   a OR b           either (binds tighter than the implicit AND between words)
// Anything else is text: `title:`, `NEAR(`, `*`, quotes left open and SQL all become words or nothing, so
// no query can reach the engine as syntax. Only the length is refused, with a stated limit.
import { InvalidError } from "../errors.js";
import { type Analyzer, words } from "./analyze.js";

export const MAX_QUERY_LENGTH = 500;
/** More words than this add nothing a reader meant and cost every query; the rest are ignored. */
export const MAX_QUERY_TERMS = 16;

/** A word or a phrase as the reader wrote it: its words, in order (one for a word). */
export type QueryTerm = { words: string[] };

export interface ParsedQuery {
  /** All of these must match; each is one term or several alternatives joined by OR. */
  required: QueryTerm[][];
  excluded: QueryTerm[];
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

export function parseQuery(input: string): ParsedQuery {
  if (input.length > MAX_QUERY_LENGTH) {
    throw new InvalidError(`a search may be at most ${MAX_QUERY_LENGTH} characters long`);
  }
  const text = input
    .normalize("NFKC")
    .replace(CONTROL, " ")
    .replace(/[“”„«»]/g, '"');
  const required: QueryTerm[][] = [];
  const excluded: QueryTerm[] = [];
  let pendingOr = false;
  let count = 0;
  for (const token of tokenize(text)) {
    if (token.kind === "or") {
      pendingOr = required.length > 0;
      continue;
    }
    const term = { words: words(token.text) };
    if (term.words.length === 0 || count >= MAX_QUERY_TERMS) continue;
    count++;
    if (token.negated) excluded.push(term);
    else if (pendingOr) (required.at(-1) as QueryTerm[]).push(term);
    else required.push([term]);
    pendingOr = false;
  }
  return { required, excluded };
}

type Token = { kind: "term"; text: string; negated: boolean } | { kind: "or" };

function* tokenize(text: string): Generator<Token> {
  let i = 0;
  while (i < text.length) {
    if (/\s/.test(text[i] as string)) {
      i++;
      continue;
    }
    const negated = text[i] === "-" && i + 1 < text.length && !/\s/.test(text[i + 1] as string);
    if (negated) i++;
    if (text[i] === '"') {
      // An unclosed quote runs to the end: the reader meant a phrase and forgot to close it.
      const close = text.indexOf('"', i + 1);
      const end = close < 0 ? text.length : close;
      yield { kind: "term", text: text.slice(i + 1, end), negated };
      i = end + 1;
      continue;
    }
    let end = i;
    while (end < text.length && !/\s/.test(text[end] as string) && text[end] !== '"') end++;
    const word = text.slice(i, end);
    i = end;
    if (word === "OR" && !negated) yield { kind: "or" };
    else yield { kind: "term", text: word, negated };
  }
}

/** True when the query asks for nothing: no words, or only words to exclude. */
export function isEmptyQuery(query: ParsedQuery): boolean {
  return query.required.length === 0;
}

/**
 * A term as the index holds it, for one language: its words' index terms in order, and which of them are
 * pairing words (stored joined to the next word; see analyze.ts, `indexText` and `phraseTerms`).
 */
export interface AnalyzedTerm {
  terms: string[];
  stops: boolean[];
}

/**
 * The query analysed for the languages searched: each term becomes its index terms in each language (two
 * languages may stem a word differently; a match in either counts). Common words standing alone are
 * dropped, unless nothing else is left, so "the state" asks for "state" and "the" still finds "the".
 */
export interface AnalyzedQuery {
  required: AnalyzedTerm[][];
  excluded: AnalyzedTerm[];
  /** Every index term the reader asked for, per language: what snippets highlight. */
  highlight: Map<string, Set<string>>;
}

export function analyzeQuery(query: ParsedQuery, analyzers: readonly Analyzer[]): AnalyzedQuery {
  const variants = (term: QueryTerm): AnalyzedTerm[] => {
    const seen = new Map<string, AnalyzedTerm>();
    for (const analyzer of analyzers) {
      const terms = term.words.map((word) => analyzer.term(word)).filter((t) => t !== "");
      const stops = terms.map((t) => analyzer.isPairingTerm(t));
      if (terms.length > 0) seen.set(terms.join(" "), { terms, stops });
    }
    return [...seen.values()];
  };
  const isStop = (term: QueryTerm) =>
    term.words.length === 1 && analyzers.every((a) => a.isStopWord(term.words[0] as string));
  const meaningful = query.required.filter((alternatives) => !alternatives.every(isStop));
  const kept = meaningful.length > 0 ? meaningful : query.required;
  const required = kept
    .map((alternatives) => alternatives.flatMap(variants))
    .filter((alternatives) => alternatives.length > 0);
  const highlight = new Map<string, Set<string>>();
  for (const analyzer of analyzers) {
    const set = new Set<string>();
    const words = kept.flat().flatMap((term) => term.words);
    const telling = words.filter((word) => !analyzer.isStopWord(word));
    // "the" in "the state" is matched as part of the phrase, but marking every "the" would hide the point.
    for (const word of telling.length > 0 ? telling : words) set.add(analyzer.term(word));
    set.delete("");
    highlight.set(analyzer.language, set);
  }
  return { required, excluded: query.excluded.flatMap(variants), highlight };
}
