// Writes one demo article's text from a seed. The same piece written in another language is its
// translation: the same headline, standfirst and paragraphs, word for word as far as templates allow.
import { writeBody } from "./body.js";
import type { GeneratedKind, GeneratedSource } from "./generate.js";
import { Random } from "./random.js";
import { type Extras, render, type Template } from "./template.js";
import { type Voice, voiceFor } from "./voice.js";

export interface Piece {
  kind: GeneratedKind;
  seed: number;
  words: number;
  /** The year of publication: an obituary's subject died in it. */
  year: number;
  series?: { part: number; parts: number };
  /** The author and title of the piece this one answers, here or in another publication. */
  answers?: { person: string; title: string };
}

export interface Text {
  title: string;
  standfirst: string;
  body: string;
}

type Openings = [headlines: Template[], openers: Template[] | undefined];

function openings(voice: Voice, kind: GeneratedKind): Openings {
  switch (kind) {
    case "statement":
      return [voice.statementHeadlines, voice.statementOpeners];
    case "review":
      return [voice.reviewHeadlines, voice.reviewOpeners];
    case "interview":
      return [voice.interviewHeadlines, voice.interviewOpeners];
    case "obituary":
      return [voice.obituaryHeadlines, voice.obituaryOpeners];
    case "letter":
      return [voice.letterHeadlines, voice.letterOpeners];
    case "article":
    case "analysis":
      return [voice.headlines, undefined];
  }
}

export function writeArticle(language: string, piece: Piece, sources: readonly GeneratedSource[]): Text {
  const voice = voiceFor(language);
  const r = new Random(piece.seed);
  // Drawn for every kind, used by some: the draws stay in step whatever the kind and language.
  const named = render(voice.name, r);
  const work = render(voice.work, r);
  const age = r.int(64, 97);
  const extras: Extras = {
    person: piece.answers?.person ?? named,
    title: piece.answers?.title ?? "",
    author: named,
    guest: named,
    work,
    age: String(age),
    born: String(piece.year - age),
    died: String(piece.year),
  };
  const [headlines, openers] = piece.answers
    ? [voice.replyHeadlines, voice.replyOpeners]
    : openings(voice, piece.kind);
  let title = render(r.pick(headlines), r, extras);
  if (piece.series) {
    title += render(voice.part, r, { part: String(piece.series.part), parts: String(piece.series.parts) });
  }
  const standfirst = render(r.pick(voice.standfirsts), r);
  const body = writeBody(
    voice,
    {
      kind: piece.kind,
      words: piece.words,
      ...(openers ? { opener: { templates: openers, extras } } : {}),
      guest: named,
    },
    sources,
    r,
  );
  return { title, standfirst, body };
}
