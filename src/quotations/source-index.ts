// An index of a source text's word trigrams, small enough to keep for every source: each trigram's
// hash picks a bucket, and the buckets' word positions sit end to end in one Uint32Array (a CSR
// layout: `offsets[b]` to `offsets[b + 1]`). No word hashes are kept: the text is at hand when a
// quotation is checked, and the few hundred words around a candidate are read again from it, starting
// at a checkpoint (the character offset of every 64th word). About 5–6 bytes a word in all.

import { InvalidError } from "../errors.js";
import { scanWords, type Words, wordsOf } from "./normalize.js";
import type { SourceText } from "./source-text.js";

export const GRAM_WORDS = 3;
export const CHECKPOINT_EVERY = 64;
const CHECKPOINT_SHIFT = 6;

export interface SourceIndex {
  readonly wordCount: number;
  /** The length of the text indexed, to refuse checking against another text. */
  readonly textLength: number;
  readonly bucketBits: number;
  /** Where each bucket's positions begin in `positions`; one more entry than there are buckets. */
  readonly offsets: Uint32Array;
  /** The word number at which each trigram begins, grouped by bucket, ascending within one. */
  readonly positions: Uint32Array;
  /** The character offset of word number `i * CHECKPOINT_EVERY`. */
  readonly checkpoints: Uint32Array;
  /** The memory the index holds, in bytes (the same as its serialised size). */
  readonly byteLength: number;
}

/** Mixes three word hashes into a trigram hash whose high bits are well spread. */
export function gramHash(a: number, b: number, c: number): number {
  let h = Math.imul(a ^ (a >>> 16), 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) ^ c;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  return (h ^ (h >>> 13)) >>> 0;
}

export function buildSourceIndex(source: SourceText): SourceIndex {
  const text = source.text;
  let hashes: Uint32Array = new Uint32Array(Math.max(64, Math.ceil(text.length / 5)));
  let checkpoints: Uint32Array = new Uint32Array(Math.ceil(hashes.length / CHECKPOINT_EVERY) + 1);
  let count = 0;
  scanWords(text, 0, text.length, (start, _end, hash) => {
    if (count === hashes.length) hashes = grown(hashes, count * 2);
    if ((count & (CHECKPOINT_EVERY - 1)) === 0) {
      const c = count >>> CHECKPOINT_SHIFT;
      if (c === checkpoints.length) checkpoints = grown(checkpoints, c * 2);
      checkpoints[c] = start;
    }
    hashes[count++] = hash;
    return true;
  });
  const grams = Math.max(0, count - GRAM_WORDS + 1);
  const bucketBits = Math.min(28, Math.max(4, Math.floor(Math.log2(Math.max(1, grams / 4)))));
  const shift = 32 - bucketBits;
  const offsets = new Uint32Array((1 << bucketBits) + 1);
  // Each word's hash is replaced by its trigram's bucket once no later trigram needs it.
  for (let i = 0; i < grams; i++) {
    const bucket = gramHash(hashes[i] as number, hashes[i + 1] as number, hashes[i + 2] as number) >>> shift;
    hashes[i] = bucket;
    (offsets[bucket + 1] as number)++;
  }
  for (let b = 1; b < offsets.length; b++) offsets[b] = (offsets[b] as number) + (offsets[b - 1] as number);
  const cursor = offsets.slice(0, offsets.length - 1);
  const positions = new Uint32Array(grams);
  for (let i = 0; i < grams; i++) {
    const bucket = hashes[i] as number;
    positions[cursor[bucket] as number] = i;
    cursor[bucket] = (cursor[bucket] as number) + 1;
  }
  return makeIndex(
    count,
    text.length,
    bucketBits,
    offsets,
    positions,
    checkpoints.slice(0, Math.ceil(count / CHECKPOINT_EVERY)),
  );
}

export function makeIndex(
  wordCount: number,
  textLength: number,
  bucketBits: number,
  offsets: Uint32Array,
  positions: Uint32Array,
  checkpoints: Uint32Array,
): SourceIndex {
  const byteLength = 4 * (HEADER_WORDS + offsets.length + positions.length + checkpoints.length);
  return { wordCount, textLength, bucketBits, offsets, positions, checkpoints, byteLength };
}

export const HEADER_WORDS = 11;

function grown(array: Uint32Array, capacity: number): Uint32Array {
  const bigger = new Uint32Array(capacity);
  bigger.set(array);
  return bigger;
}

/** The word numbers where a trigram with this hash may begin (others sharing its bucket included). */
export function gramPositions(index: SourceIndex, hash: number): Uint32Array {
  const bucket = hash >>> (32 - index.bucketBits);
  return index.positions.subarray(index.offsets[bucket], index.offsets[bucket + 1]);
}

/** Source words number `from` to `to` (exclusive), read again from the text the index was built on. */
export function sourceWords(index: SourceIndex, text: string, from: number, to: number): Words {
  const first = Math.max(0, Math.min(from, index.wordCount));
  const last = Math.max(first, Math.min(to, index.wordCount));
  if (last === first) return wordsOf(text, 0, 0);
  const checkpoint = first >>> CHECKPOINT_SHIFT;
  let skip = first - checkpoint * CHECKPOINT_EVERY;
  let at = index.checkpoints[checkpoint] as number;
  // Step over the words between the checkpoint and `first`, then collect.
  if (skip > 0) {
    scanWords(text, at, text.length, (_start, end) => {
      at = end;
      return --skip > 0;
    });
  }
  return wordsOf(text, at, text.length, last - first);
}

