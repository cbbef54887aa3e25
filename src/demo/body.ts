// The Markdown body of a demo article: paragraphs from sentence templates, with the furniture of real
// long-form writing — subheadings, sourced block quotations, footnotes, inline citations, tables, lists.
// Every choice is drawn in the same order whatever the language, so that a translation has the same shape.
import type { GeneratedKind, GeneratedSource } from "./generate.js";
import type { Random } from "./random.js";
import { authorOf } from "./sources.js";
import { type Extras, groupThousands, render, type Template } from "./template.js";
import { type Voice, voiceFor } from "./voice.js";

export interface BodyPlan {
  kind: GeneratedKind;
  words: number;
  /** The kind's own first sentence, already chosen (a statement, a review, a reply…). */
  opener?: { templates: Template[]; extras: Extras };
  /** The person interviewed, for the answers' labels. */
  guest?: string;
}

const SENTENCES_PER_PARAGRAPH = 4;
const FOOTNOTES: [number, number][] = [
  [0, 3],
  [1, 3],
  [2, 3],
  [3, 2],
  [4, 1],
];
const QUOTATIONS: [number, number][] = [
  [0, 3],
  [1, 4],
  [2, 3],
];
/** How likely a list is, and whether it lists demands (a statement) or facts (an analysis). */
const LISTS: Partial<Record<GeneratedKind, [chance: number, demands: number]>> = {
  statement: [0.6, 1],
  analysis: [0.3, 0],
  article: [0.06, 0.5],
};

let wordsPerSentence = 0;

export function writeBody(
  voice: Voice,
  plan: BodyPlan,
  sources: readonly GeneratedSource[],
  r: Random,
): string {
  // The English estimate for every language, so that a translation has as many paragraphs as its original.
  wordsPerSentence ||= average(voiceFor("en").sentences.map((t) => t.words));
  const { kind } = plan;
  const paragraphs = Math.max(2, Math.round(plan.words / (wordsPerSentence * SENTENCES_PER_PARAGRAPH)));
  const quiet = kind === "letter" || kind === "obituary" || kind === "interview";
  const footnotes = spots(r, kind === "letter" ? 0 : r.weighted(FOOTNOTES), 0, paragraphs - 1);
  const quoted = spots(r, quiet ? 0 : r.weighted(QUOTATIONS), 1, paragraphs - 2);
  const table = kind === "analysis" && paragraphs > 4 && r.chance(0.5) ? 2 : -1;
  const [listChance = 0, demandChance = 0] = LISTS[kind] ?? [];
  const list = r.chance(listChance) ? Math.min(1, paragraphs - 1) : -1;
  const demand = r.chance(demandChance);
  let heading = plan.words >= 1200 ? r.int(4, 7) : paragraphs;

  const sentences = new Deck(voice.sentences, r);
  const quotations = new Deck(voice.quotations, r);
  const blocks: string[] = [];
  const notes: string[] = [];
  for (let p = 0; p < paragraphs; p++) {
    if (p === heading && p < paragraphs - 1) {
      blocks.push(`## ${render(r.pick(voice.headings), r)}`);
      heading += r.int(5, 8);
    }
    let text = p === 0 && plan.opener ? render(r.pick(plan.opener.templates), r, plan.opener.extras) : "";
    if (p === 0 && !plan.opener) text = render(r.pick(voice.openers), r);
    const count = r.int(SENTENCES_PER_PARAGRAPH - 1, SENTENCES_PER_PARAGRAPH + 1) - (text ? 1 : 0);
    for (let s = 0; s < count; s++) text += (text ? " " : "") + render(sentences.next(), r);
    if (p === paragraphs - 1 && kind !== "interview") text += ` ${render(r.pick(voice.closers), r)}`;
    if (p > 0 && r.chance(0.05)) {
      const cited = `[${voice.see} ${citation(r, sources)}]`;
      text = text.endsWith(".") ? `${text.slice(0, -1)} ${cited}.` : `${text} ${cited}`;
    }
    if (footnotes.includes(p)) {
      notes.push(render(r.pick(voice.footnotes), r, { citation: `[${citation(r, sources)}]` }));
      text += `[^${notes.length}]`;
    }
    if (kind === "interview" && p > 0) {
      blocks.push(`**${voice.interviewer}:** ${render(r.pick(voice.questions), r)}`);
      text = `**${plan.guest ?? ""}:** ${text}`;
    }
    blocks.push(text);
    for (const at of quoted) if (at === p) blocks.push(...quotation(voice, quotations, r, sources));
    if (p === table) blocks.push(...statistics(voice, r));
    if (p === list) blocks.push(...listing(voice, demand, r));
  }
  for (const [n, note] of notes.entries()) blocks.push(`[^${n + 1}]: ${note}`);
  return blocks.join("\n\n");
}

