// The HTML around a formatted citation: the <cite> element, an h-cite (microformats2) for each source so
// that readers and other sites can tell what was cited, and the bibliography section at an article's end.

import type { CitationPlacement, Citer, SourceSummary } from "../citations/citer.js";
import { plainCitationText } from "./citation.js";
import type { CitationGroup } from "./render.js";

/** What the renderer needs of a citer: the whole of one is accepted. */
export type CitationFormatter = Pick<Citer, "html" | "text" | "sourceUrl"> &
  Partial<Pick<Citer, "sourceSummary">>;

/** Keys and locators only, for a publication without sources or a preview without a store. */
export const PLAIN_CITATIONS: CitationFormatter = {
  html: (group) => escapeHtml(plainCitationText(group)),
  text: plainCitationText,
  sourceUrl: () => undefined,
};

export function citationHtml(
  group: CitationGroup,
  citer: CitationFormatter,
  placement: CitationPlacement = "text",
): string {
  const keys = [...new Set(group.citations.map((c) => c.key))];
  const sources = keys.map((key) => citer.sourceSummary?.(key)).filter((s) => s !== undefined);
  return (
    `<cite class="citation" data-keys="${escapeHtml(keys.join(" "))}">` +
    `${citer.html(group, placement)}${sources.map(hCite).join("")}</cite>`
  );
}

// Invisible: every property is a <data> element's value, so the visible text stays the style's.
function hCite(source: SourceSummary): string {
  const data = (property: string, value: string | undefined) =>
    value ? `<data class="${property}" value="${escapeHtml(value)}"></data>` : "";
  return (
    '<span class="h-cite">' +
    data("p-name", source.name) +
    source.authors.map((author) => data("p-author", author)).join("") +
    data("dt-published", source.published) +
    data("u-url", source.url && isWebAddress(source.url) ? source.url : undefined) +
    "</span>"
  );
}

/** The sourced quotation's `cite` attribute: only an absolute http(s) address. */
export function quotationSourceUrl(group: CitationGroup, citer: CitationFormatter): string | undefined {
  const key = group.citations[0]?.key;
  const url = key === undefined ? undefined : citer.sourceUrl(key);
  return url && isWebAddress(url) ? url : undefined;
}

export function bibliographySection(list: string, heading: string): string {
  if (!list.trim()) return "";
  return (
    '<section class="bibliography" aria-labelledby="bibliography-title">' +
    `<h2 id="bibliography-title">${escapeHtml(heading)}</h2>\n${list}</section>\n`
  );
}

function isWebAddress(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
