// `broadside search rebuild`: indexes every published article again. The index is kept current as articles
// are published, edited and withdrawn; a rebuild is for after a restore, an upgrade of the analysers, or a
// database copied in by other means.
import { loadConfig } from "../config.js";
import { InvalidError } from "../errors.js";
import { rebuildSearchIndex } from "../search/indexing.js";
import { openStore } from "../storage/store.js";
import { parseFlags } from "./args.js";

const HELP = `Usage: broadside search rebuild [--data ./data]

Empties the full-text search index and indexes every published article again, in batches, printing its
progress. Searches made meanwhile find only what is rebuilt so far (on PostgreSQL, more slowly: the
index's own GIN indexes are built again at the end).
`;

export async function runSearch(args: string[]): Promise<void> {
  const parsed = parseFlags(args, { data: { type: "string" } }, HELP);
  if (!parsed) return;
  const [action, ...extra] = parsed.positionals;
  if (action !== "rebuild" || extra.length > 0) {
    throw new InvalidError(`expected "broadside search rebuild"; run "broadside search --help"`);
  }
  const store = await openStore(loadConfig(parsed.flags));
  try {
    const started = performance.now();
    const indexed = await rebuildSearchIndex(store, (n) => {
      if (n % 10_000 === 0) process.stderr.write(`  ${n} articles indexed\n`);
    });
    const seconds = (performance.now() - started) / 1000;
    process.stdout.write(
      `Indexed ${indexed} published articles in ${seconds.toFixed(1)} s (${Math.round(indexed / Math.max(seconds, 0.001))}/s)\n`,
    );
  } finally {
    await store.close();
  }
}
