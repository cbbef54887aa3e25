import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./render.js";

// Each vector goes through the whole renderer, because the sanitiser's job is the final HTML.
const VECTORS = [
  "<script>alert(1)</script>",
  "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
  "<img src=x onerror=alert(1)>",
  "<img src=x onerror=alert(1)//",
  '<a href="javascript:alert(1)">x</a>',
  "[x](javascript:alert(1))",
  "[x](JaVaScRiPt:alert(1))",
  "[x](&#106;avascript:alert(1))",
  "[x]: javascript:alert(1)\n\n[link][x]",
  '<a href="JaVaScRiPt:alert(1)">x</a>',
  '<a href="jav\tascript:alert(1)">x</a>',
  '<a href="jav&#x09;ascript:alert(1)">x</a>',
  '<a href="java\nscript:alert(1)">x</a>',
  '<a href=" &#14;  javascript:alert(1)">x</a>',
  '<a href="&#106;avascript:alert(1)">x</a>',
  '<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)">x</a>',
  '<IMG SRC="jav&#x0D;ascript:alert(1)">',
  '<a href="vbscript:msgbox(1)">x</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
  "[x](data:text/html,<script>alert(1)</script>)",
  "![x](data:image/png;base64,iVBORw0KGgo=)",
  '<img src="data:text/html,<script>alert(1)</script>">',
  '<img src="https://ok.example/a.png" srcset="javascript:alert(1) 1x">',
  "<svg onload=alert(1)>",
  "<svg><script>alert(1)</script></svg>",
  '<iframe src="https://evil.example"></iframe>',
  '<object data="evil.swf"></object>',
  '<embed src="evil.swf">',
  "<style>body{background:url(javascript:alert(1))}</style>",
  "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
  '<form action="javascript:alert(1)"><input type=submit></form>',
  '<button formaction="javascript:alert(1)">x</button>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
  '<link rel="stylesheet" href="javascript:alert(1)">',
  "<scr<script>ipt>alert(1)</scr</script>ipt>",
  "<a title='\"><script>alert(1)</script>'>x</a>",
  '<img src="x" alt="\\" onerror=\\"alert(1)">',
  '<a href="#" onclick="alert(1)" onmouseover = "alert(2)">x</a>',
  "<details open ontoggle=alert(1)><summary>x</summary></details>",
  '<p style="background:url(javascript:alert(1))">x</p>',
  '<blockquote cite="javascript:alert(1)">x</blockquote>',
  '<q cite="javascript:alert(1)">x</q>',
  '<table background="javascript:alert(1)"><tr><td>x</td></tr></table>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
  "<xmp><img src=x onerror=alert(1)></xmp>",
  "<textarea><script>alert(1)</script></textarea>",
  "<template><script>alert(1)</script></template>",
  '<div class="x" data-foo="y" onmouseenter=alert(1)>x</div>',
  "# <img src=x onerror=alert(1)>",
  "[@key, <img src=x onerror=alert(1)>]",
  "Note[^1]\n\n[^1]: <img src=x onerror=alert(1)> [x](javascript:alert(1))",
  "> <script>alert(1)</script>\n>\n> [@key]",
];

const FORBIDDEN_ELEMENTS =
  /<(script|iframe|svg|math|object|embed|style|form|input|button|meta|base|link|textarea|template)\b/i;

function decodeAttribute(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

function expectSafe(html: string): void {
  expect(html).not.toMatch(FORBIDDEN_ELEMENTS);
  // Escaped text may mention "onerror="; only real tags are inspected, and the sanitiser writes every
  // attribute value in double quotes.
  for (const [tag] of html.matchAll(/<[a-z][^>]*>/gi)) {
    expect(tag).not.toMatch(/\son[a-z]+\s*=/i);
    expect(tag).not.toMatch(/\sstyle\s*=/i);
    for (const [, name, value = ""] of tag.matchAll(/\s([a-z-]+)="([^"]*)"/gi)) {
      // Browsers ignore whitespace and control characters inside a scheme.
      const url = decodeAttribute(value).replace(/[\s\p{Cc}]/gu, "");
      expect(url, `${name} in ${tag}`).not.toMatch(/^(javascript|data|vbscript):/i);
      expect(url, `${name} in ${tag}`).not.toMatch(/(javascript|vbscript):/i);
    }
  }
}

