import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { detectSourceFormat, readSources } from "./read.js";

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/formats/${name}`, import.meta.url), "utf8");

// The fields a citation shows, with names compared whatever order their parts came in.
function essentials(item: Record<string, unknown>) {
  const { id, type, title, author, issued, publisher } = item;
  const names = (author as Record<string, string>[] | undefined)?.map((name) => ({ ...name }));
  return {
    id,
    type,
    title,
    author: names,
    container: item["container-title"],
    publisher,
    place: item["publisher-place"],
    issued,
  };
}

describe("reading sources", () => {
  it("reads the reference source alike from CSL-JSON, BibTeX and RIS", () => {
    const fromJson = readSources(fixture("trotsky.json"), "trotsky.json");
    const fromBibtex = readSources(fixture("trotsky.bib"), "trotsky.bib");
    const fromRis = readSources(fixture("trotsky.ris"), "trotsky.ris");
    expect(fromJson).toHaveLength(1);
    expect(essentials(fromJson[0] as never)).toEqual({
      id: "trotsky-beginning-of-the-end",
      type: "chapter",
      title: "The Beginning of the End",
      author: [{ family: "Trotsky", given: "Leon" }],
      container: "Writings of Leon Trotsky [1936–37]",
      publisher: "Pathfinder Press",
      place: "New York",
      issued: { "date-parts": [[1978]] },
    });
    expect(essentials(fromBibtex[0] as never)).toEqual(essentials(fromJson[0] as never));
    expect(essentials(fromRis[0] as never)).toEqual(essentials(fromJson[0] as never));
    expect(fromBibtex[0]?.["original-date"]).toEqual({ "date-parts": [[1937, 6, 12]] });
  });

  it("accepts a single CSL-JSON item as well as a list", () => {
    const item = { id: "solo", type: "book", title: "Alone" };
    expect(readSources(JSON.stringify(item))).toEqual([item]);
  });

  it("turns BibTeX's braces and TeX escapes into clean Unicode", () => {
    const [okafor, vanderberg, , site] = readSources(fixture("library.bib"), "library.bib");
    expect(okafor?.author).toEqual([
      { given: "Adaeze", family: "Okafor" },
      { given: "Jörg", family: "Müller" },
      { literal: "Dockworkers' Research Collective" },
    ]);
    expect(okafor?.title).toBe("The Long Strike: Harbour Workers and the Port Authority");
    expect(okafor?.["container-title"]).toBe("Monthly Review");
    expect(okafor?.page).toBe("12-29");
    expect(okafor?.issued).toEqual({ "date-parts": [[2019, 7]] });
    expect(vanderberg?.title).toBe("Ports and Power — a History");
    expect(vanderberg?.author).toEqual([
      { given: "Pieter", family: "Berg", "non-dropping-particle": "van der" },
    ]);
    expect(site?.title).toBe("About <i>Broadside</i>");
  });

  it("reads an en dash written as -- and keeps no citation-key copy of the id", () => {
    const [item] = readSources("@book{k, title = {1936--37}, year = 1990}");
    expect(item?.title).toBe("1936–37");
    expect(item).not.toHaveProperty("citation-key");
  });

  it("reads a BibLaTeX newspaper article as one, not as a journal article", () => {
    const items = readSources(fixture("library.bib"));
    expect(items.find((item) => item.id === "lindqvist-1937-dockers")?.type).toBe("article-newspaper");
  });

  it("maps a letter to CSL's personal communication", () => {
    expect(readSources('[{"id": "l1", "type": "letter", "title": "To Natalia"}]')[0]?.type).toBe(
      "personal_communication",
    );
    expect(readSources("@letter{l2, title = {To Natalia}, date = {1937}}")[0]?.type).toBe(
      "personal_communication",
    );
  });

  it("reads RIS with Windows line endings", () => {
    expect(readSources(fixture("windows.ris"))[0]).toMatchObject({
      id: "crlf-book",
      title: "Written on Windows",
    });
  });
});

describe("telling formats apart", () => {
  it("goes by content, not by the file's name", () => {
    const items = readSources(fixture("bibtex-with-txt-name.txt"), "sources.txt");
    expect(items.map((item) => item.id)).toEqual([
      "okafor2019strike",
      "vanderberg1988",
      "lindqvist-1937-dockers",
      "site:about",
    ]);
  });

  it("recognises each format, with leading blank lines and a byte-order mark", () => {
    expect(detectSourceFormat('\uFEFF  [{"id": "a"}]')).toBe("csl-json");
    expect(detectSourceFormat('{"id": "a"}')).toBe("csl-json");
    expect(detectSourceFormat(fixture("trotsky.bib"))).toBe("bibtex");
    expect(detectSourceFormat("\n\nTY  - BOOK\nER  - \n")).toBe("ris");
    expect(detectSourceFormat("Dear editor, @ me on the usual site.")).toBeUndefined();
  });
});
