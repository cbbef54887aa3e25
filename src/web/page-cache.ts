// An in-process cache of rendered public pages, dropped whenever the content clock moves. Bounded by entry
// count and bytes; the oldest entries go first. A hit is written straight to the socket by `serve`, before
// any request object is built: that is what lets a warm page come close to a static file server.
import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

export interface CachedPage {
  body: Buffer;
  headers: Record<string, string>;
  /** The same headers as Node's flat [name, value, …] list, which it writes without re-reading an object. */
  rawHeaders: string[];
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

  set(key: string, version: string, body: string, headers: Record<string, string>): void {
    if (version !== this.version) return;
    const buffer = Buffer.from(body, "utf8");
    if (buffer.length > this.maxBytes / 10) return;
    const all = { ...headers, "content-length": String(buffer.length) };
    const page = {
      body: buffer,
      headers: all,
      rawHeaders: Object.entries(all).flat(),
      etag: headers.etag ?? "",
    };
    this.entries.set(key, page);
    this.bytes += buffer.length;
    for (const [oldKey, old] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.entries.delete(oldKey);
      this.bytes -= old.body.length;
    }
  }

  /** Answers a GET from the cache; false when it is not there and the app must render it. */
  serve(req: IncomingMessage, res: ServerResponse, version: string): boolean {
    if (req.method !== "GET" || req.url === undefined) return false;
    const hit = this.get(cacheKey(req.headers.host ?? "", req.url), version);
    if (!hit) return false;
    if (req.headers["if-none-match"] === hit.etag) {
      const { "content-length": _, "content-type": __, ...headers } = hit.headers;
      res.writeHead(304, headers);
      res.end();
    } else {
      res.writeHead(200, hit.rawHeaders);
      res.end(hit.body);
    }
    return true;
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }
}

/** Pages name their own origin in canonical links, so the host is part of the key. */
export function cacheKey(host: string, pathAndQuery: string): string {
  return `${host}${pathAndQuery}`;
}

export function etagOf(body: string): string {
  return `W/"${createHash("sha1").update(body).digest("base64url").slice(0, 22)}"`;
}
