import { describe, expect, it } from "vitest";
import { exactPunctuation, foldWord, styledPunctuation, wordsOf } from "./normalize.js";

const words = (text: string) => {
  const w = wordsOf(text);
  return Array.from({ length: w.count }, (_, i) => text.slice(w.starts[i], w.ends[i]));
};

describe("words for matching", () => {
  it("splits at punctuation and keeps each word's offsets in the original string", () => {
    expect(words("Trotsky’s “Stock-in-trade”—1937, p. 12")).toEqual([
      "Trotsky",
      "s",
      "Stock",
      "in",
      "trade",
      "1937",
      "p",
      "12",
    ]);
  });

  it("hashes a word the same whatever its case, accents or compatibility form", () => {
    const [a, b, c, d] = [wordsOf("Élan"), wordsOf("elan"), wordsOf("ELAN"), wordsOf("ﬁne")];
    expect(a.hashes[0]).toBe(b.hashes[0]);
    expect(c.hashes[0]).toBe(b.hashes[0]);
    expect(d.hashes[0]).toBe(wordsOf("fine").hashes[0]);
    expect(wordsOf("flan").hashes[0]).not.toBe(b.hashes[0]);
  });

  it("makes each CJK character a word, and reads Cyrillic and Arabic words whole", () => {
    expect(words("斯大林 war")).toEqual(["斯", "大", "林", "war"]);
    expect(words("Сталин, ستالين")).toEqual(["Сталин", "ستالين"]);
  });

  it("ignores a soft hyphen inside a word", () => {
    const split = wordsOf("revo\u00adlution");
    expect(split.count).toBe(1);
    expect(split.hashes[0]).toBe(wordsOf("revolution").hashes[0]);
  });

  it("stops after the limit", () => {
    expect(wordsOf("a b c d e", 0, 9, 2).count).toBe(2);
  });
});

describe("punctuation", () => {
  it("folds diacritics and case in words", () => {
    expect(foldWord("Naïve")).toBe("naive");
  });

  it("keeps quote and dash styles apart when exact, and unifies them when styled", () => {
    expect(exactPunctuation(" “ ")).not.toBe(exactPunctuation(' " '));
    expect(styledPunctuation(" “ ")).toBe(styledPunctuation('"'));
    expect(styledPunctuation(" – ")).toBe(styledPunctuation("—"));
    expect(styledPunctuation(", ")).not.toBe(styledPunctuation(". "));
  });
});
