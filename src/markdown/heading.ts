// Heading levels and anchors. The page renders the article title as the only h1, so the body's
// headings must start at h2 for the outline to stay correct.

import type { StateCore, Token } from "markdown-it";
import { inlineText } from "./plain-text.js";
import type { RenderEnv } from "./render.js";

/** Lowercase words of any script joined by hyphens: "Was tun?" → "was-tun", "Хрущёв" → "хрущёв". */
export function slugify(text: string): string {
  return text
    .normalize("NFC")
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\s_-]/gu, "")
    .trim()
    .replace(/[\s_-]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

export function headingRule(state: StateCore): void {
  const env = state.env as RenderEnv;
  const tokens = state.tokens;
  // Only a body that uses `#` is shifted; one that already starts at `##` is left as written.
  const shift = tokens.some((t) => t.type === "heading_open" && t.tag === "h1") ? 1 : 0;
  const used = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const open = tokens[i] as Token;
    if (open.type !== "heading_open") continue;
    const inline = tokens[i + 1] as Token;
    const close = tokens[i + 2] as Token;
    const level = Math.min(Number(open.tag.slice(1)) + shift, 6);
    open.tag = `h${level}`;
    close.tag = open.tag;
    const text = inlineText(inline.children ?? [], env, { noteMarkers: false }).trim();
    const id = unique(slugify(text) || "section", used);
    open.attrSet("id", id);
    env.headings.push({ level, id, text });
  }
}

function unique(slug: string, used: Set<string>): string {
  let id = slug;
  for (let n = 2; used.has(id); n++) id = `${slug}-${n}`;
  used.add(id);
  return id;
}
