import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { afterEach, beforeEach, expect, it } from "vitest";
import { createArticle, publishArticle, saveArticle } from "../content/articles.js";
import type { Store } from "../storage/store.js";
import { describeEachStore } from "../storage/test-stores.js";
import { loginAs } from "../test-support/admin.js";
import { bombPng, cameraJpeg, pdf, smallGif, smallPng, tinyZip } from "./fixtures/files.js";
import { assertImagesHaveAlt } from "./in-articles.js";
import {
  attachDocument,
  deleteMedia,
  describeMedia,
  listArticleDocuments,
  listMedia,
  snippetFor,
  uploadMedia,
} from "./media.js";

describeEachStore("media", (store) => {
  let mediaDir: string;
  beforeEach(() => {
    mediaDir = mkdtempSync(join(tmpdir(), "broadside-media-"));
  });
  afterEach(() => rmSync(mediaDir, { recursive: true, force: true }));

  const upload = async (bytes: Buffer, name: string, text: { alt?: string; caption?: string } = {}) => {
    const me = await loginAs(store(), "writer");
    return uploadMedia(store(), me.account, { bytes, name, ...text }, { mediaDir });
  };

  async function expectNothingStored(s: Store) {
    const rows = await s.db.selectFrom("media").select("id").execute();
    const variants = await s.db.selectFrom("media_variants").select("file").execute();
    expect(rows).toEqual([]);
    expect(variants).toEqual([]);
    expect(readdirSync(mediaDir)).toEqual([]);
  }

  it("strips EXIF, GPS and XMP from every stored file, the full-size one included, and turns it upright", async () => {
    const photo = await cameraJpeg();
    const before = await sharp(photo).metadata();
    expect([before.exif !== undefined, before.icc !== undefined, before.xmp !== undefined]).toEqual([
      true,
      true,
      true,
    ]);
    const item = await upload(photo, "IMG_2041 at the safe house.jpg", { alt: "A red square on blue" });
    // Stored turned by EXIF orientation 6: upright it is 1000 wide and 1600 tall.
    expect([item.width, item.height]).toEqual([1000, 1600]);
    expect(item.variants.map((v) => v.file).sort()).toEqual(
      ["1000.jpg", "1000.webp", "480.jpg", "480.webp", "800.jpg", "800.webp"].sort(),
    );
    for (const variant of item.variants) {
      const bytes = readFileSync(join(mediaDir, item.storageKey, variant.file));
      const meta = await sharp(bytes).metadata();
      expect(meta.exif).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(meta.iptc).toBeUndefined();
      expect(meta.icc).toBeUndefined();
      expect(meta.orientation).toBeUndefined();
      expect(meta.width).toBe(variant.width);
      const text = bytes.toString("latin1");
      expect(text).not.toContain("Exif");
      expect(text).not.toContain("GPS");
      expect(text).not.toContain("Secret Photographer");
      expect(text).not.toContain("Leica");
      expect(text).not.toContain("safe house");
    }
    const files = readdirSync(join(mediaDir, item.storageKey));
    expect(files.join(" ")).not.toContain("IMG");
    expect(item.storageKey).toMatch(/^[0-9a-f]{32}$/);
  });

  it("takes a PNG named .jpg as the PNG it is, and a GIF as PNG and WebP", async () => {
    const png = await upload(await smallPng(), "chart.jpg");
    expect(png.mime).toBe("image/png");
    expect(png.variants.map((v) => v.file).sort()).toEqual([
      "480.png",
      "480.webp",
      "800.png",
      "800.webp",
      "900.png",
      "900.webp",
    ]);
    const gif = await upload(await smallGif(), "anim.gif");
    expect(gif.variants.map((v) => v.file).sort()).toEqual(["300.png", "300.webp"]);
  });

  it("takes WebP as WebP alone, and AVIF as WebP and JPEG", async () => {
    const picture = sharp({ create: { width: 640, height: 400, channels: 3, background: "#336699" } });
    const webp = await upload(await picture.clone().webp().toBuffer(), "w.webp");
    expect(webp.variants.map((v) => v.file).sort()).toEqual(["480.webp", "640.webp"]);
    const avif = await upload(await picture.clone().avif().toBuffer(), "a.avif");
    expect(avif.mime).toBe("image/avif");
    expect(avif.variants.map((v) => v.file).sort()).toEqual(["480.jpg", "480.webp", "640.jpg", "640.webp"]);
  });

  it("refuses a text file named .jpg and stores nothing", async () => {
    await expect(upload(Buffer.from("just some words\n"), "photo.jpg")).rejects.toThrow(
      /“photo.jpg” is text, not an image or a PDF/,
    );
    await expectNothingStored(store());
  });

  it("refuses a JPEG with a script or a ZIP appended, and stores nothing", async () => {
    const photo = await cameraJpeg();
    const withScript = Buffer.concat([photo, Buffer.from("<script>alert(document.cookie)</script>")]);
    await expect(upload(withScript, "x.jpg")).rejects.toThrow(
      /follow the end of the image \(markup or script\)/,
    );
    await expect(upload(Buffer.concat([photo, tinyZip()]), "x.jpg")).rejects.toThrow(/a ZIP archive/);
    await expectNothingStored(store());
  });

  it("refuses a GIF that is also a script", async () => {
    const gif = await smallGif();
    const polyglot = Buffer.concat([gif, Buffer.from("*/=alert(1);")]);
    await expect(upload(polyglot, "x.gif")).rejects.toThrow(/also another kind of file/);
    const opened = Buffer.from(gif);
    opened.write("/*", 6, "latin1");
    await expect(upload(opened, "x.gif")).rejects.toThrow(/refused/);
    await expectNothingStored(store());
  });

  it("refuses a decompression bomb before decoding it, and stores nothing", async () => {
    await expect(upload(bombPng(), "bomb.png")).rejects.toThrow(
      /20000×20000 pixels, more than 40 megapixels/,
    );
    await expectNothingStored(store());
  });

  it("refuses a file over the limits with a too-large error, and stores nothing", async () => {
    const big = Buffer.alloc(31 * 1024 * 1024);
    big.write("%PDF-1.7\n", "latin1");
    await expect(upload(big, "big.pdf")).rejects.toMatchObject({ code: "too_large" });
    const photo = await cameraJpeg();
    const padded = Buffer.concat([photo, Buffer.alloc(21 * 1024 * 1024)]);
    await expect(upload(padded, "big.jpg")).rejects.toMatchObject({ code: "too_large" });
    await expectNothingStored(store());
  });

  it("refuses PDFs with JavaScript, hidden or compressed, a launch action, or a ZIP after them", async () => {
    const cases = [
      pdf({ extra: "/OpenAction << /S /JavaScript /JS (app.alert(1)) >>" }),
      pdf({ extra: "/AA << /O << /S /J#61vaScript /JS (x) >> >>" }),
      pdf({ streamText: "<< /S /Launch /F (calc.exe) >>" }),
      Buffer.concat([pdf(), tinyZip()]),
      Buffer.from("%PDF-1.4\nno end at all"),
    ];
    for (const bytes of cases)
      await expect(upload(bytes, "report.pdf")).rejects.toMatchObject({ code: "invalid" });
    await expect(upload(cases[0] as Buffer, "report.pdf")).rejects.toThrow(/carries JavaScript/);
    await expect(upload(cases[2] as Buffer, "report.pdf")).rejects.toThrow(/launch action/);
    await expectNothingStored(store());
  });

  it("refuses a PDF whose compressed parts expand past 200 MB, and stores nothing", async () => {
    const bomb = pdf({ stream: Buffer.alloc(201 * 1024 * 1024) });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    await expect(upload(bomb, "bomb.pdf")).rejects.toThrow(/expand to more than 200 MB/);
    await expectNothingStored(store());
  });

  it("stores a good PDF and lists it on the article it is attached to, without its file name", async () => {
    const editor = await loginAs(store(), "editor");
    const doc = await upload(pdf(), "Minutes of the secret meeting.pdf", { caption: "The 1938 programme" });
    expect(doc.kind).toBe("document");
    expect(
      readFileSync(join(mediaDir, doc.storageKey, "document.pdf"))
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
    const article = await createArticle(store(), { language: "en", title: "With a document", body: "Text." });
    await attachDocument(store(), editor.account, article.id, doc.id);
    await attachDocument(store(), editor.account, article.id, doc.id);
    expect(await listArticleDocuments(store(), article.id)).toEqual([
      { title: "The 1938 programme", bytes: doc.bytes, url: `/media/${doc.storageKey}/document.pdf` },
    ]);
  });

  it("blanks a PDF's author, creator and XMP packet in the stored file, keeping every offset", async () => {
    const xmp =
      '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><dc:creator>Jane Q. Writer</dc:creator></x:xmpmeta><?xpacket end="w"?>';
    const original = pdf({
      extra: `/Info << /Author (Jane Q. Writer \\(home\\)) /Creator <4A616E65> /Title (The programme) >> /X (${xmp})`,
    });
    const doc = await upload(original, "a.pdf");
    const stored = readFileSync(join(mediaDir, doc.storageKey, "document.pdf"));
    expect(stored.length).toBe(original.length);
    const text = stored.toString("latin1");
    expect(text).not.toContain("Jane");
    expect(text).not.toContain("4A616E65");
    expect(text).toContain("/Title (The programme)");
    expect(text.startsWith("%PDF-1.7")).toBe(true);
    expect(text.trimEnd().endsWith("%%EOF")).toBe(true);
    expect(text.indexOf("4 0 obj")).toBe(original.toString("latin1").indexOf("4 0 obj"));
  });

  it("lets a writer attach only to an article they may edit", async () => {
    const writer = await loginAs(store(), "writer");
    const doc = await upload(pdf(), "a.pdf");
    const article = await createArticle(store(), { language: "en", title: "Someone else's", body: "Text." });
    await expect(attachDocument(store(), writer.account, article.id, doc.id)).rejects.toMatchObject({
      code: "forbidden",
    });
  });

  it("requires alt text before publishing, naming the images without it", async () => {
    const item = await upload(await smallPng(), "chart.png");
    const described = await upload(await smallPng(), "map.png", { alt: "A map of the front" });
    const ours = snippetFor(item);
    expect(ours).toMatch(/^!\[\]\(\/media\/[0-9a-f]{32}\/900\.png\)$/);
    await expect(assertImagesHaveAlt(store(), `Intro.\n\n${ours}\n`)).rejects.toThrow(
      /1 image has no alt text: \/media\/[0-9a-f]{32}\/900\.png/,
    );
    await expect(
      assertImagesHaveAlt(store(), "![](https://example.org/a.png) and ![](/b.png)"),
    ).rejects.toThrow(/2 images have no alt text: https:\/\/example.org\/a.png, \/b.png/);
    await expect(assertImagesHaveAlt(store(), `![](/media/${"0".repeat(32)}/480.jpg)`)).rejects.toThrow(
      /names no item of the media library/,
    );
    // Markdown alt text, or the library's, will do.
    await assertImagesHaveAlt(store(), `![A chart of wages](/media/${item.storageKey}/900.png)`);
    await assertImagesHaveAlt(store(), snippetFor(described));
    await describeMedia(store(), (await loginAs(store(), "writer")).account, item.id, {
      alt: "Wages, 1930–1940",
    });
    await assertImagesHaveAlt(store(), `Intro.\n\n${ours}\n`);
  });

  it("renders our image as a responsive figure when the article is saved", async () => {
    const me = await loginAs(store(), "writer");
    const photo = await uploadMedia(
      store(),
      me.account,
      {
        bytes: await cameraJpeg(),
        name: "p.jpg",
        alt: "Strikers & police",
        caption: "The gate",
        credit: "A. Photographer",
      },
      { mediaDir },
    );
    const body = `Before.\n\n${snippetFor(photo)}\n\nAfter, inline ![x](/media/${photo.storageKey}/480.jpg).`;
    const article = await createArticle(store(), { language: "en", title: "Pictured", body });
    const key = photo.storageKey;
    expect(article.html).toContain(
      `<figure class="media-figure"><picture><source type="image/webp" srcset="/media/${key}/480.webp 480w, /media/${key}/800.webp 800w, /media/${key}/1000.webp 1000w"`,
    );
    expect(article.html).toContain(
      `<img src="/media/${key}/1000.jpg" srcset="/media/${key}/480.jpg 480w, /media/${key}/800.jpg 800w, /media/${key}/1000.jpg 1000w"`,
    );
    expect(article.html).toContain(
      'width="1000" height="1600" alt="Strikers &amp; police" loading="lazy" decoding="async">',
    );
    expect(article.html).toContain(
      '<figcaption>The gate — <span class="credit">A. Photographer</span></figcaption>',
    );
    // An image inside a sentence stays a plain image.
    expect(article.html).toContain(`<img src="/media/${key}/480.jpg" alt="x" />`);
    const published = await publishArticle(store(), article.id, new Date("2026-03-01T10:00:00Z"));
    expect(published.html).toContain("<picture>");
  });

  it("cannot be forged: a writer's own <picture> or marker text is sanitised as before", async () => {
    const body =
      '<picture><source srcset="javascript:alert(1)"><img src=x onerror=alert(1)></picture>\n\nmedia0x0';
    const article = await createArticle(store(), { language: "en", title: "Hostile", body });
    expect(article.html).not.toContain("<picture");
    expect(article.html).not.toContain("onerror");
    expect(article.html).toContain("media0x0");
  });

  it("lists newest first by keyset, with the articles that use each item", async () => {
    const items = [];
    for (let i = 0; i < 3; i += 1) items.push(await upload(await smallGif(), `g${i}.gif`, { alt: `g${i}` }));
    const article = await createArticle(store(), {
      language: "en",
      title: "Uses the middle one",
      body: snippetFor(items[1] as (typeof items)[number]),
    });
    const page = await listMedia(store());
    expect(page.items.map((m) => m.originalName)).toEqual(["g2.gif", "g1.gif", "g0.gif"]);
    expect(page.items[1]?.uses).toEqual([
      { mediaId: items[1]?.id, articleId: article.id, title: "Uses the middle one", status: "draft" },
    ]);
    const older = await listMedia(store(), { beforeId: items[2]?.id });
    expect(older.items.map((m) => m.originalName)).toEqual(["g1.gif", "g0.gif"]);
  });

  it("follows which articles show an image as they are saved, leaving attached documents alone", async () => {
    const editor = await loginAs(store(), "editor");
    const image = await upload(await smallGif(), "i.gif", { alt: "i" });
    const doc = await upload(pdf(), "d.pdf");
    const article = await createArticle(store(), {
      language: "en",
      title: "Shows it",
      body: snippetFor(image),
    });
    await attachDocument(store(), editor.account, article.id, doc.id);
    const usesOf = async (id: number) =>
      (await listMedia(store())).items.find((m) => m.id === id)?.uses.length;
    expect([await usesOf(image.id), await usesOf(doc.id)]).toEqual([1, 1]);
    await saveArticle(store(), article.id, { baseRevision: article.revision, body: "No picture now." });
    expect([await usesOf(image.id), await usesOf(doc.id)]).toEqual([0, 1]);
  });

  it("deletes an unused item with its files; never one in use, nor a writer another's", async () => {
    const writer = await loginAs(store(), "writer");
    const other = await loginAs(store(), "writer");
    const editor = await loginAs(store(), "editor");
    const mine = await uploadMedia(
      store(),
      writer.account,
      { bytes: await smallGif(), name: "m.gif" },
      { mediaDir },
    );
    await expect(deleteMedia(store(), other.account, mine.id, { mediaDir })).rejects.toMatchObject({
      code: "forbidden",
    });
    const article = await createArticle(store(), { language: "en", title: "In use", body: snippetFor(mine) });
    await expect(deleteMedia(store(), editor.account, mine.id, { mediaDir })).rejects.toThrow(
      /still used by “In use”/,
    );
    await store()
      .db.updateTable("articles")
      .set({ body: "No image now." })
      .where("id", "=", article.id)
      .execute();
    await deleteMedia(store(), writer.account, mine.id, { mediaDir });
    await expectNothingStored(store());
    const audit = await store()
      .db.selectFrom("audit_events")
      .select("action")
      .where("action", "like", "media.%")
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["media.upload", "media.delete"]);
  });
});