/** Refuses to check against a text other than the one indexed (its length is the cheap witness). */
export function assertIndexMatches(index: SourceIndex, source: SourceText): void {
  if (index.textLength !== source.text.length) {
    throw new InvalidError(
      `the quotation index was built on a text of ${index.textLength} characters, not this one of ${source.text.length}; rebuild it`,
    );
  }
}

// The serialised form: a header of HEADER_WORDS little-endian 32-bit words, then offsets, positions and
// checkpoints. Version 1.
const MAGIC = 0x49515342; // "BSQI"
const VERSION = 1;

export function serializeSourceIndex(index: SourceIndex): Uint8Array {
  const words = new Uint32Array(index.byteLength / 4);
  let at = HEADER_WORDS;
  words.set(index.offsets, at);
  at += index.offsets.length;
  words.set(index.positions, at);
  at += index.positions.length;
  words.set(index.checkpoints, at);
  words.set([
    MAGIC,
    VERSION,
    GRAM_WORDS,
    CHECKPOINT_EVERY,
    index.wordCount,
    index.textLength,
    index.bucketBits,
    index.positions.length,
    index.checkpoints.length,
    checksum(words.subarray(HEADER_WORDS)),
    0,
  ]);
  const bytes = new Uint8Array(words.buffer);
  if (!littleEndian()) throw new InvalidError("quotation indexes are written on little-endian machines only");
  return bytes;
}

/** Reads a serialised index, refusing (never crashing on) a blob that is truncated, corrupt or of another version. */
export function deserializeSourceIndex(bytes: Uint8Array): SourceIndex {
  const corrupt = (why: string) => new InvalidError(`the quotation index is unreadable: ${why}; rebuild it`);
  if (bytes.byteLength < HEADER_WORDS * 4)
    throw corrupt(`${bytes.byteLength} bytes is shorter than its header`);
  if (bytes.byteLength % 4 !== 0) throw corrupt(`${bytes.byteLength} bytes is not a whole number of words`);
  // Typed arrays need aligned memory; a Buffer from a pool may not be.
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
  const words = new Uint32Array(aligned.buffer, aligned.byteOffset, aligned.byteLength / 4);
  const [
    magic,
    version,
    gram,
    every,
    wordCount,
    textLength,
    bucketBits,
    positionsLength,
    checkpointsLength,
    sum,
  ] = words as unknown as number[];
  if (magic !== MAGIC) throw corrupt("it does not begin like one");
  if (version !== VERSION)
    throw corrupt(`it is version ${version}, and this program reads version ${VERSION}`);
  if (gram !== GRAM_WORDS || every !== CHECKPOINT_EVERY) throw corrupt("its layout parameters are unknown");
  if (bucketBits === undefined || bucketBits < 4 || bucketBits > 28)
    throw corrupt("its bucket count is impossible");
  const offsetsLength = (1 << bucketBits) + 1;
  const expected = HEADER_WORDS + offsetsLength + (positionsLength ?? 0) + (checkpointsLength ?? 0);
  if (words.length !== expected)
    throw corrupt(`it holds ${words.length * 4} bytes where its header says ${expected * 4}`);
  if (checksum(words.subarray(HEADER_WORDS)) !== sum) throw corrupt("its checksum does not match");
  const count = wordCount as number;
  const offsets = words.subarray(HEADER_WORDS, HEADER_WORDS + offsetsLength);
  const positions = words.subarray(
    HEADER_WORDS + offsetsLength,
    HEADER_WORDS + offsetsLength + (positionsLength as number),
  );
  const checkpoints = words.subarray(HEADER_WORDS + offsetsLength + (positionsLength as number));
  // The checksum catches accidents; these checks keep a crafted blob from reading out of bounds.
  if (positions.length !== Math.max(0, count - GRAM_WORDS + 1))
    throw corrupt("its trigram count does not fit its words");
  if (checkpoints.length !== Math.ceil(count / CHECKPOINT_EVERY))
    throw corrupt("its checkpoints do not fit its words");
  if (offsets[0] !== 0 || offsets[offsetsLength - 1] !== positions.length)
    throw corrupt("its buckets do not add up");
  for (let b = 1; b < offsetsLength; b++) {
    if ((offsets[b] as number) < (offsets[b - 1] as number)) throw corrupt("its buckets are out of order");
  }
  for (const p of positions) if (p >= positions.length) throw corrupt("a position is past the last word");
  let previous = -1;
  for (const c of checkpoints) {
    if (c <= previous || c >= (textLength as number))
      throw corrupt("a checkpoint is out of order or past the text");
    previous = c;
  }
  return makeIndex(count, textLength as number, bucketBits, offsets, positions, checkpoints);
}

function checksum(words: Uint32Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < words.length; i++) h = Math.imul(h ^ (words[i] as number), 0x01000193) ^ (h >>> 15);
  return h >>> 0;
}

function littleEndian(): boolean {
  return new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
}
