import { describe, expect, it } from "vitest";
import { english } from "./english.js";
import { german } from "./german.js";
import { compileTemplate, entries, fillIn, LIST_NAMES, type Words } from "./template.js";
import { voiceFor } from "./voice.js";
import { GERMAN_WORDS } from "./words-de.js";
import { ENGLISH_WORDS } from "./words-en.js";

const few = (lists: Partial<Words>): Words => ({
  ...(Object.fromEntries(LIST_NAMES.map((name) => [name, ""])) as Words),
  ...lists,
});

describe("the demo's languages", () => {
  it("have well over 400 words each, in every part of speech", () => {
    for (const words of [ENGLISH_WORDS, GERMAN_WORDS]) {
      const sizes = LIST_NAMES.map((name) => entries(words[name]).length);
      expect(sizes.reduce((sum, n) => sum + n, 0)).toBeGreaterThan(400);
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(20);
    }
  });

  it("match German templates slot for slot with the English ones", () => {
    expect(() => voiceFor("de")).not.toThrow();
    expect(voiceFor("de").sentences.length).toBe(voiceFor("en").sentences.length);
    expect(voiceFor("de").sizes).toEqual(voiceFor("en").sizes);
  });

  it("decline German noun phrases by gender, case and determiner", () => {
    const language = german(
      few({
        noun: "m Streik/Streiks/Streiks, f Krise/Krisen, n Programm/Programms/Programme",
        adj: "bitter, feige",
        inst: "m International+ Währungsfonds/Währungsfonds",
      }),
    );
    const phrase = (source: string, picks: number[]) => fillIn(compileTemplate(source, language), picks);
    expect(phrase("{der adj noun:akk}", [0, 0])).toBe("den bitteren Streik");
    expect(phrase("{ein adj noun}", [1, 2])).toBe("ein feiges Programm");
    expect(phrase("{ein adj noun:dat}", [0, 1])).toBe("einer bitteren Krise");
    expect(phrase("{der noun:gen}", [0])).toBe("des Streiks");
    expect(phrase("{der noun.pl:dat}", [2])).toBe("den Programmen");
    expect(phrase("{adj noun.pl:gen}", [0, 0])).toBe("bitterer Streiks");
    expect(phrase("{von noun}", [0])).toBe("vom Streik");
    expect(phrase("{zu noun}", [1])).toBe("zur Krise");
    expect(phrase("{Der inst:gen}", [0])).toBe("Des Internationalen Währungsfonds");
    expect(phrase("{ein inst}", [0])).toBe("ein Internationaler Währungsfonds");
  });

  it("write English articles, plurals and verb forms", () => {
    const language = english(
      few({
        noun: "crisis/crises, union, strike",
        adj: "honest, bitter",
        verb: "ban/banned, fight/fought, deny",
      }),
    );
    const phrase = (source: string, picks: number[]) => fillIn(compileTemplate(source, language), picks);
    expect(phrase("{a adj noun}", [0, 2])).toBe("an honest strike");
    expect(phrase("{A noun}", [1])).toBe("A union");
    expect(phrase("{this noun.pl}", [0])).toBe("these crises");
    expect(phrase("{verb.past} and {verb2.pres}", [0, 2])).toBe("banned and denies");
  });

  it("refuse a template whose slot does not exist", () => {
    expect(() => compileTemplate("the {nown}", english(ENGLISH_WORDS))).toThrow(/nown/);
  });
});
