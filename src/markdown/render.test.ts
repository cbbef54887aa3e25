import { describe, expect, it } from "vitest";
import { POLEMIC } from "./fixtures/polemic.js";
import { parseMarkdownFile } from "./front-matter.js";
import { renderMarkdown } from "./render.js";

const polemic = parseMarkdownFile(POLEMIC, "polemic.md", new Set(["en"])).body;

describe("an article shaped like a polemic", () => {
  const rendered = renderMarkdown(polemic);

  it("keeps curly quotes, dashes and exclamation marks exactly as written", () => {
    const written = [
      "The party’s chairperson writes that critics “have called us ‘STALINISTS’ in bold letters!!!” — and",
      "The record of 1918–23 was rewritten in the 1930s,—and the rewriting was codified.",
      "crimes which he has committed – not only as the",
      "as “the most sinister figure” in the history",
    ];
    for (const phrase of written) {
      expect(rendered.html).toContain(phrase);
      expect(rendered.text).toContain(phrase);
    }
  });

  it("records both sourced quotations with their keys and locators", () => {
    expect(rendered.quotations).toHaveLength(2);
    expect(rendered.quotations.map((q) => q.position)).toEqual([0, 1]);
    for (const quotation of rendered.quotations) {
      expect(quotation.citation.citations).toEqual([
        { key: "trotsky-beginning-of-the-end", prefix: "", locator: "pp. 378, 382", suffix: "" },
      ]);
    }
    expect(rendered.quotations[0]?.text).toBe(
      "No one, not excluding Hitler, has dealt socialism such deadly blows as Stalin.\n\n" +
        "Socialism signifies a pure and clear social system — " +
        "accommodated to the self-government of the toilers.",
    );
    expect(rendered.quotations[1]?.text).toMatch(/^Stalin will depart .* history of mankind\.$/);
  });

  it("renders a sourced quotation as a figure captioned by its citation", () => {
    const caption =
      '<figcaption><cite class="citation" data-keys="trotsky-beginning-of-the-end">' +
      "(trotsky-beginning-of-the-end, pp. 378, 382)</cite></figcaption>\n</figure>";
    expect(rendered.html.split('<figure class="quotation">\n<blockquote>\n<p>No one')).toHaveLength(2);
    expect(rendered.html.split(caption)).toHaveLength(3);
    expect(rendered.html).not.toContain("<p><cite");
  });

  it("leaves a block quotation without a citation as a plain block quotation", () => {
    expect(rendered.html).toContain("<blockquote>\n<p>History has delivered its verdict.</p>\n</blockquote>");
    expect(rendered.html.match(/<figure/g)).toHaveLength(2);
  });

  it("needs quoted text besides the citation, and looks inside nested quotations", () => {
    expect(renderMarkdown("> [@key]").html).toBe(
      '<blockquote>\n<p><cite class="citation" data-keys="key">(key)</cite></p>\n</blockquote>\n',
    );
    const nested = renderMarkdown("> Outer.\n>\n> > Inner.\n> >\n> > [@inner]");
    expect(nested.quotations).toEqual([
      { text: "Inner.", citation: expect.objectContaining({ raw: "[@inner]" }), position: 0 },
    ]);
    expect(nested.html).toContain('<blockquote>\n<p>Outer.</p>\n<figure class="quotation">');
  });

  it("leaves bracketed words that cite nothing as plain text", () => {
    expect(rendered.html).toContain("members of the\nPOUM [Workers’ Party of Marxist Unification], who");
    expect(rendered.text).toContain("POUM [Workers’ Party of Marxist Unification], who");
    expect(rendered.citations).toHaveLength(2);
  });
});

describe("citations", () => {
  it("renders each bracket as one cite element listing its keys", () => {
    const { html, citations } = renderMarkdown("As argued [see @doe99, ch. 3; @roe-2001, p. 4].");
    expect(html).toBe(
      '<p>As argued <cite class="citation" data-keys="doe99 roe-2001">' +
        "(see doe99, ch. 3; roe-2001, p. 4)</cite>.</p>\n",
    );
    expect(citations[0]?.raw).toBe("[see @doe99, ch. 3; @roe-2001, p. 4]");
  });

  it("uses the publication's citation style when one is given, as HTML and as plain text", () => {
    const { html, text } = renderMarkdown("Quoted [@trotsky, p. 3].", {
      citer: {
        html: (group) => `(Trotsky, <i>Writings</i>, ${group.citations[0]?.locator} &amp; more.)`,
        text: (group) => `(Trotsky, Writings, ${group.citations[0]?.locator} & <more>.)`,
        sourceUrl: () => undefined,
      },
    });
    expect(html).toContain('data-keys="trotsky">(Trotsky, <i>Writings</i>, p. 3 &amp; more.)</cite>');
    expect(text).toBe("Quoted (Trotsky, Writings, p. 3 & <more>.).");
  });

  it("leaves links, footnote references, emails and reference links alone", () => {
    const body = [
      "A [@handle](https://example.org) link, a note[^1], mail [me@example.org],",
      "a [plain link](https://example.org/a) and a [@ref] with a definition.",
      "",
      "[@ref]: https://example.org/ref",
      "",
      "[^1]: The note.",
    ].join("\n");
    const { html, citations } = renderMarkdown(body);
    expect(citations).toEqual([]);
    expect(html).toContain('<a href="https://example.org">@handle</a>');
    expect(html).toContain('<a href="#fn-1" id="fnref-1">1</a>');
    expect(html).toContain("mail [me@example.org],");
    expect(html).toContain('<a href="https://example.org/ref">@ref</a>');
  });

  it("finds citations inside footnotes and after escaped brackets", () => {
    const { citations, html } = renderMarkdown("Not \\[@this]. A claim.[^a]\n\n[^a]: See [@that, 12].");
    expect(citations.map((g) => g.citations[0]?.key)).toEqual(["that"]);
    expect(html).toContain("Not [@this].");
  });
});

