import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, type TestContext } from "vitest";
import { parseCitationGroup } from "../markdown/citation.js";
import type { CitationGroup } from "../markdown/render.js";
import { citeprocCite, createCiter } from "./citer.js";
import type { CslItem } from "./csl-item.js";

// Debian's citation-style-language-styles; CI installs it, a developer may not have it.
const STOCK_STYLES = "/usr/share/citation-style-language/styles";
const hasStockStyles = existsSync(join(STOCK_STYLES, "chicago-fullnote-bibliography.csl"));

function needStockStyles(context: TestContext): void {
  if (hasStockStyles) return;
  if (process.env.CI)
    throw new Error(`CI must install Debian's citation-style-language-styles (${STOCK_STYLES})`);
  context.skip(`Debian's citation-style-language-styles is not installed (${STOCK_STYLES})`);
}

const CHAPTER: CslItem = {
  id: "trotsky",
  type: "chapter",
  title: "The Beginning of the End",
  author: [{ family: "Trotsky", given: "Leon" }],
  "container-title": "Writings of Leon Trotsky [1936–37]",
  publisher: "Pathfinder Press",
  "publisher-place": "New York",
  issued: { "date-parts": [[1978]] },
  "original-date": { "date-parts": [[1937, 6, 12]] },
};

const WEB: CslItem = {
  id: "web",
  type: "webpage",
  title: "An Archive",
  URL: "https://example.org/archive",
  issued: { "date-parts": [[2020, 5, 1]] },
};

const items = (...list: CslItem[]) => new Map(list.map((item) => [item.id, item]));

function group(raw: string): CitationGroup {
  const parsed = parseCitationGroup(raw);
  if (!parsed) throw new Error(`not a citation: ${raw}`);
  return parsed;
}

describe("citeprocCite", () => {
  it.each([
    ["[@k, pp. 378, 382]", { id: "k", label: "page", locator: "378, 382" }],
    ["[@k, 33]", { id: "k", label: "page", locator: "33" }],
    ["[@k, xiv]", { id: "k", label: "page", locator: "xiv" }],
    ["[@k, ch. 3]", { id: "k", label: "chapter", locator: "3" }],
    ["[@k, sec. 2]", { id: "k", label: "section", locator: "2" }],
    ["[@k, § 2]", { id: "k", label: "section", locator: "2" }],
    ["[@k, para. 4]", { id: "k", label: "paragraph", locator: "4" }],
    ["[@k, n. 12]", { id: "k", label: "note", locator: "12" }],
    ["[@k, vol. IV]", { id: "k", label: "volume", locator: "IV" }],
    ["[@k, fig. 2]", { id: "k", label: "figure", locator: "2" }],
    ["[@k, l. 7]", { id: "k", label: "line", locator: "7" }],
    ["[@k, Chapter 3]", { id: "k", label: "chapter", locator: "3" }],
    [
      "[see @k, p. 3, emphasis added]",
      { id: "k", label: "page", locator: "3", prefix: "see ", suffix: ", emphasis added" },
    ],
    ["[@k and passim]", { id: "k", suffix: " and passim" }],
    ["[@k, {the preface}]", { id: "k", suffix: ", the preface" }],
    ["[-@k, p. 3]", { id: "k", label: "page", locator: "3", "suppress-author": true }],
  ])("reads %s for citeproc", (raw, cite) => {
    expect(citeprocCite(group(raw).citations[0] ?? { key: "", prefix: "", locator: "", suffix: "" })).toEqual(
      cite,
    );
  });
});

