// What an upload really is, judged by its bytes alone: never by its name or the type the browser claimed.
// Each image format is walked to its own end, so anything after it (a ZIP, a page of HTML, a script) makes
// the file a polyglot and it is refused; a PDF must open with `%PDF-`, end with `%%EOF` and run nothing.
import { promisify } from "node:util";
import { inflate } from "node:zlib";
import { InvalidError } from "../errors.js";

export type ImageFormat = "jpeg" | "png" | "webp" | "gif" | "avif";
export type UploadFormat = ImageFormat | "pdf";

const NAMES: Record<UploadFormat, string> = {
  jpeg: "a JPEG image",
  png: "a PNG image",
  webp: "a WebP image",
  gif: "a GIF image",
  avif: "an AVIF image",
  pdf: "a PDF document",
};

const EXTENSIONS: Record<string, UploadFormat> = {
  jpg: "jpeg",
  jpeg: "jpeg",
  jpe: "jpeg",
  png: "png",
  webp: "webp",
  gif: "gif",
  avif: "avif",
  pdf: "pdf",
};

/**
 * Markup a browser or an interpreter would act on if it ever read the file as text. Each pattern is long
 * enough that compressed image data matches it by chance about once in thousands of large photographs.
 */
const ACTIVE_TEXT = /<(script|html|body|svg|iframe|object|embed|meta|!doctype|\?php)[\s>/]|javascript:/i;

export function describeFormat(format: UploadFormat): string {
  return NAMES[format];
}

/**
 * The format of `bytes`, or an InvalidError saying what is wrong. A file named for another format is taken
 * as what it really is; the message when it is refused names both.
 */
export async function sniffUpload(bytes: Uint8Array, originalName: string): Promise<UploadFormat> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const format = signatureOf(buffer);
  if (!format) throw new InvalidError(`${quoted(originalName)} is ${guessWhatItIs(buffer)}, ${ACCEPTED}`);
  const problem = format === "pdf" ? await pdfProblem(buffer) : imageProblem(buffer, format);
  if (problem) throw new InvalidError(`${quoted(originalName)} is refused: ${problem}`);
  return format;
}

const ACCEPTED = "not an image or a PDF: upload JPEG, PNG, WebP, GIF, AVIF or PDF";

/** The format a file's name claims, if any. */
export function formatNamed(name: string): UploadFormat | undefined {
  const extension = /\.([a-z0-9]{1,5})$/i.exec(name)?.[1]?.toLowerCase();
  return extension ? EXTENSIONS[extension] : undefined;
}

/** What the first bytes claim, before anything is checked: enough to know which size limit applies. */
export function signatureOf(bytes: Uint8Array): UploadFormat | undefined {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return "jpeg";
  if (b.subarray(0, 8).equals(PNG_SIGNATURE)) return "png";
  const head = b.subarray(0, 16).toString("latin1");
  if (head.startsWith("GIF87a") || head.startsWith("GIF89a")) return "gif";
  if (head.startsWith("RIFF") && head.slice(8, 12) === "WEBP") return "webp";
  if (head.slice(4, 8) === "ftyp" && /^(avif|avis)$/.test(head.slice(8, 12))) return "avif";
  if (head.startsWith("%PDF-")) return "pdf";
  return undefined;
}

