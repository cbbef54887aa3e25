#!/usr/bin/env node
// The `broadside` command: finds the subcommand, runs it, and turns errors into a one-line message and an
// exit code (2 for bad input, 1 for anything else).
import { setCitationFolders } from "../citations/folders.js";
import { AppError } from "../errors.js";

const HELP = `broadside — a publishing platform for long-form journalism

Usage: broadside <command> [options]

Commands:
  serve    [--port 8080] [--host 127.0.0.1] [--data ./data]   serve the site
  demo     [--articles N] [--data ./data]                       fill an empty store with a generated publication
  import   markdown PATH… [--data ./data]                       import Markdown files or folders, all or nothing
  search   rebuild [--data ./data]                              index every published article again
  user     add --email E --role admin|editor|writer|translator  create an account; prints a one-time password
  sources  import FILE | text KEY FILE                          add CSL-JSON/BibTeX/RIS sources; attach a source's text
  quotes   check [--article SLUG]                               check quotations against their sources' texts

Run "broadside <command> --help" for a command's options.
Environment: BROADSIDE_DATA, DATABASE_URL (postgres://… selects PostgreSQL), PORT, HOST, BROADSIDE_BASE_URL,
BROADSIDE_CSL_STYLES and BROADSIDE_CSL_LOCALES (folders of extra citation styles and locales).
`;

type Command = (args: string[]) => Promise<void>;

// Each command is loaded when it is run: `--help` and a short command need not load the server, the
// citation engines and the image library.
const COMMANDS: Record<string, () => Promise<Command>> = {
  serve: async () => (await import("./serve.js")).runServe,
  demo: async () => (await import("./demo.js")).runDemo,
  import: async () => (await import("./import.js")).runImport,
  search: async () => (await import("./search.js")).runSearch,
  user: async () => (await import("./user.js")).runUser,
  sources: async () => (await import("./sources.js")).runSources,
  quotes: async () => (await import("./quotes.js")).runQuotes,
};

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    process.stdout.write(HELP);
    return 0;
  }
  if (command === "--version") {
    process.stdout.write("broadside 0.1.0\n");
    return 0;
  }
  setCitationFolders({
    styles: process.env.BROADSIDE_CSL_STYLES,
    locales: process.env.BROADSIDE_CSL_LOCALES,
  });
  const load = COMMANDS[command];
  if (!load) {
    process.stderr.write(`broadside: unknown command "${command}"\n\n${HELP}`);
    return 2;
  }
  const run = await load();
  await run(rest);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== 0) process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof AppError) {
      process.stderr.write(`broadside: ${error.located}\n`);
      process.exitCode = error.code === "invalid" || error.code === "too_large" ? 2 : 1;
    } else {
      process.stderr.write(
        `broadside: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exitCode = 1;
    }
  },
);
