import { parseFeed } from "@rowanmanning/feed-parser";
import { XMLValidator } from "fast-xml-parser";
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from "feedsmith";
import { describe, expect, it } from "vitest";
import type { Feed, FeedEntry } from "./feed.js";
import { renderAtom, renderJsonFeed, renderRss } from "./render-feed.js";

const ORIGIN = "https://paper.example";

function entry(overrides: Partial<FeedEntry> = {}): FeedEntry {
  return {
    id: "tag:paper.example,2026-02-08:article-1",
    url: `${ORIGIN}/en/articles/2026/02/08/first`,
    title: "Against the falsifiers",
    summary: "What this argues.",
    html: "<p>The argument opens here.</p>",
    publishedAt: "2026-02-08T10:00:00.000Z",
    updatedAt: "2026-02-09T11:30:00.000Z",
    authors: ["Kip Writer", "Ana Other"],
    categories: ["History", "Politics"],
    ...overrides,
  };
}

function feed(entries: FeedEntry[] = [entry()], overrides: Partial<Feed> = {}): Feed {
  return {
    title: "The Paper — Latest",
    description: "A daily paper",
    language: "en",
    pageUrl: `${ORIGIN}/en/`,
    feedUrls: {
      rss: `${ORIGIN}/en/feed.xml`,
      atom: `${ORIGIN}/en/atom.xml`,
      json: `${ORIGIN}/en/feed.json`,
    },
    publisher: "The Paper",
    updatedAt: entries[0]?.updatedAt,
    entries,
    ...overrides,
  };
}

// Everything a title, a name or a body could hold that XML or JSON might trip over.
const HOSTILE = {
  title: "Tom & Jerry <script>alert(1)</script> ]]> AT&amp;T 🚩 «مرحبا بالعالم» שלום",
  summary: "a < b && c ]]> d 🚩 مرحبا",
  html: '<p dir="rtl">مرحبا &amp; <em>x</em> ]]&gt; 🚩</p><pre>if (a < b) { c ]]> d }</pre>',
  authors: ["Kip & <Writer>", "كاتب ]]>"],
  categories: ["War ]]> & peace", "חדשות"],
};

describe("RSS 2.0", () => {
  it("has the channel and item elements the specification requires", () => {
    const xml = renderRss(feed());
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = parseRssFeed(xml);
    expect(parsed.title).toBe("The Paper — Latest");
    expect(parsed.link).toBe(`${ORIGIN}/en/`);
    expect(parsed.description).toBe("A daily paper");
    expect(parsed.language).toBe("en");
    expect(parsed.atom?.links?.[0]).toMatchObject({ rel: "self", href: `${ORIGIN}/en/feed.xml` });
    const item = parsed.items?.[0];
    expect(item?.title).toBe("Against the falsifiers");
    expect(item?.link).toBe(`${ORIGIN}/en/articles/2026/02/08/first`);
    expect(item?.guid).toEqual({ value: "tag:paper.example,2026-02-08:article-1", isPermaLink: false });
    expect(new Date(item?.pubDate ?? "").toISOString()).toBe("2026-02-08T10:00:00.000Z");
    expect(item?.content?.encoded).toBe("<p>The argument opens here.</p>");
    expect(item?.dc?.creators).toEqual(["Kip Writer", "Ana Other"]);
    expect(item?.categories?.map((c) => c.name)).toEqual(["History", "Politics"]);
    expect(item?.dcterms?.modified).toEqual(["2026-02-09T11:30:00Z"]);
  });

  it("names authors in dc:creator, never in <author>, which RSS keeps for e-mail addresses", () => {
    expect(renderRss(feed())).not.toMatch(/<author>/);
  });

  it("is read the same by a second parser", () => {
    const parsed = parseFeed(renderRss(feed()));
    expect(parsed.meta.type).toBe("rss");
    expect(parsed.self).toBe(`${ORIGIN}/en/feed.xml`);
    expect(parsed.items?.[0]?.id).toBe("tag:paper.example,2026-02-08:article-1");
    expect(parsed.items?.[0]?.authors.map((a) => a.name)).toEqual(["Kip Writer", "Ana Other"]);
    expect(parsed.items?.[0]?.content).toBe("<p>The argument opens here.</p>");
  });
});

describe("Atom 1.0", () => {
  it("has the feed and entry elements RFC 4287 requires", () => {
    const xml = renderAtom(feed());
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = parseAtomFeed(xml);
    expect(parsed.id).toBe(`${ORIGIN}/en/atom.xml`);
    expect(parsed.title).toEqual({ value: "The Paper — Latest" });
    expect(parsed.updated).toBe("2026-02-09T11:30:00Z");
    expect(parsed.links).toContainEqual({
      rel: "self",
      type: "application/atom+xml",
      href: `${ORIGIN}/en/atom.xml`,
    });
    expect(parsed.links).toContainEqual({ rel: "alternate", type: "text/html", href: `${ORIGIN}/en/` });
    expect(parsed.authors).toEqual([{ name: "The Paper" }]);
    const e = parsed.entries?.[0];
    expect(e?.id).toBe("tag:paper.example,2026-02-08:article-1");
    expect(e?.title).toEqual({ value: "Against the falsifiers" });
    expect(e?.updated).toBe("2026-02-09T11:30:00Z");
    expect(e?.published).toBe("2026-02-08T10:00:00Z");
    expect(e?.authors).toEqual([{ name: "Kip Writer" }, { name: "Ana Other" }]);
    expect(e?.categories).toEqual([{ term: "History" }, { term: "Politics" }]);
    expect(e?.summary).toEqual({ value: "What this argues." });
    expect(e?.content).toEqual({ value: "<p>The argument opens here.</p>", type: "html" });
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">');
  });

  it("is valid without entries or bylines: the publication is the feed's author", () => {
    const empty = parseAtomFeed(renderAtom(feed([])));
    expect(empty.updated).toBe("1970-01-01T00:00:00Z");
    expect(empty.authors).toEqual([{ name: "The Paper" }]);
    const anonymous = parseFeed(renderAtom(feed([entry({ authors: [] })])));
    expect(anonymous.items[0]?.authors.map((a) => a.name)).toEqual(["The Paper"]);
  });
});

