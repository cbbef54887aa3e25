// The allow-list every rendered article passes through. It runs on markdown-it's final HTML, so a
// Markdown link and a raw-HTML tag are judged by the same rules.

import sanitizeHtml from "sanitize-html";

// Elements whose content is code or chrome, never prose: dropped with their content, not unwrapped.
// `xmp` must stay: its content is parsed as text but would be re-emitted as markup.
const DROPPED_WITH_CONTENT = [
  "script",
  "style",
  "textarea",
  "option",
  "xmp",
  "noscript",
  "noembed",
  "noframes",
  "template",
  "title",
  "iframe",
  "object",
  "svg",
  "math",
  "select",
];

const ARTICLE_HTML: sanitizeHtml.IOptions = {
  allowedTags: [
    ...["p", "a", "em", "strong", "b", "i", "u", "s", "sub", "sup", "small", "mark", "abbr", "cite", "q"],
    ...["blockquote", "figure", "figcaption", "img", "ul", "ol", "li", "h2", "h3", "h4", "h5", "h6"],
    ...["table", "thead", "tbody", "tr", "th", "td", "code", "pre", "hr", "br", "section", "span", "div"],
    ...["dl", "dt", "dd", "del", "ins", "kbd", "details", "summary", "data"],
  ],
  allowedAttributes: {
    a: ["href", "title", "id", "aria-label"],
    abbr: ["title"],
    cite: ["class", "data-keys"],
    q: ["cite"],
    blockquote: ["cite"],
    figure: ["class"],
    img: ["src", "alt", "title", "width", "height", "loading"],
    ol: ["start"],
    li: ["id"],
    h2: ["id"],
    h3: ["id"],
    h4: ["id"],
    h5: ["id"],
    h6: ["id"],
    th: ["align", "scope"],
    td: ["align"],
    section: ["class", "aria-label", "aria-labelledby"],
    data: ["class", "value"],
    span: ["class"],
    div: ["class"],
    details: ["open"],
  },
  // Classes our own renderer emits; anything else a writer puts on these elements is dropped. Spans carry
  // a citation style's formatting (citeproc's inline styles become classes) and the h-cites' roots.
  allowedClasses: {
    a: ["footnote-backref"],
    sup: ["footnote-ref"],
    code: ["language-*"],
    cite: ["citation"],
    span: ["nocase", "small-caps", "roman", "h-cite"],
    data: ["p-name", "p-author", "dt-published", "u-url"],
    section: ["footnotes", "bibliography"],
  },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ["href", "src", "cite"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  nonTextTags: DROPPED_WITH_CONTENT,
};

const TEXT_ONLY: sanitizeHtml.IOptions = {
  allowedTags: [],
  allowedAttributes: {},
  nonTextTags: DROPPED_WITH_CONTENT,
};

export function sanitizeArticleHtml(html: string): string {
  return sanitizeHtml(html, ARTICLE_HTML);
}

/** The readable text of a fragment of raw HTML, entities decoded. */
export function htmlText(html: string): string {
  // With entity decoding on (the default), the sanitiser re-escapes only these three.
  return sanitizeHtml(html, TEXT_ONLY).replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}
