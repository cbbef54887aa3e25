// What a language needs to write demo articles, and the one function that fills a template's slots.
import type { Random } from "./prng.js";

export interface Vocabulary {
  /** Word lists by slot name: `{adj}` draws from `words.adj`; `{Adj}` capitalises the word drawn. */
  words: Record<string, string[]>;
  sentences: string[];
  headlines: string[];
  standfirsts: string[];
  headings: string[];
  quotations: string[];
  footnotes: string[];
  table: { caption: string[]; rows: number };
  linkWords: { and: string; partOf: string };
}

const SLOT = /\{(\w+?)(2)?\}/g;

export function fill(template: string, vocabulary: Vocabulary, random: Random): string {
  const text = template.replace(SLOT, (whole, name: string) => {
    const list = vocabulary.words[name.charAt(0).toLowerCase() + name.slice(1)];
    if (!list) return whole;
    const word = random.pick(list);
    return name.charAt(0) === name.charAt(0).toUpperCase()
      ? word.charAt(0).toUpperCase() + word.slice(1)
      : word;
  });
  // English "a" before a vowel sound; "union" and "European" begin with a consonant sound.
  return text.replace(/\b([Aa]) (?=[aeiouAEIOU])(?!uni|Uni|Eu|eu)/g, "$1n ");
}
