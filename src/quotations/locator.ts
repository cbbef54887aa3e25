// The pages a citation's locator names: "p. 12", "pp. 378, 382", "pp. 3–5", "378–82", "xii–xiv".
// A locator naming something other than pages ("ch. 3", "§ 4") names none, and the page check is skipped.

const MAX_RANGE = 1000;

export function pagesOfLocator(locator: string): string[] | undefined {
  const text = locator.trim().replace(/[\u2010-\u2015\u2212]/g, "-");
  const marked = /(?:^|[\s,;(])(?:pp?\.?|pages?)\s*(?=[0-9ivxlcdm])/i.exec(text);
  let list: string;
  if (marked) list = text.slice(marked.index + marked[0].length);
  else if (/^[0-9]/.test(text)) list = text;
  else return undefined;
  // The list ends where something other than numbers, ranges and separators begins ("p. 12, n. 3").
  const items =
    /^[0-9ivxlcdm]+[a-z]{0,2}\.?(?:\s*-\s*[0-9ivxlcdm]+[a-z]{0,2}\.?)?(?:\s*(?:,|&|and)\s*[0-9ivxlcdm]+[a-z]{0,2}\.?(?:\s*-\s*[0-9ivxlcdm]+[a-z]{0,2}\.?)?)*/i.exec(
      list,
    );
  if (!items) return undefined;
  const pages: string[] = [];
  for (const item of items[0].split(/\s*(?:,|&|\band\b)\s*/i)) {
    const [from, to] = item.split(/\s*-\s*/).map(pageLabel);
    if (!from) continue;
    pages.push(...(to ? expandRange(from, to) : [from]));
  }
  return pages.length > 0 ? [...new Set(pages)] : undefined;
}

/** A page number as written, without a trailing "f.", "ff." or "n" (a note on that page). */
function pageLabel(item: string | undefined): string | undefined {
  const m = /^([0-9]+|[ivxlcdm]+)/i.exec(item?.trim() ?? "");
  return m?.[1]?.toLowerCase();
}

function expandRange(from: string, to: string): string[] {
  if (/^[0-9]+$/.test(from) && /^[0-9]+$/.test(to)) {
    const first = Number(from);
    // "378-82": the end gives only the digits that change.
    const last = to.length < from.length ? Number(from.slice(0, from.length - to.length) + to) : Number(to);
    return numbers(first, last).map(String);
  }
  const first = romanValue(from);
  const last = romanValue(to);
  if (first === undefined || last === undefined) return [from, to];
  return numbers(first, last).map(toRoman);
}

function numbers(first: number, last: number): number[] {
  if (last < first || last - first > MAX_RANGE) return [first, last];
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

const ROMAN: [number, string][] = [
  [1000, "m"],
  [900, "cm"],
  [500, "d"],
  [400, "cd"],
  [100, "c"],
  [90, "xc"],
  [50, "l"],
  [40, "xl"],
  [10, "x"],
  [9, "ix"],
  [5, "v"],
  [4, "iv"],
  [1, "i"],
];

function romanValue(roman: string): number | undefined {
  let value = 0;
  let rest = roman.toLowerCase();
  for (const [n, letters] of ROMAN) {
    while (rest.startsWith(letters)) {
      value += n;
      rest = rest.slice(letters.length);
    }
  }
  return rest === "" && value > 0 ? value : undefined;
}

function toRoman(value: number): string {
  let rest = value;
  let out = "";
  for (const [n, letters] of ROMAN) {
    while (rest >= n) {
      out += letters;
      rest -= n;
    }
  }
  return out;
}

/** Whether a page of the source is one of the pages asked for (labels compared without case). */
export function isPageAmong(label: string, pages: readonly string[]): boolean {
  const wanted = label.toLowerCase();
  return pages.includes(wanted);
}
