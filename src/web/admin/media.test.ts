import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { afterEach, beforeEach, expect, it } from "vitest";
import { createArticle, publishArticle } from "../../content/articles.js";
import { createLogger } from "../../log.js";
import { cameraJpeg, pdf, smallPng, tinyZip } from "../../media/fixtures/files.js";
import { setOwner } from "../../storage/article-owners.js";
import { describeEachStore } from "../../storage/test-stores.js";
import { type LoggedIn, loginAs } from "../../test-support/admin.js";
import { createApp } from "../app.js";

interface Uploaded {
  id: number;
  snippet: string;
  files: string[];
}

const uploaded = async (res: Response) => (await res.json()) as Uploaded;

describeEachStore("the media library", (store) => {
  let mediaDir: string;
  beforeEach(() => {
    mediaDir = mkdtempSync(join(tmpdir(), "broadside-media-web-"));
  });
  afterEach(() => rmSync(mediaDir, { recursive: true, force: true }));

  const app = () => createApp({ store: store(), log: createLogger(), pageCache: false, mediaDir });
  const url = (path: string) => `http://127.0.0.1${path}`;

  function uploadBody(
    me: LoggedIn | undefined,
    file: Blob,
    name: string,
    fields: Record<string, string> = {},
  ) {
    const form = new FormData();
    form.append("file", file, name);
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    if (me) form.append("_csrf", me.csrfToken);
    return form;
  }

  const upload = (
    me: LoggedIn,
    bytes: Buffer,
    name: string,
    fields: Record<string, string> = {},
    json = false,
  ) =>
    app().request(url("/admin/media"), {
      method: "POST",
      headers: { cookie: me.cookie, ...(json ? { accept: "application/json" } : {}) },
      body: uploadBody(me, new Blob([new Uint8Array(bytes)]), name, fields),
    });

  const post = (me: LoggedIn, path: string, fields: Record<string, string>) =>
    app().request(url(path), {
      method: "POST",
      headers: { ...me.headers({ csrf: false }), "content-type": "application/x-www-form-urlencoded" },
      body: me.form(fields),
    });

  async function expectNothingStored() {
    expect(await store().db.selectFrom("media").select("id").execute()).toEqual([]);
    expect(readdirSync(mediaDir)).toEqual([]);
  }

  it("lets a writer upload an image and shows it in the library with its snippet, never the uploader", async () => {
    const writer = await loginAs(store(), "writer");
    const res = await upload(writer, await cameraJpeg(), "DSC_0001.jpg", {
      alt: "Dockers at the gate",
      caption: "Morning shift",
      credit: "Photo: the union",
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toMatch(/^\/admin\/media\?done=uploaded#media-\d+$/);
    const page = await app().request(url("/admin/media?done=uploaded"), { headers: writer.headers() });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Uploaded. Copy its Markdown into an article.");
    expect(html).toContain("DSC_0001.jpg");
    expect(html).toMatch(
      /!\[Dockers at the gate\]\(\/media\/[0-9a-f]{32}\/1000\.jpg &quot;Morning shift&quot;\)/,
    );
    expect(html).toContain("by you");
    const other = await loginAs(store(), "editor");
    const seen = await (await app().request(url("/admin/media"), { headers: other.headers() })).text();
    expect(seen).not.toContain(writer.account.email);
    expect(seen).not.toContain("by you");
  });

  it("answers a program with JSON: files under an unguessable key, nothing of the uploader or file name", async () => {
    const writer = await loginAs(store(), "writer");
    const res = await upload(writer, await smallPng(), "payroll-scan.png", { alt: "a" }, true);
    expect(res.status).toBe(201);
    const body = await uploaded(res);
    expect(body.files).toHaveLength(6);
    const text = JSON.stringify(body);
    expect(text).not.toContain("payroll");
    expect(text).not.toContain(writer.account.email);
    expect(body).not.toHaveProperty("uploadedBy");
  });

  it("takes a PNG named .jpg as the PNG it is, and says so", async () => {
    const writer = await loginAs(store(), "writer");
    const res = await upload(writer, await smallPng(), "chart.jpg", { alt: "A chart" });
    expect(res.headers.get("location")).toMatch(/^\/admin\/media\?done=misnamed#media-\d+$/);
    const html = await (
      await app().request(url(res.headers.get("location") ?? ""), { headers: writer.headers() })
    ).text();
    expect(html).toContain("Uploaded, as what the file really is rather than what its name says");
    expect(html).toContain("its name says otherwise, but it is a PNG image");
    expect(html).toMatch(/!\[A chart\]\(\/media\/[0-9a-f]{32}\/900\.png\)/);
  });

  it("refuses a text file named .jpg with a 400 saying what it is, and stores nothing", async () => {
    const writer = await loginAs(store(), "writer");
    const res = await upload(writer, Buffer.from("<html><script>alert(1)</script></html>"), "cat.jpg");
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("“cat.jpg” is HTML, not an image or a PDF");
    expect(html).not.toContain("<script>alert(1)");
    await expectNothingStored();
  });

  it("refuses a form without a file, or with text where the file should be, and stores nothing", async () => {
    const writer = await loginAs(store(), "writer");
    const asText = new FormData();
    asText.append("file", "not a file");
    asText.append("_csrf", writer.csrfToken);
    const res = await app().request(url("/admin/media"), {
      method: "POST",
      headers: { cookie: writer.cookie },
      body: asText,
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("file: choose a file to upload");
    const empty = await upload(writer, Buffer.alloc(0), "empty.png");
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain("the file is empty");
    await expectNothingStored();
  });

  it("shows a hostile file name and alt text as text, never as markup", async () => {
    const writer = await loginAs(store(), "writer");
    const name = '<img src=x onerror=alert(1)>".png';
    const res = await upload(writer, await smallPng(), name, { alt: '"><script>alert(2)</script>' });
    expect(res.status).toBe(303);
    const html = await (await app().request(url("/admin/media"), { headers: writer.headers() })).text();
    expect(html).not.toContain("<img src=x");
    expect(html).not.toContain("<script>alert(2)");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });

  it("refuses a polyglot JPEG with a ZIP after it, and stores nothing", async () => {
    const writer = await loginAs(store(), "writer");
    const res = await upload(writer, Buffer.concat([await cameraJpeg(), tinyZip()]), "x.jpg");
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("a ZIP archive");
    await expectNothingStored();
  });

  it("refuses an oversized file with a 413, and stores nothing", async () => {
    const writer = await loginAs(store(), "writer");
    const padded = Buffer.concat([await cameraJpeg(), Buffer.alloc(21 * 1024 * 1024)]);
    const res = await upload(writer, padded, "huge.jpg");
    expect(res.status).toBe(413);
    expect(await res.text()).toContain("the limit for images is 20 MB");
    const past = await upload(writer, Buffer.alloc(41 * 1024 * 1024), "bigger.pdf");
    expect(past.status).toBe(413);
    await expectNothingStored();
  });

  it("refuses a PDF with JavaScript", async () => {
    const writer = await loginAs(store(), "writer");
    const res = await upload(
      writer,
      pdf({ extra: "/OpenAction << /S /JavaScript /JS (app.alert(1)) >>" }),
      "r.pdf",
    );
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("it carries JavaScript");
    await expectNothingStored();
  });

  it("refuses an upload without the CSRF token (403) or a session (401), and stores nothing", async () => {
    const writer = await loginAs(store(), "writer");
    const photo = new Blob([new Uint8Array(await smallPng())]);
    const noToken = await app().request(url("/admin/media"), {
      method: "POST",
      headers: { cookie: writer.cookie },
      body: uploadBody(undefined, photo, "a.png"),
    });
    expect(noToken.status).toBe(403);
    const noSession = await app().request(url("/admin/media"), {
      method: "POST",
      body: uploadBody(writer, photo, "a.png"),
    });
    expect(noSession.status).toBe(401);
    const page = await app().request(url("/admin/media"));
    expect(page.status).toBe(303);
    expect(page.headers.get("location")).toBe("/admin/login?next=%2Fadmin%2Fmedia");
    await expectNothingStored();
  });

  it("lets an uploader or an editor delete an unused item, not another writer", async () => {
    const writer = await loginAs(store(), "writer");
    const other = await loginAs(store(), "writer");
    const res = await upload(writer, await smallPng(), "a.png", { alt: "a" }, true);
    const { id } = await uploaded(res);
    const refused = await post(other, `/admin/media/${id}/delete`, {});
    expect(refused.status).toBe(403);
    expect((await app().request(url("/admin/media"), { headers: other.headers() })).status).toBe(200);
    const done = await post(writer, `/admin/media/${id}/delete`, {});
    expect(done.status).toBe(303);
    await expectNothingStored();
  });

  it("saves alt text, caption and credit, refusing control characters and overlong text", async () => {
    const writer = await loginAs(store(), "writer");
    const { id } = await uploaded(await upload(writer, await smallPng(), "a.png", {}, true));
    expect(
      (await post(writer, `/admin/media/${id}`, { alt: "A chart", caption: "Wages", credit: "ILO" })).status,
    ).toBe(303);
    expect((await post(writer, `/admin/media/${id}`, { alt: "bad\u0007bell" })).status).toBe(400);
    expect((await post(writer, `/admin/media/${id}`, { alt: "x".repeat(1001) })).status).toBe(400);
    expect((await post(writer, "/admin/media/999999", { alt: "x" })).status).toBe(404);
    const row = await store()
      .db.selectFrom("media")
      .select(["alt", "caption", "credit"])
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ alt: "A chart", caption: "Wages", credit: "ILO" });
  });

  it("serves stored files with their type, nosniff and a year's cache; PDFs as sandboxed attachments", async () => {
    const writer = await loginAs(store(), "writer");
    const image = await uploaded(await upload(writer, await smallPng(), "a.png", { alt: "a" }, true));
    const res = await app().request(url(image.files[0] ?? ""));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^image\/(png|webp)$/);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(res.headers.get("content-disposition")).toBe("inline");
    expect((await sharp(Buffer.from(await res.arrayBuffer())).metadata()).width).toBeGreaterThan(0);
    const doc = await uploaded(await upload(writer, pdf(), "r.pdf", {}, true));
    const served = await app().request(url(doc.files[0] ?? ""));
    expect(served.headers.get("content-type")).toBe("application/pdf");
    expect(served.headers.get("content-disposition")).toBe('attachment; filename="document.pdf"');
    expect(served.headers.get("content-security-policy")).toContain("sandbox");
  });

  it("answers 404 to any other address under /media, traversal included", async () => {
    const writer = await loginAs(store(), "writer");
    const image = await uploaded(await upload(writer, await smallPng(), "a.png", { alt: "a" }, true));
    const key = image.files[0]?.split("/")[2] ?? "";
    for (const path of [
      `/media/${key}/../../../etc/passwd`,
      `/media/${key}/%2e%2e%2f%2e%2e%2fetc%2fpasswd`,
      `/media/${key}/..%2F..%2Fsecret`,
      `/media/${key}/480.gif`,
      `/media/${key}/9999.png`,
      `/media/${key.toUpperCase()}/480.png`,
      `/media/${"0".repeat(32)}/480.png`,
      "/media/..%2F..%2F/480.png",
      `/media/${key}`,
    ]) {
      const res = await app().request(url(path));
      expect([path, res.status]).toEqual([path, 404]);
    }
  });

  it("shows a published article's image as a responsive figure and its attached PDF under Documents", async () => {
    const editor = await loginAs(store(), "editor");
    const image = await uploaded(
      await upload(editor, await cameraJpeg(), "photo.jpg", { alt: "Pickets", caption: "Day one" }, true),
    );
    const doc = await uploaded(
      await upload(editor, pdf(), "Internal minutes 12.pdf", { caption: "The minutes" }, true),
    );
    const article = await createArticle(store(), {
      language: "en",
      title: "The strike",
      body: `It began at dawn.\n\n${image.snippet}\n\nIt ended at dusk.`,
    });
    await setOwner(store(), article.id, editor.account.id);
    const attached = await post(editor, `/admin/articles/${article.id}/media`, {
      action: "attach",
      media: String(doc.id),
    });
    expect(attached.status).toBe(303);
    const published = await publishArticle(store(), article.id, new Date("2026-04-01T09:00:00Z"));
    const html = await (await app().request(url(published.path ?? ""))).text();
    expect(html).toMatch(
      /<picture><source type="image\/webp" srcset="\/media\/[0-9a-f]{32}\/480\.webp 480w, /,
    );
    expect(html).toMatch(
      /<img src="\/media\/[0-9a-f]{32}\/1000\.jpg" srcset="[^"]+ 1000w" sizes="[^"]+" width="1000"/,
    );
    expect(html).toContain("<figcaption>Day one</figcaption>");
    expect(html).toContain('<h2 id="documents">Documents</h2>');
    expect(html).toContain(
      `<a href="${doc.files[0] ?? ""}" type="application/pdf" download="">The minutes</a>`,
    );
    expect(html).not.toContain("Internal minutes");
    expect(html).not.toContain("photo.jpg");
    expect(html).not.toContain(editor.account.email);
    const library = await (await app().request(url("/admin/media"), { headers: editor.headers() })).text();
    expect(library).toContain("Attached to:");
    expect(library).toContain('name="back" value="library"');
    const detached = await post(editor, `/admin/articles/${article.id}/media`, {
      action: "detach",
      media: String(doc.id),
      back: "library",
    });
    expect(detached.status).toBe(303);
    expect(detached.headers.get("location")).toBe(`/admin/media?done=detached#media-${doc.id}`);
    expect(await (await app().request(url(published.path ?? ""))).text()).not.toContain("Documents</h2>");
  });

  it("refuses a writer attaching to an article they may not edit, and malformed attach requests", async () => {
    const writer = await loginAs(store(), "writer");
    const { id } = await uploaded(await upload(writer, pdf(), "a.pdf", {}, true));
    const article = await createArticle(store(), { language: "en", title: "Not theirs", body: "x" });
    const path = `/admin/articles/${article.id}/media`;
    expect((await post(writer, path, { action: "attach", media: String(id) })).status).toBe(403);
    expect((await post(writer, path, { action: "explode", media: String(id) })).status).toBe(400);
    expect((await post(writer, path, { action: "attach", media: "1 OR 1=1" })).status).toBe(400);
    expect(
      (await post(writer, "/admin/articles/999999/media", { action: "attach", media: String(id) })).status,
    ).toBe(404);
    expect(await store().db.selectFrom("article_media").selectAll().execute()).toEqual([]);
  });

  it("pages the library newest first", async () => {
    const writer = await loginAs(store(), "writer");
    const png = await smallPng(500, 300);
    for (let i = 0; i < 26; i += 1) await upload(writer, png, `n${i}.png`, { alt: `n${i}` }, true);
    const first = await (await app().request(url("/admin/media"), { headers: writer.headers() })).text();
    expect(first.indexOf("n25.png")).toBeLessThan(first.indexOf("n24.png"));
    expect(first).not.toContain(">n1.png<");
    const next = /href="(\/admin\/media\?before=\d+)"/.exec(first)?.[1] ?? "";
    const second = await (await app().request(url(next), { headers: writer.headers() })).text();
    expect(second).toContain(">n1.png<");
    expect(second).toContain(">n0.png<");
    expect(second).not.toContain(">n25.png<");
  });

  it("gives a document a plain Markdown link as its snippet", async () => {
    const writer = await loginAs(store(), "writer");
    const body = await uploaded(await upload(writer, pdf(), "a.pdf", { caption: "Report [draft]" }, true));
    expect(body.snippet).toMatch(/^\[Report \\\[draft\\\]\]\(\/media\/[0-9a-f]{32}\/document\.pdf\)$/);
  });
});
