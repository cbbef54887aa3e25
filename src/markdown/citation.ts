// Pandoc-style citations: `[see @key, pp. 3–5; @other]`. The syntax follows Pandoc's manual so that
// articles stay convertible with Pandoc; only bracketed citations are recognised, because a bare `@name`
// in journalism is far more often a social-media handle than a reference.

import type { StateCore, StateInline, Token } from "markdown-it";
import type { CitationPlacement } from "../citations/citer.js";
import type { Citation, CitationGroup } from "./render.js";

// Pandoc: a key starts with a letter, digit or `_`; punctuation is allowed only between key characters,
// so `@key.` at the end of a sentence cites `key`.
const KEY = String.raw`[\p{L}\p{N}_](?:[\p{L}\p{N}_]|[:.#$%&\-+?<>~/](?=[\p{L}\p{N}_]))*`;

// The `@` must begin a word, so `[me@example.org]` is plain text.
const CITATION = new RegExp(String.raw`^(.*?)(?:^|(?<=\s))(-?)@(${KEY})(.*)$`, "su");

// The locator terms of Pandoc's English locale, abbreviated and in full.
const LOCATOR_TERMS = (
  "bk. bks. book books ch. chs. chap. chaps. chapter chapters col. cols. column columns fig. figs. " +
  "figure figures fol. fols. folio folios l. ll. line lines n. nn. note notes no. nos. number " +
  "numbers op. opp. opus p. pp. page pages para. paras. paragraph paragraphs ¶ ¶¶ pt. pts. part " +
  "parts sec. secs. section sections § §§ s.v. s.vv. v. vv. verse verses vol. vols. volume volumes"
).split(" ");

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const TERM = `(?:${LOCATOR_TERMS.map(escapeRegExp).join("|")})`;
// A number ends before a space, a separator or a sentence-ending full stop: `i.e.` is not page i.
const NUMBER = String.raw`(?:\d+[a-z]?(?:\s?ff?\.?)?|[ivxlcdm]+|[IVXLCDM]+)(?=$|[\s,&\-–—]|\.(?:$|\s))`;
const RANGE = String.raw`${NUMBER}(?:\s*[-–—]\s*${NUMBER})?`;
const LOCATOR = new RegExp(String.raw`^((?:${TERM}\s*)?${RANGE}(?:\s*(?:,|&|and)\s*${RANGE})*)(.*)$`, "isu");

export function parseCitationGroup(raw: string): CitationGroup | undefined {
  const citations: Citation[] = [];
  for (const part of raw.slice(1, -1).split(";")) {
    const citation = parseCitation(part.replace(/\s+/g, " ").trim());
    if (!citation) return undefined;
    citations.push(citation);
  }
  return { citations, raw };
}

function parseCitation(part: string): Citation | undefined {
  const match = CITATION.exec(part);
  if (!match) return undefined;
  const [, prefix = "", minus, key = "", rest = ""] = match;
  const { locator, suffix } = splitLocator(rest);
  const citation: Citation = { key, prefix: prefix.trim(), locator, suffix };
  if (minus) citation.suppressAuthor = true;
  return citation;
}

function splitLocator(rest: string): { locator: string; suffix: string } {
  const afterComma = /^\s*,\s*(.*)$/su.exec(rest)?.[1];
  if (afterComma === undefined) return { locator: "", suffix: rest.trim() };
  // Pandoc lets a writer brace a locator it would not recognise: `[@key, {chapter “Origins”}]`.
  const braced = /^\{([^}]*)\}(.*)$/su.exec(afterComma);
  if (braced) return { locator: (braced[1] ?? "").trim(), suffix: (braced[2] ?? "").trim() };
  const located = LOCATOR.exec(afterComma);
  if (located) return { locator: (located[1] ?? "").trim(), suffix: (located[2] ?? "").trim() };
  return { locator: "", suffix: `, ${afterComma}`.trim() };
}

export function citationGroupOf(token: Token): CitationGroup {
  return token.meta?.group as CitationGroup;
}

/** Where a citation token stands: under a quotation, in a footnote, or (the default) in running text. */
export function citationPlacementOf(token: Token): CitationPlacement {
  return (token.meta?.placement as CitationPlacement | undefined) ?? "text";
}

/** markdown-it core rule, after the footnotes are gathered: marks the citations inside footnotes. */
export function noteCitationsRule(state: StateCore): void {
  let inNotes = false;
  for (const token of state.tokens) {
    if (token.type === "footnote_block_open") inNotes = true;
    else if (token.type === "footnote_block_close") inNotes = false;
    else if (inNotes && token.children) {
      for (const child of token.children) {
        if (child.type === "citation") child.meta = { ...child.meta, placement: "note" };
      }
    }
  }
}

/** What a reader sees when the publication has no citation style: `(see key, ch. 3; other)`. */
export function plainCitationText(group: CitationGroup): string {
  const parts = group.citations.map((c) => {
    let part = c.prefix ? `${c.prefix} ${c.key}` : c.key;
    if (c.locator) part += `, ${c.locator}`;
    if (c.suffix) part += c.suffix.startsWith(",") ? c.suffix : ` ${c.suffix}`;
    return part;
  });
  return `(${parts.join("; ")})`;
}

/** markdown-it inline rule: turns a bracket that holds only citations into one `citation` token. */
export function citationRule(state: StateInline, silent: boolean): boolean {
  const src = state.src;
  const start = state.pos;
  if (src.charCodeAt(start) !== 0x5b /* [ */ || src.charCodeAt(start + 1) === 0x5e /* ^ */) return false;
  const end = closingBracket(src, start, state.posMax);
  if (end < 0) return false;
  // `[@key](url)` is a link whose text merely looks like a citation.
  if (src.charCodeAt(end + 1) === 0x28 /* ( */) return false;
  const raw = src.slice(start, end + 1);
  if (!raw.includes("@")) return false;
  if (isReferenceLink(state, raw)) return false;
  const group = parseCitationGroup(raw);
  if (!group) return false;
  if (!silent) {
    const token = state.push("citation", "cite", 0);
    token.meta = { group };
  }
  state.pos = end + 1;
  return true;
}

function closingBracket(src: string, start: number, max: number): number {
  let depth = 0;
  for (let pos = start; pos < max; pos++) {
    const ch = src.charCodeAt(pos);
    if (ch === 0x5c /* \ */) pos++;
    else if (ch === 0x5b) depth++;
    else if (ch === 0x5d && --depth === 0) return pos;
  }
  return -1;
}

// A writer who defined `[@handle]: https://…` meant a link, so the definition wins.
function isReferenceLink(state: StateInline, raw: string): boolean {
  const references = state.env?.references as Record<string, unknown> | undefined;
  if (!references) return false;
  return state.md.utils.normalizeReference(raw.slice(1, -1)) in references;
}
