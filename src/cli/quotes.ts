// `broadside quotes check [--article SLUG]`: checks sourced quotations against the texts of their sources,
// stores the results the editor sees, prints the failures, and exits 1 when any is unresolved.
import { loadConfig } from "../config.js";
import { InvalidError, NotFoundError } from "../errors.js";
import { checkArticles } from "../quotations/article-quotations.js";
import { findArticleBySlug } from "../storage/articles.js";
import { openStore } from "../storage/store.js";
import { parseFlags } from "./args.js";

const HELP = `Usage: broadside quotes check [--article SLUG] [--data ./data]

Checks every sourced quotation (a block quotation ending in a citation) of one article, or of every
article, against the full text of the source it cites, where the library holds that text. Prints each
quotation that fails — altered, partial or spliced, on the wrong page, not found — with what differs.
Exit code 0 when none fails (or each failure was overridden by an editor), 1 otherwise.
`;

export async function runQuotes(args: string[]): Promise<void> {
  const parsed = parseFlags(args, { data: { type: "string" }, article: { type: "string" } }, HELP);
  if (!parsed) return;
  const [action, ...extra] = parsed.positionals;
  if (action !== "check" || extra.length > 0) {
    throw new InvalidError(`expected "broadside quotes check"; run "broadside quotes --help"`);
  }
  const slug = parsed.flags.article;
  const store = await openStore(loadConfig(parsed.flags));
  try {
    let articleId: number | undefined;
    if (typeof slug === "string") {
      const article = await findArticleBySlug(store, slug);
      if (!article) throw new NotFoundError(`no article has the slug "${slug}"`);
      articleId = article.id;
    }
    const totals = { articles: 0, quotations: 0, checked: 0, failing: 0 };
    await checkArticles(store, articleId === undefined ? {} : { articleId }, (result) => {
      totals.articles++;
      totals.quotations += result.quotations.length;
      totals.checked += result.quotations.filter((q) => q.check).length;
      totals.failing += result.unresolved.length;
      for (const q of result.unresolved) {
        const check = q.check;
        process.stdout.write(
          `article ${result.articleId}, quotation ${q.position + 1} [${q.citation}]: ${check?.status} — ${check?.message}\n`,
        );
        const diff = check?.diff
          ?.filter((d) => d.op !== "same")
          .map((d) => `${d.op === "added" ? "+" : "-"}${d.text}`);
        if (diff && diff.length > 0) process.stdout.write(`    ${diff.join("  ")}\n`);
      }
    });
    process.stdout.write(
      `Checked ${totals.checked} of ${totals.quotations} quotations in ${totals.articles} articles ` +
        `(${totals.quotations - totals.checked} cite sources without a text); ${totals.failing} failing\n`,
    );
    if (totals.failing > 0) process.exitCode = 1;
  } finally {
    await store.close();
  }
}
