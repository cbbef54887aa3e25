// `broadside import markdown PATH…`: all or nothing.
import { loadConfig } from "../config.js";
import { InvalidError } from "../errors.js";
import { importMarkdown } from "../importers/markdown.js";
import { openStore } from "../storage/store.js";
import { parseFlags } from "./args.js";

const HELP = `Usage: broadside import markdown PATH… [--data ./data]

Imports Markdown files with YAML front matter (title, authors, date, language, topics, series,
translation_of, in_reply_to, sources), or folders of them. Persons, topics and series named in front matter
are created when new. All or nothing: if any file has a problem, it is reported with its line and nothing
is imported.
`;

export async function runImport(args: string[]): Promise<void> {
  const parsed = parseFlags(args, { data: { type: "string" } }, HELP);
  if (!parsed) return;
  const [format, ...paths] = parsed.positionals;
  if (format !== "markdown") {
    throw new InvalidError(
      format === undefined
        ? `name a format and paths\n\n${HELP}`
        : `"${format}" is not a format this version imports (markdown)`,
    );
  }
  if (paths.length === 0) throw new InvalidError("name at least one Markdown file or folder");
  const store = await openStore(loadConfig(parsed.flags));
  try {
    const report = await importMarkdown(store, paths);
    process.stdout.write(
      `Imported ${report.articles} ${report.articles === 1 ? "article" : "articles"} (${report.published} published, ${report.drafts} ${report.drafts === 1 ? "draft" : "drafts"})\n`,
    );
  } finally {
    await store.close();
  }
}
