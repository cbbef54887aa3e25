// Turns text into the terms the search index holds: words, lower-cased in the language's own way, stemmed
// by that language's Snowball stemmer, then stripped of diacritics so that "uber" finds "über" and "Etat"
// finds "État". The same function analyses articles when they are indexed and queries when they are asked,
// which is what makes the two meet. Stemming happens before diacritics go, because the stemmers expect the
// language's real spelling.
import { stemmer as danish } from "@orama/stemmers/danish";
import { stemmer as dutch } from "@orama/stemmers/dutch";
import { stemmer as finnish } from "@orama/stemmers/finnish";
import { stemmer as french } from "@orama/stemmers/french";
import { stemmer as german } from "@orama/stemmers/german";
import { stemmer as hungarian } from "@orama/stemmers/hungarian";
import { stemmer as indonesian } from "@orama/stemmers/indonesian";
import { stemmer as italian } from "@orama/stemmers/italian";
import { stemmer as norwegian } from "@orama/stemmers/norwegian";
import { stemmer as portuguese } from "@orama/stemmers/portuguese";
import { stemmer as romanian } from "@orama/stemmers/romanian";
import { stemmer as russian } from "@orama/stemmers/russian";
import { stemmer as spanish } from "@orama/stemmers/spanish";
import { stemmer as swedish } from "@orama/stemmers/swedish";
import { stemmer as turkish } from "@orama/stemmers/turkish";
import { stemmer as ukrainian } from "@orama/stemmers/ukrainian";
import { stopwords as englishStops } from "@orama/stopwords/english";
import { stopwords as frenchStops } from "@orama/stopwords/french";
import { stopwords as germanStops } from "@orama/stopwords/german";
import { stopwords as italianStops } from "@orama/stopwords/italian";
import { stopwords as portugueseStops } from "@orama/stopwords/portuguese";
import { stopwords as russianStops } from "@orama/stopwords/russian";
import { stopwords as spanishStops } from "@orama/stopwords/spanish";
import { stopwords as turkishStops } from "@orama/stopwords/turkish";
// Orama's English stemmer is the original Porter algorithm, which makes "general" and "generation" one word;
// Porter2, the Snowball English stemmer, keeps them apart.
import english from "wink-porter2-stemmer";

type Stemmer = (word: string) => string;

const STEMMERS: Record<string, Stemmer> = {
  da: danish,
  de: german,
  en: english,
  es: spanish,
  fi: finnish,
  fr: french,
  hu: hungarian,
  id: indonesian,
  it: italian,
  nl: dutch,
  no: norwegian,
  pt: portuguese,
  "pt-br": portuguese,
  ro: romanian,
  ru: russian,
  sv: swedish,
  tr: turkish,
  uk: ukrainian,
};

const STOP_WORDS: Record<string, readonly string[]> = {
  de: germanStops,
  en: englishStops,
  es: spanishStops,
  fr: frenchStops,
  it: italianStops,
  pt: portugueseStops,
  "pt-br": portugueseStops,
  ru: russianStops,
  tr: turkishStops,
};

/**
 * The few words that make up a large share of any text in the language: each is stored joined to the word
 * after it (see `indexText`), so that phrases containing them are found without walking their lists. Kept
 * short on purpose: each pair is a term of its own in the article's entry, and with these nine words a
 * rebuild runs at about 1,500 articles/s against 2,700 without any (a longer list: 1,250).
 */
const PAIRING_WORDS: Record<string, string> = {
  en: "the of and to a in is that",
  de: "der die das und in zu den von ist",
  fr: "de la le et les des en un du",
  es: "de la que el en y a los del",
  pt: "de a o que e do da em um",
  it: "di e il la che in a per un",
  ru: "и в не на что с по как",
  tr: "ve bir bu da de için ile",
};

const WORD_CHARACTER = /[\p{L}\p{N}\p{M}]/u;
/** Per UTF-16 unit of the Basic Multilingual Plane: 0 not yet known, 1 part of a word, 2 a separator. */
const CHARACTER_CLASS = new Uint8Array(65536);
const COMBINING_MARKS = /\p{M}+/gu;
/** Longer "words" are hashes, URLs run together, or attacks; they are cut rather than indexed whole. */
const MAX_WORD = 64;

export interface Analyzer {
  readonly language: string;
  /** The index term for one word as written. */
  term(word: string): string;
  /** True when the word is too common in this language to narrow a search on its own. */
  isStopWord(word: string): boolean;
  /** True when an index term is one of the language's pairing words (see `indexText`). */
  isPairingTerm(term: string): boolean;
  /** What indexing needs of one word as written: its term, and its pairs when it is a pairing word. */
  entry(word: string): WordEntry;
}

/** A word form's analysis, kept so that indexing a repeated word costs one lookup and no allocation. */
export interface WordEntry {
  readonly term: string;
  /** For a pairing word, its pairs made so far ("theǂstate"), by the next word's term; otherwise null. */
  readonly pairs: Map<string, string> | null;
}

const analyzers = new Map<string, Analyzer>();

/** The analyzer of a language; languages without a stemmer get words folded but not stemmed. */
export function analyzerFor(language: string): Analyzer {
  let analyzer = analyzers.get(language);
  if (!analyzer) {
    analyzer = makeAnalyzer(language);
    analyzers.set(language, analyzer);
  }
  return analyzer;
}

export function hasStemmer(language: string): boolean {
  return language in STEMMERS;
}

