// A source as CSL-JSON (the Citation Style Language's data format), keyed by its citation key.
// Only the fields Broadside reads itself are typed; every other CSL variable is kept as given.

import { InvalidError } from "../errors.js";

export interface CslName {
  family?: string;
  given?: string;
  literal?: string;
  "non-dropping-particle"?: string;
  "dropping-particle"?: string;
  suffix?: string;
}

export interface CslDate {
  "date-parts"?: (number | string)[][];
  literal?: string;
  raw?: string;
  season?: number | string;
  circa?: boolean | number | string;
}

export interface CslItem {
  /** The citation key: `[@id]` in an article. */
  id: string;
  type: string;
  title?: string;
  "container-title"?: string;
  author?: CslName[];
  editor?: CslName[];
  issued?: CslDate;
  URL?: string;
  DOI?: string;
  [variable: string]: unknown;
}

/** The item types of CSL 1.0.2. */
export const CSL_ITEM_TYPES: ReadonlySet<string> = new Set(
  (
    "article article-journal article-magazine article-newspaper bill book broadcast chapter classic collection " +
    "dataset document entry entry-dictionary entry-encyclopedia event figure graphic hearing interview " +
    "legal_case legislation manuscript map motion_picture musical_score pamphlet paper-conference patent " +
    "performance periodical personal_communication post post-weblog regulation report review review-book " +
    "software song speech standard thesis treaty webpage"
  ).split(" "),
);

// Names people reach for that CSL spells differently: CSL files letters under personal communication.
const TYPE_ALIASES: Readonly<Record<string, string>> = { letter: "personal_communication" };

export const CSL_NAME_VARIABLES: ReadonlySet<string> = new Set(
  (
    "author chair collection-editor compiler composer container-author contributor curator director editor " +
    "editorial-director editor-translator executive-producer guest host illustrator interviewer narrator " +
    "organizer original-author performer producer recipient reviewed-author script-writer series-creator " +
    "translator"
  ).split(" "),
);

export const CSL_DATE_VARIABLES: ReadonlySet<string> = new Set(
  "accessed available-date event-date issued original-date submitted".split(" "),
);

export const MAX_CITATION_KEY_LENGTH = 200;
export const MAX_TEXT_FIELD_LENGTH = 10_000;