function guessWhatItIs(b: Buffer): string {
  const head = b.subarray(0, 512).toString("latin1");
  if (b.length === 0) return "empty";
  if (head.startsWith("PK\x03\x04")) return "a ZIP archive (or an office document)";
  if (/^\s*<(\?xml|svg)/i.test(head) && /<svg/i.test(head)) return "an SVG drawing, which can carry script";
  if (/^\s*<(!doctype|html|script)/i.test(head)) return "HTML";
  if (head.startsWith("II*\0") || head.startsWith("MM\0*")) return "a TIFF image";
  if (head.slice(4, 8) === "ftyp") return "a video or a HEIC photo";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: text is what has none of these.
  if (!/[\x00-\x08\x0e-\x1f]/.test(head)) return "text";
  return "of a kind we do not take";
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function imageProblem(b: Buffer, format: ImageFormat): string | undefined {
  const end = imageEnd(b, format);
  if (end === undefined) return `it is not a complete ${NAMES[format].slice(2)}`;
  // A few bytes of padding after the end are common from cameras and editors; anything more is another file.
  const trailing = b.subarray(end);
  if (trailing.length > 0 && !(trailing.length <= 16 && trailing.every((x) => x === 0 || x === 0x0a))) {
    return `${trailing.length} bytes follow the end of the image (${whatTrails(trailing)}): it is also another kind of file`;
  }
  if (ACTIVE_TEXT.test(b.toString("latin1"))) return "the image carries markup or script inside it";
  // The GIF/JavaScript polyglot opens a comment where the width is: `GIF89a/*`.
  if (format === "gif" && b.toString("latin1", 6, 8) === "/*") return "the image is also a script";
  return undefined;
}

function whatTrails(trailing: Buffer): string {
  const head = trailing.subarray(0, 64).toString("latin1");
  if (head.includes("PK\x03\x04")) return "a ZIP archive";
  if (ACTIVE_TEXT.test(trailing.toString("latin1"))) return "markup or script";
  return "unknown data";
}

/** Where the image's own data ends, or undefined when its structure is broken. */
function imageEnd(b: Buffer, format: ImageFormat): number | undefined {
  switch (format) {
    case "jpeg":
      return jpegEnd(b);
    case "png":
      return pngEnd(b);
    case "gif":
      return gifEnd(b);
    case "webp":
      return riffEnd(b);
    case "avif":
      return boxesEnd(b);
  }
}

function jpegEnd(b: Buffer): number | undefined {
  let at = 2;
  while (at + 2 <= b.length) {
    if (b[at] !== 0xff) return undefined;
    const marker = b[at + 1] as number;
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    if (marker === 0xd9) return at + 2;
    if (marker >= 0xd0 && marker <= 0xd7) {
      at += 2;
      continue;
    }
    if (at + 4 > b.length) return undefined;
    const length = b.readUInt16BE(at + 2);
    if (length < 2) return undefined;
    at += 2 + length;
    if (marker === 0xda) {
      // Entropy-coded data: a 0xFF is followed by 0x00 (a stuffed byte) or a restart marker inside it.
      while (at + 1 < b.length) {
        if (b[at] === 0xff) {
          const next = b[at + 1] as number;
          if (next !== 0 && !(next >= 0xd0 && next <= 0xd7) && next !== 0xff) break;
        }
        at += 1;
      }
    }
  }
  return undefined;
}

function pngEnd(b: Buffer): number | undefined {
  let at = 8;
  while (at + 12 <= b.length) {
    const length = b.readUInt32BE(at);
    const type = b.toString("latin1", at + 4, at + 8);
    at += 12 + length;
    if (type === "IEND") return at <= b.length ? at : undefined;
  }
  return undefined;
}

function gifEnd(b: Buffer): number | undefined {
  if (b.length < 13) return undefined;
  const flags = b[10] as number;
  let at = 13 + (flags & 0x80 ? 3 * 2 ** ((flags & 7) + 1) : 0);
  const skipSubBlocks = (): boolean => {
    while (at < b.length) {
      const size = b[at] as number;
      at += 1 + size;
      if (size === 0) return true;
    }
    return false;
  };
  while (at < b.length) {
    const introducer = b[at];
    if (introducer === 0x3b) return at + 1;
    if (introducer === 0x21) {
      at += 2;
      if (!skipSubBlocks()) return undefined;
    } else if (introducer === 0x2c) {
      if (at + 10 > b.length) return undefined;
      const local = b[at + 9] as number;
      at += 10 + (local & 0x80 ? 3 * 2 ** ((local & 7) + 1) : 0) + 1;
      if (!skipSubBlocks()) return undefined;
    } else {
      return undefined;
    }
  }
  return undefined;
}

function riffEnd(b: Buffer): number | undefined {
  if (b.length < 12) return undefined;
  const size = b.readUInt32LE(4) + 8;
  const end = size + (size % 2);
  return end <= b.length + (size % 2) ? Math.min(end, b.length) : undefined;
}

/** ISO base media boxes (AVIF): their sizes must add up to the file. */
function boxesEnd(b: Buffer): number | undefined {
  let at = 0;
  while (at + 8 <= b.length) {
    let size = b.readUInt32BE(at);
    if (size === 1) {
      if (at + 16 > b.length) return undefined;
      size = Number(b.readBigUInt64BE(at + 8));
    } else if (size === 0) {
      return b.length;
    }
    if (size < 8) return undefined;
    at += size;
  }
  return at === b.length ? at : at > b.length ? undefined : at;
}

// Names in a PDF that run something when the document is opened or clicked. `#xx` escapes are decoded
// first, since `/J#61vaScript` means `/JavaScript` to a reader.
const ACTIVE_PDF_NAMES = /\/(JavaScript|JS|Launch|SubmitForm|ImportData|RichMedia|XFA|EmbeddedFile|GoToE)\b/;
/** Bounds the work of looking inside compressed streams, where the same names may hide. */
const MAX_INFLATED = 200 * 1024 * 1024;

// Inflated off the main thread: a PDF's streams may expand to many megabytes, and readers wait meanwhile.
const inflateAsync = promisify(inflate);

async function pdfProblem(b: Buffer): Promise<string | undefined> {
  const tail = b.subarray(Math.max(0, b.length - 1024)).toString("latin1");
  const eof = tail.lastIndexOf("%%EOF");
  if (eof < 0) return "it does not end as a PDF does (no %%EOF): it is damaged or not a PDF";
  if (tail.slice(eof + 5).trim() !== "")
    return "data follows the end of the PDF: it is also another kind of file";
  const text = b.toString("latin1");
  if (ACTIVE_TEXT.test(text.slice(0, 1024))) return "it opens with markup a browser would run";
  if (text.slice(-66_000).includes("PK\x05\x06")) return "it is also a ZIP archive";
  const found = activeName(text);
  if (found) return `it carries ${found}, which would run when opened`;
  let inflated = 0;
  for (const stream of flateStreams(b, text)) {
    let plain: Buffer;
    try {
      plain = await inflateAsync(stream, { maxOutputLength: MAX_INFLATED - inflated });
    } catch (error) {
      if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") {
        return "its compressed parts expand to more than 200 MB";
      }
      // A stream that does not inflate is an image or a font in another filter, or damage; readers skip it.
      continue;
    }
    inflated += plain.length;
    const hidden = activeName(plain.toString("latin1"));
    if (hidden) return `it carries ${hidden} in a compressed part, which would run when opened`;
  }
  return undefined;
}

