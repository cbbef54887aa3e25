import { describe, expect, it } from "vitest";
import { parseCitationGroup, plainCitationText } from "./citation.js";

const cite = (key: string, fields: { prefix?: string; locator?: string; suffix?: string } = {}) => ({
  key,
  prefix: "",
  locator: "",
  suffix: "",
  ...fields,
});

describe("parseCitationGroup", () => {
  it.each([
    ["[@key]", [cite("key")]],
    ["[@key, pp. 378, 382]", [cite("key", { locator: "pp. 378, 382" })]],
    ["[see @key, ch. 3]", [cite("key", { prefix: "see", locator: "ch. 3" })]],
    ["[@a; @b, p. 4]", [cite("a"), cite("b", { locator: "p. 4" })]],
    ["[@key, 33]", [cite("key", { locator: "33" })]],
    ["[@key, pp. 33–35, 38ff]", [cite("key", { locator: "pp. 33–35, 38ff" })]],
    ["[@key, vol. IV]", [cite("key", { locator: "vol. IV" })]],
    ["[@key, p. 3, emphasis added]", [cite("key", { locator: "p. 3", suffix: ", emphasis added" })]],
    ["[@key, and passim]", [cite("key", { suffix: ", and passim" })]],
    ["[@key, {the preface}]", [cite("key", { locator: "the preface" })]],
    ["[cf. the\ndiscussion in @key]", [cite("key", { prefix: "cf. the discussion in" })]],
    ["[@doe:2020/v2.b]", [cite("doe:2020/v2.b")]],
    ["[@key.]", [cite("key", { suffix: "." })]],
    ["[@_under_score]", [cite("_under_score")]],
    ["[@троцкий-1940, с. 5]", [cite("троцкий-1940", { suffix: ", с. 5" })]],
  ])("reads %j", (raw, citations) => {
    expect(parseCitationGroup(raw)).toEqual({ citations, raw });
  });

  it("marks a citation whose author the sentence already names", () => {
    expect(parseCitationGroup("[-@key, p. 3]")?.citations).toEqual([
      { ...cite("key", { locator: "p. 3" }), suppressAuthor: true },
    ]);
  });

  it.each([
    "[Workers’ Party of Marxist Unification]",
    "[me@example.org]",
    "[@]",
    "[@-key]",
    "[@a; and something else]",
    "[x-@key]",
  ])("does not read %j as citations", (raw) => {
    expect(parseCitationGroup(raw)).toBeUndefined();
  });
});

describe("plainCitationText", () => {
  it("lists keys with their prefixes, locators and suffixes", () => {
    const group = parseCitationGroup("[see @a, ch. 3; @b, p. 4, emphasis added; @c and passim]");
    expect(group && plainCitationText(group)).toBe("(see a, ch. 3; b, p. 4, emphasis added; c and passim)");
  });
});