describe("a citer", () => {
  it("renders a group citing an unknown source in its plain form, escaped, and names the unknown keys", () => {
    const citer = createCiter({ items: items(CHAPTER) });
    const unknown = group("[@trotsky; @no&body, pp. 3]");
    expect(citer.html(unknown)).toBe("(trotsky; no&amp;body, pp. 3)");
    expect(citer.text(unknown)).toBe("(trotsky; no&body, pp. 3)");
    expect(citer.unknownKeys([unknown, group("[@gone]"), group("[@gone; @trotsky]")])).toEqual([
      "no&body",
      "gone",
    ]);
  });

  it("gives a source's URL, or its DOI as an address, and only web addresses", () => {
    const citer = createCiter({
      items: items(
        WEB,
        { id: "doi", type: "article-journal", DOI: "https://doi.org/10.1000/abc" },
        { id: "bare-doi", type: "article-journal", DOI: "10.1000/xyz" },
        { id: "bad", type: "webpage", URL: "javascript:alert(1)" },
      ),
    });
    expect(citer.sourceUrl("web")).toBe("https://example.org/archive");
    expect(citer.sourceUrl("doi")).toBe("https://doi.org/10.1000/abc");
    expect(citer.sourceUrl("bare-doi")).toBe("https://doi.org/10.1000/xyz");
    expect(citer.sourceUrl("bad")).toBeUndefined();
    expect(citer.sourceUrl("missing")).toBeUndefined();
  });

  it("summarises a source for its h-cite", () => {
    const citer = createCiter({ items: items(CHAPTER, WEB) });
    expect(citer.sourceSummary("trotsky")).toEqual({
      name: "The Beginning of the End",
      authors: ["Leon Trotsky"],
      published: "1978",
      url: undefined,
    });
    expect(citer.sourceSummary("web")).toMatchObject({ authors: [], published: "2020-05-01" });
  });

  it("gives no bibliography when no known source is cited", () => {
    const citer = createCiter({ items: items(CHAPTER) });
    expect(citer.bibliographyHtml([])).toBe("");
    expect(citer.bibliographyHtml(["nobody"])).toBe("");
    expect(citer.bibliographyHtml(["trotsky", "trotsky"]).match(/<li>/g)).toHaveLength(1);
  });

  it("keeps each article's sources apart while sharing one engine", () => {
    const first = createCiter({ items: items(CHAPTER) });
    const second = createCiter({ items: items({ ...CHAPTER, title: "A Different Title" }) });
    const cited = group("[@trotsky]");
    expect(first.text(cited)).toContain("“The Beginning of the End,”");
    expect(second.text(cited)).toContain("“A Different Title,”");
    expect(first.text(cited)).toContain("“The Beginning of the End,”");
    expect(second.bibliographyHtml(["trotsky"])).toContain("A Different Title");
  });

  it("never lets markup in a source's fields through as tags", () => {
    const hostile: CslItem = {
      id: "x",
      type: "book",
      title: 'Title <script>alert(1)</script><img src=x onerror="alert(1)">',
      author: [{ family: "<b onclick=alert(1)>Evil</b>" }],
    };
    const html = createCiter({ items: items(hostile) }).html(group("[@x]"));
    expect(html).not.toMatch(/<(?:script|img|b)[\s>]/);
    expect(html).toContain("&#60;script&#62;alert(1)");
  });

  it("refuses a style it cannot find", () => {
    expect(() => createCiter({ style: "../../etc/passwd", items: items() })).toThrow(
      /not a citation style id/,
    );
    expect(() => createCiter({ style: "chicago", items: items() })).toThrow(/no styles folder/);
  });
});

describe("a citer with Debian's stock styles", () => {
  const stock = (style: string, list: CslItem[] = [CHAPTER]) =>
    createCiter({ style, stylesFolder: STOCK_STYLES, items: items(...list) });

  it("prints a full Chicago note in parentheses, ending in one full stop", (context) => {
    needStockStyles(context);
    expect(stock("chicago-fullnote-bibliography").html(group("[@trotsky, pp. 378, 382]"))).toBe(
      "(Leon Trotsky, “The Beginning of the End,” in <i>Writings of Leon Trotsky</i> [1936–37] " +
        "(1937; repr., New York: Pathfinder Press, 1978), 378, 382.)",
    );
  });

  it("renders every citation as a first citation: no ibid. or short form carries over", (context) => {
    needStockStyles(context);
    const citer = stock("chicago-fullnote-bibliography");
    const cited = group("[@trotsky, p. 378]");
    const first = citer.text(cited);
    expect(first).toContain("Writings of Leon Trotsky");
    expect(citer.text(cited)).toBe(first);
    expect(stock("chicago-fullnote-bibliography").text(cited)).toBe(first);
  });

  it("prints an in-text style as the style prints it", (context) => {
    needStockStyles(context);
    expect(stock("apa").html(group("[@trotsky, pp. 378, 382]"))).toBe("(Trotsky, 1937/1978, pp. 378, 382)");
    expect(stock("modern-language-association").text(group("[@trotsky, p. 378]"))).toBe("(Trotsky 378)");
  });

  it("makes a bibliography in the style", (context) => {
    needStockStyles(context);
    expect(stock("apa", [CHAPTER, WEB]).bibliographyHtml(["web", "trotsky"])).toBe(
      "<ul>\n" +
        "<li><i>An Archive</i>. (2020, May 1). " +
        '<a href="https://example.org/archive">https://example.org/archive</a></li>\n' +
        "<li>Trotsky, L. (1978). The Beginning of the End. In <i>Writings of Leon Trotsky</i> [1936–37]. " +
        "Pathfinder Press. (Original work published 1937)</li>\n" +
        "</ul>\n",
    );
  });
});
