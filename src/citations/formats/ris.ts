// RIS files, read and written through Citation.js's RIS mapping, with its known faults corrected here:
// newspaper writers read as a text `reporter`, interview records without a type, dates with RIS's
// trailing slashes (`1937///`) kept as raw text, and, on writing, keys cut to 20 characters, newspaper
// authors and full dates dropped, and long values broken over lines that read back with extra spaces.

import { CSL_ITEM_TYPES, type CslDate, type CslItem, type CslName } from "../csl-item.js";
import {
  cslToRisRecords,
  cslTypeOfRisType,
  type RisRecord,
  risRecordToCsl,
  risTypeOfCslType,
} from "./citation-js.js";
import { describeEntry, entryError, fileError, type SourceEntry } from "./entry.js";

const TAG_LINE = /^([A-Z][A-Z0-9]) {2}-(?: (.*))?$/;

// RIS types Citation.js does not know, and the CSL type each stands for.
const EXTRA_RIS_TYPES: Readonly<Record<string, string>> = { INTV: "interview" };

// Where Citation.js puts people in the wrong CSL role: the writers of a newspaper article or an
// interview are its authors (for an interview, the person interviewed), A2 the editor or interviewer.
const ROLES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  NEWS: { AU: "author", A1: "author", A2: "editor", A3: "contributor", A4: "translator" },
  INTV: { AU: "author", A1: "author", A2: "interviewer", A3: "contributor", A4: "translator" },
};

// Types whose DA is the date of access rather than of publication (the RIS specification).
const DA_IS_ACCESSED = new Set(["AGGR", "DBASE", "EBOOK", "EJOUR", "MULTI"]);

interface RecordAt {
  record: RisRecord;
  line: number;
}

export function readRis(text: string, file: string | undefined): SourceEntry[] {
  return splitRecords(text, file).map(({ record, line }, index) => {
    const id = typeof record.ID === "string" ? record.ID : undefined;
    const entry = describeEntry(file, id ? `record "${id}"` : `record ${index + 1}`, line);
    const fail = (problem: string) => entryError(entry, problem, line);
    if (!id) throw fail('has no "ID  - " line (its citation key)');
    const risType = String(record.TY).toUpperCase();
    const cslType = EXTRA_RIS_TYPES[risType] ?? cslTypeOfRisType(risType);
    if (!cslType) throw fail(`RIS type "${risType}" is not one RIS defines`);
    const mappedType = EXTRA_RIS_TYPES[risType] ? "GEN" : risType;
    const item = risRecordToCsl({ ...record, TY: mappedType });
    item.type = cslType;
    if (cslType === "document" && typeof item.genre === "string" && CSL_ITEM_TYPES.has(item.genre)) {
      // Written by writeRis for a CSL type RIS lacks: GEN with the CSL type in M3.
      item.type = item.genre;
      delete item.genre;
    }
    correctRoles(item, record, risType);
    correctIssued(item, record, risType);
    return { value: item, entry, line };
  });
}

function splitRecords(text: string, file: string | undefined): RecordAt[] {
  const records: RecordAt[] = [];
  let current: RecordAt | undefined;
  let lastTag: string | undefined;
  const lines = text.split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    const lineNumber = index + 1;
    const line = raw.trim();
    const match = TAG_LINE.exec(line);
    if (!match) {
      if (line === "") continue;
      if (!current || !lastTag)
        throw fileError(file, `this is not a RIS line: "${line.slice(0, 40)}"`, lineNumber);
      // A value running on over several lines, as Citation.js joins them.
      const value = current.record[lastTag];
      if (Array.isArray(value)) value[value.length - 1] += ` ${line}`;
      else current.record[lastTag] = `${value} ${line}`;
      continue;
    }
    const tag = match[1] as string;
    const value = (match[2] ?? "").trim();
    if (tag === "TY") {
      if (current) {
        throw fileError(
          file,
          `the record from line ${current.line} has no "ER  - " line before the next one`,
          lineNumber,
        );
      }
      current = { record: { TY: value }, line: lineNumber };
      lastTag = "TY";
    } else if (tag === "ER") {
      if (!current) throw fileError(file, `"ER  - " ends a record that no "TY  - " line began`, lineNumber);
      records.push(current);
      current = undefined;
      lastTag = undefined;
    } else if (!current) {
      throw fileError(file, `${tag} is outside a record (records begin with "TY  - ")`, lineNumber);
    } else if (value === "") {
      lastTag = undefined;
    } else {
      const previous = current.record[tag];
      current.record[tag] = previous === undefined ? value : [previous, value].flat();
      lastTag = tag;
    }
  }
  if (current) {
    throw fileError(
      file,
      `the record from line ${current.line} has no "ER  - " line: is the file cut short?`,
      current.line,
    );
  }
  return records;
}

