// An in-process cache of rendered public pages, dropped whenever the content clock moves. Bounded by entry
// count and bytes; the oldest entries go first.
import { createHash } from "node:crypto";

export interface CachedPage {
  status: number;
  body: string;
  headers: Record<string, string>;
  etag: string;
}

export class PageCache {
  private entries = new Map<string, CachedPage>();
  private bytes = 0;
  private version = "";

  constructor(
    private readonly maxEntries = 5000,
    private readonly maxBytes = 64 * 1024 * 1024,
  ) {}

  get(key: string, version: string): CachedPage | undefined {
    if (version !== this.version) {
      this.clear();
      this.version = version;
      return undefined;
    }
    return this.entries.get(key);
  }

  set(key: string, version: string, page: CachedPage): void {
    if (version !== this.version) return;
    const size = page.body.length;
    if (size > this.maxBytes / 10) return;
    this.entries.set(key, page);
    this.bytes += size;
    for (const [oldKey, old] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.entries.delete(oldKey);
      this.bytes -= old.body.length;
    }
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }
}

export function etagOf(body: string): string {
  return `W/"${createHash("sha1").update(body).digest("base64url").slice(0, 22)}"`;
}
