import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { listStyles, loadStyle } from "./styles.js";

const csl = (cls: string, title: string, body = "<citation><layout/></citation>") =>
  `<?xml version="1.0" encoding="utf-8"?>\n<style xmlns="http://purl.org/net/xbiblio/csl" class="${cls}" version="1.0">` +
  `<info><title>${title}</title><id>x</id></info>${body}</style>`;

function stylesFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), "broadside-styles-"));
  writeFileSync(join(folder, "zeta-notes.csl"), csl("note", "Zeta &amp; Notes"));
  writeFileSync(join(folder, "alpha.csl"), csl("in-text", "Alpha (author-date)"));
  writeFileSync(
    join(folder, "journal-alias.csl"),
    csl(
      "in-text",
      "A Journal",
      '<info><link href="http://www.zotero.org/styles/alpha" rel="independent-parent"/></info>',
    ),
  );
  writeFileSync(join(folder, "house.csl"), csl("in-text", "An impostor"));
  writeFileSync(join(folder, "notes.txt"), "not a style");
  writeFileSync(join(folder, "broken.csl"), "<html><body>Not found</body></html>");
  mkdirSync(join(folder, "dependent"));
  return folder;
}

describe("the style registry", () => {
  it("offers the house style, built in, as a note style", () => {
    expect(listStyles()).toEqual([{ id: "house", title: "Broadside house style", class: "note" }]);
    expect(loadStyle("house")).toContain('class="note"');
  });

  it("lists the folder's CSL styles after the house style, by id, skipping files that are not styles", () => {
    expect(listStyles(stylesFolder())).toEqual([
      { id: "house", title: "Broadside house style", class: "note" },
      { id: "alpha", title: "Alpha (author-date)", class: "in-text" },
      { id: "journal-alias", title: "A Journal", class: "in-text" },
      { id: "zeta-notes", title: "Zeta & Notes", class: "note" },
    ]);
  });

  it("loads a style by id, and a dependent style as its parent", () => {
    const folder = stylesFolder();
    expect(loadStyle("zeta-notes", folder)).toContain("Zeta &amp; Notes");
    expect(loadStyle("journal-alias", folder)).toContain("Alpha (author-date)");
    expect(loadStyle("house", folder)).toContain("Broadside house style");
  });

  it("refuses ids that name a path, files that are not CSL styles and styles that are missing", () => {
    const folder = stylesFolder();
    for (const id of ["../alpha", "sub/alpha", ".hidden", "/etc/passwd", ""]) {
      expect(() => loadStyle(id, folder), id).toThrow(/is not a citation style id/);
    }
    expect(() => loadStyle("broken", folder)).toThrow(/broken\.csl is not a CSL style/);
    expect(() => loadStyle("missing", folder)).toThrow(/no citation style "missing"/);
    expect(() => loadStyle("alpha")).toThrow(/no styles folder is configured/);
  });
});