function activeName(text: string): string | undefined {
  const decoded = text.replace(/\/[^\s/<>[\]()]*#[0-9a-f]{2}[^\s/<>[\]()]*/gi, (name) =>
    name.replace(/#([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
  );
  const match = ACTIVE_PDF_NAMES.exec(decoded);
  if (!match) return undefined;
  const name = match[1];
  if (name === "JS" || name === "JavaScript") return "JavaScript";
  if (name === "Launch") return "a launch action";
  if (name === "EmbeddedFile") return "an embedded file";
  return `a ${name} action`;
}

function* flateStreams(b: Buffer, text: string): Generator<Buffer> {
  const opening = /stream\r?\n/g;
  for (let match = opening.exec(text); match; match = opening.exec(text)) {
    const start = match.index + match[0].length;
    const end = text.indexOf("endstream", start);
    if (end < 0) return;
    // Only streams marked as Flate-compressed are worth inflating; their dictionary precedes `stream`.
    const dictionary = text.slice(Math.max(0, match.index - 400), match.index);
    if (/\/FlateDecode|\/Fl\b/.test(dictionary)) yield b.subarray(start, end);
    opening.lastIndex = end;
  }
}

function quoted(name: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: a name is shown without them.
  const clean = name.replace(/[\x00-\x1f\x7f]/g, "").slice(0, 120);
  return clean ? `“${clean}”` : "the file";
}
