import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readSources } from "./read.js";
import { parseRisDate } from "./ris.js";

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/formats/${name}`, import.meta.url), "utf8");
const record = (lines: string) => `TY  - ${lines.trim().replace(/\n\s*/g, "\n")}\nER  - \n`;

describe("RIS records", () => {
  it("makes a newspaper article's writers its authors, not a text 'reporter'", () => {
    const [news] = readSources(fixture("news-interview.ris"));
    expect(news?.type).toBe("article-newspaper");
    expect(news?.author).toEqual([
      { family: "Kowalski", given: "Maria" },
      { family: "Brennan", given: "Thomas" },
    ]);
    expect(news).not.toHaveProperty("reporter");
  });

  it("reads an interview record as an interview, its A2 as the interviewer", () => {
    const interview = readSources(fixture("news-interview.ris"))[1];
    expect(interview?.type).toBe("interview");
    expect(interview?.author).toEqual([{ family: "Ortega", given: "Luis" }]);
    expect(interview?.interviewer).toEqual([{ family: "Kowalski", given: "Maria" }]);
    expect(interview).not.toHaveProperty("editor");
  });

  it("keeps A1 writers and names without a comma as organisations in a newspaper record", () => {
    const [item] = readSources(
      record("NEWS\nID  - n\nTI  - T\nA1  - Herald Staff Reporters\nA2  - Day, Ed\nPY  - 1937"),
    );
    expect(item?.author).toEqual([{ literal: "Herald Staff Reporters" }]);
    expect(item?.editor).toEqual([{ family: "Day", given: "Ed" }]);
  });

  it("reads dates with trailing slashes as proper date parts", () => {
    const [year, full, month] = readSources(
      record("BOOK\nID  - a\nTI  - A\nPY  - 1937///") +
        record("NEWS\nID  - b\nTI  - B\nDA  - 1937/06/12/") +
        record("JOUR\nID  - c\nTI  - C\nY1  - 1937/06//"),
    );
    expect(year?.issued).toEqual({ "date-parts": [[1937]] });
    expect(full?.issued).toEqual({ "date-parts": [[1937, 6, 12]] });
    expect(month?.issued).toEqual({ "date-parts": [[1937, 6]] });
  });

  it("takes the fuller of PY and DA when they agree on the year, and PY when they do not", () => {
    const items = readSources(
      fixture("news-interview.ris") + record("BOOK\nID  - r\nTI  - R\nPY  - 1978\nDA  - 1937/06/12/"),
    );
    const [news, reprint] = [items[0], items.at(-1)];
    expect(news?.issued).toEqual({ "date-parts": [[1937, 6, 12]] });
    expect(reprint?.issued).toEqual({ "date-parts": [[1978]] });
  });

  it("keeps a date it cannot read as literal text, never NaN", () => {
    expect(parseRisDate("Spring 1937")).toEqual({ literal: "Spring 1937" });
    expect(parseRisDate("1937/13/01/")).toEqual({ literal: "1937/13/01/" });
    expect(parseRisDate("1937-06-12")).toEqual({ "date-parts": [[1937, 6, 12]] });
    expect(parseRisDate("1962/03/01/Spring")).toEqual({ "date-parts": [[1962, 3, 1]] });
  });

  it("joins a value that runs on over several lines", () => {
    const [item] = readSources("TY  - BOOK\nID  - long\nTI  - A title that\n  runs on\nPY  - 1999\nER  - \n");
    expect(item?.title).toBe("A title that runs on");
  });

  it("refuses a record without an ID, naming the record by number", () => {
    expect(() => readSources(record("BOOK\nTI  - Keyless"), "refs.ris")).toThrow(
      'refs.ris, record 1 (line 1): has no "ID  - " line',
    );
  });

  it("refuses an unknown RIS type, naming the record", () => {
    expect(() => readSources(record("BOGUS\nID  - odd\nTI  - Odd"), "refs.ris")).toThrow(
      'refs.ris, record "odd" (line 1): RIS type "BOGUS"',
    );
  });
});