function makeAnalyzer(language: string): Analyzer {
  const stem = STEMMERS[language];
  const locale = language === "tr" ? "tr" : "und";
  // Articles repeat their words, and a language has far fewer word forms than a corpus has words: a bounded
  // memo turns most of the stemming into one Map lookup.
  const memo = new Map<string, WordEntry>();
  const stops = new Set((STOP_WORDS[language] ?? []).map((word) => fold(word, locale)));
  const termOf = (word: string): string => {
    const lower = word.slice(0, MAX_WORD).toLocaleLowerCase(locale);
    return fold(stem ? stem(lower) : lower, locale);
  };
  const pairingTerms = new Set(
    (PAIRING_WORDS[language.split("-")[0] ?? ""] ?? "").split(" ").filter(Boolean).map(termOf),
  );
  const entry = (word: string): WordEntry => {
    let found = memo.get(word);
    if (found === undefined) {
      const term = termOf(word);
      found = { term, pairs: pairingTerms.has(term) ? new Map() : null };
      if (memo.size >= 200_000) memo.clear();
      memo.set(word, found);
    }
    return found;
  };
  return {
    language,
    term: (word) => entry(word).term,
    entry,
    isStopWord: (word) => stops.has(fold(word.toLocaleLowerCase(locale), locale)),
    isPairingTerm: (t) => pairingTerms.has(t),
  };
}

/** Text without diacritics, in the language's lower case: what the PostgreSQL index is built from. */
export function foldText(text: string, language: string): string {
  const locale = language === "tr" ? "tr" : "und";
  return fold(text.normalize("NFKC").toLocaleLowerCase(locale), locale);
}

function fold(word: string, locale: string): string {
  // Turkish dotless ı has no base letter to fall back to; elsewhere a mark is dropped with its letter kept.
  const bare = word.normalize("NFKD").replace(COMBINING_MARKS, "");
  return locale === "tr" ? bare.replace(/ı/g, "i") : bare;
}

/**
 * Calls `visit` with each word of `text` (letters, digits and the marks that belong to them) and where it
 * starts and ends, until `visit` returns false. A loop over character codes with a class table is several times faster than a Unicode
 * regular expression, and indexing speed is bounded by this loop.
 */
export function forEachWord(
  text: string,
  visit: (word: string, start: number, end: number) => unknown,
): void {
  let start = -1;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    let code = text.charCodeAt(i);
    let width = 1;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < length) {
      code = text.codePointAt(i) as number;
      width = 2;
    }
    if (isWordCharacter(code)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      if (visit(text.slice(start, i), start, i) === false) return;
      start = -1;
    }
    i += width - 1;
  }
  if (start >= 0) visit(text.slice(start), start, length);
}

export function isWordCharacter(code: number): boolean {
  if (code > 0xffff) return WORD_CHARACTER.test(String.fromCodePoint(code));
  let known = CHARACTER_CLASS[code];
  if (known === 0) {
    known = WORD_CHARACTER.test(String.fromCharCode(code)) ? 1 : 2;
    CHARACTER_CLASS[code] = known;
  }
  return known === 1;
}

/** The words of a text, as written, in order. */
export function words(text: string): string[] {
  const out: string[] = [];
  forEachWord(text.normalize("NFKC"), (word) => {
    out.push(word);
  });
  return out;
}

/**
 * A text as the index stores it: one term per word, in order, so phrases still match. A pairing word
 * ("the", "of") is stored joined to the word after it ("theǂstate", "ofǂthe") in its own place, not alone:
 * a phrase with such a word in it is then found by short lists, instead of by walking the list of "the"
 * through nearly every article (CommonGrams, as Lucene calls the idea), and no term is added. A pairing
 * word that ends the text is stored alone. The cost: a pairing word cannot be searched for by itself, which
 * no reader needs.
 */
export function indexText(text: string, analyzer: Analyzer): string {
  // Terms are gathered and joined once: a string grown word by word is a rope that has to be flattened
  // (copied again) before SQLite or a worker's message can read it.
  const terms: string[] = [];
  let pairing: WordEntry | undefined;
  forEachWord(text.normalize("NFKC"), (word) => {
    const entry = analyzer.entry(word);
    const term = entry.term;
    if (term === "") return;
    if (pairing !== undefined) terms.push(pairOf(pairing, term));
    pairing = entry.pairs === null ? undefined : entry;
    if (pairing === undefined) terms.push(term);
  });
  if (pairing !== undefined) terms.push(pairing.term);
  return terms.join(" ");
}

/** A pairing word joined to the term after it, made once per pair and kept while the word's memo lasts. */
function pairOf(pairing: WordEntry, next: string): string {
  const pairs = pairing.pairs as Map<string, string>;
  let pair = pairs.get(next);
  if (pair === undefined) {
    pair = pairing.term + PAIR_MARK + next;
    if (pairs.size >= 50_000) pairs.clear();
    pairs.set(next, pair);
  }
  return pair;
}

/** Joins a pairing word to the word after it into one index term: a letter no language's words use. */
export const PAIR_MARK = "ǂ";

/**
 * A word or phrase as index terms (see `indexText`): each pairing word joined to the next word. A pairing
 * word at the end has no next word to be joined to; it is left out, since the pair before it already says
 * it follows, or it adds nothing to narrow by. Empty for a lone pairing word.
 */
export function phraseTerms(terms: readonly string[], pairing: readonly boolean[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < terms.length; i++) {
    const term = terms[i] as string;
    if (!pairing[i]) out.push(term);
    else if (i + 1 < terms.length) out.push(term + PAIR_MARK + terms[i + 1]);
  }
  return out;
}
