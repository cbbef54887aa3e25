// Serves stored media: `/media/{storageKey}/{file}`. Both segments are checked against the only shapes we
// ever write, so no address can reach outside the media folder; files never change, so browsers keep them.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";
import type { Context, Hono } from "hono";
import { NotFoundError } from "../../errors.js";
import { STORAGE_KEY, STORED_FILE } from "../../media/files.js";
import type { AppEnv } from "../env.js";

declare module "hono" {
  interface ContextVariableMap {
    /** Where media files live: `{dataDir}/media` when serving. */
    mediaDir: string;
  }
}

const TYPES: Record<string, string> = {
  jpg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  pdf: "application/pdf",
};

export function mediaFileRoutes(app: Hono<AppEnv>): void {
  app.on(["GET", "HEAD"], "/media/:key/:file", serveMedia);
}

async function serveMedia(c: Context<AppEnv>) {
  const key = c.req.param("key") ?? "";
  const file = c.req.param("file") ?? "";
  if (!STORAGE_KEY.test(key) || !STORED_FILE.test(file)) throw new NotFoundError("no such media file");
  const path = join(c.var.mediaDir, key, file);
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile()) throw new NotFoundError("no such media file");
  const extension = file.slice(file.lastIndexOf(".") + 1);
  const headers: Record<string, string> = {
    "content-type": TYPES[extension] ?? "application/octet-stream",
    "content-length": String(info.size),
    "cache-control": "public, max-age=31536000, immutable",
    "x-content-type-options": "nosniff",
    "cross-origin-resource-policy": "same-site",
  };
  if (extension === "pdf") {
    // Saved, not shown in the site's origin; and were a browser to show it anyway, sandboxed, with no origin
    // for any script it hid to reach.
    headers["content-security-policy"] = "sandbox; default-src 'none'; object-src 'none'";
    headers["content-disposition"] = 'attachment; filename="document.pdf"';
  } else {
    headers["content-disposition"] = "inline";
    headers["content-security-policy"] = "default-src 'none'; sandbox";
  }
  if (c.req.method === "HEAD") return c.body(null, 200, headers);
  const stream = Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>;
  return c.body(stream, 200, headers);
}

const DOCUMENTS: Record<string, string> = { en: "Documents", de: "Dokumente", fr: "Documents" };

/** The heading of an article's attached documents, in the edition's language. */
export function documentsLabel(language: string): string {
  return DOCUMENTS[language] ?? "Documents";
}

export function documentSize(bytes: number, language: string): string {
  const [value, unit] =
    bytes < 1024 * 1024 ? [Math.max(1, Math.round(bytes / 1024)), "KB"] : [bytes / 1024 / 1024, "MB"];
  return `${new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(value)} ${unit}`;
}
