// `broadside sources import FILE` and `broadside sources text KEY FILE`: the source library from the
// command line.
import { readFile, stat } from "node:fs/promises";
import { extname } from "node:path";
import { MAX_SOURCES_FILE_BYTES } from "../citations/formats/read.js";
import { attachSourceText, importSources, type SourceTextFormat } from "../citations/sources.js";
import { loadConfig } from "../config.js";
import { InvalidError } from "../errors.js";
import { MAX_SOURCE_TEXT_BYTES } from "../quotations/source-text.js";
import { openStore } from "../storage/store.js";
import { parseFlags } from "./args.js";

const HELP = `Usage: broadside sources import FILE [--data ./data]
       broadside sources text KEY FILE [--format text|markdown|html] [--first-page N] [--data ./data]

import   Adds the sources in FILE to the library: CSL-JSON, BibTeX or RIS, told apart by their content.
         All or nothing: a bad entry is reported by its key and nothing is imported. A source whose key
         is already in the library is replaced, and the articles citing it are rendered again.
text     Attaches the full text of the source KEY, so that quotations of it are checked: plain text,
         Markdown or HTML (by the file's extension unless --format says). Pages are separated by
         form-feed characters (as pdftotext writes them; numbered from --first-page, default 1) or by
         lines "[page N]". Every quotation of the source is checked again.
`;

export async function runSources(args: string[]): Promise<void> {
  const parsed = parseFlags(
    args,
    { data: { type: "string" }, format: { type: "string" }, "first-page": { type: "string" } },
    HELP,
  );
  if (!parsed) return;
  const [action, ...rest] = parsed.positionals;
  if (action === "import" && rest.length === 1 && rest[0]) return importFile(parsed.flags, rest[0]);
  if (action === "text" && rest.length === 2 && rest[0] && rest[1]) {
    return attachText(parsed.flags, rest[0], rest[1]);
  }
  throw new InvalidError(`expected "sources import FILE" or "sources text KEY FILE"\n\n${HELP}`);
}

async function readBounded(file: string, limit: number): Promise<string> {
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch (error) {
    throw new InvalidError(`cannot read ${file}: ${(error as Error).message}`, { cause: error });
  }
  if (size > limit) {
    throw new InvalidError(
      `${file} is ${(size / 2 ** 20).toFixed(1)} MB; the limit is ${limit / 2 ** 20} MB`,
    );
  }
  return readFile(file, "utf8");
}

async function importFile(flags: Record<string, string | boolean | undefined>, file: string) {
  const content = await readBounded(file, MAX_SOURCES_FILE_BYTES);
  const store = await openStore(loadConfig(flags));
  try {
    const { created, updated } = await importSources(store, content, file);
    process.stdout.write(
      `Imported ${created.length} new and ${updated.length} replaced sources from ${file}\n`,
    );
    if (updated.length > 0) {
      process.stdout.write(
        "Articles citing the replaced sources are rendered again by the server's job runner\n",
      );
    }
  } finally {
    await store.close();
  }
}

const TEXT_FORMATS: Record<string, SourceTextFormat> = {
  ".html": "html",
  ".htm": "html",
  ".md": "markdown",
  ".markdown": "markdown",
};

async function attachText(flags: Record<string, string | boolean | undefined>, key: string, file: string) {
  const format = typeof flags.format === "string" ? flags.format : (TEXT_FORMATS[extname(file)] ?? "text");
  if (format !== "text" && format !== "markdown" && format !== "html") {
    throw new InvalidError(`--format must be text, markdown or html (got "${format}")`);
  }
  let firstPage: number | undefined;
  if (typeof flags["first-page"] === "string") {
    firstPage = Number(flags["first-page"]);
    if (!Number.isInteger(firstPage) || firstPage < 1 || firstPage > 1_000_000) {
      throw new InvalidError(`--first-page must be a whole number from 1 (got "${flags["first-page"]}")`);
    }
  }
  const raw = await readBounded(file, MAX_SOURCE_TEXT_BYTES);
  const store = await openStore(loadConfig(flags));
  try {
    const { words, pages, articles } = await attachSourceText(
      store,
      key,
      raw,
      format,
      firstPage ? { firstPage } : {},
    );
    process.stdout.write(
      `Attached ${words} words on ${pages} ${pages === 1 ? "page" : "pages"} to ${key}; checked the quotations of ${articles} ${articles === 1 ? "article" : "articles"} again\n`,
    );
  } finally {
    await store.close();
  }
}
