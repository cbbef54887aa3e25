// How a reader hands back what it found: each entry's raw CSL-JSON, before validation, with words that
// name it in an error ("sources.bib, entry "smith" (line 12)").

import { InvalidError } from "../../errors.js";

export interface SourceEntry {
  value: Record<string, unknown>;
  /** Names the entry in an error message. */
  entry: string;
  line?: number;
}

/** `sources.bib, entry "smith" (line 12)`; `entry 3` when the entry has no key. */
export function describeEntry(file: string | undefined, what: string, line?: number): string {
  const place = line ? `${what} (line ${line})` : what;
  return file ? `${file}, ${place}` : place;
}

/** An error about the file as a whole: `sources.bib: is empty`, `sources.ris, line 3: …`. */
export function fileError(file: string | undefined, problem: string, line?: number): InvalidError {
  const where = line ? `${file ? `${file}, ` : ""}line ${line}` : file;
  return new InvalidError(where ? `${where}: ${problem}` : problem, { line });
}

/** An error about one entry, named as describeEntry names it. */
export function entryError(entry: string, problem: string, line?: number): InvalidError {
  return new InvalidError(`${entry}: ${problem}`, { line });
}

/** The line (from 1) that a character offset falls on. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) line++;
  return line;
}
