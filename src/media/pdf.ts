// A PDF's own metadata names people: the author the writer's software filled in, the creator tool, an XMP
// packet with dc:creator. Those texts are blanked where they stand in the file, byte for byte, so every
// offset of the cross-reference table stays true and the document opens as before. What sits inside a
// compressed object stream cannot be blanked this way and is left as it is (see docs/architecture.md).

// Not /Title: outlines use it for their entries, and a document's title is what readers are shown anyway.
const INFO_KEYS = /\/(Author|Creator|Producer|Subject|Keywords)\b/g;
const XMP_PACKET = /<\?xpacket begin=[\s\S]*?<\?xpacket end=[^>]*>|<x:xmpmeta[\s\S]*?<\/x:xmpmeta>/g;
const SPACE = 0x20;

/** A copy of `pdf` with its document-information texts and uncompressed XMP packets blanked. */
export function blankPdfMetadata(pdf: Uint8Array): Buffer {
  const out = Buffer.from(pdf);
  const text = out.toString("latin1");
  for (const match of text.matchAll(INFO_KEYS)) {
    const start = skipSpace(text, (match.index ?? 0) + match[0].length);
    const end = stringEnd(text, start);
    if (end !== undefined) out.fill(SPACE, start + 1, end);
  }
  for (const match of text.matchAll(XMP_PACKET)) {
    out.fill(SPACE, match.index ?? 0, (match.index ?? 0) + match[0].length);
  }
  return out;
}

function skipSpace(text: string, at: number): number {
  let i = at;
  while (i < text.length && /\s/.test(text[i] as string)) i += 1;
  return i;
}

/** Where the string value starting at `at` closes: a literal `( … )` with nesting and escapes, or hex `< … >`. */
function stringEnd(text: string, at: number): number | undefined {
  if (text[at] === "(") {
    let depth = 0;
    for (let i = at; i < text.length; i += 1) {
      const ch = text[i];
      if (ch === "\\") i += 1;
      else if (ch === "(") depth += 1;
      else if (ch === ")") {
        depth -= 1;
        if (depth === 0) return i;
      }
    }
    return undefined;
  }
  if (text[at] === "<" && text[at + 1] !== "<") {
    const close = text.indexOf(">", at);
    return close > at && /^[0-9A-Fa-f\s]*$/.test(text.slice(at + 1, close)) ? close : undefined;
  }
  return undefined;
}
