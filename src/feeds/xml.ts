// Writing XML by hand, safely: every text and attribute value passes through `escapeXml`.

// XML 1.0 (§2.2) allows only these characters; anything else (C0 controls, lone surrogates, U+FFFE/FFFF)
// makes the whole document unreadable to a conforming parser, so it is dropped rather than escaped.
const NOT_XML_CHARACTER = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

/**
 * Text or an attribute value as XML: `&`, `<`, `>` and `"` become entities, so no value can close an
 * element, an attribute or a CDATA section (`]]>` is written `]]&gt;`).
 */
export function escapeXml(value: string): string {
  return value.replace(NOT_XML_CHARACTER, "").replace(/[&<>"]/g, (c) => ENTITIES[c] ?? c);
}

/** `<name>text</name>`, or nothing when the text is empty. */
export function element(name: string, text: string, attributes = ""): string {
  if (text === "") return "";
  return `<${name}${attributes}>${escapeXml(text)}</${name}>`;
}

/** ` name="value"` for each defined value. */
export function attributes(values: Record<string, string | undefined>): string {
  let out = "";
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined) out += ` ${name}="${escapeXml(value)}"`;
  }
  return out;
}

/**
 * An absolute URL for a stored path. Paths hold Unicode slugs as they were typed; sitemaps (and RSS) want
 * URLs, so non-ASCII characters are percent-encoded while `/` and the rest of the path stay as they are.
 */
export function absoluteUrl(origin: string, path: string): string {
  return origin + encodeURI(path);
}

/** W3C Datetime (and RFC 3339) to the second: what sitemaps, Atom and JSON Feed expect. */
export function w3cDate(iso: string): string {
  return new Date(iso).toISOString().replace(/\.\d{3}Z$/, "Z");
}