/** Up to `count` different paragraph positions from `first` to `last`, in order. */
function spots(r: Random, count: number, first: number, last: number): number[] {
  if (last < first) return [];
  const found = new Set<number>();
  for (let i = 0; i < count; i++) found.add(r.int(first, last));
  return [...found].sort((a, b) => a - b);
}

/** Deals templates in a shuffled order, so that none comes round again before the others have. */
class Deck {
  private order: Template[] = [];

  constructor(
    private readonly templates: readonly Template[],
    private readonly random: Random,
  ) {}

  next(): Template {
    if (this.order.length === 0) this.order = this.random.shuffle(this.templates);
    return this.order.pop() as Template;
  }
}

function citation(r: Random, sources: readonly GeneratedSource[]): string {
  return `@${r.pick(sources).id}, ${locator(r)}`;
}

function locator(r: Random): string {
  const roll = r.next();
  const page = r.int(3, 480);
  if (roll < 0.55) return `p. ${page}`;
  if (roll < 0.8) return `pp. ${page}, ${page + r.int(2, 30)}`;
  return `ch. ${r.int(1, 14)}`;
}

// Pandoc's shape for a sourced quotation: the quotation's last paragraph is only its citation.
function quotation(voice: Voice, deck: Deck, r: Random, sources: readonly GeneratedSource[]): string[] {
  const source = r.pick(sources);
  const intro = render(r.pick(voice.quoteIntros), r, { source: authorOf(source) });
  const lines: string[] = [];
  for (let paragraph = r.int(1, 3); paragraph > 0; paragraph--) {
    let text = "";
    for (let s = r.int(1, 3); s > 0; s--) text += (text ? " " : "") + render(deck.next(), r);
    lines.push(`> ${text}`);
  }
  lines.push(`> [@${source.id}, ${locator(r)}]`);
  return [intro, lines.join("\n>\n")];
}

function statistics(voice: Voice, r: Random): string[] {
  const intro = render(r.pick(voice.tableIntros), r);
  const columns = render(r.pick(voice.tableHeaders), r).split("|");
  const rows = [`| ${columns.join(" | ")} |`, "| --- | ---: | ---: |"];
  let year = r.int(1925, 2005);
  let first = r.int(2_000, 400_000);
  let second = r.int(10_000, 4_000_000);
  for (let n = r.int(4, 7); n > 0; n--) {
    rows.push(
      `| ${year} | ${groupThousands(first, voice.thousands)} | ${groupThousands(second, voice.thousands)} |`,
    );
    year += r.int(1, 3);
    first = Math.round(first * (0.7 + r.next() * 0.7));
    second = Math.round(second * (0.7 + r.next() * 0.7));
  }
  return [intro, rows.join("\n")];
}

function listing(voice: Voice, demands: boolean, r: Random): string[] {
  const [intros, items] = demands ? [voice.demandIntros, voice.demands] : [voice.factIntros, voice.facts];
  const lines: string[] = [];
  for (const template of r.shuffle(items).slice(0, r.int(3, 5))) lines.push(`- ${render(template, r)}`);
  return [render(r.pick(intros), r), lines.join("\n")];
}

function average(values: number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / Math.max(values.length, 1);
}