// The same rule as markdown/citation.ts's KEY (Pandoc's): punctuation only between key characters.
const CITATION_KEY = /^[\p{L}\p{N}_](?:[\p{L}\p{N}_]|[:.#$%&\-+?<>~/](?=[\p{L}\p{N}_]))*$/u;
const VARIABLE_NAME = /^[A-Za-z][A-Za-z0-9_-]*$/;

// CSL's own rich-text markup (CSL-JSON spec, "rich text"); any other tag is refused.
const CSL_MARKUP =
  /<\/?(?:i|b|sup|sub)>|<span class="nocase">|<span style="font-variant:\s?small-caps;?">|<\/span>/giu;
const HTML_LIKE = /<[a-z!?/]|&(?:lt|#0*60|#x0*3c);|(?:java|vb)script\s*:|data\s*:\s*text\/html/iu;
// Tab, line feed and carriage return are text; other control characters mean a damaged file.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/u;

export function isCitationKey(key: string): boolean {
  return key.length <= MAX_CITATION_KEY_LENGTH && CITATION_KEY.test(key);
}

/** A CSL type for a type name as sources spell it (`letter` → `personal_communication`), if it is one. */
export function cslItemType(type: string): string | undefined {
  const name = TYPE_ALIASES[type] ?? type;
  return CSL_ITEM_TYPES.has(name) ? name : undefined;
}

/**
 * Checks one item and returns it cleaned (types spelled as CSL spells them, date parts as numbers).
 * `entry` names the item in the error, e.g. `sources.bib, entry "smith" (line 12)`; `line` is that line.
 */
export function validateCslItem(value: unknown, entry: string, line?: number): CslItem {
  const fail = (problem: string): never => {
    throw new InvalidError(`${entry}: ${problem}`, { line });
  };
  if (!isPlainObject(value)) return fail("is not an object");
  const rawId = typeof value.id === "number" ? String(value.id) : value.id;
  if (typeof rawId !== "string" || rawId === "") return fail('has no "id" (its citation key)');
  if (!isCitationKey(rawId)) {
    return fail(
      `"${rawId.slice(0, 60)}" is not a valid citation key: use letters, digits and _, with :.#$%&-+?<>~/ ` +
        `only between them, at most ${MAX_CITATION_KEY_LENGTH} characters`,
    );
  }
  if (typeof value.type !== "string") return fail('has no "type"');
  const type = cslItemType(value.type);
  if (!type) return fail(`type "${value.type.slice(0, 60)}" is not a CSL item type`);

  const item: CslItem = { id: rawId, type };
  for (const [variable, field] of Object.entries(value)) {
    if (variable === "id" || variable === "type" || field === undefined || field === null) continue;
    if (!VARIABLE_NAME.test(variable)) return fail(`"${variable.slice(0, 60)}" is not a CSL variable name`);
    const problem = (message: string) => fail(`${variable} ${message}`);
    if (CSL_NAME_VARIABLES.has(variable)) item[variable] = checkNames(field, problem);
    else if (CSL_DATE_VARIABLES.has(variable)) item[variable] = checkDate(field, problem);
    else item[variable] = checkPlainField(field, problem);
  }
  if (item.URL !== undefined && !isWebAddress(String(item.URL))) fail("URL must be an http or https address");
  return item;
}

function checkNames(value: unknown, fail: (message: string) => never): CslName[] {
  if (!Array.isArray(value)) return fail("must be a list of names");
  return value.map((name, index) => {
    if (!isPlainObject(name)) return fail(`name ${index + 1} is not a CSL name object`);
    for (const [part, text] of Object.entries(name)) {
      if (typeof text === "string") checkText(text, (m) => fail(`name ${index + 1} ${part} ${m}`));
      else if (typeof text !== "boolean" && typeof text !== "number") {
        fail(`name ${index + 1} ${part} must be text`);
      }
    }
    if (![name.family, name.given, name.literal].some((part) => typeof part === "string" && part.trim())) {
      fail(`name ${index + 1} has no family, given or literal name`);
    }
    return name as CslName;
  });
}

function checkDate(value: unknown, fail: (message: string) => never): CslDate {
  if (!isPlainObject(value)) return fail("must be a CSL date object");
  const date: CslDate = {};
  for (const [part, text] of Object.entries(value)) {
    if (part === "date-parts") continue;
    if (typeof text === "string") checkText(text, (m) => fail(`${part} ${m}`));
    else if (typeof text !== "number" && typeof text !== "boolean") fail(`${part} must be text`);
    (date as Record<string, unknown>)[part] = text;
  }
  if (value["date-parts"] !== undefined) date["date-parts"] = checkDateParts(value["date-parts"], fail);
  if (!date["date-parts"] && !date.literal && !date.raw) fail("has no date-parts, literal or raw date");
  return date;
}

// CSL dates: one or two (a range) [year, month?, day?] lists; months 13–24 are seasons.
function checkDateParts(value: unknown, fail: (message: string) => never): number[][] {
  if (!Array.isArray(value) || value.length < 1 || value.length > 2) {
    return fail("date-parts must hold one date or two (a range)");
  }
  return value.map((parts) => {
    if (!Array.isArray(parts) || parts.length < 1 || parts.length > 3) {
      return fail("date-parts must be [year, month, day] with month and day optional");
    }
    const numbers = parts.map((part) =>
      typeof part === "string" && /^-?\d+$/.test(part) ? Number(part) : part,
    );
    const [year, month, day] = numbers;
    if (!Number.isInteger(year)) fail(`date-parts year ${JSON.stringify(year)} is not a number`);
    if (month !== undefined && !(Number.isInteger(month) && month >= 1 && month <= 24)) {
      fail(`date-parts month ${JSON.stringify(month)} is not 1–12 (or a season, 13–24)`);
    }
    if (day !== undefined && !(Number.isInteger(day) && day >= 1 && day <= 31)) {
      fail(`date-parts day ${JSON.stringify(day)} is not 1–31`);
    }
    return numbers as number[];
  });
}

function checkPlainField(value: unknown, fail: (message: string) => never): unknown {
  if (typeof value === "string") return checkText(value, fail);
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) {
    for (const text of value) checkText(text, fail);
    return value;
  }
  return fail("must be text or a number");
}

function checkText(text: string, fail: (message: string) => never): string {
  if (text.length > MAX_TEXT_FIELD_LENGTH) {
    fail(
      `is ${text.length.toLocaleString("en")} characters long (at most ${MAX_TEXT_FIELD_LENGTH.toLocaleString("en")})`,
    );
  }
  if (CONTROL_CHARACTER.test(text)) fail("contains a control character");
  const rest = text.replace(CSL_MARKUP, "");
  const unsafe = HTML_LIKE.exec(rest);
  if (unsafe) {
    const found = rest.slice(unsafe.index, unsafe.index + 16);
    fail(`contains HTML or script ("${found}…"); only CSL's <i>, <b>, <sup>, <sub> and <span> are allowed`);
  }
  return text;
}

function isWebAddress(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The address of a source: its URL if it is a web address, or its DOI as one. */
export function cslUrl(item: CslItem): string | undefined {
  if (typeof item.URL === "string" && /^https?:\/\/[^\s]+$/i.test(item.URL)) return item.URL;
  const doi =
    typeof item.DOI === "string" ? item.DOI.replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:)/i, "") : "";
  return /^10\.\S+$/.test(doi) ? `https://doi.org/${doi}` : undefined;
}

/** A name as written in running text: "Leon Trotsky", "Ludwig van Beethoven", an institution's. */
export function cslNameText(name: CslName): string {
  if (name.literal) return name.literal;
  const family = [name["non-dropping-particle"], name.family].filter(Boolean).join(" ");
  return [name.given, name["dropping-particle"], family, name.suffix].filter(Boolean).join(" ");
}

/** A CSL date as ISO 8601 ("1937", "1937-06", "1937-06-12"); undefined when it has no year. */
export function cslDateIso(date: CslDate | undefined): string | undefined {
  const [year, month, day] = (date?.["date-parts"]?.[0] ?? []).map(Number);
  if (year === undefined || !Number.isInteger(year)) return undefined;
  const pad = (n: number) => String(n).padStart(2, "0");
  const iso = String(year).padStart(4, "0");
  // Months 13–24 are CSL's seasons, which ISO 8601 cannot say.
  if (!month || month > 12) return iso;
  return day && day <= 31 ? `${iso}-${pad(month)}-${pad(day)}` : `${iso}-${pad(month)}`;
}
