import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { CslItem } from "../csl-item.js";
import { readSources, type SourceFormat } from "./read.js";
import { sourcesFileExtension, sourcesMediaType, writeSources } from "./write.js";

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/formats/${name}`, import.meta.url), "utf8");

const ITEMS: CslItem[] = [
  ...readSources(fixture("trotsky.json")),
  {
    id: "mueller:2001.strike",
    type: "article-newspaper",
    title: "Über den Streik im Hafen, und was er uns über die Zukunft der Arbeit an den Kais sagen kann",
    author: [
      { family: "Müller", given: "Jürgen", "non-dropping-particle": "von" },
      { family: "Ørsted", given: "Åse" },
    ],
    "container-title": "Die Zeit",
    publisher: "Zeitverlag",
    "publisher-place": "Hamburg",
    issued: { "date-parts": [[2001, 3, 4]] },
    page: "12-14",
  },
  {
    id: "okafor_2019",
    type: "article-journal",
    title: "The Long Strike",
    author: [{ family: "Okafor", given: "Adaeze" }],
    "container-title": "Monthly Review",
    issued: { "date-parts": [[2019, 7]] },
    page: "12-29",
  },
  {
    id: "ortega-interview",
    type: "interview",
    title: "A Conversation with the Strike Committee",
    author: [{ family: "Ortega", given: "Luis" }],
    "container-title": "The Morning Herald",
    issued: { "date-parts": [[1937, 6]] },
  },
  {
    id: "speech-1937",
    type: "speech",
    title: "To the Dockers of Rotterdam",
    author: [{ family: "Lindqvist", given: "Sara" }],
    "publisher-place": "Rotterdam",
    issued: { "date-parts": [[1937, 6, 12]] },
  },
  {
    id: "letter-natalia",
    type: "personal_communication",
    title: "Letter to Natalia",
    author: [{ family: "Trotsky", given: "Leon" }],
    issued: { "date-parts": [[1937, 6]] },
  },
  {
    id: "report-7",
    type: "report",
    title: "Port Labour, 1930–1940",
    author: [{ literal: "Harbour Research Institute" }],
    publisher: "Harbour Research Institute",
    "publisher-place": "Antwerp",
    issued: { "date-parts": [[1941]] },
  },
];

const KEPT = [
  "id",
  "type",
  "title",
  "author",
  "container-title",
  "publisher",
  "publisher-place",
  "issued",
  "page",
];

// The kept fields, names with their parts in one order so that the comparison ignores key order.
function kept(item: CslItem): Record<string, unknown> {
  const sorted = (value: unknown) =>
    JSON.parse(
      JSON.stringify(value, (_, v) =>
        v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort()) : v,
      ),
    );
  return Object.fromEntries(
    KEPT.filter((field) => item[field] !== undefined).map((field) => [field, sorted(item[field])]),
  );
}

describe.each<SourceFormat>(["csl-json", "bibtex", "ris"])("writing %s", (format) => {
  it("reads back with key, type, title, authors, container, publisher, place, date and pages kept", () => {
    const back = readSources(writeSources(ITEMS, format), `sources.${sourcesFileExtension(format)}`);
    expect(back.map(kept)).toEqual(ITEMS.map(kept));
  });

  it("is detected as the format it was written in", () => {
    expect(readSources(writeSources(ITEMS.slice(0, 1), format))).toHaveLength(1);
  });
});

describe("the files written", () => {
  it("pretty-prints CSL-JSON", () => {
    expect(writeSources(ITEMS.slice(0, 1), "csl-json")).toBe(
      `${JSON.stringify(ITEMS.slice(0, 1), null, 2)}\n`,
    );
  });

  it("writes BibTeX with the citation keys as labels and non-ASCII escaped as TeX", () => {
    const bibtex = writeSources(ITEMS, "bibtex");
    expect(bibtex).toContain("@inbook{trotsky-beginning-of-the-end,");
    expect(bibtex).toContain("@article{mueller:2001.strike,");
    expect(bibtex).toContain("entrysubtype = {newspaper}");
    expect(bibtex).toContain("@misc{ortega-interview,");
    expect(bibtex).toContain('M{\\" u}ller');
    expect(bibtex).not.toMatch(/[^ -~\t\n]/);
  });

  it("writes RIS with whole keys, newspaper authors and full dates, each value on one line", () => {
    const ris = writeSources(ITEMS, "ris");
    expect(ris).toContain("ID  - trotsky-beginning-of-the-end\n");
    expect(ris).toContain("AU  - von Müller, Jürgen\n");
    expect(ris).toContain("DA  - 2001/03/04/\n");
    expect(ris).toContain(`TI  - ${ITEMS[1]?.title}\n`);
    expect(ris.split("\n").every((line) => line === "" || /^[A-Z][A-Z0-9] {2}- /.test(line))).toBe(true);
  });

  it("names a media type and file extension for each format", () => {
    expect(sourcesMediaType("csl-json")).toBe("application/vnd.citationstyles.csl+json; charset=utf-8");
    expect(sourcesMediaType("bibtex")).toBe("application/x-bibtex; charset=utf-8");
    expect(sourcesMediaType("ris")).toBe("application/x-research-info-systems; charset=utf-8");
    expect(["csl-json", "bibtex", "ris"].map((f) => sourcesFileExtension(f as SourceFormat))).toEqual([
      "json",
      "bib",
      "ris",
    ]);
  });
});
