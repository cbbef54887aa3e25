// The site's static files (stylesheets, the admin's script), served under names that carry their hash so
// browsers may keep them forever.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";

export interface Asset {
  path: string;
  body: string;
  type: string;
}

const TYPES: Record<string, string> = {
  css: "text/css; charset=utf-8",
  js: "text/javascript; charset=utf-8",
};

function load(name: string): Asset {
  const body = readFileSync(new URL(`./assets/${name}`, import.meta.url), "utf8");
  const hash = createHash("sha1").update(body).digest("hex").slice(0, 10);
  const dot = name.lastIndexOf(".");
  const extension = name.slice(dot + 1);
  return {
    path: `/assets/${name.slice(0, dot)}.${hash}.${extension}`,
    body,
    type: TYPES[extension] ?? "text/plain",
  };
}

export const ASSETS = {
  site: load("site.css"),
  admin: load("admin.css"),
  adminScript: load("admin.js"),
} as const;

export function stylesheetPath(): string {
  return ASSETS.site.path;
}
