import { describe, expect, it } from "vitest";
import { cslItemType, isCitationKey, validateCslItem } from "./csl-item.js";

describe("citation keys", () => {
  it("accepts Pandoc's keys: punctuation only between key characters", () => {
    for (const key of ["trotsky-beginning-of-the-end", "doe:2001.a", "_x", "Müller2001", "a/b", "k1"]) {
      expect(isCitationKey(key), key).toBe(true);
    }
    for (const key of ["", "-a", "a-", "a b", "a,b", "a{b}", "a@b", "k".repeat(201)]) {
      expect(isCitationKey(key), key).toBe(false);
    }
  });
});

describe("checking an item", () => {
  it("spells a letter as CSL's personal communication and knows no other types", () => {
    expect(cslItemType("letter")).toBe("personal_communication");
    expect(cslItemType("article-newspaper")).toBe("article-newspaper");
    expect(cslItemType("blog")).toBeUndefined();
  });

  it("turns numeric date parts given as text into numbers and keeps other variables", () => {
    const item = validateCslItem(
      { id: 7, type: "book", issued: { "date-parts": [["1937", "6"]] }, volume: 3, keyword: "a, b" },
      "item 1",
    );
    expect(item).toEqual({
      id: "7",
      type: "book",
      issued: { "date-parts": [[1937, 6]] },
      volume: 3,
      keyword: "a, b",
    });
  });

  it("refuses a variable named to reach an object's prototype", () => {
    const value = JSON.parse('{"id": "a", "type": "book", "__proto__": {"polluted": true}}');
    expect(() => validateCslItem(value, "item 1")).toThrow('"__proto__" is not a CSL variable name');
  });

  it("refuses control characters and entity-encoded tags", () => {
    expect(() => validateCslItem({ id: "a", type: "book", title: "a\u0000b" }, "item 1")).toThrow(
      "title contains a control character",
    );
    expect(() => validateCslItem({ id: "a", type: "book", title: "&lt;script&gt;" }, "item 1")).toThrow(
      "title contains HTML or script",
    );
  });

  it("names the item and gives its line", () => {
    try {
      validateCslItem({ id: "a", type: "nonsense" }, 'refs.bib, entry "a" (line 4)', 4);
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toBe(
        'refs.bib, entry "a" (line 4): type "nonsense" is not a CSL item type',
      );
      expect((error as { line?: number }).line).toBe(4);
    }
  });
});
