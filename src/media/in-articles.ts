// Media as articles use them: what a render needs to know of the images a body names, and the rule that
// every image has alt text before an article is published.
import { InvalidError } from "../errors.js";
import { type MediaImage, mediaKeyOf, mediaKeysIn } from "../markdown/media.js";
import { findImages } from "../markdown/render.js";
import { findMediaByKeys, listVariantRows } from "../storage/media.js";
import type { Store } from "../storage/store.js";

/** The images of our library that `body` names, with their stored variants, by key. */
export async function mediaForBody(store: Store, body: string): Promise<Map<string, MediaImage>> {
  const keys = mediaKeysIn(body);
  const found = new Map<string, MediaImage>();
  if (keys.length === 0) return found;
  const media = (await findMediaByKeys(store, keys)).filter((m) => m.kind === "image");
  const variants = await listVariantRows(
    store,
    media.map((m) => m.id),
  );
  for (const m of media) {
    found.set(m.storageKey, {
      key: m.storageKey,
      alt: m.alt,
      caption: m.caption,
      credit: m.credit,
      variants: variants
        .filter((v) => v.mediaId === m.id)
        .map((v) => ({
          width: v.width,
          height: m.width && m.height ? Math.max(1, Math.round((m.height * v.width) / m.width)) : v.width,
          format: v.format,
          file: v.file,
        })),
    });
  }
  return found;
}

/**
 * Refuses a body with an image a reader of a screen reader would miss: one whose alt text is empty in the
 * Markdown and, when it is one of ours, in the library too (the render falls back to the library's).
 * An address under /media/ that names no image of ours is refused as well: it would show nothing.
 */
export async function assertImagesHaveAlt(store: Store, body: string): Promise<void> {
  const images = findImages(body);
  if (images.length === 0) return;
  const library = await mediaForBody(store, body);
  const missing: string[] = [];
  const broken: string[] = [];
  for (const image of images) {
    const key = mediaKeyOf(image.src);
    const media = key ? library.get(key) : undefined;
    if (image.src.startsWith("/media/") && !media) broken.push(image.src);
    else if (!image.alt && !media?.alt) missing.push(image.src);
  }
  const problems: string[] = [];
  if (missing.length > 0)
    problems.push(`${plural(missing.length, "image has", "images have")} no alt text: ${list(missing)}`);
  if (broken.length > 0)
    problems.push(
      `${plural(broken.length, "image names", "images name")} no item of the media library: ${list(broken)}`,
    );
  if (problems.length > 0) {
    throw new InvalidError(`${problems.join("; ")}. Describe each image for readers who cannot see it.`);
  }
}

function plural(n: number, one: string, many: string): string {
  return n === 1 ? `1 ${one}` : `${n} ${many}`;
}

function list(sources: string[]): string {
  const shown = sources.slice(0, 10).map((s) => (s.length > 120 ? `${s.slice(0, 117)}…` : s));
  return shown.join(", ") + (sources.length > 10 ? ` and ${sources.length - 10} more` : "");
}
