import { describe, expect, it } from "vitest";
import { analyzerFor, indexText, PAIR_MARK } from "./analyze.js";

const decoded = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe("the text an article is indexed as", () => {
  it("is its words' terms in order, each pairing word stored joined to the next word instead of alone", () => {
    const text = "The State of the Workers’ Movement, and the strikes of Spain.";
    expect(decoded(indexText(text, analyzerFor("en")))).toBe(
      "theǂstate state ofǂthe theǂworker worker movement andǂthe theǂstrike strike ofǂspain spain".replaceAll(
        "ǂ",
        PAIR_MARK,
      ),
    );
  });

  it("folds and stems each language in its own way, and keeps a pairing word that ends the text", () => {
    expect(decoded(indexText("Über die Straßen und", analyzerFor("de")))).toBe(
      `uber dieǂstrass strass und`.replace("ǂ", PAIR_MARK),
    );
    expect(decoded(indexText("İstanbul'da ılık", analyzerFor("tr")))).toBe(
      `istanbul daǂilik ilik`.replace("ǂ", PAIR_MARK),
    );
    expect(decoded(indexText("", analyzerFor("en")))).toBe("");
  });

  it("stays right past the bounds of its memo of words, for words seen again after it starts afresh", () => {
    // 250,000 distinct words grow the memo and pass its bound of 200,000, which starts it afresh.
    const many = Array.from({ length: 250_000 }, (_, i) => `w${i.toString(36)}x`);
    const text = [...many, ...many.slice(0, 1000)].join(" ");
    const terms = decoded(indexText(text, analyzerFor("sw"))).split(" ");
    expect(terms).toHaveLength(251_000);
    expect(terms.slice(-1000)).toEqual(many.slice(0, 1000));
    expect(terms[123_456]).toBe(many[123_456]);
  });

  it("reads words outside the Basic Multilingual Plane and in other scripts", () => {
    expect(decoded(indexText("𝐀𝐁𝐂 𝔘𝔯 Москва 北京 مرحبا 🙂x", analyzerFor("en")))).toBe(
      "abc ur москва 北京 مرحبا x",
    );
  });
});
