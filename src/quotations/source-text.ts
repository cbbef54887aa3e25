// A source's full text, as quotations are checked against it: plain prose with its page boundaries.
// Pages come from form feeds (pdftotext ends each page with one) or from lines `[page N]`; the
// markers themselves are removed, so a passage running over a page break reads on without them.

import { InvalidError } from "../errors.js";
import { htmlToText } from "./html-text.js";
import { markdownToText } from "./markdown-text.js";

export interface SourcePage {
  /** Offset in `text` where the page begins. */
  start: number;
  label: string;
}

export interface SourceText {
  text: string;
  /** In ascending order of `start`; empty when the source has no page markers. */
  pages: SourcePage[];
}

export type SourceFormat = "text" | "markdown" | "html";

/** The largest source text accepted: a whole multi-volume edition is well under it. */
export const MAX_SOURCE_TEXT_BYTES = 80 * 1024 * 1024;

/** Refuses a source text of `byteLength` bytes when it is over the limit; callers may check a file's size first. */
export function assertSourceTextSize(byteLength: number): void {
  if (byteLength > MAX_SOURCE_TEXT_BYTES) {
    const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;
    throw new InvalidError(
      `the source text is ${mib(byteLength)}, over the limit of ${mib(MAX_SOURCE_TEXT_BYTES)}; split it into volumes`,
    );
  }
}

export function parseSourceText(
  raw: string,
  format: SourceFormat,
  options: { firstPage?: number } = {},
): SourceText {
  // Each UTF-16 unit is at least one byte of UTF-8 and at most three, so the exact count is rarely needed.
  if (raw.length > MAX_SOURCE_TEXT_BYTES) assertSourceTextSize(raw.length);
  else if (raw.length * 3 > MAX_SOURCE_TEXT_BYTES) assertSourceTextSize(Buffer.byteLength(raw, "utf8"));
  const firstPage = options.firstPage ?? 1;
  if (!Number.isInteger(firstPage) || firstPage < 0) {
    throw new InvalidError(`the first page number must be a whole number, not ${firstPage}`);
  }
  const prose =
    format === "html"
      ? htmlToText(raw)
      : format === "markdown"
        ? markdownToText(raw)
        : raw.replace(/\r\n?/g, "\n");
  return splitPages(prose, firstPage);
}

const PAGE_MARKER = /^[ \t]*\[page[ \t]+([0-9]+|[ivxlcdm]+)\][ \t]*$/gim;

function splitPages(prose: string, firstPage: number): SourceText {
  PAGE_MARKER.lastIndex = 0;
  if (PAGE_MARKER.test(prose)) return splitAt(prose, PAGE_MARKER, () => undefined);
  if (prose.includes("\f")) {
    let next = firstPage + 1;
    return splitAt(prose, /\f/g, () => String(next++), String(firstPage));
  }
  return { text: prose, pages: [] };
}

/**
 * Cuts `prose` at every match of `marker`, joining the pieces with paragraph breaks. A marker's page
 * label is its first group, or else `nextLabel()`; `firstLabel` names the text before the first marker.
 */
function splitAt(
  prose: string,
  marker: RegExp,
  nextLabel: () => string | undefined,
  firstLabel?: string,
): SourceText {
  const pieces: string[] = [];
  const pages: SourcePage[] = [];
  let length = 0;
  let last = 0;
  let label = firstLabel;
  const add = (piece: string) => {
    const trimmed = piece.replace(/^\s+|\s+$/g, "");
    // A page with no text (a blank page, the form feed ending the last one) gets no entry.
    if (!trimmed) return;
    if (pieces.length > 0) length += 2;
    if (label !== undefined) pages.push({ start: length, label });
    pieces.push(trimmed);
    length += trimmed.length;
  };
  marker.lastIndex = 0;
  for (let m = marker.exec(prose); m; m = marker.exec(prose)) {
    add(prose.slice(last, m.index));
    label = m[1] ?? nextLabel();
    last = m.index + m[0].length;
  }
  add(prose.slice(last));
  return { text: pieces.join("\n\n"), pages };
}

/** The labels of the pages that `[start, end)` of the text touches. */
export function pagesOf(source: SourceText, start: number, end: number): string[] {
  const pages = source.pages;
  if (pages.length === 0) return [];
  // The last page beginning at or before `start`, by binary search.
  let lo = 0;
  let hi = pages.length - 1;
  let first = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((pages[mid] as SourcePage).start <= start) {
      first = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  // Text before the first marker is on no page.
  const labels = first >= 0 ? [(pages[first] as SourcePage).label] : [];
  for (let i = first + 1; i < pages.length; i++) {
    const page = pages[i] as SourcePage;
    if (page.start >= end) break;
    labels.push(page.label);
  }
  return labels;
}