function correctRoles(item: Record<string, unknown>, record: RisRecord, risType: string): void {
  const roles = ROLES[risType];
  if (!roles) return;
  // `reporter` is a legal case's law report in CSL, never a person.
  delete item.reporter;
  for (const variable of new Set(Object.values(roles))) delete item[variable];
  for (const [tag, variable] of Object.entries(roles)) {
    const names = [record[tag] ?? []].flat().map(parseRisName);
    if (names.length > 0) item[variable] = [...((item[variable] as CslName[] | undefined) ?? []), ...names];
  }
}

// RIS names are "Family, Given, Suffix"; a name without a comma is an organisation's. Lower-case words
// before the family name are its particle ("van der Berg"), as BibTeX and CSL treat them.
function parseRisName(text: string): CslName {
  const [whole = "", given, suffix] = text.split(/\s*,\s*/);
  if (given === undefined) return whole.includes(" ") ? { literal: whole } : { family: whole };
  const particle = /^((?:\p{Ll}+\s+)+)(\S.*)$/u.exec(whole);
  const name: CslName = particle
    ? { family: particle[2], given, "non-dropping-particle": particle[1]?.trim() }
    : { family: whole, given };
  if (suffix) name.suffix = suffix;
  return name;
}

function correctIssued(item: Record<string, unknown>, record: RisRecord, risType: string): void {
  const first = (tag: string) => [record[tag] ?? []].flat()[0];
  const year = parseRisDate(first("PY") ?? first("Y1"));
  const full = DA_IS_ACCESSED.has(risType) ? undefined : parseRisDate(first("DA"));
  const issued =
    full && (!year || sameYear(full, year)) && precision(full) > precision(year) ? full : (year ?? full);
  if (issued) item.issued = issued;
}

/** A RIS date (`YYYY/MM/DD/other`, any part empty, or ISO `YYYY-MM-DD`) as a CSL date. */
export function parseRisDate(text: string | undefined): CslDate | undefined {
  const value = text?.trim();
  if (!value) return undefined;
  const parts = (/^\d{4}-\d{2}(?:-\d{2})?$/.test(value) ? value.split("-") : value.split("/")).slice(0, 3);
  const [year, month, day] = parts.map((part) => (/^\d{1,4}$/.test(part) ? Number(part) : undefined));
  const valid =
    year !== undefined &&
    (month === undefined ? !parts[1] : month >= 1 && month <= 12) &&
    (day === undefined ? !parts[2] : month !== undefined && day >= 1 && day <= 31);
  if (!valid) return { literal: value };
  const dateParts = [year, month, day].filter((part) => part !== undefined);
  return { "date-parts": [dateParts] };
}

function precision(date: CslDate | undefined): number {
  return date?.["date-parts"]?.[0]?.length ?? 0;
}

function sameYear(a: CslDate, b: CslDate): boolean {
  return a["date-parts"]?.[0]?.[0] === b["date-parts"]?.[0]?.[0];
}

/** CSL items as RIS, one record per item, each value on one line. */
export function writeRis(items: readonly CslItem[]): string {
  const records = cslToRisRecords(items);
  return records.map((record, index) => formatRecord(record, items[index] as CslItem)).join("\n");
}

function formatRecord(converted: Record<string, unknown>, item: CslItem): string {
  const record: Record<string, unknown> = { ...converted, ID: item.id };
  let type = risTypeOfCslType(item.type);
  if (cslTypeOfRisType(type) !== item.type && record.M3 === undefined) {
    // RIS has no such type (an interview, a speech): keep it in M3, which readRis restores.
    type = "GEN";
    record.M3 = item.type;
  }
  if (item.author) record.AU = item.author.map(formatRisName);
  const fullDate = item.issued?.["date-parts"]?.[0];
  if (fullDate && fullDate.length > 1 && record.DA === undefined) record.DA = formatRisDate(fullDate);
  const lines = [`TY  - ${type}`];
  for (const [tag, value] of Object.entries(record)) {
    if (tag === "TY" || value === undefined) continue;
    for (const one of [value].flat()) lines.push(`${tag}  - ${String(one).replace(/\s*[\r\n]+\s*/g, " ")}`);
  }
  lines.push("ER  - ");
  return `${lines.join("\n")}\n`;
}

function formatRisName(name: CslName): string {
  if (name.literal) return name.literal;
  const family = [name["non-dropping-particle"], name.family].filter(Boolean).join(" ");
  const given = [name.given, name["dropping-particle"]].filter(Boolean).join(" ");
  return [family, given, name.suffix].filter(Boolean).join(", ");
}

function formatRisDate([year, month, day]: (number | string)[]): string {
  const two = (part: number | string | undefined) =>
    part === undefined ? "" : String(part).padStart(2, "0");
  return `${year}/${two(month)}/${two(day)}/`;
}
