import { expect, it } from "vitest";
import { createArticle, publishArticle, saveArticle, withdrawArticle } from "../../content/articles.js";
import { createLogger } from "../../log.js";
import { createPerson } from "../../people/people.js";
import type { Store } from "../../storage/store.js";
import { describeEachStore } from "../../storage/test-stores.js";
import { addSource } from "../../test-support/publication.js";
import { createTopic } from "../../topics/topics.js";
import { createApp } from "../app.js";

const BODY = `The argument opens here.[^1]

> First quoted paragraph.
>
> [@some-source, pp. 378, 382]

[^1]: A note.
`;

async function publish(store: Store, title: string, extra: Record<string, unknown> = {}) {
  await addSource(store, "some-source", "The Falsifiers");
  const person = await createPerson(store, { name: "Kip Writer", kind: "pen_name" });
  const topic = await createTopic(store, { name: `Topic of ${title}` });
  const article = await createArticle(store, {
    language: "en",
    title,
    standfirst: "What this argues.",
    body: BODY,
    personIds: [person],
    topicIds: [topic],
    ...extra,
  });
  return publishArticle(store, article.id, new Date("2026-02-08T10:00:00Z"));
}

describeEachStore("the public site", (store) => {
  const app = (pageCache = true) => createApp({ store: store(), log: createLogger(), pageCache });
  const get = (path: string, headers: Record<string, string> = {}, cache = true) =>
    app(cache).request(`http://127.0.0.1${path}`, { headers });

  it("sends / to the default edition", async () => {
    const res = await get("/");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/en/");
  });

  it("shows an article with its byline, date, notes, quotation and metadata", async () => {
    const article = await publish(store(), "Against the falsifiers");
    const res = await get(article.path ?? "");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).toContain('<html lang="en" dir="ltr">');
    expect(html).toContain('<h1 class="p-name">Against the falsifiers</h1>');
    expect(html).toContain('href="/en/authors/kip-writer"');
    expect(html).toContain(
      '<time class="dt-published" datetime="2026-02-08T10:00:00.000Z">February 8, 2026</time>',
    );
    expect(html).toMatch(/<figure class="quotation">\s*<blockquote>/);
    expect(html).toContain(
      '<figcaption><cite class="citation" data-keys="some-source">(Ada Writer, <i>The Falsifiers</i> (Glasgow: Harbour Books, 1938), pp. 378, 382.)',
    );
    expect(html).toContain('class="footnotes"');
    expect(html).toContain(`<link rel="canonical" href="http://127.0.0.1${article.path}"/>`);
    expect(html).toContain('<meta property="og:title" content="Against the falsifiers"/>');
    const jsonLd = JSON.parse(
      html.match(/<script type="application\/ld\+json">(.*?)<\/script>/s)?.[1] ?? "{}",
    );
    expect(jsonLd["@type"]).toBe("NewsArticle");
    expect(jsonLd.headline).toBe("Against the falsifiers");
    expect(jsonLd.author).toEqual([
      { "@type": "Person", name: "Kip Writer", url: "http://127.0.0.1/en/authors/kip-writer" },
    ]);
    expect(jsonLd.citation).toEqual([
      {
        "@type": "Book",
        name: "The Falsifiers",
        author: [{ "@type": "Person", name: "Ada Writer" }],
        datePublished: "1938",
        publisher: { "@type": "Organization", name: "Harbour Books", location: "Glasgow" },
      },
    ]);
    expect(res.headers.get("etag")).toMatch(/^W\//);
    expect(res.headers.get("last-modified")).toBeTruthy();
  });

  it("serves an article whose address is in another script", async () => {
    const article = await publish(store(), "Конец начала", { language: "ru" });
    expect(article.path).toBe("/ru/articles/2026/02/08/конец-начала");
    const res = await get(encodeURI(article.path ?? ""));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<html lang="ru" dir="ltr">');
  });

  it("answers a conditional request for an unchanged page with 304", async () => {
    const article = await publish(store(), "Unchanged");
    for (const cache of [true, false]) {
      const first = await get(article.path ?? "", {}, cache);
      const again = await get(
        article.path ?? "",
        { "if-none-match": first.headers.get("etag") ?? "" },
        cache,
      );
      expect(again.status).toBe(304);
    }
  });

  it("shows a new article on the front page at once, even with a warm page cache", async () => {
    const site = app();
    await publish(store(), "First");
    expect(await (await site.request("http://127.0.0.1/en/")).text()).toContain("First");
    const second = await createArticle(store(), { language: "en", title: "Second thoughts", body: "x" });
    await publishArticle(store(), second.id);
    expect(await (await site.request("http://127.0.0.1/en/")).text()).toContain("Second thoughts");
  });

  it("lists a featured article once on the front page, above the latest", async () => {
    await publish(store(), "The featured one", { featured: true });
    await publish(store(), "An ordinary one");
    const html = await (await get("/en/")).text();
    expect(html.split(">The featured one<")).toHaveLength(2);
    expect(html.indexOf("The featured one")).toBeLessThan(html.indexOf("An ordinary one"));
  });

  it("redirects an old address permanently after a slug change", async () => {
    const article = await publish(store(), "Old name");
    const renamed = await saveArticle(store(), article.id, {
      baseRevision: article.revision,
      slug: "new-name",
    });
    const res = await get(article.path ?? "");
    expect(res.status).toBe(301);
    expect(res.headers.get("location")).toBe(renamed.path);
  });

  it("answers 410 with a page in the edition's language for a withdrawn article", async () => {
    const article = await publish(store(), "To withdraw");
    await withdrawArticle(store(), article.id);
    const res = await get(article.path ?? "");
    expect(res.status).toBe(410);
    expect(await res.text()).toContain("Article withdrawn");
  });

  const badAddresses: [string, string, number][] = [
    ["an impossible date", "/en/articles/2026/13/45/x", 404],
    ["an unknown edition", "/xx/", 404],
    ["an unknown page", "/en/nothing/here", 404],
    ["a month archive out of range", "/en/archive/2026/13", 404],
    ["a malformed cursor", "/en/?before=%00%00", 400],
    ["a forged cursor", `/en/?before=${Buffer.from("x|y").toString("base64url")}`, 400],
    ["a 10 KB path", `/en/${"a".repeat(10_240)}`, 400],
    ["a 10 KB slug", `/en/articles/2026/02/08/${"a".repeat(10_240)}`, 400],
    ["an encoded traversal", "/en/articles/2026/02/08/..%2F..%2Fetc%2Fpasswd", 404],
    ["a broken percent-encoding", "/en/articles/2026/02/08/%E0%A4%A", 404],
    ["a NUL byte", "/en/authors/%00", 404],
    ["a day archive on 30 February", "/en/archive/2026/02/30", 404],
    ["a year before print", "/en/archive/0001", 404],
    ["both page cursors at once", "/en/?before=a&after=b", 400],
  ];
  for (const [what, path, status] of badAddresses) {
    it(`answers ${status} to ${what}, with a page`, async () => {
      await publish(store(), "Something");
      const res = await get(path);
      expect(res.status).toBe(status);
      expect(await res.text()).toContain("<!doctype html>");
    });
  }

  it("never lets script from titles, names or bodies reach a page as markup", async () => {
    const evil = `<script>alert(1)</script><img src=x onerror=alert(2)>`;
    const person = await createPerson(store(), { name: `Mallory ${evil}` });
    const topic = await createTopic(store(), { name: `Topic ${evil}` });
    const article = await createArticle(store(), {
      language: "en",
      title: `Title ${evil} </script><script>alert(3)</script>`,
      standfirst: evil,
      body: `${evil}\n\n[x](javascript:alert(4))\n\n<svg onload=alert(5)></svg><iframe src="https://x.example"></iframe>`,
      personIds: [person],
      topicIds: [topic],
    });
    const published = await publishArticle(store(), article.id, new Date("2026-02-08T10:00:00Z"));
    for (const path of [
      published.path ?? "",
      "/en/",
      "/en/authors/mallory-script-alert-1-script-img-src-x-onerror-alert-2",
    ]) {
      const html = await (await get(path)).text();
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.every((s) => s === '<script type="application/ld+json">')).toBe(true);
      expect(html).not.toMatch(/<img[^>]+onerror/i);
      expect(html).not.toMatch(/<(svg|iframe)\b/i);
      expect(html).not.toMatch(/(href|src|action)\s*=\s*["']?\s*javascript:/i);
      const jsonLd = html.match(/<script type="application\/ld\+json">(.*?)<\/script>/s)?.[1] ?? "";
      expect(jsonLd).not.toContain("<");
    }
  });

  it("lists the topic hierarchy", async () => {
    const parent = await createTopic(store(), { name: "World Politics" });
    await createTopic(store(), { name: "Africa", parentId: parent });
    const html = await (await get("/en/topics")).text();
    expect(html).toMatch(
      /<a href="\/en\/topics\/world-politics">World Politics<\/a><ul><li><a href="\/en\/topics\/africa">Africa<\/a>/,
    );
  });

  it("reports health", async () => {
    const res = await get("/healthz");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });

  it("makes no request to another host from any public page", async () => {
    const article = await publish(store(), "Self-contained");
    for (const path of [article.path ?? "", "/en/", "/en/archive/2026", "/en/archive/2026/02"]) {
      const html = await (await get(path)).text();
      const fetched = [...html.matchAll(/<(?:link|script|img|iframe|source)\b[^>]*(?:src|href)="([^"]+)"/g)]
        .filter((m) => !/rel="(canonical|alternate)"/.test(m[0]))
        .map((m) => m[1] ?? "");
      expect(fetched.filter((url) => /^(https?:)?\/\//.test(url))).toEqual([]);
    }
  });
});
