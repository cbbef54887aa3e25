import { describe, expect, it } from "vitest";
import { createCiter } from "../citations/citer.js";
import type { CslItem } from "../citations/csl-item.js";
import { POLEMIC } from "./fixtures/polemic.js";
import { parseMarkdownFile } from "./front-matter.js";
import { renderMarkdown } from "./render.js";

const CHAPTER: CslItem = {
  id: "trotsky-beginning-of-the-end",
  type: "chapter",
  title: "The Beginning of the End",
  author: [{ family: "Trotsky", given: "Leon" }],
  "container-title": "Writings of Leon Trotsky [1936–37]",
  publisher: "Pathfinder Press",
  "publisher-place": "New York",
  issued: { "date-parts": [[1978]] },
  "original-date": { "date-parts": [[1937, 6, 12]] },
};

const ONLINE: CslItem = {
  id: "archive",
  type: "webpage",
  title: "Leon Trotsky Internet Archive",
  author: [{ literal: "Marxists Internet Archive" }],
  URL: "https://www.marxists.org/archive/trotsky/",
  issued: { "date-parts": [[2020, 5, 1]] },
};

const citer = createCiter({ items: new Map([CHAPTER, ONLINE].map((item) => [item.id, item])) });

const SEED_CITATION =
  "(Leon Trotsky, “The Beginning of the End,” June 12, 1937, in <i>Writings of Leon Trotsky</i> [1936–37] " +
  "(New York: Pathfinder Press, 1978), pp. 378, 382.)";
const SEED_H_CITE =
  '<span class="h-cite"><data class="p-name" value="The Beginning of the End"></data>' +
  '<data class="p-author" value="Leon Trotsky"></data><data class="dt-published" value="1978"></data></span>';

describe("citations rendered in the house style", () => {
  const polemic = renderMarkdown(parseMarkdownFile(POLEMIC, "polemic.md", new Set(["en"])).body, { citer });

  it("captions the reference article's quotations as the article prints them, with an h-cite", () => {
    const caption =
      '<figcaption><cite class="citation" data-keys="trotsky-beginning-of-the-end">' +
      `${SEED_CITATION}${SEED_H_CITE}</cite></figcaption>\n</figure>`;
    expect(polemic.html.split(caption)).toHaveLength(3);
    // The source has no address, so the quotation names none.
    expect(polemic.html).toContain('<figure class="quotation">\n<blockquote>\n<p>No one');
  });

  it("puts the style's plain text in the article's text", () => {
    expect(polemic.text).toContain(
      "(Leon Trotsky, “The Beginning of the End,” June 12, 1937, in Writings of Leon Trotsky [1936–37] " +
        "(New York: Pathfinder Press, 1978), pp. 378, 382.)",
    );
  });

  it("punctuates a citation for where it stands: a sentence under a quotation, a parenthesis in the text, bare in a note", () => {
    const body =
      "As he wrote [see @trotsky-beginning-of-the-end, p. 5], it was the end.[^1]\n\n" +
      "[^1]: The date is given in [@trotsky-beginning-of-the-end, p. 378].\n";
    const { html, text } = renderMarkdown(body, { citer });
    const inside =
      "Leon Trotsky, “The Beginning of the End,” June 12, 1937, in <i>Writings of Leon Trotsky</i> [1936–37] (New York: Pathfinder Press, 1978)";
    expect(html).toContain(
      `<cite class="citation" data-keys="trotsky-beginning-of-the-end">(see ${inside}, p. 5)<span`,
    );
    expect(html).toContain(
      `<p>The date is given in <cite class="citation" data-keys="trotsky-beginning-of-the-end">${inside}, p. 378<span`,
    );
    expect(text).toContain("New York: Pathfinder Press, 1978), p. 5), it was the end.");
    expect(text).toContain("New York: Pathfinder Press, 1978), p. 378.");
  });

  it("names a quotation's source address in the blockquote's cite attribute", () => {
    const { html } = renderMarkdown("> Quoted words.\n>\n> [@archive, para. 3]", { citer });
    expect(html).toContain(
      '<figure class="quotation">\n<blockquote cite="https://www.marxists.org/archive/trotsky/">\n<p>Quoted words.</p>',
    );
    expect(html).toContain(
      '<data class="u-url" value="https://www.marxists.org/archive/trotsky/"></data></span></cite></figcaption>',
    );
  });

  it("gives each source of a group its own h-cite", () => {
    const { html } = renderMarkdown("A claim [see @archive; @trotsky-beginning-of-the-end, p. 378].", {
      citer,
    });
    expect(html.match(/<span class="h-cite">/g)).toHaveLength(2);
    expect(html).toContain(
      'data-keys="archive trotsky-beginning-of-the-end">(see Marxists Internet Archive, “Leon Trotsky',
    );
  });

  it("lists the cited sources after the notes when the publication wants a bibliography", () => {
    const body = "A claim.[^1] Another [@archive].\n\n[^1]: As [@trotsky-beginning-of-the-end, p. 378] says.";
    const { html } = renderMarkdown(body, {
      citer,
      bibliography: (keys) => citer.bibliographyHtml(keys),
      labels: { notes: "Notes", backToReference: "Back to reference {n}", sources: "Works cited" },
    });
    const notes = html.indexOf('<section class="footnotes"');
    const sources = html.indexOf(
      '<section class="bibliography" aria-labelledby="bibliography-title"><h2 id="bibliography-title">Works cited</h2>\n<ul>\n' +
        "<li>Marxists Internet Archive. “Leon Trotsky Internet Archive.” May 1, 2020. " +
        '<a href="https://www.marxists.org/archive/trotsky/">https://www.marxists.org/archive/trotsky/</a>.</li>\n' +
        "<li>Trotsky, Leon. “The Beginning of the End.”",
    );
    expect(notes).toBeGreaterThan(0);
    expect(sources).toBeGreaterThan(notes);
    expect(html.trimEnd().endsWith("</ul>\n</section>")).toBe(true);
  });

  it("adds no bibliography when nothing is cited or the publication wants none", () => {
    const bibliography = (keys: string[]) => citer.bibliographyHtml(keys);
    expect(renderMarkdown("No citations.", { citer, bibliography }).html).not.toContain("bibliography");
    expect(renderMarkdown("One [@archive].", { citer }).html).not.toContain("bibliography");
  });

  it("renders no script from a source whose fields carry markup", () => {
    const hostile = createCiter({
      items: new Map([
        [
          "x",
          {
            id: "x",
            type: "webpage",
            title: '<script>alert(1)</script><img src=x onerror="alert(1)">',
            author: [{ literal: '"><script>alert(2)</script>' }],
            URL: "javascript:alert(3)",
          },
        ],
      ]),
    });
    const { html } = renderMarkdown("> Q.\n>\n> [@x]\n\nAnd [@x].", {
      citer: hostile,
      bibliography: (keys) => hostile.bibliographyHtml(keys),
    });
    expect(html).not.toMatch(/<(script|img)\b/i);
    // Markup in a field may survive as escaped text inside an attribute's value, never as an attribute.
    for (const [tag] of html.matchAll(/<[a-z][^>]*>/gi)) {
      for (const [, name = "", value = ""] of tag.matchAll(/\s([a-z-]+)="([^"]*)"/gi)) {
        expect(name, tag).not.toMatch(/^on/i);
        if (["href", "src", "cite"].includes(name)) expect(value, tag).toMatch(/^https?:/);
      }
    }
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("<blockquote>");
    expect(html).toContain("n.d., javascript:alert(3).)");
  });
});
