import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { readArticle } from "../content/reading.js";
import { getSite } from "../i18n/editions.js";
import { search } from "../search/search.js";
import { countArticles } from "../storage/articles.js";
import { openStore } from "../storage/store.js";

const run = promisify(execFile);
const main = new URL("./main.ts", import.meta.url).pathname;

async function broadside(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", main, ...args], {
      env: { ...process.env, LOG_LEVEL: "silent", DATABASE_URL: "", ...env },
      timeout: 30_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const tmp = () => mkdtempSync(join(tmpdir(), "broadside-cli-"));

const SOURCES = [
  {
    id: "archive-letters",
    type: "chapter",
    title: "Letters from the Archive",
    author: [{ family: "Weiss", given: "Hanna" }],
    "container-title": "Collected Letters",
    publisher: "Example Press",
    "publisher-place": "New York",
    issued: { "date-parts": [[1978]] },
  },
];

function article(title: string, date: string, body: string, extra = ""): string {
  return `---\ntitle: ${title}\nauthors: [A. Writer]\ndate: ${date}\nlanguage: en\nsources: sources.json\n${extra}---\n${body}`;
}

/** A folder of `count` short articles quoting a source, one of them translated, enough to start workers. */
function archiveFolder(count: number): string {
  const folder = tmp();
  writeFileSync(join(folder, "sources.json"), JSON.stringify(SOURCES));
  for (let i = 0; i < count; i++) {
    const day = String((i % 28) + 1).padStart(2, "0");
    const trade = i === 7 ? "stevedores" : "workers";
    const body = `\nThe ${trade} of port ${i} came out.\n\n> What they said, at length.\n>\n> [@archive-letters, pp. ${i}, ${i + 2}]\n`;
    writeFileSync(
      join(folder, `${String(i).padStart(3, "0")}.md`),
      article(`Dispatch ${i}`, `2025-01-${day}`, body, `slug: dispatch-${i}\n`),
    );
  }
  writeFileSync(
    join(folder, "draft.md"),
    article(
      "Unfinished",
      "2025-02-01",
      "\nNot yet.\n\n> Quoted.\n>\n> [@archive-letters, p. 3]\n",
      "status: draft\n",
    ),
  );
  writeFileSync(
    join(folder, "translation.md"),
    "---\ntitle: Depesche 7\nauthors: [A. Writer]\ndate: 2025-01-09\nlanguage: de\ntranslation_of: dispatch-7\n---\n\nDie Hafenarbeiter.\n",
  );
  return folder;
}

describe("the broadside command", () => {
  it("lists its commands with --help", async () => {
    const result = await broadside(["--help"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/serve.*\n.*demo.*\n.*import/);
  });

  it("explains each command with --help", async () => {
    for (const command of ["serve", "demo", "import"]) {
      const result = await broadside([command, "--help"]);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`broadside ${command}`);
    }
  });

  it("exits 2 on an unknown command or flag", async () => {
    expect((await broadside(["publish"])).code).toBe(2);
    const flag = await broadside(["serve", "--prot", "1"]);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain("--prot");
  });

  it("imports a Markdown file and reports it", async () => {
    const data = tmp();
    const file = join(tmp(), "post.md");
    writeFileSync(
      file,
      "---\ntitle: A title\nauthors: Someone\ndate: 2025-05-01\nlanguage: en\n---\n\nBody.\n",
    );
    const result = await broadside(["import", "markdown", file, "--data", data]);
    expect(result.stdout).toBe("Imported 1 article (1 published, 0 drafts)\n");
    expect(result.code).toBe(0);
  });

  it("rebuilds the search index in a worker thread, to the same answers", async () => {
    const data = tmp();
    const folder = tmp();
    for (let i = 0; i < 3; i++) {
      writeFileSync(
        join(folder, `${i}.md`),
        `---\ntitle: Dispatch ${i}\nauthors: Someone\ndate: 2025-05-0${i + 1}\nlanguage: en\n---\n\nThe ${["dockers", "miners", "printers"][i]} struck.\n`,
      );
    }
    expect((await broadside(["import", "markdown", folder, "--data", data])).code).toBe(0);
    const rebuilt = await broadside(["search", "rebuild", "--data", data]);
    expect(rebuilt.stderr).toBe("");
    expect(rebuilt.stdout).toMatch(/^Indexed 3 published articles in /m);
    const store = await openStore({ dataDir: data });
    const found = await search(store, await getSite(store), "en", { q: "the miners struck" });
    expect(found.results.map((r) => r.article.title)).toEqual(["Dispatch 1"]);
    await store.close();
  });

  it("imports a large folder through its render workers, to the same articles", async () => {
    const data = tmp();
    const folder = archiveFolder(120);
    const result = await broadside(["import", "markdown", folder, "--data", data]);
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe("Imported 122 articles (121 published, 1 draft)\n");
    const store = await openStore({ dataDir: data });
    const view = await readArticle(store, "/en/articles/2025/01/08/dispatch-7");
    expect(view.article.html).toContain(
      "(Hanna Weiss, “Letters from the Archive,” in <i>Collected Letters</i>",
    );
    expect(view.article.html).toContain("pp. 7, 9.)");
    expect(view.translations.map((t) => t.language)).toEqual(["de"]);
    const found = await search(store, await getSite(store), "en", { q: "stevedores" });
    expect(found.results.map((r) => r.article.title)).toEqual(["Dispatch 7"]);
    await store.close();
  });

  it("exits 2 naming the file and line of a citation no source answers, in a large folder, and imports nothing", async () => {
    const data = tmp();
    const folder = archiveFolder(120);
    writeFileSync(
      join(folder, "bad.md"),
      article("Bad citation", "2025-06-01", "\nText.\n\n> A quotation.\n>\n> [@nobody, p. 1]\n"),
    );
    const result = await broadside(["import", "markdown", folder, "--data", data]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${join(folder, "bad.md")}:13:`);
    expect(result.stderr).toContain("@nobody");
    const store = await openStore({ dataDir: data });
    expect(await countArticles(store)).toBe(0);
    await store.close();
  });

  it("exits 2 naming the file and line of bad front matter, and imports nothing", async () => {
    const data = tmp();
    const folder = tmp();
    writeFileSync(join(folder, "a.md"), "---\ntitle: Fine\nlanguage: en\ndate: 2025-05-01\n---\nx\n");
    writeFileSync(join(folder, "b.md"), "---\ntitle: Bad\nlanguage: en\ndate: 2025-13-01\n---\nx\n");
    const result = await broadside(["import", "markdown", folder, "--data", data]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${join(folder, "b.md")}:4:`);
    const store = await openStore({ dataDir: data });
    expect(await countArticles(store)).toBe(0);
    await store.close();
  });

  it("says clearly when the database file cannot be opened", async () => {
    const notADatabase = tmp();
    writeFileSync(join(notADatabase, "broadside.db"), "this is not a database, just text ".repeat(200));
    const aFolder = tmp();
    mkdirSync(join(aFolder, "broadside.db"));
    for (const data of [notADatabase, aFolder]) {
      const result = await broadside(["serve", "--data", data, "--port", "0"]);
      expect(result.code).not.toBe(0);
      expect(result.stderr).toMatch(/^broadside: cannot (open|use) the database/);
      expect(result.stderr).not.toContain("    at ");
    }
  });

  it("says clearly when PostgreSQL cannot be reached", async () => {
    const result = await broadside(["serve", "--port", "0"], {
      DATABASE_URL: "postgres://nobody:secret@127.0.0.1:1/none",
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("cannot connect to PostgreSQL at postgres://nobody:***@127.0.0.1:1/none");
    expect(result.stderr).not.toContain("secret");
  });
});
