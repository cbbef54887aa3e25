// What may go into a mail header: one plain address, one line of text. Pure, so the contact rules use it too.

const MAX_SUBJECT = 300;
// A single address without display name, comments, whitespace or control characters: nothing a header
// parser could read as a second address or a new line.
const SINGLE_ADDRESS = /^[^\s@<>()",;:\\\p{Cc}]{1,64}@[^\s@<>()",;:\\\p{Cc}]+\.[^\s@<>()",;:\\\p{Cc}]+$/u;

export function isSingleAddress(value: string): boolean {
  return value.length <= 254 && SINGLE_ADDRESS.test(value);
}

/** A header value as one line: line breaks and other control characters become spaces; cut to length. */
export function headerLine(value: string, max = MAX_SUBJECT): string {
  return (
    value
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
      .replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]+/g, " ")
      .replace(/\s+/g, " ")
      .trim()
      .slice(0, max)
  );
}
