// The demo's library holds the full text of a few of its books, so that the newsroom shows quotations
// checked against their sources and readers can open the passages. Each text is the book the articles
// quote: every quotation taken from it stands on the page its citation gives, among pages of the book's
// own prose (a few sentences written for this project, shuffled by the seeded generator).
import { attachSourceText } from "../citations/sources.js";
import { listArticleQuotations } from "../quotations/article-quotations.js";
import { pagesOfLocator } from "../quotations/locator.js";
import { listArticlesQuoting } from "../storage/quotations.js";
import type { Store } from "../storage/store.js";
import { Random } from "./random.js";
import { sources } from "./sources.js";

const BOOKS_WITH_TEXT = 3;
const PAGES = 500;

const PROSE = [
  "The meeting in the hall lasted until the lamps were lit, and nobody left before the vote.",
  "Letters from the districts arrived every week, most of them asking for speakers and for pamphlets.",
  "The printers worked through the night to have the paper ready for the morning shift.",
  "Every delegate had a mandate, and every mandate had been argued over in a branch meeting.",
  "The committee kept minutes of each session; the minutes survived when the committee did not.",
  "Prices rose faster than wages that winter, and the queues outside the bakeries grew longer.",
  "The newspapers of the other side printed rumours as facts and corrected nothing.",
  "In the railway yards the men organised by depot, and the depots elected the strike committee.",
  "What the leaders promised in the spring they had forgotten by the autumn.",
  "The archive holds the resolutions, the leaflets and the accounts of the strike fund.",
  "Speakers were sent to the mining towns, where the halls were full an hour before the start.",
  "The question was argued in every paper of the movement for a year and more.",
];

export async function addDemoSourceTexts(store: Store, seed = 1937): Promise<void> {
  const random = new Random(seed);
  for (const source of sources().slice(0, BOOKS_WITH_TEXT)) {
    const onPage = new Map<number, string[]>();
    for (const text of await quotationsOf(store, source.id)) {
      const page = Number(pagesOfLocator(text.locator)?.[0] ?? random.int(1, PAGES));
      onPage.set(page, [...(onPage.get(page) ?? []), text.text]);
    }
    if (onPage.size === 0) continue;
    const last = Math.max(PAGES, ...onPage.keys());
    const pages: string[] = [];
    for (let page = 1; page <= last; page++) {
      const prose = () => Array.from({ length: random.int(2, 5) }, () => random.pick(PROSE)).join(" ");
      pages.push([`[page ${page}]`, prose(), ...(onPage.get(page) ?? []), prose()].join("\n\n"));
    }
    await attachSourceText(store, source.id, pages.join("\n\n"), "text");
  }
}

async function quotationsOf(store: Store, key: string) {
  const found: { text: string; locator: string }[] = [];
  let after = 0;
  for (;;) {
    const ids = await listArticlesQuoting(store, key, after, 200);
    for (const id of ids) {
      for (const q of await listArticleQuotations(store, id)) if (q.sourceKey === key) found.push(q);
    }
    if (ids.length < 200) return found;
    after = ids.at(-1) ?? after;
  }
}
