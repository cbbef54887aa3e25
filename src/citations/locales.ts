// CSL locales: the words and date formats a style prints in a language ("pp.", "in", "June 12, 1937").
// Five ship inside @citation-js/plugin-csl; an operator may add more from a folder of locales-xx-XX.xml
// files, the layout Debian's citation-style-language-locales package installs.

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

export const DEFAULT_LOCALE = "en-US";

const require = createRequire(import.meta.url);
let bundled: Readonly<Record<string, string>> | undefined;

function bundledLocales(): Readonly<Record<string, string>> {
  bundled ??= require("@citation-js/plugin-csl/lib/locales.json") as Record<string, string>;
  return bundled;
}

// Also keeps a tag from naming a path outside the folder.
const TAG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

/** The locale to render in for a language ("de" → "de-DE", "en-GB" as is if present); unknown → en-US. */
export function resolveLocale(language: string | undefined, folder?: string): string {
  if (!language || !TAG.test(language)) return DEFAULT_LOCALE;
  if (hasLocale(language, folder)) return language;
  const [base = ""] = language.split("-");
  // The dialect that shares the language's letters is the primary one for the five we ship
  // (de-DE, fr-FR, es-ES, nl-NL); English is the exception.
  const primary = base === "en" ? "en-US" : `${base}-${base.toUpperCase()}`;
  if (hasLocale(primary, folder)) return primary;
  const dialect = folderTags(folder).find((tag) => tag.startsWith(`${base}-`));
  return dialect ?? DEFAULT_LOCALE;
}

/** A locale's XML, from the operator's folder first, then the bundled five; undefined when neither has it. */
export function findLocale(tag: string, folder?: string): string | undefined {
  if (!TAG.test(tag)) return undefined;
  if (folder) {
    const file = join(folder, `locales-${tag}.xml`);
    if (existsSync(file)) return readFileSync(file, "utf8");
  }
  return bundledLocales()[tag];
}

function hasLocale(tag: string, folder: string | undefined): boolean {
  if (tag in bundledLocales()) return true;
  return folder !== undefined && existsSync(join(folder, `locales-${tag}.xml`));
}

/** Every locale available: the bundled five and the folder's. */
export function listLocales(folder?: string): string[] {
  return [...new Set([...Object.keys(bundledLocales()), ...folderTags(folder)])].sort();
}

function folderTags(folder: string | undefined): string[] {
  if (!folder || !existsSync(folder)) return [];
  return readdirSync(folder)
    .map((name) => /^locales-(.+)\.xml$/.exec(name)?.[1])
    .filter((tag): tag is string => tag !== undefined && TAG.test(tag))
    .sort();
}
