import { describe, expect, it } from "vitest";
import { pagesOfLocator } from "./locator.js";

describe("pagesOfLocator", () => {
  it("reads single pages and lists", () => {
    expect(pagesOfLocator("p. 12")).toEqual(["12"]);
    expect(pagesOfLocator("pp. 378, 382")).toEqual(["378", "382"]);
    expect(pagesOfLocator("page 7")).toEqual(["7"]);
  });

  it("expands ranges, including the short form of the end", () => {
    expect(pagesOfLocator("pp. 3–5")).toEqual(["3", "4", "5"]);
    expect(pagesOfLocator("378–82")).toEqual(["378", "379", "380", "381", "382"]);
    expect(pagesOfLocator("pp. xii–xiv")).toEqual(["xii", "xiii", "xiv"]);
  });

  it("finds the pages after another label and ignores notes", () => {
    expect(pagesOfLocator("vol. 2, p. 45")).toEqual(["45"]);
    expect(pagesOfLocator("p. 12n")).toEqual(["12"]);
  });

  it("names no pages for a locator that is not about pages", () => {
    expect(pagesOfLocator("ch. 3")).toBeUndefined();
    expect(pagesOfLocator("§ 4")).toBeUndefined();
    expect(pagesOfLocator("")).toBeUndefined();
  });
});
