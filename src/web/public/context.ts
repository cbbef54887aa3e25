// What every public page needs to know about the request: the site, the edition and its strings.
import type { Site } from "../../i18n/editions.js";
import { findLanguage, type Language } from "../../i18n/languages.js";
import { type Strings, stringsFor } from "../../i18n/strings.js";

export interface PageContext {
  site: Site;
  language: Language;
  t: Strings;
  /** The public origin for absolute URLs (canonical, Open Graph, JSON-LD). */
  origin: string;
  /** The path of this page, for canonical links and language switches. */
  path: string;
}

export function pageContext(site: Site, languageCode: string, origin: string, path: string): PageContext {
  const language = findLanguage(languageCode) ?? {
    code: languageCode,
    name: languageCode,
    dir: "ltr" as const,
  };
  return { site, language, t: stringsFor(language.code), origin, path };
}

// Building an Intl formatter costs far more than using one, and holds native memory until collected:
// one per language and style, kept.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(language: string, style: "date" | "dateTime" | "month"): Intl.DateTimeFormat {
  const key = `${language}|${style}`;
  let found = formatters.get(key);
  if (!found) {
    const options: Intl.DateTimeFormatOptions =
      style === "month"
        ? { month: "long", year: "numeric", timeZone: "UTC" }
        : { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" };
    if (style === "dateTime")
      Object.assign(options, { hour: "2-digit", minute: "2-digit", timeZoneName: "short" });
    found = new Intl.DateTimeFormat(language, options);
    formatters.set(key, found);
  }
  return found;
}

export function formatDate(iso: string, language: string, withTime = false): string {
  return formatter(language, withTime ? "dateTime" : "date").format(new Date(iso));
}

export function monthName(year: number, month: number, language: string): string {
  return formatter(language, "month").format(new Date(Date.UTC(year, month - 1, 1)));
}