describe("JSON Feed 1.1", () => {
  it("has the version, title and items with id, content and authors", () => {
    const text = renderJsonFeed(feed());
    const raw = JSON.parse(text);
    expect(raw.version).toBe("https://jsonfeed.org/version/1.1");
    const parsed = parseJsonFeed(text);
    expect(parsed.title).toBe("The Paper — Latest");
    expect(parsed.home_page_url).toBe(`${ORIGIN}/en/`);
    expect(parsed.feed_url).toBe(`${ORIGIN}/en/feed.json`);
    expect(parsed.language).toBe("en");
    const item = parsed.items?.[0];
    expect(item?.id).toBe("tag:paper.example,2026-02-08:article-1");
    expect(item?.url).toBe(`${ORIGIN}/en/articles/2026/02/08/first`);
    expect(item?.content_html).toBe("<p>The argument opens here.</p>");
    expect(item?.summary).toBe("What this argues.");
    expect(item?.authors).toEqual([{ name: "Kip Writer" }, { name: "Ana Other" }]);
    expect(item?.tags).toEqual(["History", "Politics"]);
    expect(item?.date_published).toBe("2026-02-08T10:00:00Z");
    expect(item?.date_modified).toBe("2026-02-09T11:30:00Z");
    // 1.0's singular `author` is gone in 1.1.
    expect(raw.items[0].author).toBeUndefined();
  });
});

describe("hostile text", () => {
  const hostile = feed([entry(HOSTILE)], { title: `Feed ${HOSTILE.title}`, description: HOSTILE.summary });

  it("keeps RSS well-formed and round-trips titles, bodies, names and topics", () => {
    const xml = renderRss(hostile);
    expect(XMLValidator.validate(xml)).toBe(true);
    const item = parseRssFeed(xml).items?.[0];
    expect(item?.title).toBe(HOSTILE.title);
    expect(item?.content?.encoded).toBe(HOSTILE.html);
    expect(item?.dc?.creators).toEqual(HOSTILE.authors);
    expect(item?.categories?.map((c) => c.name)).toEqual(HOSTILE.categories);
    // The description is HTML, so the plain-text standfirst arrives HTML-escaped once.
    expect(item?.description).toBe("a &lt; b &amp;&amp; c ]]&gt; d 🚩 مرحبا");
    expect(parseFeed(xml).items[0]?.description).toBe(HOSTILE.summary);
  });

  it("keeps Atom well-formed and round-trips titles, bodies, names and topics", () => {
    const xml = renderAtom(hostile);
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = parseAtomFeed(xml);
    expect(parsed.title?.value).toBe(`Feed ${HOSTILE.title}`);
    const e = parsed.entries?.[0];
    expect(e?.title?.value).toBe(HOSTILE.title);
    expect(e?.summary?.value).toBe(HOSTILE.summary);
    expect(e?.content?.value).toBe(HOSTILE.html);
    expect(e?.authors?.map((a) => a.name)).toEqual(HOSTILE.authors);
    expect(e?.categories?.map((c) => c.term)).toEqual(HOSTILE.categories);
    // This parser also decodes the HTML's own entities; the markup arrives whole all the same.
    expect(parseFeed(xml).items[0]?.content).toContain('<p dir="rtl">مرحبا & <em>x</em>');
  });

  it("keeps JSON Feed valid and round-trips titles, bodies, names and topics", () => {
    const parsed = parseJsonFeed(renderJsonFeed(hostile));
    expect(parsed.title).toBe(`Feed ${HOSTILE.title}`);
    expect(parsed.items?.[0]).toMatchObject({
      title: HOSTILE.title,
      summary: HOSTILE.summary,
      content_html: HOSTILE.html,
      authors: HOSTILE.authors.map((name) => ({ name })),
      tags: HOSTILE.categories,
    });
  });

  it("drops characters XML cannot hold instead of writing an unreadable document", () => {
    const broken = feed([entry({ title: "bell\u0007 nul\u0000 lone\uD800 end", html: "<p>\u001b[31m</p>" })]);
    for (const xml of [renderRss(broken), renderAtom(broken)]) {
      expect(XMLValidator.validate(xml)).toBe(true);
      expect(parseFeed(xml).items[0]?.title).toBe("bell nul lone end");
    }
  });
});
