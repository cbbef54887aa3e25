// Writing sources out for download: CSL-JSON as it is stored, BibTeX (BibLaTeX fields) and RIS.

import type { CslItem } from "../csl-item.js";
import { writeBibtex } from "./bibtex.js";
import { writeCslJson } from "./csl-json.js";
import type { SourceFormat } from "./read.js";
import { writeRis } from "./ris.js";

export type { SourceFormat } from "./read.js";

export function writeSources(items: readonly CslItem[], format: SourceFormat): string {
  switch (format) {
    case "csl-json":
      return writeCslJson(items);
    case "bibtex":
      return writeBibtex(items);
    case "ris":
      return writeRis(items);
  }
}

/** The media type to serve a sources file with (CSL-JSON's registered one; BibTeX's and RIS's customary). */
export function sourcesMediaType(format: SourceFormat): string {
  switch (format) {
    case "csl-json":
      return "application/vnd.citationstyles.csl+json; charset=utf-8";
    case "bibtex":
      return "application/x-bibtex; charset=utf-8";
    case "ris":
      return "application/x-research-info-systems; charset=utf-8";
  }
}

/** The file extension for a download, without the dot. */
export function sourcesFileExtension(format: SourceFormat): string {
  switch (format) {
    case "csl-json":
      return "json";
    case "bibtex":
      return "bib";
    case "ris":
      return "ris";
  }
}
