import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { InvalidError, TooLargeError } from "../../errors.js";
import { MAX_SOURCES_PER_FILE, readSources } from "./read.js";

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/formats/${name}`, import.meta.url), "utf8");
const library = fixture("library.bib");
const records = fixture("news-interview.ris");
const trotsky = fixture("trotsky.json");

// Every failing read throws, so nothing is ever returned in part; this also checks the error's kind.
function refusal(content: string, name = "refs.txt"): InvalidError {
  try {
    readSources(content, name);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidError);
    return error as InvalidError;
  }
  throw new Error("the file was accepted");
}

describe("malformed and truncated files", () => {
  it("refuses BibTeX with a brace missing inside an entry, naming the entry and its line", () => {
    const error = refusal(library.replace("{Harbour} Workers", "{Harbour Workers"), "library.bib");
    expect(error.message).toBe(
      'library.bib, entry "okafor2019strike" (line 6): the entry is not closed: a "}" is missing (or the file is cut short)',
    );
    expect(error.line).toBe(6);
  });

  it("refuses BibTeX whose last entry lacks its closing brace", () => {
    const error = refusal(library.trimEnd().replace(/\}$/, ""));
    expect(error.message).toContain('entry "site:about" (line 35): the entry is not closed');
  });

  it("refuses BibTeX with a syntax error, naming the entry and the line of the error", () => {
    const error = refusal(library.replace("volume       = {71},", "volume       = {71}"));
    expect(error.message).toMatch(/entry "okafor2019strike" \(line 6\): BibTeX syntax error: .* at line 11/);
    expect(error.line).toBe(11);
  });

  it("refuses a BibTeX file cut in the middle of an entry", () => {
    expect(refusal(library.slice(0, library.indexOf("Dockers Walk"))).message).toContain(
      'entry "lindqvist-1937-dockers" (line 25): the entry is not closed',
    );
  });

  it("refuses RIS whose record has no ER line before the next record", () => {
    const error = refusal(records.replace("ER  - \n\nTY  - INTV", "\nTY  - INTV"), "refs.ris");
    expect(error.message).toBe(
      'refs.ris, line 12: the record from line 1 has no "ER  - " line before the next one',
    );
  });

  it("refuses a RIS file cut in the middle of a record", () => {
    expect(refusal(records.slice(0, records.indexOf("Y1  -")), "refs.ris").message).toContain(
      'the record from line 13 has no "ER  - " line: is the file cut short?',
    );
  });

  it("refuses RIS with a line that is not a tag outside any record", () => {
    expect(refusal(`${records}\nstray words\n`).message).toContain('this is not a RIS line: "stray words"');
  });

  it("refuses JSON with a syntax error, giving the line", () => {
    const error = refusal(trotsky.replace('"publisher":', '"publisher"'), "refs.json");
    expect(error.message).toMatch(/^refs\.json, line 8: is not valid JSON/);
    expect(error.line).toBe(8);
  });

  it("refuses a JSON file cut short", () => {
    expect(refusal(trotsky.slice(0, 200)).message).toContain("is not valid JSON");
  });
});

describe("files that are not sources at all", () => {
  it("refuses an empty file", () => {
    expect(refusal(" \n\t\n").message).toBe("refs.txt: is empty: there are no sources in it");
  });

  it("refuses binary garbage", () => {
    const garbage = String.fromCharCode(...Array.from({ length: 2048 }, (_, i) => (i * 7919) % 256));
    expect(refusal(`PK\u0003\u0004${garbage}`).message).toBe("refs.txt: is not CSL-JSON, BibTeX or RIS");
  });

  it("refuses a BibTeX file of comments and macros only", () => {
    expect(refusal("@comment{nothing}\n@string{a = {b}}\n").message).toContain("holds no sources");
  });

  it("refuses a file of 50 MB at once, before reading it", () => {
    const huge = "x".repeat(50 * 1024 * 1024);
    expect(() => readSources(huge, "huge.bib")).toThrow(TooLargeError);
    expect(() => readSources(huge, "huge.bib")).toThrow("huge.bib is larger than 20 MB");
  });

  it("counts bytes, not characters, against the limit", () => {
    const wide = `[${JSON.stringify({ id: "a", type: "book", note: "é".repeat(5_000) })}]`.padEnd(
      11 * 1024 * 1024,
      "é",
    );
    expect(() => readSources(wide)).toThrow(TooLargeError);
  });

  it("refuses a JSON array of more items than allowed", () => {
    const items = Array.from({ length: MAX_SOURCES_PER_FILE + 1 }, (_, i) => ({ id: `k${i}`, type: "book" }));
    expect(refusal(JSON.stringify(items)).message).toBe(
      "refs.txt: holds 50,001 items; at most 50,000 are read at once",
    );
  });
});

describe("bad entries", () => {
  it("refuses a script in a BibTeX title, naming the entry", () => {
    const error = refusal(library.replace("Dockers Walk Out at Dawn", "Dockers <script>alert(1)</script>"));
    expect(error.message).toMatch(
      /^refs\.txt, entry "lindqvist-1937-dockers" \(line 25\): title contains HTML or script/,
    );
  });

  it("refuses a script spelled with TeX commands, which BibTeX turns into a tag", () => {
    const error = refusal(
      "@book{tex-script, title = {\\textless{}script\\textgreater{}alert(1)}, year = 2001}",
    );
    expect(error.message).toContain('entry "tex-script" (line 1): title contains HTML or script');
  });

  it("refuses an image with an event handler in a RIS title, naming the record", () => {
    const error = refusal(records.replace("Wages and the Docks", 'Wages <img src=x onerror="alert(1)">'));
    expect(error.message).toContain(
      'record "achebe-1962" (line 22): title contains HTML or script ("<img src=x',
    );
  });

  it("refuses a javascript: link in a CSL-JSON field, and a URL that is not http(s)", () => {
    expect(
      refusal(trotsky.replace("The Beginning of the End", "<a href='javascript:alert(1)'>End</a>")).message,
    ).toContain('item 1 "trotsky-beginning-of-the-end": title contains HTML');
    expect(
      refusal(trotsky.replace('"publisher":', '"URL": "ftp://example.org/x", "publisher":')).message,
    ).toContain("URL must be an http or https address");
  });

  it("refuses duplicate keys, naming both entries", () => {
    expect(refusal(`${library}\n@book{vanderberg1988, title = {Again}}\n`).message).toBe(
      'refs.txt, entry "vanderberg1988" (line 43): the key "vanderberg1988" is already the key of refs.txt, ' +
        'entry "vanderberg1988" (line 17)',
    );
    expect(refusal('[{"id": "a", "type": "book"}, {"id": "a", "type": "report"}]').message).toContain(
      'item 2 "a": the key "a" is already the key of',
    );
  });

  it("refuses invalid citation keys", () => {
    expect(refusal('[{"id": "has space", "type": "book"}]').message).toContain(
      '"has space" is not a valid citation key',
    );
    expect(refusal("@book{-dash-first, title = {T}}").message).toContain(
      '"-dash-first" is not a valid citation key',
    );
    expect(refusal(JSON.stringify([{ id: "k".repeat(201), type: "book" }])).message).toContain(
      "is not a valid citation key",
    );
    expect(refusal('[{"type": "book", "title": "No key"}]').message).toContain('item 1: has no "id"');
  });

  it("refuses unknown types in each format", () => {
    expect(refusal('[{"id": "a", "type": "blogpost"}]').message).toContain(
      'type "blogpost" is not a CSL item type',
    );
    expect(refusal("@blogpost{a, title = {T}}").message).toContain(
      "@blogpost is not a BibTeX or BibLaTeX entry type",
    );
    expect(refusal("TY  - BLOGG\nID  - a\nER  - \n").message).toContain('RIS type "BLOGG"');
  });

  it("refuses a text field over 10,000 characters", () => {
    const long = JSON.stringify([{ id: "a", type: "book", abstract: "x".repeat(10_001) }]);
    expect(refusal(long).message).toContain("abstract is 10,001 characters long (at most 10,000)");
  });

  it("refuses names and dates that are not CSL's", () => {
    expect(refusal('[{"id": "a", "type": "book", "author": "Trotsky"}]').message).toContain(
      "author must be a list of names",
    );
    expect(refusal('[{"id": "a", "type": "book", "issued": "1937"}]').message).toContain(
      "issued must be a CSL date object",
    );
    expect(
      refusal('[{"id": "a", "type": "book", "issued": {"date-parts": [[1937, 30]]}}]').message,
    ).toContain("month 30");
  });

  it("accepts CSL's own rich-text markup", () => {
    const title = 'On <i>Capital</i>, H<sub>2</sub>O and <span class="nocase">iPhone</span>';
    const small = '<span style="font-variant:small-caps;">Ibid</span>';
    expect(readSources(JSON.stringify([{ id: "a", type: "book", title, note: small }]))[0]?.title).toBe(
      title,
    );
  });
});
