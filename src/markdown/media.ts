// Images from our own media library. A paragraph that is only `![alt](/media/{key}/{file} "caption")` becomes
// a figure with a <picture> offering every stored width in WebP and in the image's own format. The figure is
// built here from escaped values after the sanitiser has run (which knows no <picture> or srcset), in the
// place of a marker carrying a nonce made for each render, so no writer can forge one.
import { randomBytes } from "node:crypto";
import type { Env, MarkdownIt, StateCore, Token } from "markdown-it";

export interface MediaImageVariant {
  width: number;
  height: number;
  format: string;
  file: string;
}

/** What the render needs of a media item: its key, its texts and the files stored for it. */
export interface MediaImage {
  key: string;
  alt: string;
  caption: string;
  credit: string;
  variants: MediaImageVariant[];
}

export interface MediaRenderEnv extends Env {
  media?: ReadonlyMap<string, MediaImage>;
  mediaNonce?: string;
  mediaFigures?: string[];
}

const MEDIA_SRC = /^\/media\/([0-9a-f]{32})\/[A-Za-z0-9._-]{1,40}$/;
/** At most this many different media a body may name: a bound on what a render looks up. */
export const MAX_MEDIA_PER_BODY = 200;

export const FIGURE_SIZES = "(min-width: 42rem) 40rem, 100vw";

/** The media key an image address names, if it names one of ours. */
export function mediaKeyOf(src: string): string | undefined {
  return MEDIA_SRC.exec(src)?.[1];
}

/** Every media key a body's text mentions, for looking them up before rendering. */
export function mediaKeysIn(body: string): string[] {
  const keys = new Set<string>();
  for (const match of body.matchAll(/\/media\/([0-9a-f]{32})\//g)) {
    keys.add(match[1] as string);
    if (keys.size >= MAX_MEDIA_PER_BODY) break;
  }
  return [...keys];
}

export function useMediaFigures(md: MarkdownIt): void {
  md.core.ruler.push("media_figures", mediaFigureRule);
  md.renderer.rules.media_figure = (tokens, idx, _options, env) => {
    const e = env as MediaRenderEnv;
    const index = Number(tokens[idx]?.meta?.index ?? -1);
    return `<p>${e.mediaNonce}x${index}</p>\n`;
  };
}

function mediaFigureRule(state: StateCore): void {
  const env = state.env as MediaRenderEnv;
  if (!env.media || env.media.size === 0) return;
  env.mediaNonce ??= `media${randomBytes(12).toString("hex")}`;
  env.mediaFigures ??= [];
  const tokens = state.tokens;
  for (let i = 0; i + 2 < tokens.length; i += 1) {
    const [open, inline, close] = [tokens[i], tokens[i + 1], tokens[i + 2]] as [Token, Token, Token];
    if (open.type !== "paragraph_open" || inline.type !== "inline" || close.type !== "paragraph_close")
      continue;
    const image = onlyImage(inline.children ?? []);
    const media = image && env.media.get(mediaKeyOf(String(image.attrGet("src") ?? "")) ?? "");
    if (!image || !media) continue;
    const alt = state.md.renderer.renderInlineAsText(image.children ?? [], state.md.options, env).trim();
    const figure = new state.Token("media_figure", "", 0);
    figure.block = true;
    figure.meta = { index: env.mediaFigures.length };
    env.mediaFigures.push(
      figureHtml(media, alt || media.alt, String(image.attrGet("title") ?? "") || media.caption, state.md),
    );
    tokens.splice(i, 3, figure);
  }
}

function onlyImage(children: readonly Token[]): Token | undefined {
  const meaningful = children.filter(
    (t) => !(t.type === "text" && t.content.trim() === "") && t.type !== "softbreak",
  );
  return meaningful.length === 1 && meaningful[0]?.type === "image" ? meaningful[0] : undefined;
}

function figureHtml(media: MediaImage, alt: string, caption: string, md: MarkdownIt): string {
  const e = md.utils.escapeHtml;
  const webp = media.variants.filter((v) => v.format === "webp");
  const own = media.variants.filter((v) => v.format !== "webp");
  const fallback = own.length > 0 ? own : webp;
  const srcset = (list: MediaImageVariant[]) =>
    list.map((v) => `/media/${media.key}/${v.file} ${v.width}w`).join(", ");
  // The default is the widest up to 1200 pixels: sharp enough on most screens for a browser without srcset.
  const chosen = [...fallback].reverse().find((v) => v.width <= 1200) ?? (fallback[0] as MediaImageVariant);
  const source =
    own.length > 0 && webp.length > 0
      ? `<source type="image/webp" srcset="${e(srcset(webp))}" sizes="${FIGURE_SIZES}">`
      : "";
  const credit = media.credit ? `<span class="credit">${e(media.credit)}</span>` : "";
  const captionText = [caption ? e(caption) : "", credit].filter(Boolean).join(" — ");
  return (
    `<figure class="media-figure"><picture>${source}` +
    `<img src="/media/${media.key}/${chosen.file}" srcset="${e(srcset(fallback))}" sizes="${FIGURE_SIZES}" ` +
    `width="${chosen.width}" height="${chosen.height}" alt="${e(alt)}" loading="lazy" decoding="async">` +
    `</picture>${captionText ? `<figcaption>${captionText}</figcaption>` : ""}</figure>`
  );
}

/** Puts each figure in its marker's place, after sanitising. */
export function fillMediaFigures(html: string, env: MediaRenderEnv): string {
  const figures = env.mediaFigures;
  if (!env.mediaNonce || !figures || figures.length === 0) return html;
  return html.replace(
    new RegExp(`<p>${env.mediaNonce}x(\\d+)</p>`, "g"),
    (_, i: string) => figures[Number(i)] ?? "",
  );
}

export interface MarkdownImage {
  src: string;
  alt: string;
  title: string;
}

/** Every image in a parsed body, with its alt text as a reader would get it. */
export function imagesOf(tokens: readonly Token[], md: MarkdownIt): MarkdownImage[] {
  const images: MarkdownImage[] = [];
  const visit = (list: readonly Token[]) => {
    for (const token of list) {
      if (token.type === "image") {
        images.push({
          src: String(token.attrGet("src") ?? ""),
          alt: md.renderer.renderInlineAsText(token.children ?? [], md.options, {}).trim(),
          title: String(token.attrGet("title") ?? ""),
        });
      } else if (token.children) {
        visit(token.children);
      }
    }
  };
  visit(tokens);
  return images;
}