describe("the sanitiser", () => {
  it.each(VECTORS)("neutralises %j", (vector) => {
    expectSafe(renderMarkdown(vector).html);
  });

  it("neutralises a citation style that returns markup", () => {
    const citer = {
      html: () => '<script>alert(1)</script><img src=x onerror=alert(1)><a href="javascript:alert(1)">x</a>',
      text: () => "<script>alert(1)</script>",
      sourceUrl: () => "javascript:alert(1)",
    };
    const { html, text } = renderMarkdown("> Quoted.\n>\n> [@key]\n\nAnd [@key].", { citer });
    expectSafe(html);
    expect(html).toContain("<blockquote>\n<p>Quoted.</p>\n</blockquote>");
    expect(text).toContain("<script>alert(1)</script>");
  });

  it("keeps a citation's formatting as classes and drops inline styles and other classes", () => {
    const citer = {
      html: () =>
        '<span style="font-variant:small-caps" class="small-caps evil">Sc</span> <span class="nocase">x</span> ' +
        '<i>T</i><b>b</b><sup>2</sup><sub>3</sub> <span class="h-cite"><data class="p-name x" value="N">' +
        '</data><data value="v" onclick="alert(1)"></data></span>',
      text: () => "",
      sourceUrl: () => undefined,
    };
    const { html } = renderMarkdown("[@key]", { citer });
    expect(html).toContain(
      '<span class="small-caps">Sc</span> <span class="nocase">x</span> <i>T</i><b>b</b><sup>2</sup><sub>3</sub> ' +
        '<span class="h-cite"><data class="p-name" value="N"></data><data value="v"></data></span>',
    );
  });

  it("drops classes a writer puts on spans, cites and sections", () => {
    const { html } = renderMarkdown(
      '<p><span class="evil">a</span> <cite class="citation x">b</cite></p>\n\n<section class="x">c</section>',
    );
    expect(html).toContain('<p><span>a</span> <cite class="citation">b</cite></p>\n<section>c</section>');
  });

  it("keeps safe links, images and the markup the renderer emits", () => {
    const body = [
      '[a](https://example.org/a "Title") [b](/about) [c](#fn-1) [d](mailto:desk@example.org)',
      "",
      '<img src="/media/a.jpg" alt="A march" width="640" height="480" loading="lazy">',
      "",
      "<details><summary>More</summary>Hidden</details>",
      "",
      "> Quoted.[^1]",
      ">",
      "> [@key, p. 3]",
      "",
      "[^1]: A note.",
    ].join("\n");
    const { html } = renderMarkdown(body);
    expect(html).toContain('<a href="https://example.org/a" title="Title">a</a>');
    expect(html).toContain(
      '<a href="/about">b</a> <a href="#fn-1">c</a> <a href="mailto:desk@example.org">d</a>',
    );
    expect(html).toContain(
      '<img src="/media/a.jpg" alt="A march" width="640" height="480" loading="lazy" />',
    );
    expect(html).toContain("<details><summary>More</summary>Hidden</details>");
    expect(html).toContain('<figure class="quotation">');
    expect(html).toContain('<cite class="citation" data-keys="key">(key, p. 3)</cite>');
    expect(html).toContain('<sup class="footnote-ref"><a href="#fn-1" id="fnref-1">1</a></sup>');
    expect(html).toContain('<li id="fn-1">');
  });

  it("drops classes a writer adds to elements whose classes the renderer owns", () => {
    const { html } = renderMarkdown(
      '<p>x <a href="/a" class="footnote-backref evil">a</a> <code class="x">y</code></p>',
    );
    expect(html).toContain('<a href="/a" class="footnote-backref">a</a> <code>y</code>');
  });
});
