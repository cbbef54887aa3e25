// Sentence templates with slots, compiled once into parts so that filling one costs a few array look-ups
// and concatenations: a benchmark corpus of 100,000 articles fills some fifty million slots.
//
// A slot is written `{[determiner] modifier… head[.form][:case]}`, e.g. `{a adj noun}` or
// `{der adj noun:akk}`. Slots name concepts, not words: `noun2` is an index into the noun list, and the
// lists of every language are parallel, so one set of picks renders the same sentence in English and in
// German. That is what makes a generated translation read like a translation. `{$name}` is filled from
// values the caller passes, and a capital first letter (`{A adj noun}`, `{Der sing}`) capitalises the
// output.

import type { Random } from "./random.js";

export const LIST_NAMES = [
  "noun",
  "sing",
  "plur",
  "adj",
  "verb",
  "adv",
  "place",
  "inst",
  "year",
  "work",
  "name",
] as const;
export type ListName = (typeof LIST_NAMES)[number];
/** `num` is not a word list: its pick is a fraction of NUMBER_RANGE that the form turns into a number. */
export type SlotList = ListName | "num";
export const NUMBER_RANGE = 1_000_000;

/** Raw word lists: entries separated by commas or new lines, in a format each language defines. */
export type Words = Record<ListName, string>;

export interface SlotRef {
  list: SlotList;
  position: number;
}

export interface TokenSpec {
  determiner?: string;
  modifiers: SlotRef[];
  head: SlotRef;
  form?: string;
  grammaticalCase?: string;
}

export type Picks = readonly number[];
export type Extras = Readonly<Record<string, string>>;
type Part = string | ((picks: Picks, extras: Extras | undefined) => string);

/** What a language contributes: the sizes of its lists and a renderer for each kind of slot. */
export interface Language {
  code: string;
  sizes: Record<ListName, number>;
  determiners: ReadonlySet<string>;
  compile(spec: TokenSpec, source: string): (picks: Picks) => string;
}

export interface Template {
  source: string;
  /** Slot names in the order their picks are drawn: sorted, so that it is the same in every language. */
  slots: string[];
  lists: SlotList[];
  sizes: number[];
  parts: Part[];
  /** Roughly how many words the template fills, so a body can be cut to length without counting. */
  words: number;
}

const TOKEN = /\{([^}]+)\}/g;
const SLOT_NAME = /^([a-z]+)\d?$/;

export function compileTemplate(source: string, language: Language): Template {
  const slots = [...new Set([...source.matchAll(TOKEN)].flatMap((m) => slotNames(m[1] ?? "", language)))];
  slots.sort();
  const lists = slots.map((slot) => listOf(slot, source));
  const sizes = lists.map((list) => (list === "num" ? NUMBER_RANGE : language.sizes[list]));
  const parts: Part[] = [];
  let last = 0;
  for (const match of source.matchAll(TOKEN)) {
    if (match.index > last) parts.push(source.slice(last, match.index));
    parts.push(compileToken(match[1] ?? "", slots, language, source));
    last = match.index + match[0].length;
  }
  if (last < source.length) parts.push(source.slice(last));
  return { source, slots, lists, sizes, parts, words: source.split(" ").length };
}

let picks: number[] = [];

/** Fills a template's slots. Draws exactly one number per slot, whatever the language. */
export function render(template: Template, random: Random, extras?: Extras): string {
  const { sizes, lists } = template;
  if (picks.length < sizes.length) picks = new Array<number>(sizes.length).fill(0);
  for (let i = 0; i < sizes.length; i++) {
    const size = sizes[i] as number;
    let pick = Math.floor(random.next() * size);
    // `noun` and `noun2` in one sentence should be two different nouns.
    if (i > 0 && lists[i] === lists[i - 1] && pick === picks[i - 1]) pick = (pick + 1) % size;
    picks[i] = pick;
  }
  return fillIn(template, picks, extras);
}

/** Fills a template's slots with the given picks, one per slot in the order of `template.slots`. */
export function fillIn(template: Template, chosen: Picks, extras?: Extras): string {
  let text = "";
  for (const part of template.parts) text += typeof part === "string" ? part : part(chosen, extras);
  return text;
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Splits a raw word list on commas and line ends. */
export function entries(raw: string): string[] {
  return raw
    .split(/[,\n]/)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
}

const NUMBER_FORMS: Record<string, (fraction: number) => number> = {
  k: (f) => (5 + Math.floor(f * 995)) * 100,
  pct: (f) => 2 + Math.floor(f * 67),
  small: (f) => 2 + Math.floor(f * 11),
  n: (f) => 3 + Math.floor(f * 598),
};

/**
 * The number a `{num.form}` slot stands for, the same in every language: `.k` is thousands, `.pct` a
 * percentage, `.small` two to twelve (written as a word) and `.n` a page number.
 */
export function numberScale(spec: TokenSpec, source: string): (picks: Picks) => number {
  const scale = NUMBER_FORMS[spec.form ?? ""];
  if (!scale) throw new Error(`{num} needs a form (.k, .pct, .small, .n) in "${source}"`);
  const at = spec.head.position;
  return (p) => scale((p[at] as number) / NUMBER_RANGE);
}

/** 12400 → "12,400" in English, "12.400" in German. */
export function groupThousands(value: number, separator: string): string {
  const digits = String(value);
  let grouped = "";
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) grouped += separator;
    grouped += digits[i];
  }
  return grouped;
}

function slotNames(spec: string, language: Language): string[] {
  if (spec.startsWith("$")) return [];
  const words = spec.split(" ");
  const first = (words[0] ?? "").toLowerCase();
  return words
    .slice(language.determiners.has(first) ? 1 : 0)
    .map((word) => word.replace(/[.:].*$/, "").toLowerCase());
}

function listOf(slot: string, source: string): SlotList {
  const list = SLOT_NAME.exec(slot)?.[1];
  if (list === "num" || LIST_NAMES.includes(list as ListName)) return list as SlotList;
  throw new Error(`unknown slot {${slot}} in template "${source}"`);
}

function compileToken(spec: string, slots: string[], language: Language, source: string): Part {
  if (spec.startsWith("$")) {
    const name = spec.slice(1);
    return (_picks, extras) => {
      const value = extras?.[name];
      if (value === undefined) throw new Error(`template "${source}" needs a value for $${name}`);
      return value;
    };
  }
  const words = spec.split(" ");
  const capital = /^\p{Lu}/u.test(spec);
  const first = (words[0] ?? "").toLowerCase();
  const determiner = language.determiners.has(first) ? first : undefined;
  const refs = words.slice(determiner ? 1 : 0);
  const [headWord = "", ...marks] = (refs.pop() ?? "").split(/(?=[.:])/);
  const ref = (word: string): SlotRef => {
    const name = word.toLowerCase();
    return { list: listOf(name, source), position: slots.indexOf(name) };
  };
  const tokenSpec: TokenSpec = { modifiers: refs.map(ref), head: ref(headWord) };
  if (determiner) tokenSpec.determiner = determiner;
  for (const mark of marks) {
    if (mark.startsWith(".")) tokenSpec.form = mark.slice(1);
    else tokenSpec.grammaticalCase = mark.slice(1);
  }
  const fill = language.compile(tokenSpec, source);
  return capital ? (p) => capitalise(fill(p)) : fill;
}
