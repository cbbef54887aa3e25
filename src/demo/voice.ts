// A language's voice: its words and templates, compiled and checked against English, so that one set of
// random draws writes an article in either language and a translation reads as one.
import { english } from "./english.js";
import { german } from "./german.js";
import { GERMAN_HEADLINES } from "./headlines-de.js";
import { ENGLISH_HEADLINES } from "./headlines-en.js";
import { GERMAN_PROSE } from "./prose-de.js";
import { ENGLISH_PROSE } from "./prose-en.js";
import {
  compileTemplate,
  type Language,
  LIST_NAMES,
  type ListName,
  type Template,
  type Words,
} from "./template.js";
import { GERMAN_WORDS } from "./words-de.js";
import { ENGLISH_WORDS } from "./words-en.js";

export interface BodyProse {
  openers: string[];
  sentences: string[];
  closers: string[];
  headings: string[];
  /** `{$source}` is the quoted author's name. */
  quoteIntros: string[];
  quotations: string[];
  /** `{$citation}` is a bracketed Pandoc citation. */
  footnotes: string[];
  demandIntros: string[];
  demands: string[];
  factIntros: string[];
  facts: string[];
  tableIntros: string[];
  /** Three column headings separated by `|`. */
  tableHeaders: string[];
}

export interface HeadlineProse {
  headlines: string[];
  standfirsts: string[];
  replyHeadlines: string[];
  replyOpeners: string[];
  statementHeadlines: string[];
  statementOpeners: string[];
  reviewHeadlines: string[];
  reviewOpeners: string[];
  interviewHeadlines: string[];
  interviewOpeners: string[];
  questions: string[];
  obituaryHeadlines: string[];
  obituaryOpeners: string[];
  letterHeadlines: string[];
  letterOpeners: string[];
  labels: { part: string; see: string; interviewer: string; thousands: string };
}

type ProseLists = Omit<BodyProse & HeadlineProse, "labels">;

export type Voice = { [K in keyof ProseLists]: Template[] } & {
  code: string;
  sizes: Record<ListName, number>;
  part: Template;
  see: string;
  interviewer: string;
  thousands: string;
  work: Template;
  name: Template;
};

interface Source {
  words: Words;
  language: (words: Words) => Language;
  body: BodyProse;
  headlines: HeadlineProse;
}

const SOURCES: Record<string, Source> = {
  en: { words: ENGLISH_WORDS, language: english, body: ENGLISH_PROSE, headlines: ENGLISH_HEADLINES },
  de: { words: GERMAN_WORDS, language: german, body: GERMAN_PROSE, headlines: GERMAN_HEADLINES },
};

export const VOICE_LANGUAGES = Object.keys(SOURCES);

const voices = new Map<string, Voice>();

/** The compiled voice of a language; throws for a language the demo has no words for. */
export function voiceFor(code: string): Voice {
  let voice = voices.get(code);
  if (voice) return voice;
  const source = SOURCES[code];
  if (!source) {
    throw new Error(
      `the demo has no words for the language "${code}" (it has ${VOICE_LANGUAGES.join(", ")})`,
    );
  }
  voice = compileVoice(source);
  if (code !== "en") checkParallel(voice, voiceFor("en"));
  voices.set(code, voice);
  return voice;
}

function compileVoice(source: Source): Voice {
  const language = source.language(source.words);
  const compile = (list: string[]) => list.map((template) => compileTemplate(template, language));
  const { labels, ...headlines } = source.headlines;
  const lists = { ...source.body, ...headlines };
  const compiled = Object.fromEntries(
    Object.entries(lists).map(([key, list]) => [key, compile(list)]),
  ) as unknown as { [K in keyof ProseLists]: Template[] };
  return {
    ...compiled,
    code: language.code,
    sizes: language.sizes,
    part: compileTemplate(labels.part, language),
    see: labels.see,
    interviewer: labels.interviewer,
    thousands: labels.thousands,
    work: compileTemplate("{work}", language),
    name: compileTemplate("{name}", language),
  };
}

// A template that drew a different number of picks than its English counterpart would shift every later
// draw, and the "translation" would be a different article; a shorter word list would pick other words.
function checkParallel(voice: Voice, reference: Voice): void {
  for (const name of LIST_NAMES) {
    if (voice.sizes[name] !== reference.sizes[name]) {
      throw new Error(
        `${voice.code} has ${voice.sizes[name]} words {${name}}, English has ${reference.sizes[name]}`,
      );
    }
  }
  for (const key of Object.keys(reference) as (keyof Voice)[]) {
    const mine = voice[key];
    const theirs = reference[key];
    if (!Array.isArray(mine) || !Array.isArray(theirs)) continue;
    if (mine.length !== theirs.length) {
      throw new Error(`${voice.code} has ${mine.length} ${key}, English has ${theirs.length}`);
    }
    for (const [i, template] of mine.entries()) {
      const other = theirs[i] as Template;
      if (template.slots.join() !== other.slots.join()) {
        throw new Error(
          `${voice.code} ${key}[${i}] "${template.source}" has other slots than "${other.source}"`,
        );
      }
    }
  }
}
