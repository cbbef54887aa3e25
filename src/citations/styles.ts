// The citation styles a publication may choose: the house style built in, and the CSL files in a folder
// the operator names (BROADSIDE_CSL_STYLES). Nothing is downloaded: a style is a file on this machine.

import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync } from "node:fs";
import { join } from "node:path";
import { InvalidError, NotFoundError } from "../errors.js";

export const HOUSE_STYLE_ID = "house";

export interface StyleInfo {
  /** The file name without `.csl`; "house" for the built-in style. */
  id: string;
  title: string;
  /** A note style is printed whole in running text; an in-text style as "(Author Year)". */
  class: "note" | "in-text";
}

// Read beside this module, so the same code finds it under src/ (tsx) and under dist/ once built.
const HOUSE_STYLE_URL = new URL("./styles/house.csl", import.meta.url);
let houseStyle: string | undefined;

// A file name, never a path: no separators, no leading dot.
const STYLE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;
const CSL_NAMESPACE = "http://purl.org/net/xbiblio/csl";

/** The house style first, then the folder's styles by id. */
// A folder's list, kept for a minute: reading the heads of Debian's 2,500 styles takes up to a second,
// and the settings page and every change of style ask for it.
const LISTED_FOR_MS = 60_000;
const listed = new Map<string, { at: number; styles: StyleInfo[] }>();

export function listStyles(folder?: string): StyleInfo[] {
  const key = folder ?? "";
  const kept = listed.get(key);
  if (kept && Date.now() - kept.at < LISTED_FOR_MS) return kept.styles;
  const styles = readStyles(folder);
  listed.set(key, { at: Date.now(), styles });
  return styles;
}

function readStyles(folder?: string): StyleInfo[] {
  const styles: StyleInfo[] = [{ id: HOUSE_STYLE_ID, ...describeStyle(houseXml()) }];
  if (!folder || !existsSync(folder)) return styles;
  const ids = readdirSync(folder)
    .filter((name) => name.endsWith(".csl"))
    .map((name) => name.slice(0, -4))
    .filter((id) => STYLE_ID.test(id) && id !== HOUSE_STYLE_ID)
    .sort();
  for (const id of ids) {
    // The title and class sit in the first lines; reading 2,500 whole files would take a second.
    const head = readHead(join(folder, `${id}.csl`), 16_384);
    if (isCslStyle(head)) styles.push({ id, ...describeStyle(head) });
  }
  return styles;
}

/** A style's CSL XML; a dependent style (a journal's alias of another) is replaced by its parent. */
export function loadStyle(id: string, folder?: string): string {
  if (id === HOUSE_STYLE_ID) return houseXml();
  if (!STYLE_ID.test(id)) throw new InvalidError(`"${id.slice(0, 80)}" is not a citation style id`);
  if (!folder) throw new NotFoundError(`no citation style "${id}": no styles folder is configured`);
  const xml = readStyleFile(folder, id);
  const parent = independentParent(xml);
  if (!parent) return xml;
  const parentXml = STYLE_ID.test(parent) ? readStyleFile(folder, parent) : undefined;
  if (!parentXml || independentParent(parentXml)) {
    throw new InvalidError(
      `citation style "${id}" depends on "${parent}", which is not a style in the folder`,
    );
  }
  return parentXml;
}

function readStyleFile(folder: string, id: string): string {
  const file = join(folder, `${id}.csl`);
  if (!existsSync(file)) throw new NotFoundError(`no citation style "${id}" in the styles folder`);
  const xml = readFileSync(file, "utf8");
  if (!isCslStyle(xml))
    throw new InvalidError(`${id}.csl is not a CSL style: it has no <style> in the CSL namespace`);
  if (!independentParent(xml) && !/<citation[\s>]/.test(xml)) {
    throw new InvalidError(`${id}.csl is not a usable CSL style: it has no <citation> layout`);
  }
  return xml;
}

function houseXml(): string {
  houseStyle ??= readFileSync(HOUSE_STYLE_URL, "utf8");
  return houseStyle;
}

function isCslStyle(xml: string): boolean {
  const root = /<style\b[^>]*>/.exec(xml)?.[0];
  return root?.includes(`xmlns="${CSL_NAMESPACE}"`) === true;
}

function describeStyle(xml: string): Omit<StyleInfo, "id"> {
  const root = /<style\b[^>]*>/.exec(xml)?.[0] ?? "";
  const title = /<info>[\s\S]*?<title>([^<]*)<\/title>/.exec(xml)?.[1] ?? "";
  return {
    title: decodeXml(title.trim()),
    class: /\sclass="note"/.test(root) ? "note" : "in-text",
  };
}

function independentParent(xml: string): string | undefined {
  const link = /<link\b[^>]*rel="independent-parent"[^>]*>/.exec(xml)?.[0];
  const href = link && /href="([^"]*)"/.exec(link)?.[1];
  return href?.split("/").pop();
}

function readHead(file: string, bytes: number): string {
  const fd = openSync(file, "r");
  try {
    const buffer = Buffer.alloc(bytes);
    const read = readSync(fd, buffer, 0, bytes, 0);
    return buffer.toString("utf8", 0, read);
  } finally {
    closeSync(fd);
  }
}

function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, "&");
}
