import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { listSources } from "../citations/sources.js";
import { openStore } from "../storage/store.js";

const run = promisify(execFile);
const main = new URL("./main.ts", import.meta.url).pathname;

async function broadside(args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", main, ...args], {
      env: { ...process.env, LOG_LEVEL: "silent", DATABASE_URL: "" },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const tmp = () => mkdtempSync(join(tmpdir(), "broadside-sources-"));

const RIS = `TY  - BOOK
ID  - ferrand-docks-1931
AU  - Ferrand, Lucie
TI  - The Docks at Night
PB  - Tidewater Books
CY  - Cardiff
PY  - 1931///
ER  - 
`;

// Written for this test: two pages, the second holding the sentence the article quotes.
const TEXT = "The night shift began at ten.\fNo crane moved after midnight, and the foremen went home.\n";

const article = (quote: string) =>
  `---\ntitle: Night work\nlanguage: en\ndate: 2026-01-05\n---\n\n> ${quote}\n>\n> [@ferrand-docks-1931, p. 2]\n`;

describe("broadside sources and quotes", () => {
  it("imports RIS, attaches a text, and checks a faithful quotation (exit 0)", async () => {
    const data = tmp();
    const folder = tmp();
    writeFileSync(join(folder, "docks.ris"), RIS);
    writeFileSync(join(folder, "docks.txt"), TEXT);
    writeFileSync(
      join(folder, "night.md"),
      article("No crane moved after midnight, and the foremen went home."),
    );
    const imported = await broadside(["sources", "import", join(folder, "docks.ris"), "--data", data]);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain("Imported 1 new and 0 replaced sources");
    expect((await broadside(["import", "markdown", join(folder, "night.md"), "--data", data])).code).toBe(0);
    const text = await broadside([
      "sources",
      "text",
      "ferrand-docks-1931",
      join(folder, "docks.txt"),
      "--data",
      data,
    ]);
    expect(text.stdout).toContain("on 2 pages");
    const check = await broadside(["quotes", "check", "--data", data]);
    expect(check.stdout).toContain("Checked 1 of 1 quotations in 1 articles");
    expect(check.stdout).toContain("0 failing");
    expect(check.code).toBe(0);
  }, 120_000);

  it("exits 1 and prints the difference when a quotation was altered", async () => {
    const data = tmp();
    const folder = tmp();
    writeFileSync(join(folder, "docks.ris"), RIS);
    writeFileSync(join(folder, "docks.txt"), TEXT);
    writeFileSync(
      join(folder, "night.md"),
      article("Every crane moved after midnight, and the foremen went home."),
    );
    await broadside(["sources", "import", join(folder, "docks.ris"), "--data", data]);
    await broadside(["import", "markdown", join(folder, "night.md"), "--data", data]);
    await broadside(["sources", "text", "ferrand-docks-1931", join(folder, "docks.txt"), "--data", data]);
    const check = await broadside(["quotes", "check", "--article", "night-work", "--data", data]);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain("altered");
    expect(check.stdout).toMatch(/-No|\+Every/);
  }, 120_000);

  it("exits 2 naming the entry of a bad file, and imports nothing", async () => {
    const data = tmp();
    const file = join(tmp(), "bad.bib");
    writeFileSync(
      file,
      "@book{good-1900, title = {Fine}, year = {1900}}\n@book{bad-1901, title = {<script>x</script>}, year = 1901}\n",
    );
    const result = await broadside(["sources", "import", file, "--data", data]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("bad-1901");
    const store = await openStore({ dataDir: data });
    expect(await listSources(store, { limit: 10 })).toEqual([]);
    await store.close();
  }, 60_000);

  it("refuses a citation of an unknown source at import, with the file and line", async () => {
    const data = tmp();
    const file = join(tmp(), "post.md");
    writeFileSync(
      file,
      "---\ntitle: T\nlanguage: en\ndate: 2026-01-05\n---\n\nText.\n\nMore [@missing-key, p. 4].\n",
    );
    const result = await broadside(["import", "markdown", file, "--data", data]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${file}:9:`);
    expect(result.stderr).toContain("missing-key");
  }, 60_000);

  it("explains itself with --help and refuses a missing argument", async () => {
    expect((await broadside(["sources", "--help"])).stdout).toContain("broadside sources import FILE");
    expect((await broadside(["quotes", "--help"])).stdout).toContain("broadside quotes check");
    expect((await broadside(["sources", "text", "only-a-key"])).code).toBe(2);
  }, 60_000);
});
