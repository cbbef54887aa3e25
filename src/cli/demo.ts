// `broadside demo`: fills an empty store with a generated publication.
import { loadConfig } from "../config.js";
import { isStoreEmpty, loadDemo } from "../demo/load.js";
import { addDemoSourceTexts } from "../demo/source-texts.js";
import { InvalidError } from "../errors.js";
import { openStore } from "../storage/store.js";
import { parseFlags } from "./args.js";

const HELP = `Usage: broadside demo [--articles N] [--data ./data]

Fills an empty store with a generated publication: persons (with a pen name and an institution), topics,
a series, translated pairs and an exchange of replies. Refuses a store that already has articles.
`;

export async function runDemo(args: string[]): Promise<void> {
  const parsed = parseFlags(args, { articles: { type: "string" }, data: { type: "string" } }, HELP);
  if (!parsed) return;
  const articles = Number(parsed.flags.articles ?? 300);
  if (!Number.isInteger(articles) || articles < 1 || articles > 1_000_000) {
    throw new InvalidError("--articles must be a whole number from 1 to 1,000,000");
  }
  const store = await openStore(loadConfig(parsed.flags));
  try {
    if (!(await isStoreEmpty(store)))
      throw new InvalidError(`the store at ${store.location} already has articles`);
    const report = await loadDemo(store, { articles });
    await addDemoSourceTexts(store);
    process.stdout.write(`Created a demo publication of ${report.articles} articles in ${store.location}\n`);
  } finally {
    await store.close();
  }
}
