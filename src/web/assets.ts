// The site's stylesheet, served under a name that carries its hash so browsers may keep it forever.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";

const css = readFileSync(new URL("./assets/site.css", import.meta.url), "utf8");
const hash = createHash("sha1").update(css).digest("hex").slice(0, 10);
const path = `/assets/site.${hash}.css`;

export function stylesheetPath(): string {
  return path;
}

export function stylesheet(): { path: string; css: string } {
  return { path, css };
}