describe("footnotes", () => {
  const body = [
    "First[^later], then[^early], and again[^later].",
    "",
    "[^early]: Defined first, referenced second.",
    "[^later]: Defined last, referenced first, with *emphasis* &amp; an entity.",
  ].join("\n");
  const rendered = renderMarkdown(body);

  it("numbers notes in order of first reference", () => {
    expect(rendered.footnoteCount).toBe(2);
    expect(rendered.html).toContain(
      'First<sup class="footnote-ref"><a href="#fn-1" id="fnref-1">1</a></sup>, ' +
        'then<sup class="footnote-ref"><a href="#fn-2" id="fnref-2">2</a></sup>, ' +
        'and again<sup class="footnote-ref"><a href="#fn-1" id="fnref-1-2">1</a></sup>.',
    );
  });

  it("lists the notes in a labelled section with a back-link to every reference", () => {
    expect(rendered.html).toContain('<section class="footnotes" aria-label="Notes"><ol>\n<li id="fn-1">');
    expect(rendered.html).toContain(
      '<a href="#fnref-1" class="footnote-backref" aria-label="Back to reference 1">↩︎</a> ' +
        '<a href="#fnref-1-2" class="footnote-backref" aria-label="Back to reference 1 (2)">↩︎</a>',
    );
    expect(rendered.html).toContain('<li id="fn-2"><p>Defined first, referenced second. <a href="#fnref-2"');
    expect(rendered.html).not.toContain("<hr");
  });

  it("puts the note texts at the end of the plain text", () => {
    expect(rendered.text).toBe(
      "First[1], then[2], and again[1].\n\n" +
        "[1] Defined last, referenced first, with emphasis & an entity.\n\n" +
        "[2] Defined first, referenced second.",
    );
  });
});

describe("headings", () => {
  it("renders a body's h1 as h2 and shifts the others with it", () => {
    const { html, headings } = renderMarkdown("# Origins\n\n## The purges\n\n###### Deepest");
    expect(html).toBe(
      '<h2 id="origins">Origins</h2>\n<h3 id="the-purges">The purges</h3>\n<h6 id="deepest">Deepest</h6>\n',
    );
    expect(headings).toEqual([
      { level: 2, id: "origins", text: "Origins" },
      { level: 3, id: "the-purges", text: "The purges" },
      { level: 6, id: "deepest", text: "Deepest" },
    ]);
  });

  it("leaves a body that starts at h2 as written", () => {
    expect(renderMarkdown("## Origins\n\n### Detail").headings.map((h) => h.level)).toEqual([2, 3]);
  });

  it("keeps letters of any script in ids and numbers repeated ones", () => {
    const body =
      "## Was tun?\n\n## Хрущёв и «оттепель»\n\n## 革命の歴史\n\n## Was tun!\n\n## Was tun\n\n## !!!";
    expect(renderMarkdown(body).headings.map((h) => h.id)).toEqual([
      "was-tun",
      "хрущёв-и-оттепель",
      "革命の歴史",
      "was-tun-2",
      "was-tun-3",
      "section",
    ]);
  });

  it("leaves note markers out of heading ids and texts", () => {
    const { headings } = renderMarkdown("## Sources[^1]\n\n[^1]: A note.");
    expect(headings).toEqual([{ level: 2, id: "sources", text: "Sources" }]);
  });
});

describe("Markdown features", () => {
  it("aligns table cells with the align attribute", () => {
    const { html, text } = renderMarkdown("| Year | Killed |\n|:--|--:|\n| 1937 | 680,000 |");
    expect(html).toContain('<th align="left" scope="col">Year</th>');
    expect(html).toContain('<td align="right">680,000</td>');
    expect(html).not.toContain("style=");
    expect(text).toBe("Year\tKilled\n1937\t680,000");
  });

  it("renders strikethrough, code and safe raw HTML", () => {
    const body = '~~old~~ `a < b`\n\n<abbr title="Partido Obrero">POUM</abbr>\n\n```ts\nconst x = 1;\n```';
    const { html } = renderMarkdown(body);
    expect(html).toContain("<s>old</s> <code>a &lt; b</code>");
    expect(html).toContain('<abbr title="Partido Obrero">POUM</abbr>');
    expect(html).toContain('<pre><code class="language-ts">const x = 1;\n</code></pre>');
  });

  it("derives plain text with entities decoded and no markup", () => {
    const body =
      "**Bold** &copy; 1940 [link](https://example.org)\nnext line\n\n<div><p>Raw &amp; real</p></div>";
    expect(renderMarkdown(body).text).toBe("Bold © 1940 link next line\n\nRaw & real");
  });
});
