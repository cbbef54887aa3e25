import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../markdown/render.js";
import { generatePublication } from "./generate.js";

const publication = generatePublication({ articles: 400, seed: 21, wordsPerArticle: 1500 });
const sourceIds = new Set(publication.sources.map((s) => s.id));
const all = [...publication.articles];
const bodies = all.map((a) => a.body);

describe("the text of a demo article", () => {
  it("cites only sources the publication has", () => {
    let citations = 0;
    for (const body of bodies) {
      for (const [, key] of body.matchAll(/\[(?:see |vgl\. )?@([\w-]+), /g)) {
        expect(sourceIds).toContain(key);
        citations++;
      }
    }
    expect(citations).toBeGreaterThan(all.length);
  });

  it("defines every footnote it references, once, at the end", () => {
    let footnotes = 0;
    for (const body of bodies) {
      const referenced = [...body.matchAll(/\[\^(\d+)\](?!:)/g)].map((m) => m[1]);
      const defined = [...body.matchAll(/^\[\^(\d+)\]: \S/gm)].map((m) => m[1]);
      expect(defined).toEqual(referenced);
      footnotes += defined.length;
    }
    expect(footnotes).toBeGreaterThan(all.length / 2);
  });

  it("ends each block quotation with a paragraph that is only its citation", () => {
    let quotations = 0;
    for (const body of bodies) {
      for (const block of body.split("\n\n").filter((b) => b.startsWith(">"))) {
        const paragraphs = block.split("\n>\n");
        expect(paragraphs.length).toBeGreaterThan(1);
        expect(paragraphs.at(-1)).toMatch(/^> \[@[\w-]+, (p\. \d+|pp\. \d+, \d+|ch\. \d+)\]$/);
        quotations++;
      }
    }
    expect(quotations).toBeGreaterThan(all.length / 2);
  });

  it("goes through the Markdown pipeline with every quotation sourced and every citation recognised", () => {
    for (const a of all.slice(0, 60)) {
      const rendered = renderMarkdown(a.body);
      expect(rendered.quotations).toHaveLength(a.body.split("\n\n").filter((b) => b.startsWith(">")).length);
      expect(rendered.html).not.toMatch(/\[(see |vgl\. )?@|\[\^/);
      expect(rendered.footnoteCount).toBe(a.body.match(/^\[\^\d+\]: /gm)?.length ?? 0);
    }
  });

  it("fills every slot of every template", () => {
    for (const a of all) expect(`${a.title} ${a.standfirst} ${a.body}`).not.toMatch(/[{}]/);
  });

  it("has subheadings, emphasis, tables and lists where a long article would", () => {
    const long = all.filter((a) => a.kind === "article" || a.kind === "analysis");
    expect(long.every((a) => /^## \S/m.test(a.body))).toBe(true);
    expect(all.filter((a) => a.kind === "letter").some((a) => /^## /m.test(a.body))).toBe(false);
    expect(bodies.filter((b) => /\*[^*\s][^*]*\*/.test(b)).length).toBeGreaterThan(all.length / 2);
    const tables = all.filter((a) => a.body.includes("\n| --- | ---: | ---: |\n"));
    expect(tables.length).toBeGreaterThan(0);
    expect(tables.every((a) => a.kind === "analysis")).toBe(true);
    expect(bodies.some((b) => /:\n\n- \S[^\n]*\n- \S/.test(b))).toBe(true);
  });

  it("comes close to the length asked for", () => {
    const articles = all.filter((a) => a.kind === "article");
    const words = articles.reduce((sum, a) => sum + a.body.split(/\s+/).length, 0) / articles.length;
    expect(words).toBeGreaterThan(1200);
    expect(words).toBeLessThan(1900);
  });

  it("gives one-sentence standfirsts and headlines without Markdown", () => {
    for (const a of all) {
      expect(a.standfirst).toMatch(/^\S[^\n]*[.!?]$/);
      expect(a.standfirst.match(/[.!?](\s|$)/g)?.length).toBe(1);
      expect(a.title).not.toMatch(/[*_#\n]/);
    }
  });

  it("writes 2,000 articles of 2,000 words in a moment (the rate is printed, not asserted)", () => {
    const started = performance.now();
    let characters = 0;
    const stream = generatePublication({ articles: 2000, wordsPerArticle: 2000, years: 25, seed: 11 });
    for (const a of stream.articles) characters += a.body.length;
    const seconds = (performance.now() - started) / 1000;
    console.info(
      `demo generator: ${Math.round(2000 / seconds)} articles/s of 2,000 words, ` +
        `${Math.round(characters / 1e6 / seconds)} MB of Markdown/s`,
    );
    expect(characters).toBeGreaterThan(2000 * 10_000);
  });
});
