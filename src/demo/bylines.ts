// Who signs a demo article and where it is filed: an institution signs statements, a pen name now and then,
// two writers sometimes share a byline; reviews go under culture, obituaries under labour history.
import { INSTITUTIONS, topicKey } from "./cast.js";
import type { GeneratedKind, GeneratedPerson, GeneratedTopic } from "./generate.js";
import type { Random } from "./random.js";

const REVIEW_TOPICS = ["Film", "Books", "Music", "Art"].map(topicKey);
const OBITUARY_TOPICS = ["Labour History", "Workers’ Struggles"].map(topicKey);
const AND: Record<string, string> = { en: " and ", de: " und " };

export class Desk {
  private readonly individuals: string[];
  private readonly penNames: string[];
  private readonly names = new Map<string, Map<string, string>>();
  private readonly topics: string[];

  constructor(persons: readonly GeneratedPerson[], topics: readonly GeneratedTopic[]) {
    this.topics = topics.map((t) => t.key).filter((key) => !REVIEW_TOPICS.includes(key));
    this.individuals = persons.filter((p) => p.kind === "individual").map((p) => p.key);
    this.penNames = persons.filter((p) => p.kind === "pen_name").map((p) => p.key);
    for (const person of persons) {
      const byLanguage = new Map(person.localizations.map((l) => [l.language, l.name]));
      byLanguage.set("", person.name);
      this.names.set(person.key, byLanguage);
    }
  }

  authorsOf(kind: GeneratedKind, language: string, random: Random): string[] {
    if (kind === "statement") {
      if (language === "de") return [INSTITUTIONS.german];
      return [random.chance(0.2) ? INSTITUTIONS.committee : INSTITUTIONS.board];
    }
    const roll = random.next();
    if (kind !== "letter" && roll < 0.07) return [random.pick(this.penNames)];
    const writer = random.pick(this.individuals);
    if (kind !== "letter" && roll > 0.9) return [writer, this.otherThan([writer], random)];
    return [writer];
  }

  /** A writer who is not among `authors`: the other side of an exchange. */
  otherThan(authors: readonly string[], random: Random): string {
    let writer = random.pick(this.individuals);
    while (authors.includes(writer)) writer = random.pick(this.individuals);
    return writer;
  }

  /** "Helen Marsh and Jonas Keller", as the byline is printed in `language`. */
  printed(keys: readonly string[], language: string): string {
    const names = keys.map((key) => {
      const byLanguage = this.names.get(key);
      return byLanguage?.get(language) ?? byLanguage?.get("") ?? key;
    });
    return names.join(AND[language] ?? " & ");
  }

  topicsOf(kind: GeneratedKind, random: Random): string[] {
    if (kind === "review") return [random.pick(REVIEW_TOPICS)];
    if (kind === "obituary") return [random.pick(OBITUARY_TOPICS)];
    const first = random.pick(this.topics);
    if (!random.chance(0.4)) return [first];
    const second = random.pick(this.topics);
    return second === first ? [first] : [first, second];
  }
}
