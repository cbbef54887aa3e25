// The languages an edition may be published in, with what a page needs to know of each.

export interface Language {
  code: string;
  /** The language's name in itself, as a reader looking for it would recognise it. */
  name: string;
  dir: "ltr" | "rtl";
}

export const LANGUAGES: readonly Language[] = [
  { code: "ar", name: "العربية", dir: "rtl" },
  { code: "bn", name: "বাংলা", dir: "ltr" },
  { code: "cs", name: "Čeština", dir: "ltr" },
  { code: "da", name: "Dansk", dir: "ltr" },
  { code: "de", name: "Deutsch", dir: "ltr" },
  { code: "el", name: "Ελληνικά", dir: "ltr" },
  { code: "en", name: "English", dir: "ltr" },
  { code: "es", name: "Español", dir: "ltr" },
  { code: "fa", name: "فارسی", dir: "rtl" },
  { code: "fi", name: "Suomi", dir: "ltr" },
  { code: "fr", name: "Français", dir: "ltr" },
  { code: "he", name: "עברית", dir: "rtl" },
  { code: "hi", name: "हिन्दी", dir: "ltr" },
  { code: "hu", name: "Magyar", dir: "ltr" },
  { code: "id", name: "Bahasa Indonesia", dir: "ltr" },
  { code: "it", name: "Italiano", dir: "ltr" },
  { code: "ja", name: "日本語", dir: "ltr" },
  { code: "ko", name: "한국어", dir: "ltr" },
  { code: "nl", name: "Nederlands", dir: "ltr" },
  { code: "no", name: "Norsk", dir: "ltr" },
  { code: "pl", name: "Polski", dir: "ltr" },
  { code: "pt", name: "Português", dir: "ltr" },
  { code: "pt-br", name: "Português (Brasil)", dir: "ltr" },
  { code: "ro", name: "Română", dir: "ltr" },
  { code: "ru", name: "Русский", dir: "ltr" },
  { code: "si", name: "සිංහල", dir: "ltr" },
  { code: "sv", name: "Svenska", dir: "ltr" },
  { code: "sw", name: "Kiswahili", dir: "ltr" },
  { code: "ta", name: "தமிழ்", dir: "ltr" },
  { code: "tl", name: "Tagalog", dir: "ltr" },
  { code: "tr", name: "Türkçe", dir: "ltr" },
  { code: "uk", name: "Українська", dir: "ltr" },
  { code: "ur", name: "اردو", dir: "rtl" },
  { code: "vi", name: "Tiếng Việt", dir: "ltr" },
  { code: "zh", name: "中文", dir: "ltr" },
];

const BY_CODE = new Map(LANGUAGES.map((l) => [l.code, l]));

export const LANGUAGE_CODES: ReadonlySet<string> = new Set(BY_CODE.keys());

export function findLanguage(code: string): Language | undefined {
  return BY_CODE.get(code);
}

export function isLanguage(code: string): boolean {
  return BY_CODE.has(code);
}
