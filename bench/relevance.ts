// The judged query set for precision@10 (bench/search.ts). Over the seeded benchmark corpus, a result is
// judged relevant when the article is plainly about what was asked, by a rule that knows nothing of the
// search engine: every word asked for stands in its title or standfirst, or recurs in its text (at least
// three times; a phrase at least twice). Words match by their start, so "strike" counts "strikes" and
// "Streik" counts "Streiks", as a reader reading the article would.
import type { SearchRequest } from "../src/search/search.js";

export interface Judged {
  edition: string;
  request: SearchRequest;
}

const en = (q: string, extra: Partial<SearchRequest> = {}): Judged => ({
  edition: "en",
  request: { q, ...extra },
});
const de = (q: string, extra: Partial<SearchRequest> = {}): Judged => ({
  edition: "de",
  request: { q, ...extra },
});

export const JUDGED: Judged[] = [
  en("famine"),
  en("mutiny"),
  en("insurrection"),
  en("embargo"),
  en("censorship"),
  en("pogrom"),
  en("deportation"),
  en("referendum"),
  en("blockade"),
  en("bankruptcy"),
  en("strike Detroit"),
  en("miners Glasgow"),
  en("dockworkers Liverpool"),
  en("nurses Lagos"),
  en("famine Bolivia"),
  en("refugees Athens"),
  en('"general strike"'),
  en('"show trial"'),
  en('"state of emergency"'),
  en('"wage cut"'),
  en('"stock market crash"'),
  en("purge Moscow"),
  en("inflation Buenos Aires"),
  en("uprising", { kind: "analysis" }),
  en("strike", { since: "2015" }),
  de("Streik"),
  de("Hungersnot"),
  de("Aufstand"),
  de("Bergarbeiter Glasgow"),
  de("Hafenarbeiter Hamburg"),
  de('"Generalstreik"'),
  de("Krise Athen"),
];

/** Words of a text as a reader would split them, lower-cased. */
function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Whether `word` is `asked` or a longer form of it (its plural, its genitive). */
function formOf(word: string, asked: string): boolean {
  return word.startsWith(asked) && word.length - asked.length <= 3;
}

function occurrences(words: string[], phrase: string[]): number {
  let count = 0;
  for (let i = 0; i + phrase.length <= words.length; i++) {
    if (phrase.every((asked, j) => formOf(words[i + j] as string, asked))) count++;
  }
  return count;
}

export function isRelevant(
  judged: Judged,
  article: { title: string; standfirst: string; text: string },
): boolean {
  const q = judged.request.q ?? "";
  const parts = [...q.matchAll(/"([^"]+)"|(\S+)/g)].map((m) => wordsOf(m[1] ?? m[2] ?? ""));
  const head = wordsOf(`${article.title} ${article.standfirst}`);
  const body = wordsOf(article.text);
  const inHead = parts.every((phrase) => occurrences(head, phrase) > 0);
  const recurring = parts.every((phrase) => occurrences(body, phrase) >= (phrase.length > 1 ? 2 : 3));
  return inHead || recurring;
}
