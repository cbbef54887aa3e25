// Reading the API's query strings: only the documented parameters, each at most once, every value checked
// before anything reaches the store. A bad value is a 400 naming the parameter; values are never echoed
// at length.
import type { Context } from "hono";
import { z } from "zod";
import { ARTICLE_FIELDS, type ArticleField } from "../../content/api-views.js";
import { ARTICLE_KINDS, type ArticleKind, type Cursor, decodeCursor } from "../../content/article.js";
import { InvalidError } from "../../errors.js";
import type { AppEnv } from "../env.js";

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;
const MAX_VALUE = 500;
// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/** The query string parsed by `shape`; unknown, repeated or malformed parameters are refused. */
export function readQuery<T extends z.ZodRawShape>(c: Context<AppEnv>, shape: T): z.infer<z.ZodObject<T>> {
  const values: Record<string, string> = {};
  for (const [name, value] of new URL(c.req.url).searchParams) {
    if (!Object.hasOwn(shape, name)) {
      const known = Object.keys(shape);
      throw new InvalidError(
        `unknown parameter "${clip(name)}"; ${known.length ? `this address takes ${known.join(", ")}` : "this address takes none"}`,
      );
    }
    if (Object.hasOwn(values, name)) throw new InvalidError(`the parameter ${name} is given more than once`);
    if (value.length > MAX_VALUE)
      throw new InvalidError(`the parameter ${name} is longer than ${MAX_VALUE} characters`);
    if (CONTROL_CHARACTERS.test(value))
      throw new InvalidError(`the parameter ${name} holds a control character`);
    values[name] = value;
  }
  const result = z.object(shape).safeParse(values);
  if (!result.success) throw new InvalidError(result.error.issues[0]?.message ?? "the query is not valid");
  return result.data;
}

/** A parameter read by `parse`, which throws an InvalidError saying what is wrong. */
export function param<T>(parse: (text: string) => T) {
  return z.string().transform((text, ctx) => {
    try {
      return parse(text);
    } catch (error) {
      if (!(error instanceof InvalidError)) throw error;
      ctx.addIssue({ code: "custom", message: error.message });
      return z.NEVER;
    }
  });
}

export const limitParam = param((text): number => {
  const n = /^\d{1,4}$/.test(text) ? Number(text) : Number.NaN;
  if (!(n >= 1 && n <= MAX_LIMIT))
    throw new InvalidError(`limit must be a whole number from 1 to ${MAX_LIMIT}`);
  return n;
});

export const languageParam = param((text) => {
  if (!/^[a-z]{2,3}(-[a-z]{2,4})?$/.test(text))
    throw new InvalidError(`language must be a language code such as "en" or "pt-br"`);
  return text;
});

export function slugParam(name: string) {
  return param((text) => {
    if (text === "" || text.length > 200 || /\s/.test(text))
      throw new InvalidError(`${name} must be a slug of 1 to 200 characters without spaces`);
    return text;
  });
}

export const kindParam = param((text): ArticleKind => {
  const kind = ARTICLE_KINDS.find((k) => k === text);
  if (!kind) throw new InvalidError(`kind must be one of ${ARTICLE_KINDS.join(", ")}`);
  return kind;
});

export const articleCursorParam = param((text): Cursor => {
  const cursor = decodeCursor(text);
  if (!cursor) throw new InvalidError("cursor is not one this API gave out; use the next value of a page");
  return cursor;
});

export const fieldsParam = param((text): ArticleField[] => {
  const names = text.split(",");
  const fields: ArticleField[] = [];
  for (const name of names) {
    const field = ARTICLE_FIELDS.find((f) => f === name);
    if (!field) {
      throw new InvalidError(
        name === ""
          ? "fields is a comma-separated list without empty entries"
          : `unknown field "${clip(name)}"; the fields are ${ARTICLE_FIELDS.join(", ")}`,
      );
    }
    fields.push(field);
  }
  return fields;
});

/** The earliest instant a `since` includes: a date means its first moment (UTC). */
export const sinceParam = param((text) => instant("since", text).from);

/** The first instant an `until` excludes: a date includes its whole day (UTC), a datetime itself. */
export const untilParam = param((text) => instant("until", text).through);

const LAST_INSTANT = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * An ISO 8601 date (`2024-03-01`) or datetime with a zone (`2024-03-01T09:30:00Z`, `…+02:00`), as the
 * half-open range it covers: from its first millisecond to just after its last. A `+` that arrived
 * unencoded has become a space, and is read as the `+` it was.
 */
function instant(name: string, raw: string): { from: string; through: string } {
  const text = raw.replace(/ (\d{2}:\d{2})$/, "+$1");
  const date = DATE.exec(text);
  const dateTime = date ? undefined : DATE_TIME.exec(text);
  const parts = (date ?? dateTime)?.slice(1);
  const refuse = () =>
    new InvalidError(`${name} must be a date (2024-03-01) or a datetime with a zone (2024-03-01T09:30:00Z)`);
  if (!parts) throw refuse();
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = parts
    .slice(0, 6)
    .map((p) => Number(p ?? 0));
  const fraction = parts[6] ?? "";
  const zone = parts[7] ?? "Z";
  if (year < 1000) throw refuse();
  const start = Date.UTC(year, month - 1, day, hour, minute, second, Number(`0${fraction}`) * 1000);
  const check = new Date(start);
  if (
    check.getUTCMonth() + 1 !== month ||
    check.getUTCDate() !== day ||
    check.getUTCHours() !== hour ||
    check.getUTCMinutes() !== minute
  )
    throw refuse();
  const offset = zone === "Z" ? 0 : zoneMinutes(zone);
  if (offset === undefined) throw refuse();
  const from = Math.floor(start - offset * 60_000);
  // Beyond year 9999 an ISO string gains a sign and no longer sorts as text; no article is published there.
  const through = Math.min(date ? from + 86_400_000 : from + 1, LAST_INSTANT);
  if (from >= LAST_INSTANT) throw refuse();
  return { from: new Date(from).toISOString(), through: new Date(through).toISOString() };
}

function zoneMinutes(zone: string): number | undefined {
  const hours = Number(zone.slice(1, 3));
  const minutes = Number(zone.slice(4, 6));
  if (hours > 14 || minutes > 59) return undefined;
  return (zone.startsWith("-") ? -1 : 1) * (hours * 60 + minutes);
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
