import { describe, expect, it } from "vitest";
import { absoluteLinks } from "./links.js";

describe("links in a feed", () => {
  const origin = "https://paper.example";
  const page = "https://paper.example/en/articles/2026/02/08/strike";

  it("makes paths, fragments and srcset candidates absolute, and leaves other sites' addresses alone", () => {
    const html =
      '<p><a href="/en/authors/rosa">Rosa</a> said it.<sup><a href="#fn-1" id="fnref-1">1</a></sup> ' +
      '<a href="https://elsewhere.example/x">there</a> <a href="//cdn.example/y">cdn</a></p>' +
      '<picture><source srcset="/media/k/480.webp 480w, /media/k/800.webp 800w"><img src="/media/k/800.jpg" alt=""></picture>' +
      '<blockquote cite="/en/articles/2025/01/01/old">q</blockquote><a href="mailto:x@example.org">m</a>';
    expect(absoluteLinks(html, origin, page)).toBe(
      `<p><a href="${origin}/en/authors/rosa">Rosa</a> said it.<sup><a href="${page}#fn-1" id="fnref-1">1</a></sup> ` +
        '<a href="https://elsewhere.example/x">there</a> <a href="//cdn.example/y">cdn</a></p>' +
        `<picture><source srcset="${origin}/media/k/480.webp 480w, ${origin}/media/k/800.webp 800w"><img src="${origin}/media/k/800.jpg" alt=""></picture>` +
        `<blockquote cite="${origin}/en/articles/2025/01/01/old">q</blockquote><a href="mailto:x@example.org">m</a>`,
    );
  });

  it("leaves text that only looks like an attribute alone", () => {
    const html = "<p>write href=&quot;/x&quot; like this</p>";
    expect(absoluteLinks(html, origin, page)).toBe(html);
  });
});
