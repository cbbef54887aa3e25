import { describe, expect, it } from "vitest";
import { type DiffPart, diffText, parseRevisionRef } from "./revisions.js";

const side = (parts: DiffPart[], skip: DiffPart["op"]) =>
  parts
    .filter((p) => p.op !== skip)
    .map((p) => p.text)
    .join("");

function paragraphs(n: number, word: (i: number) => string): string {
  return Array.from(
    { length: n },
    (_, i) => `Paragraph ${i} says ${word(i)} about the budget and the tax.`,
  ).join("\n\n");
}

describe("diffs between revisions", () => {
  it("marks the words that changed, keeping spaces and punctuation", () => {
    const diff = diffText("The cat sat.\n\nOn the mat.", "The dog sat.\n\nOn the mat!");
    expect(diff.detail).toBe("words");
    expect(diff.parts).toEqual([
      { op: "same", text: "The " },
      { op: "del", text: "cat" },
      { op: "ins", text: "dog" },
      { op: "same", text: " sat.\n\nOn the mat" },
      { op: "del", text: "." },
      { op: "ins", text: "!" },
    ]);
  });

  it("gives back both texts whole from its parts, whatever the size", () => {
    const cases: [string, string][] = [
      ["", "Now there is text."],
      ["There was text.", ""],
      [paragraphs(400, (i) => `thing ${i}`), paragraphs(400, (i) => (i % 3 ? `thing ${i}` : `other ${i}`))],
    ];
    for (const [before, after] of cases) {
      const { parts } = diffText(before, after);
      expect(side(parts, "ins")).toBe(before);
      expect(side(parts, "del")).toBe(after);
    }
  });

  it("shows passages too large to compare word by word line by line, and texts too different whole", () => {
    const long = "word ".repeat(5000);
    const lines = diffText(`Intro.\n${long}\nEnd.`, `Intro.\n${long.replace(/word/g, "verb")}\nEnd.`);
    expect(lines.detail).toBe("lines");
    expect(lines.parts.map((p) => p.op)).toEqual(["same", "del", "ins", "same"]);

    const before = paragraphs(6000, (i) => `a${i}`).replace(/\n\n/g, "\n");
    const after = paragraphs(6000, (i) => `b${i}`).replace(/\n\n/g, "\n");
    const whole = diffText(before, after);
    expect(whole.detail).toBe("whole");
    expect(whole.parts).toEqual([
      { op: "del", text: before },
      { op: "ins", text: after },
    ]);
  });

  it("reads a revision from a link: a number, or c and the id of a refused save", () => {
    expect(parseRevisionRef("12")).toEqual({ revision: 12 });
    expect(parseRevisionRef("c345")).toEqual({ conflictId: 345 });
    for (const bad of ["0", "-1", "1.5", "c", "c0", "12a", "1e3", "9".repeat(10), "", undefined]) {
      expect(parseRevisionRef(bad)).toBeUndefined();
    }
  });
});
