// Turning an accepted image into the files we serve: turned upright by its EXIF orientation, converted to
// sRGB, stripped of every piece of metadata (EXIF, GPS, XMP, IPTC, ICC), and resized to responsive widths in
// WebP and in its own format. The upload's bytes are never served as they came.
import sharp from "sharp";
import { InvalidError } from "../errors.js";
import type { ImageFormat } from "./sniff.js";

// libvips keeps recent operations' results for reuse; an upload is processed once, so the cache only holds
// memory a server needs for pages.
sharp.cache(false);

/** Past this many pixels an image is refused before it is decoded: a decompression bomb is small on disk. */
export const MAX_IMAGE_PIXELS = 40_000_000;
/** WebP cannot be wider or taller than 16,383 pixels. */
export const MAX_IMAGE_SIDE = 16_000;
/** The widths offered to browsers in `srcset`; an image is never enlarged to reach one. */
export const IMAGE_WIDTHS = [480, 800, 1200, 1600, 2400] as const;
const MAX_WEBP_WIDTH = 2400;

export type VariantFormat = "jpeg" | "png" | "webp";

export interface ImageVariant {
  width: number;
  height: number;
  format: VariantFormat;
  file: string;
  data: Buffer;
}

export interface ProcessedImage {
  width: number;
  height: number;
  variants: ImageVariant[];
}

const SHARP_FORMAT: Record<ImageFormat, string> = {
  jpeg: "jpeg",
  png: "png",
  webp: "webp",
  gif: "gif",
  avif: "heif",
};

export const EXTENSION: Record<VariantFormat, string> = { jpeg: "jpg", png: "png", webp: "webp" };

export async function processImage(bytes: Uint8Array, format: ImageFormat): Promise<ProcessedImage> {
  const meta = await readHeader(bytes);
  if (meta.format !== SHARP_FORMAT[format]) {
    throw new InvalidError(`the image's data is not the ${format.toUpperCase()} its first bytes promise`);
  }
  const [storedWidth, storedHeight] = [meta.width ?? 0, meta.height ?? 0];
  if (storedWidth < 1 || storedHeight < 1) throw new InvalidError("the image has no size");
  if (storedWidth * storedHeight > MAX_IMAGE_PIXELS) {
    throw new InvalidError(
      `the image is ${storedWidth}×${storedHeight} pixels, more than ${MAX_IMAGE_PIXELS / 1_000_000} megapixels: refused before decoding`,
    );
  }
  if (storedWidth > MAX_IMAGE_SIDE || storedHeight > MAX_IMAGE_SIDE) {
    throw new InvalidError(
      `the image is ${storedWidth}×${storedHeight}: no side may be over ${MAX_IMAGE_SIDE}`,
    );
  }
  // EXIF orientations 5 to 8 turn the picture a quarter: its upright width is the stored height.
  const turned = (meta.orientation ?? 1) >= 5;
  const width = turned ? storedHeight : storedWidth;
  const height = turned ? storedWidth : storedHeight;
  const fallback: VariantFormat =
    format === "jpeg"
      ? "jpeg"
      : format === "webp"
        ? "webp"
        : format === "avif" && !meta.hasAlpha
          ? "jpeg"
          : "png";
  const widths = [...IMAGE_WIDTHS.filter((w) => w < width), width];
  // The full size past the largest responsive width is kept in the image's own format only: no browser
  // picks it from a srcset, and a WebP of 24 megapixels costs seconds to make.
  const formatsAt = (w: number): VariantFormat[] =>
    fallback === "webp" ? ["webp"] : w > MAX_WEBP_WIDTH ? [fallback] : ["webp", fallback];

  const upright = await decode(bytes);
  const variants: ImageVariant[] = [];
  for (const w of widths) {
    const h = Math.max(1, Math.round((height * w) / width));
    for (const f of formatsAt(w)) {
      variants.push({
        width: w,
        height: h,
        format: f,
        file: `${w}.${EXTENSION[f]}`,
        data: await encode(upright, w, f),
      });
    }
  }
  return { width, height, variants };
}

async function readHeader(bytes: Uint8Array) {
  try {
    return await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch (error) {
    throw new InvalidError("the image cannot be read: it is damaged or not what it seems", { cause: error });
  }
}

interface Decoded {
  data: Buffer;
  info: { width: number; height: number; channels: 1 | 2 | 3 | 4 };
}

/**
 * The picture as pixels, decoded once: upright, in sRGB (an embedded ICC profile applied), nothing else.
 * Every variant is made from these pixels, so no metadata can follow the picture into a stored file.
 */
async function decode(bytes: Uint8Array): Promise<Decoded> {
  try {
    const { data, info } = await sharp(bytes, {
      limitInputPixels: MAX_IMAGE_PIXELS,
      failOn: "error",
      pages: 1,
    })
      .autoOrient()
      .toColourspace("srgb")
      .raw()
      .toBuffer({ resolveWithObject: true });
    return { data, info: { width: info.width, height: info.height, channels: info.channels } };
  } catch (error) {
    throw new InvalidError("the image cannot be decoded: it is damaged or not what it seems", {
      cause: error,
    });
  }
}

async function encode(upright: Decoded, width: number, format: VariantFormat): Promise<Buffer> {
  const pipeline = sharp(upright.data, { raw: upright.info }).resize({ width, withoutEnlargement: true });
  try {
    switch (format) {
      case "jpeg":
        return await pipeline
          .flatten({ background: "#ffffff" })
          .jpeg({ quality: 82, progressive: true })
          .toBuffer();
      case "png":
        return await pipeline.png({ compressionLevel: 8 }).toBuffer();
      case "webp":
        return await pipeline.webp({ quality: 80 }).toBuffer();
    }
  } catch (error) {
    throw new InvalidError("the image cannot be decoded: it is damaged or not what it seems", {
      cause: error,
    });
  }
}
