// Reading a file of sources — CSL-JSON, BibTeX/BibLaTeX or RIS, told apart by content — into checked
// CSL-JSON items. All or nothing: one bad entry refuses the file, naming the entry.

import { TooLargeError } from "../../errors.js";
import { type CslItem, validateCslItem } from "../csl-item.js";
import { readBibtex } from "./bibtex.js";
import { readCslJson } from "./csl-json.js";
import { entryError, fileError, type SourceEntry } from "./entry.js";
import { readRis } from "./ris.js";

export type SourceFormat = "csl-json" | "bibtex" | "ris";

export const MAX_SOURCES_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_SOURCES_PER_FILE = 50_000;

const BIBTEX_ENTRY = /^[ \t]*@\s*[A-Za-z]+\s*[{(]/m;
const RIS_FIRST_LINE = /^TY {2}-/;

/** Which format a file's content is in, whatever its name says. */
export function detectSourceFormat(content: string): SourceFormat | undefined {
  const text = content.replace(/^\uFEFF/, "").trimStart();
  if (text.startsWith("[") || text.startsWith("{")) return "csl-json";
  if (RIS_FIRST_LINE.test(text)) return "ris";
  if (BIBTEX_ENTRY.test(text.slice(0, 1_000_000))) return "bibtex";
  return undefined;
}

/** The sources in a file; `name` (the file's name) is only used in error messages. */
export function readSources(content: string, name?: string): CslItem[] {
  // A string's UTF-8 size is at least its length, so the costlier count is needed only when close.
  if (content.length > MAX_SOURCES_FILE_BYTES || Buffer.byteLength(content) > MAX_SOURCES_FILE_BYTES) {
    throw new TooLargeError(
      `${name ?? "the sources file"} is larger than ${MAX_SOURCES_FILE_BYTES / 1024 / 1024} MB`,
    );
  }
  const text = content.replace(/^\uFEFF/, "");
  if (text.trim() === "") throw fileError(name, "is empty: there are no sources in it");
  const format = detectSourceFormat(text);
  if (!format) throw fileError(name, "is not CSL-JSON, BibTeX or RIS");

  const entries = readEntries(format, text, name);
  if (entries.length === 0) throw fileError(name, `holds no sources (read as ${format})`);
  if (entries.length > MAX_SOURCES_PER_FILE) {
    throw fileError(
      name,
      `holds ${entries.length.toLocaleString("en")} sources; at most ${MAX_SOURCES_PER_FILE.toLocaleString("en")} are read at once`,
    );
  }
  const firstUse = new Map<string, string>();
  return entries.map(({ value, entry, line }) => {
    const item = validateCslItem(value, entry, line);
    const earlier = firstUse.get(item.id);
    if (earlier) throw entryError(entry, `the key "${item.id}" is already the key of ${earlier}`, line);
    firstUse.set(item.id, entry);
    return item;
  });
}

function readEntries(format: SourceFormat, text: string, name: string | undefined): SourceEntry[] {
  switch (format) {
    case "csl-json":
      return readCslJson(text, name, MAX_SOURCES_PER_FILE);
    case "bibtex":
      return readBibtex(text, name);
    case "ris":
      return readRis(text, name);
  }
}
