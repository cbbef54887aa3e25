// The reference article's two quotations, cited and checked as the seed prints and quotes them: the
// project's own copies of the source item, a page-numbered text holding the passages, and the quotations.
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { attachSourceText, importSources } from "../../citations/sources.js";
import { createArticle, publishArticle } from "../../content/articles.js";
import { createLogger } from "../../log.js";
import type { Store } from "../../storage/store.js";
import { describeEachStore } from "../../storage/test-stores.js";
import { createApp } from "../app.js";

const fixture = (path: string) => readFileSync(new URL(path, import.meta.url), "utf8");
const SOURCE = fixture("../../citations/fixtures/formats/trotsky.json");
const BOOK = fixture("../../quotations/fixtures/book.txt");
const QUOTATIONS = JSON.parse(fixture("../../quotations/fixtures/reference-quotations.json")) as {
  text: string;
}[];

const blockQuote = (text: string) =>
  `${text
    .split(/\n\s*\n/)
    .map((p) => `> ${p.trim()}`)
    .join("\n>\n")}\n>\n> [@trotsky-beginning-of-the-end, pp. 378, 382]`;

const BODY = [
  "Summing up the impact of Stalinism, Trotsky wrote:",
  blockQuote(QUOTATIONS[0]?.text ?? ""),
  "Trotsky concluded:",
  blockQuote(QUOTATIONS[1]?.text ?? ""),
  "More than eight decades later, the verdict stands.",
].join("\n\n");

const CITATION =
  "(Leon Trotsky, “The Beginning of the End,” June 12, 1937, in <i>Writings of Leon Trotsky</i> [1936–37] " +
  "(New York: Pathfinder Press, 1978), pp. 378, 382.)";

async function publishReference(store: Store, withText = true) {
  await importSources(store, SOURCE, "trotsky.json");
  if (withText) await attachSourceText(store, "trotsky-beginning-of-the-end", BOOK, "text");
  const article = await createArticle(store, { language: "en", title: "The gravedigger", body: BODY });
  return publishArticle(store, article.id, new Date("2026-02-08T10:00:00Z"));
}

describeEachStore("the reference article's citations and quotations", (store) => {
  const get = async (path: string) =>
    (
      await createApp({ store: store(), log: createLogger(), pageCache: false }).request(
        `http://127.0.0.1${path}`,
      )
    ).text();

  it("prints each citation exactly as the seed does, under its quotation", async () => {
    const article = await publishReference(store());
    const html = await get(article.path ?? "");
    const captions = [
      ...html.matchAll(/<figcaption><cite class="citation"[^>]*>(.*?)<span class="h-cite">/g),
    ];
    expect(captions.map((m) => m[1])).toEqual([CITATION, CITATION]);
    expect(html).toMatch(/<figure class="quotation">\s*<blockquote>\s*<p>No one, not excluding Hitler/);
    expect(html).not.toContain("[@trotsky");
  });

  it("names the source in the JSON-LD citation and as an h-cite", async () => {
    const article = await publishReference(store());
    const html = await get(article.path ?? "");
    const jsonLd = JSON.parse(
      html.match(/<script type="application\/ld\+json">(.*?)<\/script>/s)?.[1] ?? "{}",
    );
    expect(jsonLd.citation).toEqual([
      {
        "@type": "Chapter",
        name: "The Beginning of the End",
        author: [{ "@type": "Person", name: "Leon Trotsky" }],
        datePublished: "1978",
        dateCreated: "1937-06-12",
        isPartOf: { "@type": "Book", name: "Writings of Leon Trotsky [1936–37]" },
        publisher: { "@type": "Organization", name: "Pathfinder Press", location: "New York" },
      },
    ]);
    expect(html).toContain('<data class="p-name" value="The Beginning of the End"></data>');
    expect(html).toContain('<data class="p-author" value="Leon Trotsky"></data>');
  });

  it("shows readers, on request, where each quotation stands in the source", async () => {
    const article = await publishReference(store());
    const html = await get(article.path ?? "");
    const section = html.match(/<section class="quotation-checks".*?<\/section>/s)?.[0] ?? "";
    const items = [...section.matchAll(/<li id="quotation-check-(\d)"><details><summary>(.*?)<\/summary>/gs)];
    expect(items.map((m) => m[1])).toEqual(["1", "2"]);
    expect(items[0]?.[2]).toMatch(
      /^“No one, not excluding Hitler, .* …” — Found in the source, on pp?\. 378/,
    );
    expect(items[1]?.[2]).toMatch(/— Found in the source, on p\. 382$/);
    expect(section).toContain('<blockquote class="source-passage">');
    expect(section).toMatch(/Checked <time datetime="[^"]+">[A-Z][a-z]+ \d{1,2}, \d{4}<\/time>/);
  });

  it("claims nothing about quotations whose source has no text", async () => {
    const article = await publishReference(store(), false);
    const html = await get(article.path ?? "");
    expect(html).not.toContain("quotation-checks");
    expect(html).toContain(CITATION);
  });
});
