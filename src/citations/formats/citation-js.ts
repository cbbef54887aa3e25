// The one place Broadside touches Citation.js, which ships no types: its parsers and output plugins,
// typed as far as we use them, and kept quiet.

import { createRequire } from "node:module";

/** A Bib(La)TeX entry as Citation.js's grammar reads it: field values still TeX. */
export interface BibEntry {
  type: string;
  label: string;
  properties: Record<string, string | number>;
}

/** A RIS record: tag → value, or values when the tag repeats. */
export type RisRecord = Record<string, string | string[]>;

interface TypeMaps {
  /** Bib(La)TeX entry type → CSL type. */
  source: Record<string, string>;
  /** CSL type → Bib(La)TeX entry type. */
  target: Record<string, string>;
}

interface CitationJsCore {
  plugins: {
    input: {
      data(input: unknown, type: string): unknown;
      chain(input: unknown, options: { forceType: string; generateGraph: false }): Record<string, unknown>[];
    };
    output: { format(name: string, data: unknown, options: { format: "object" | "text" }): unknown };
    config: { get(plugin: "@bibtex"): { types: Record<"biblatex" | "bibtex", TypeMaps> } };
  };
  logger: { level: string; _log: unknown[] };
}

const require = createRequire(import.meta.url);
const core = require("@citation-js/core") as CitationJsCore;
// The plugins register themselves with the core they require, which is the one above.
require("@citation-js/plugin-bibtex");
require("@citation-js/plugin-ris");

const bibtexTypes = core.plugins.config.get("@bibtex").types;
const risTypes = require("@citation-js/plugin-ris/lib/spec/types.json") as {
  RIS: TypeMaps["source"];
  CSL: TypeMaps["target"];
};

/** Every entry type BibTeX or BibLaTeX defines (lower case). */
export const BIBTEX_ENTRY_TYPES: ReadonlySet<string> = new Set([
  ...Object.keys(bibtexTypes.biblatex.source),
  ...Object.keys(bibtexTypes.bibtex.source),
]);

/** The CSL type Citation.js reads a BibLaTeX entry type as. */
export function cslTypeOfBibtexType(type: string): string {
  return bibtexTypes.biblatex.source[type.toLowerCase()] ?? "document";
}

/** The CSL type Citation.js reads a RIS type (`TY`) as, if it knows it. */
export function cslTypeOfRisType(type: string): string | undefined {
  return Object.hasOwn(risTypes.RIS, type) ? risTypes.RIS[type] : undefined;
}

/** The RIS type Citation.js writes for a CSL type. */
export function risTypeOfCslType(type: string): string {
  return (Object.hasOwn(risTypes.CSL, type) ? risTypes.CSL[type] : undefined) ?? "GEN";
}

// Citation.js logs through its own logger, which also keeps every message in an array that only grows;
// keep it silent and empty it after each call so a long-running server does not collect them.
core.logger.level = "silent";

function quietly<T>(work: () => T): T {
  try {
    return work();
  } finally {
    core.logger._log.length = 0;
  }
}

/** Bib(La)TeX text → its entries; a syntax error throws a SyntaxError naming the line. */
export function parseBibtexEntries(text: string): BibEntry[] {
  return quietly(() => core.plugins.input.data(text, "@biblatex/text") as BibEntry[]);
}

/** One Bib(La)TeX entry → CSL-JSON, with BibLaTeX's field mapping (a superset of BibTeX's). */
export function bibtexEntryToCsl(entry: BibEntry): Record<string, unknown> {
  const [item] = quietly(() =>
    core.plugins.input.chain(entry, { forceType: "@biblatex/entry+object", generateGraph: false }),
  );
  return item ?? {};
}

/** One RIS record → CSL-JSON, with the RIS spec's mixed (old and new tags) mapping. */
export function risRecordToCsl(record: RisRecord): Record<string, unknown> {
  const [item] = quietly(() =>
    core.plugins.input.chain(record, { forceType: "@ris/record", generateGraph: false }),
  );
  return item ?? {};
}

/** CSL-JSON → BibLaTeX entries, values already escaped as TeX; labels are Citation.js's own. */
export function cslToBibtexEntries(items: readonly object[]): BibEntry[] {
  return quietly(() => core.plugins.output.format("biblatex", items, { format: "object" }) as BibEntry[]);
}

/** CSL-JSON → RIS records (tag → value or values). */
export function cslToRisRecords(items: readonly object[]): Record<string, unknown>[] {
  return quietly(
    () => core.plugins.output.format("ris", items, { format: "object" }) as Record<string, unknown>[],
  );
}
