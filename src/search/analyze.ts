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
  /** The word as written. */
  readonly word: string;
  readonly term: string;
  /** The term in UTF-8, as the index is written. */
  readonly bytes: Uint8Array;
  /** True for one of the language's pairing words (see `indexText`). */
  readonly pairing: boolean;
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
      // A word cut out of a text may be a view of the whole text: kept in the memo it would keep every
      // article it first appeared in alive. A copy of it is kept instead.
      const own = ` ${word}`.slice(1);
      const term = termOf(own);
      found = { word: own, term, bytes: UTF8.encode(term), pairing: pairingTerms.has(term) };
      if (memo.size >= 200_000) memo.clear();
      memo.set(own, found);
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

export const isWordCharacter = characterTest(WORD_CHARACTER);

/**
 * A test of one code point against a one-character pattern (`/[\p{L}\p{N}]/u`), answered from a table of
 * the Basic Multilingual Plane filled as characters are met: text loops call it for every character, and
 * a Unicode regular expression each time would cost several times more.
 */
export function characterTest(pattern: RegExp): (code: number) => boolean {
  // Per UTF-16 unit: 0 not yet known, 1 matches, 2 does not.
  const known = new Uint8Array(65536);
  return (code) => {
    if (code > 0xffff) return pattern.test(String.fromCodePoint(code));
    let answer = known[code];
    if (answer === 0) {
      answer = pattern.test(String.fromCharCode(code)) ? 1 : 2;
      known[code] = answer;
    }
    return answer === 1;
  };
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
 * A text as the index stores it, in UTF-8: one term per word, in order, so phrases still match. A pairing
 * word ("the", "of") is stored joined to the word after it ("theǂstate", "ofǂthe") in its own place, not
 * alone: a phrase with such a word in it is then found by short lists, instead of by walking the list of
 * "the" through nearly every article (CommonGrams, as Lucene calls the idea), and no term is added. A
 * pairing word that ends the text is stored alone. The cost: a pairing word cannot be searched for by
 * itself, which no reader needs.
 *
 * Indexing is bound by this loop, so it allocates nothing for a word it has seen: each word is looked up
 * by a hash of its characters in a table of the entries seen (`WordTable`), and terms are copied as bytes
 * into the output, which SQLite reads as it is.
 */
export function indexText(text: string, analyzer: Analyzer): Uint8Array {
  const normal = text.normalize("NFKC");
  const table = tableOf(analyzer);
  let out = new Uint8Array(normal.length + 64);
  let size = 0;
  const put = (bytes: Uint8Array) => {
    if (size + bytes.length + 4 > out.length) {
      const larger = new Uint8Array(Math.max(out.length * 2, size + bytes.length + 64));
      larger.set(out.subarray(0, size));
      out = larger;
    }
    for (let k = 0; k < bytes.length; k++) out[size + k] = bytes[k] as number;
    size += bytes.length;
  };
  let pairing: WordEntry | undefined;
  const length = normal.length;
  let start = -1;
  let hash = 0;
  for (let i = 0; i <= length; i++) {
    let code = i < length ? normal.charCodeAt(i) : 0x20;
    let width = 1;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < length) {
      code = normal.codePointAt(i) as number;
      width = 2;
    }
    if (isWordCharacter(code)) {
      if (start < 0) {
        start = i;
        hash = 0x811c9dc5;
      }
      hash = Math.imul(hash ^ code, 0x01000193);
    } else if (start >= 0) {
      const entry = table.find(normal, start, i, hash);
      start = -1;
      if (entry.term !== "") {
        if (pairing !== undefined) {
          if (size > 0) out[size++] = SPACE;
          put(pairing.bytes);
          put(PAIR_MARK_BYTES);
          put(entry.bytes);
        }
        pairing = entry.pairing ? entry : undefined;
        if (pairing === undefined) {
          if (size > 0) out[size++] = SPACE;
          put(entry.bytes);
        }
      }
    }
    i += width - 1;
  }
  if (pairing !== undefined) {
    if (size > 0) out[size++] = SPACE;
    put(pairing.bytes);
  }
  return out.slice(0, size);
}

/** Joins a pairing word to the word after it into one index term: a letter no language's words use. */
export const PAIR_MARK = "ǂ";

const UTF8 = new TextEncoder();
const PAIR_MARK_BYTES = UTF8.encode(PAIR_MARK);
const SPACE = 0x20;

/**
 * An open-addressing table of an analyzer's word entries, found by a hash of the word's characters and
 * compared in place, so that looking up a word in a text needs no string cut out of it.
 */
class WordTable {
  private slots: (WordEntry | undefined)[] = new Array(1 << 16);
  private hashes = new Int32Array(1 << 16);
  private count = 0;

  constructor(private readonly analyzer: Analyzer) {}

  find(text: string, start: number, end: number, hash: number): WordEntry {
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot];
      if (entry === undefined) {
        const found = this.analyzer.entry(text.slice(start, end));
        this.add(found, hash, slot);
        return found;
      }
      if (this.hashes[slot] === hash && sameWord(entry.word, text, start, end)) return entry;
    }
  }

  private add(entry: WordEntry, hash: number, slot: number): void {
    // Bounded like the analyzer's own memo: a text of endless distinct "words" starts the table afresh.
    if (this.count >= 200_000) {
      this.slots = new Array(this.slots.length);
      this.hashes.fill(0);
      this.count = 0;
      this.insert(entry, hash);
      return;
    }
    this.slots[slot] = entry;
    this.hashes[slot] = hash;
    this.count++;
    if (this.count * 2 > this.slots.length) this.grow();
  }

  private insert(entry: WordEntry, hash: number): void {
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    while (this.slots[slot] !== undefined) slot = (slot + 1) & mask;
    this.slots[slot] = entry;
    this.hashes[slot] = hash;
    this.count++;
  }

  private grow(): void {
    const slots = this.slots;
    const hashes = this.hashes;
    this.slots = new Array(slots.length * 2);
    this.hashes = new Int32Array(slots.length * 2);
    this.count = 0;
    for (let i = 0; i < slots.length; i++) {
      const entry = slots[i];
      if (entry !== undefined) this.insert(entry, hashes[i] as number);
    }
  }
}

function sameWord(word: string, text: string, start: number, end: number): boolean {
  if (word.length !== end - start) return false;
  for (let k = 0; k < word.length; k++) if (word.charCodeAt(k) !== text.charCodeAt(start + k)) return false;
  return true;
}

const tables = new WeakMap<Analyzer, WordTable>();

function tableOf(analyzer: Analyzer): WordTable {
  let table = tables.get(analyzer);
  if (!table) {
    table = new WordTable(analyzer);
    tables.set(analyzer, table);
  }
  return table;
}

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
