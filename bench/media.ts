// Uploads: how long checking and processing a photograph takes (sniffing, sharp's resizing into every width in
// two formats, writing the files, the rows), its output, and the process's memory; and what the library's
// catch-up on which articles show an image costs over a corpus, the first time and again.
// `npx tsx bench/media.ts [runs] [corpus-size]` (default 5 and 1000; a corpus is built when missing);
// MEDIA_BENCH_UPLOADS=off measures the catch-up alone.
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { createAccount } from "../src/accounts/accounts.js";
import { processImage } from "../src/media/images.js";
import { uploadMedia } from "../src/media/media.js";
import { sniffUpload } from "../src/media/sniff.js";
import { refreshImageUses } from "../src/media/uses.js";
import { openStore } from "../src/storage/store.js";
import { ensureCorpus } from "./corpus.js";
import { median } from "./support.js";

const runs = Number(process.argv[2] ?? 5);
const corpusSize = Number(process.argv[3] ?? 1000);

/** A photograph-like JPEG: blurred noise compresses about as a real scene does, with camera EXIF. */
async function photo(width: number, height: number): Promise<Buffer> {
  const noise = await sharp({
    create: {
      width,
      height,
      channels: 3,
      background: "#808080",
      noise: { type: "gaussian", mean: 128, sigma: 60 },
    },
  })
    .blur(1.2)
    .jpeg({ quality: 92 })
    .toBuffer();
  return sharp(noise)
    .withExif({
      IFD0: { Make: "Bench", Model: "Camera" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "1/1 2/1 3/1" },
    })
    .jpeg({ quality: 92 })
    .toBuffer();
}

function ms(start: number): number {
  return performance.now() - start;
}

async function measureUploads() {
  const dir = mkdtempSync(join(tmpdir(), "broadside-bench-media-"));
  const store = await openStore({ dataDir: dir });
  const { account } = await createAccount(store, { email: "bench@example.org", role: "writer" });
  let peakRss = process.memoryUsage().rss;
  try {
    for (const [w, h] of [
      [4000, 3000],
      [6000, 4000],
    ] as const) {
      const bytes = await photo(w, h);
      const sniffs: number[] = [];
      const processes: number[] = [];
      const uploads: number[] = [];
      let stored = 0;
      for (let i = 0; i < runs; i += 1) {
        let t = performance.now();
        await sniffUpload(bytes, "p.jpg");
        sniffs.push(ms(t));
        t = performance.now();
        await processImage(bytes, "jpeg");
        processes.push(ms(t));
        t = performance.now();
        const item = await uploadMedia(
          store,
          account,
          { bytes, name: "p.jpg", alt: "a" },
          { mediaDir: join(dir, "media") },
        );
        uploads.push(ms(t));
        stored = item.variants.reduce((sum, v) => sum + v.bytes, 0);
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
      }
      console.log(
        `${(w * h) / 1e6} MP JPEG of ${(bytes.length / 1024 / 1024).toFixed(1)} MB: ` +
          `sniff ${median(sniffs).toFixed(1)} ms, process ${median(processes).toFixed(0)} ms, ` +
          `whole upload ${median(uploads).toFixed(0)} ms (median of ${runs}); ` +
          `${(stored / 1024 / 1024).toFixed(1)} MB stored in its variants`,
      );
    }
    console.log(`peak resident memory: ${(peakRss / 1024 / 1024).toFixed(0)} MB`);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function measureCatchUp() {
  const corpus = await ensureCorpus(corpusSize);
  // A small corpus is copied; a large one is used in place, and what the bench adds (one media row, one
  // setting) removed afterwards: no article names that media item, so the catch-up writes nothing else.
  const inPlace = corpusSize > 10_000;
  const dir = inPlace ? corpus : mkdtempSync(join(tmpdir(), "broadside-bench-uses-"));
  if (!inPlace) copyFileSync(join(corpus, "broadside.db"), join(dir, "broadside.db"));
  const store = await openStore({ dataDir: dir });
  // The worst case: an upload older than every article, so the first look reads them all.
  const { id: mediaId } = await store.db
    .insertInto("media")
    .values({
      kind: "image",
      mime: "image/png",
      original_name: "bench.png",
      bytes: 1,
      sha256: "",
      storage_key: "0".repeat(32),
      created_at: "1970-01-01T00:00:00.000Z",
      alt: "",
      caption: "",
      credit: "",
      width: null,
      height: null,
      uploaded_by: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  try {
    let t = performance.now();
    await refreshImageUses(store);
    const first = ms(t);
    const again: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      t = performance.now();
      await refreshImageUses(store);
      again.push(ms(t));
    }
    console.log(
      `which articles show an image, over ${corpusSize} articles: first look ${first.toFixed(0)} ms, ` +
        `each later look ${median(again).toFixed(1)} ms (median of ${runs})`,
    );
  } finally {
    await store.db.deleteFrom("settings").where("key", "=", "media_uses_through").execute();
    await store.db.deleteFrom("media").where("id", "=", mediaId).execute();
    await store.close();
    if (!inPlace) rmSync(dir, { recursive: true, force: true });
  }
}

if (process.env.MEDIA_BENCH_UPLOADS !== "off") await measureUploads();
await measureCatchUp();
