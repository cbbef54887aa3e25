import { describe, expect, it } from "vitest";
import { isValidSlug, slugify, uniqueSlug } from "./slug.js";

describe("slugify", () => {
  it("keeps letters of any script and drops punctuation", () => {
    expect(slugify("Trotsky’s Stock-in-trade: A Counter-Revolutionary Export!!!")).toBe(
      "trotskys-stock-in-trade-a-counter-revolutionary-export",
    );
    expect(slugify("Über die Säuberungen")).toBe("uber-die-sauberungen");
    expect(slugify("Конец начала")).toBe("конец-начала");
  });

  it("gives a slug even for a title with no letters", () => {
    expect(slugify("!!!")).toBe("untitled");
  });

  it("cuts long titles at a word boundary", () => {
    const slug = slugify("word ".repeat(60));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.endsWith("-")).toBe(false);
  });

  it("accepts only lowercase hyphenated slugs", () => {
    expect(isValidSlug("a-b-c")).toBe(true);
    expect(isValidSlug("A-b")).toBe(false);
    expect(isValidSlug("a--b")).toBe(false);
    expect(isValidSlug("../etc")).toBe(false);
  });

  it("numbers a slug that is taken", async () => {
    const taken = new Set(["x", "x-2"]);
    expect(await uniqueSlug("x", async (s) => taken.has(s))).toBe("x-3");
  });
});
