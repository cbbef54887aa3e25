// The prose of an HTML document, as a source text: scripts, styles and other non-prose dropped with
// their content, block elements turned into paragraph breaks, entities decoded. sanitize-html does the
// parsing, so a malformed or hostile document is read as a browser would read it, never by regex.

import sanitizeHtml from "sanitize-html";

const NOT_PROSE = [
  ...["script", "style", "noscript", "template", "textarea", "select", "option", "title", "head"],
  ...["iframe", "object", "embed", "svg", "math", "xmp", "noembed", "noframes", "canvas", "button"],
];

const BLOCKS = [
  ...["address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "figcaption", "figure"],
  ...["footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol"],
  ...["p", "pre", "section", "table", "tbody", "thead", "tfoot", "tr", "td", "th", "ul", "caption", "body"],
];

const TO_PARAGRAPH: Record<string, string> = Object.fromEntries(BLOCKS.map((tag) => [tag, "p"]));

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ["p", "br"],
  allowedAttributes: {},
  nonTextTags: NOT_PROSE,
  transformTags: TO_PARAGRAPH,
};

export function htmlToText(html: string): string {
  return (
    sanitizeHtml(html, OPTIONS)
      // Source formatting is insignificant in HTML; form feeds (page ends) are kept.
      .replace(/[ \t\r\n]+/g, " ")
      .replace(/<br \/>/g, "\n")
      .replace(/<\/?p>/g, "\n\n")
      // The sanitiser re-escapes only these three.
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&")
      .replace(/[ \t]*\n[ \t]*/g, "\n")
      .replace(/\n{3,}/g, "\n\n")
      .replace(/\u00a0/g, " ")
      .trim()
  );
}
