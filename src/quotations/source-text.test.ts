import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { InvalidError } from "../errors.js";
import { MAX_SOURCE_TEXT_BYTES, pagesOf, parseSourceText } from "./source-text.js";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");

describe("parseSourceText", () => {
  it("takes pages from [page N] lines and removes the markers from the text", () => {
    const source = parseSourceText("[page 12]\nFirst page.\n[page 13]\nSecond page.\n", "text");
    expect(source.text).toBe("First page.\n\nSecond page.");
    expect(source.pages).toEqual([
      { start: 0, label: "12" },
      { start: 13, label: "13" },
    ]);
  });

  it("keeps roman page labels as written", () => {
    const source = parseSourceText("[page xii]\nPreface.\n[Page xiii]\nMore.", "text");
    expect(source.pages.map((p) => p.label)).toEqual(["xii", "xiii"]);
  });

  it("numbers form-feed pages from the first page given, skipping the empty one a final form feed leaves", () => {
    const source = parseSourceText("one\fTwo\fthree\f", "text", { firstPage: 41 });
    expect(source.text).toBe("one\n\nTwo\n\nthree");
    expect(source.pages.map((p) => p.label)).toEqual(["41", "42", "43"]);
  });

  it("reads the book the same from its [page N] and its form-feed versions", () => {
    const marked = parseSourceText(fixture("book.txt"), "text");
    const fed = parseSourceText(fixture("book-formfeed.txt"), "text", { firstPage: 370 });
    expect(fed).toEqual(marked);
    expect(marked.pages.map((p) => p.label)).toContain("382");
    expect(marked.pages).toHaveLength(20);
  });

  it("has no pages for a text without markers, and accepts an empty text", () => {
    expect(parseSourceText("Just prose.", "text").pages).toEqual([]);
    expect(parseSourceText("", "text")).toEqual({ text: "", pages: [] });
  });

  it("reads HTML as prose: blocks become paragraphs, entities are decoded, scripts and styles are dropped", () => {
    const html =
      "<html><head><title>T</title><style>p { color: red }</style></head><body><h1>Dear &amp; Co</h1>" +
      "<p>One &ldquo;two&rdquo; &#8212; three<br>four</p><script>alert('x')</script><div>Five &lt;b&gt;</div>" +
      "<p>[page 7]</p><p>seven <b>bold</b></p></body></html>";
    const source = parseSourceText(html, "html");
    expect(source.text).toBe("Dear & Co\n\nOne “two” — three\nfour\n\nFive <b>\n\nseven bold");
    expect(source.pages).toEqual([{ start: source.text.indexOf("seven"), label: "7" }]);
    expect(source.text).not.toContain("alert");
  });

  it("reads Markdown as prose without its markup", () => {
    const md =
      "# A title\n\nSome *emphasis*, **strong**, a [link](https://example.org) and `code`.\n\n> quoted \\*stars\\*\n\n" +
      "[page 3]\n\n- an item\n\nsnake_case stays";
    const source = parseSourceText(md, "markdown");
    expect(source.text).toBe(
      "A title\n\nSome emphasis, strong, a link and code.\n\nquoted *stars*\n\nan item\n\nsnake_case stays",
    );
    expect(source.pages[0]?.label).toBe("3");
  });

  it("refuses a text over the limit before reading it", () => {
    const huge = "a".repeat(100 * 1024 * 1024);
    expect(huge.length).toBeGreaterThan(MAX_SOURCE_TEXT_BYTES);
    expect(() => parseSourceText(huge, "html")).toThrow(InvalidError);
    expect(() => parseSourceText(huge, "text")).toThrow(/over the limit of 80\.0 MiB/);
  });

  it("counts bytes, not characters, near the limit", () => {
    const threeBytes = "€".repeat(Math.ceil(MAX_SOURCE_TEXT_BYTES / 3) + 10);
    expect(() => parseSourceText(threeBytes, "text")).toThrow(InvalidError);
  });
});

describe("pagesOf", () => {
  const source = parseSourceText("[page 1]\naaaa\n[page 2]\nbbbb\n[page 3]\ncccc", "text");

  it("names every page a passage touches", () => {
    expect(pagesOf(source, 0, 4)).toEqual(["1"]);
    expect(pagesOf(source, 2, 8)).toEqual(["1", "2"]);
    expect(pagesOf(source, 6, source.text.length)).toEqual(["2", "3"]);
  });

  it("puts text before the first marker on no page", () => {
    const prefaced = parseSourceText("Front matter.\n[page 1]\nBody.", "text");
    expect(pagesOf(prefaced, 0, 5)).toEqual([]);
    expect(pagesOf(prefaced, prefaced.text.indexOf("Body"), prefaced.text.length)).toEqual(["1"]);
  });
});
