// BibTeX and BibLaTeX files, read and written through Citation.js. Its grammar throws on syntax errors,
// but it cannot say which entry a cut-short file lost, so entries are also found by a brace count here.

import { CSL_ITEM_TYPES, CSL_NAME_VARIABLES, type CslItem, type CslName } from "../csl-item.js";
import {
  BIBTEX_ENTRY_TYPES,
  type BibEntry,
  bibtexEntryToCsl,
  cslToBibtexEntries,
  cslTypeOfBibtexType,
  parseBibtexEntries,
} from "./citation-js.js";
import { describeEntry, entryError, fileError, lineAt, type SourceEntry } from "./entry.js";

interface EntryStart {
  type: string;
  key: string;
  line: number;
}

const ENTRY_START = /@\s*([A-Za-z_][\w:+-]*)\s*([{(])/y;
// @string and @preamble hold no source; @comment runs to the end of its line, as Citation.js reads it.
const NOT_SOURCES = new Set(["string", "preamble"]);

export function readBibtex(text: string, file: string | undefined): SourceEntry[] {
  const starts = findEntries(text, file);
  const name = (start: EntryStart | undefined, index: number) =>
    describeEntry(file, start?.key ? `entry "${start.key}"` : `entry ${index + 1}`, start?.line);

  let entries: BibEntry[];
  try {
    entries = parseBibtexEntries(text);
  } catch (error) {
    const message = (error as Error).message.split("\n")[0] ?? "";
    const line = Number(/at line (\d+)/.exec(message)?.[1]) || undefined;
    const index = line ? starts.findLastIndex((start) => start.line <= line) : -1;
    const where = index >= 0 ? name(starts[index], index) : describeEntry(file, "BibTeX", line);
    throw entryError(where, `BibTeX syntax error: ${message}`, line);
  }
  if (entries.length !== starts.length) {
    throw fileError(
      file,
      `${starts.length} entries begin with "@", but ${entries.length} of them could be read`,
    );
  }
  return entries.map((entry, index) => {
    const start = starts[index];
    const entryName = name(start, index);
    if (!BIBTEX_ENTRY_TYPES.has(entry.type.toLowerCase())) {
      throw entryError(entryName, `@${entry.type} is not a BibTeX or BibLaTeX entry type`, start?.line);
    }
    return { value: toCsl(entry), entry: entryName, line: start?.line };
  });
}

function toCsl(entry: BibEntry): Record<string, unknown> {
  const item = bibtexEntryToCsl(entry);
  if (item["citation-key"] === item.id) delete item["citation-key"];
  for (const variable of CSL_NAME_VARIABLES) {
    if (Array.isArray(item[variable])) item[variable] = item[variable].map(bracedNameAsLiteral);
  }
  // BibLaTeX marks newspaper and magazine articles with an entry subtype; Citation.js leaves it as genre.
  const subtype = item.genre;
  if (entry.type === "article" && (subtype === "newspaper" || subtype === "magazine")) {
    item.type = `article-${subtype}`;
    delete item.genre;
  } else if (item.type === "document" && typeof subtype === "string" && CSL_ITEM_TYPES.has(subtype)) {
    // Written by writeBibtex for a CSL type BibLaTeX lacks: @misc with the CSL type as its subtype.
    item.type = subtype;
    delete item.genre;
  }
  return item;
}

// `{World Bank}` in BibTeX is a name not to be split; Citation.js reads it as a family name alone.
function bracedNameAsLiteral(name: CslName): CslName {
  const parts = Object.keys(name);
  return parts.length === 1 && name.family?.includes(" ") ? { literal: name.family } : name;
}

/** Where each source entry begins, checking that each one closes. */
function findEntries(text: string, file: string | undefined): EntryStart[] {
  const starts: EntryStart[] = [];
  let position = 0;
  // Lines are counted on from the previous entry, not from the top, so a long file is read in one pass.
  let counted = { offset: 0, line: 1 };
  const lineOf = (offset: number) => {
    counted = { offset, line: counted.line + lineAt(text.slice(counted.offset, offset), offset) - 1 };
    return counted.line;
  };
  for (let at = text.indexOf("@"); at !== -1; at = text.indexOf("@", position)) {
    ENTRY_START.lastIndex = at;
    const match = ENTRY_START.exec(text);
    if (!match) {
      position = at + 1;
      continue;
    }
    const type = (match[1] ?? "").toLowerCase();
    if (type === "comment") {
      const endOfLine = text.indexOf("\n", at);
      position = endOfLine === -1 ? text.length : endOfLine;
      continue;
    }
    const bodyStart = ENTRY_START.lastIndex;
    const key = NOT_SOURCES.has(type)
      ? ""
      : (/^\s*([^,\s]{0,200})/.exec(text.slice(bodyStart, bodyStart + 220))?.[1] ?? "");
    const start = { type, key, line: lineOf(at) };
    const close = findClose(text, bodyStart, match[2] === "(" ? ")" : "}");
    if (close === -1) {
      const what = NOT_SOURCES.has(type) ? `@${type}` : key ? `entry "${key}"` : `entry ${starts.length + 1}`;
      const problem = 'the entry is not closed: a "}" is missing (or the file is cut short)';
      throw entryError(describeEntry(file, what, start.line), problem, start.line);
    }
    if (!NOT_SOURCES.has(type)) starts.push(start);
    position = close + 1;
  }
  return starts;
}

// The entry's closing delimiter: braces inside it must balance; `\{` and `\}` are escaped characters.
function findClose(text: string, from: number, closer: "}" | ")"): number {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === "\\") i++;
    else if (c === "{") depth++;
    else if (c === "}") {
      if (depth === 0) return closer === "}" ? i : -1;
      depth--;
    } else if (c === ")" && depth === 0 && closer === ")") return i;
  }
  return -1;
}

/** CSL items as BibLaTeX: the citation key kept as the label, non-ASCII escaped as TeX. */
export function writeBibtex(items: readonly CslItem[]): string {
  const entries = cslToBibtexEntries(items);
  return entries.map((entry, index) => formatEntry(entry, items[index] as CslItem)).join("\n");
}

function formatEntry(entry: BibEntry, item: CslItem): string {
  let type = entry.type;
  const properties = { ...entry.properties };
  // Citation.js notes the access date of a web page in `note` too, which would read back as a note.
  if (item.note === undefined && String(properties.note).startsWith("[Online; accessed"))
    delete properties.note;
  if (properties.entrysubtype === undefined) {
    if (item.type === "article-newspaper" || item.type === "article-magazine") {
      properties.entrysubtype = item.type.slice("article-".length);
    } else if (cslTypeOfBibtexType(type) !== item.type) {
      // BibLaTeX has no such type (an interview, a speech): keep it as a subtype readBibtex restores.
      type = "misc";
      properties.entrysubtype = item.type;
    }
  }
  const fields = Object.entries(properties).map(([field, value]) => `\t${field} = {${value}},`);
  return `@${type}{${item.id},\n${fields.join("\n")}\n}\n`;
}
