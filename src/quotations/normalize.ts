// Words for matching quotations: a word is a run of letters, digits and combining marks (each CJK
// character is a word of its own, as those scripts put no spaces between words). A word is compared by
// its folded form — NFKD, diacritics dropped, lower-cased — and located by its [start, end) offsets in
// the original string, so nothing is copied and every match points back into the text as written.

/** Words of a stretch of text: offsets into the original string and 32-bit hashes of the folded forms. */
export interface Words {
  count: number;
  starts: Uint32Array;
  ends: Uint32Array;
  hashes: Uint32Array;
}

const OTHER = 0;
const WORD = 1;
const SINGLE = 2; // a CJK character: a word by itself
const JOINER = 3; // soft hyphen, zero-width joiners: inside a word, ignored

// Character classes of the Basic Multilingual Plane, worked out on first sight (the Unicode test is slow).
const classes = new Uint8Array(65536);
const UNKNOWN = 255;
classes.fill(UNKNOWN);
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

export function charClass(code: number): number {
  if (code < 128) {
    return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)
      ? WORD
      : OTHER;
  }
  let cls = classes[code] as number;
  if (cls === UNKNOWN) {
    cls = classify(code);
    classes[code] = cls;
  }
  return cls;
}

function classify(code: number): number {
  if (code === 0xad || (code >= 0x200b && code <= 0x200d) || code === 0x2060 || code === 0xfeff)
    return JOINER;
  if (code >= 0xd800 && code <= 0xdfff) return WORD; // astral letters; emoji too, which is harmless
  if (
    (code >= 0x3040 && code <= 0x30ff) ||
    (code >= 0x3400 && code <= 0x9fff) ||
    (code >= 0xf900 && code <= 0xfaff)
  ) {
    return SINGLE;
  }
  return WORD_CHAR.test(String.fromCharCode(code)) ? WORD : OTHER;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** The hash of a word as folded, equal for "Élan", "elan" and "ELAN". */
export function hashFolded(folded: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < folded.length; i++) h = Math.imul(h ^ folded.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

const MARKS = /\p{M}/gu;
const JOINERS = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;

/** A word as compared: compatibility forms unified, diacritics dropped, case folded. */
export function foldWord(word: string): string {
  let ascii = true;
  for (let i = 0; i < word.length && ascii; i++) ascii = word.charCodeAt(i) < 128;
  if (ascii) return word.toLowerCase();
  return word.normalize("NFKD").replace(MARKS, "").replace(JOINERS, "").toLowerCase();
}

/**
 * Calls `onWord(start, end, hash)` for each word of `text[from, to)`, stopping early when it returns
 * false. ASCII words are hashed as they are scanned; others go through `foldWord`.
 */
export function scanWords(
  text: string,
  from: number,
  to: number,
  onWord: (start: number, end: number, hash: number) => boolean | undefined,
): void {
  let i = from;
  while (i < to) {
    const code = text.charCodeAt(i);
    const cls = charClass(code);
    if (cls === OTHER || cls === JOINER) {
      i++;
      continue;
    }
    const start = i;
    if (cls === SINGLE) {
      i++;
      if (onWord(start, i, hashFolded(foldWord(text[start] as string))) === false) return;
      continue;
    }
    let h = FNV_OFFSET;
    let ascii = true;
    while (i < to) {
      const c = text.charCodeAt(i);
      if (c < 128) {
        if (c >= 97 && c <= 122) h = Math.imul(h ^ c, FNV_PRIME);
        else if (c >= 65 && c <= 90) h = Math.imul(h ^ (c + 32), FNV_PRIME);
        else if (c >= 48 && c <= 57) h = Math.imul(h ^ c, FNV_PRIME);
        else break;
      } else {
        const k = charClass(c);
        if (k !== WORD && k !== JOINER) break;
        ascii = false;
      }
      i++;
    }
    const hash = ascii ? h >>> 0 : hashFolded(foldWord(text.slice(start, i)));
    if (onWord(start, i, hash) === false) return;
  }
}

/** The words of `text[from, to)`, at most `limit` of them. */
export function wordsOf(text: string, from = 0, to = text.length, limit = Number.POSITIVE_INFINITY): Words {
  let capacity = Math.max(16, Math.min(Math.ceil((to - from) / 4), limit));
  let starts: Uint32Array = new Uint32Array(capacity);
  let ends: Uint32Array = new Uint32Array(capacity);
  let hashes: Uint32Array = new Uint32Array(capacity);
  let count = 0;
  scanWords(text, from, to, (start, end, hash) => {
    if (count === capacity) {
      capacity *= 2;
      starts = grow(starts, capacity);
      ends = grow(ends, capacity);
      hashes = grow(hashes, capacity);
    }
    starts[count] = start;
    ends[count] = end;
    hashes[count] = hash;
    count++;
    return count < limit;
  });
  return { count, starts, ends, hashes };
}

function grow(array: Uint32Array, capacity: number): Uint32Array {
  const bigger = new Uint32Array(capacity);
  bigger.set(array);
  return bigger;
}

const QUOTES: Record<string, string> = {
  "\u201c": '"',
  "\u201d": '"',
  "\u201e": '"',
  "\u201f": '"',
  "\u00ab": '"',
  "\u00bb": '"',
  "\u2018": "'",
  "\u2019": "'",
  "\u201a": "'",
  "\u201b": "'",
  "\u2039": "'",
  "\u203a": "'",
  "\u00b4": "'",
  "`": "'",
};
const QUOTE_CHARS = /[\u201c-\u201f\u00ab\u00bb\u2018-\u201b\u2039\u203a\u00b4`]/g;
const DASHES = /[\u2010-\u2015\u2212]/g;

/** Punctuation as written, only compatibility forms unified and white space collapsed. */
export function exactPunctuation(text: string): string {
  return text.normalize("NFKC").replace(/\s+/g, " ").trim();
}

/**
 * Punctuation with its typographic choices erased: one quotation mark of each kind, one dash, no
 * spacing, no Markdown emphasis marks. Two stretches equal here differ only in style.
 */
export function styledPunctuation(text: string): string {
  return text
    .normalize("NFKC")
    .replace(QUOTE_CHARS, (q) => QUOTES[q] ?? q)
    .replace(DASHES, "-")
    .replace(/[\s*_]+/g, "")
    .replace(/-+/g, "-"); // "--" is a typewriter's dash
}
