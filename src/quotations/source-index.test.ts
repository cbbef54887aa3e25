import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { InvalidError } from "../errors.js";
import { wordsOf } from "./normalize.js";
import {
  buildSourceIndex,
  deserializeSourceIndex,
  GRAM_WORDS,
  gramHash,
  gramPositions,
  serializeSourceIndex,
  sourceWords,
} from "./source-index.js";
import { parseSourceText } from "./source-text.js";

const book = parseSourceText(readFileSync(new URL("./fixtures/book.txt", import.meta.url), "utf8"), "text");

describe("the source index", () => {
  const index = buildSourceIndex(book);
  const all = wordsOf(book.text);

  it("counts the source's words and keeps under ten bytes a word", () => {
    expect(index.wordCount).toBe(all.count);
    expect(index.byteLength / index.wordCount).toBeLessThan(10);
  });

  it("finds every trigram at its place", () => {
    for (const at of [0, 17, 1000, all.count - GRAM_WORDS]) {
      const hash = gramHash(
        all.hashes[at] as number,
        all.hashes[at + 1] as number,
        all.hashes[at + 2] as number,
      );
      expect([...gramPositions(index, hash)]).toContain(at);
    }
  });

  it("reads any run of words again from the text through its checkpoints", () => {
    const run = sourceWords(index, book.text, 130, 140);
    expect(run.count).toBe(10);
    expect(run.starts[0]).toBe(all.starts[130]);
    expect(run.ends[9]).toBe(all.ends[139]);
  });

  it("survives serialising and reading back", () => {
    const back = deserializeSourceIndex(serializeSourceIndex(index));
    expect(back.wordCount).toBe(index.wordCount);
    expect(back.byteLength).toBe(index.byteLength);
    expect([...back.positions]).toEqual([...index.positions]);
    expect([...back.checkpoints]).toEqual([...index.checkpoints]);
  });

  it("reads a blob that is not aligned in memory", () => {
    const bytes = serializeSourceIndex(index);
    const shifted = new Uint8Array(bytes.byteLength + 1).subarray(1);
    shifted.set(bytes);
    expect(deserializeSourceIndex(shifted).wordCount).toBe(index.wordCount);
  });

  it("refuses a truncated, corrupt or foreign blob with an error", () => {
    const bytes = serializeSourceIndex(index);
    expect(() => deserializeSourceIndex(bytes.subarray(0, bytes.length - 4))).toThrow(InvalidError);
    expect(() => deserializeSourceIndex(bytes.subarray(0, 10))).toThrow(/shorter than its header/);
    const flipped = bytes.slice();
    flipped[200] = (flipped[200] as number) ^ 0xff;
    expect(() => deserializeSourceIndex(flipped)).toThrow(/checksum/);
    const version = bytes.slice();
    version[4] = 9;
    expect(() => deserializeSourceIndex(version)).toThrow(/version 9/);
    expect(() => deserializeSourceIndex(new TextEncoder().encode("not an index at all!"))).toThrow(
      InvalidError,
    );
    expect(() => deserializeSourceIndex(new Uint8Array(0))).toThrow(InvalidError);
  });

  it("indexes an empty text", () => {
    const empty = buildSourceIndex({ text: "", pages: [] });
    expect(empty.wordCount).toBe(0);
    expect(deserializeSourceIndex(serializeSourceIndex(empty)).wordCount).toBe(0);
  });
});
