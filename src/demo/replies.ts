// What a demo article answers: now and then a recent article of the same publication, rarely a piece in
// another one (on the web or only in print); and which recent article another edition translates.
import { slugify } from "../content/slug.js";
import type { GeneratedArticle, GeneratedKind } from "./generate.js";
import type { Random } from "./random.js";
import { render } from "./template.js";
import { voiceFor } from "./voice.js";
import type { Piece } from "./writing.js";

const REPLYING_KINDS = new Set<GeneratedKind>(["article", "analysis", "letter"]);
/** Other publications our articles answer; some are only in print. */
const OUTSIDE: [publisher: string, site: string | undefined][] = [
  ["The Morning Ledger", "ledger.example"],
  ["Northern Review", "northern-review.example"],
  ["Workers’ Voice Weekly", "workersvoice.example"],
  ["The New Horizon", undefined],
  ["Tribune of the People", undefined],
];
/** How many recent articles a translation or a reply chooses from: memory stays flat. */
const RECENT = 40;

export interface Written {
  key: string;
  piece: Piece;
  authorKeys: string[];
  topicKeys: string[];
  title: string;
  translatedInto: Set<string>;
}

/** Keeps the last RECENT articles of the main edition: all a reply or a translation looks back at. */
export function remember(recent: Written[], written: Written): void {
  recent.push(written);
  if (recent.length > RECENT) recent.shift();
}

/** About one article in thirty answers one or two recent ones. */
export function answersOf(kind: GeneratedKind, recent: readonly Written[], random: Random): Written[] {
  if (!REPLYING_KINDS.has(kind) || recent.length === 0 || !random.chance(0.03)) return [];
  const answered = [random.pick(recent)];
  const another = random.pick(recent);
  if (random.chance(0.2) && !answered.includes(another)) answered.push(another);
  return answered;
}

/** About one article in ten of another edition is a translation of a recent one from the main edition. */
export function translatable(
  recent: readonly Written[],
  language: string,
  random: Random,
): Written | undefined {
  if (recent.length === 0 || !random.chance(0.1)) return undefined;
  const candidate = random.pick(recent);
  return candidate.translatedInto.has(language) ? undefined : candidate;
}

export function outsidePiece(
  language: string,
  year: string,
  random: Random,
): NonNullable<GeneratedArticle["externalReply"]> {
  const voice = voiceFor(language);
  const [publisher, site] = random.pick(OUTSIDE);
  const title = render(random.pick(voice.headlines), random);
  const author = render(voice.name, random);
  if (!site || random.chance(0.3)) return { title, author, publisher };
  return { title, author, publisher, url: `https://${site}/${year}/${slugify(title)}` };
}
