// CSL-JSON files: an array of items, or a single item.

import type { CslItem } from "../csl-item.js";
import { describeEntry, fileError, lineAt, type SourceEntry } from "./entry.js";

export function readCslJson(text: string, file: string | undefined, maxItems: number): SourceEntry[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = Number(/at position (\d+)/.exec(message)?.[1]);
    const line = Number.isFinite(position) ? lineAt(text, position) : undefined;
    throw fileError(file, `is not valid JSON: ${message}`, line);
  }
  const values = Array.isArray(data) ? data : [data];
  // Checked before any item is, so a huge array is refused at once.
  if (values.length > maxItems) {
    throw fileError(
      file,
      `holds ${values.length.toLocaleString("en")} items; at most ${maxItems.toLocaleString("en")} are read at once`,
    );
  }
  return values.map((value: unknown, index) => {
    const id = typeof value === "object" && value !== null ? (value as { id?: unknown }).id : undefined;
    const key = typeof id === "string" || typeof id === "number" ? ` "${String(id).slice(0, 60)}"` : "";
    return { value: value as Record<string, unknown>, entry: describeEntry(file, `item ${index + 1}${key}`) };
  });
}

export function writeCslJson(items: readonly CslItem[]): string {
  return `${JSON.stringify(items, null, 2)}\n`;
}
