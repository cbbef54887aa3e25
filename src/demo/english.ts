// English for the template engine: plurals, verb forms and "a" or "an", worked out once per word.
import {
  entries,
  groupThousands,
  type Language,
  LIST_NAMES,
  type ListName,
  numberScale,
  type Picks,
  type TokenSpec,
  type Words,
} from "./template.js";

const SMALL_NUMBERS = "two three four five six seven eight nine ten eleven twelve".split(" ");

/** Builds the English renderer from word lists whose irregular forms are written `crisis/crises`. */
export function english(words: Words): Language {
  const lists = Object.fromEntries(LIST_NAMES.map((name) => [name, entries(words[name])])) as Record<
    ListName,
    string[]
  >;
  const nouns = lists.noun.map((entry) => entry.split("/"));
  const singular = nouns.map(([one = ""]) => one);
  const plural = nouns.map(([one = "", many]) => many ?? pluralOf(one));
  const verbs = lists.verb.map(verbForms);
  const plain: Record<string, string[]> = {
    sing: lists.sing,
    plur: lists.plur,
    adj: lists.adj,
    adv: lists.adv,
    place: lists.place,
    inst: lists.inst,
    year: lists.year,
    name: lists.name,
    work: lists.work,
  };

  const wordsOf = (spec: TokenSpec, source: string): string[] => {
    const { list } = spec.head;
    if (list === "noun") return spec.form === "pl" ? plural : singular;
    if (list === "verb") {
      const index = VERB_FORMS.indexOf(spec.form as VerbForm);
      if (index < 0) throw new Error(`{verb} needs a form (.past, .part, .pres, .inf) in "${source}"`);
      return verbs.map((forms) => forms[index] as string);
    }
    const found = plain[list];
    if (!found) throw new Error(`no English words for {${list}} in "${source}"`);
    return found;
  };

  return {
    code: "en",
    sizes: Object.fromEntries(LIST_NAMES.map((name) => [name, lists[name].length])) as Record<
      ListName,
      number
    >,
    determiners: new Set(["a", "this"]),
    compile(spec, source) {
      if (spec.grammaticalCase)
        throw new Error(`English has no case (:${spec.grammaticalCase}) in "${source}"`);
      if (spec.head.list === "num") return numberRenderer(spec, source);
      const heads = wordsOf(spec, source);
      const at = spec.head.position;
      const modifiers = spec.modifiers.map((m) => {
        const found = plain[m.list];
        if (!found) throw new Error(`{${m.list}} cannot modify a noun in "${source}"`);
        return { words: found, at: m.position };
      });
      const isPlural = spec.head.list === "plur" || spec.form === "pl";
      const before = (p: Picks): string => {
        let text = "";
        for (const m of modifiers) text += `${m.words[p[m.at] as number]} `;
        return text;
      };
      if (spec.determiner === "this") {
        const word = isPlural ? "these " : "this ";
        return (p) => word + before(p) + heads[p[at] as number];
      }
      if (spec.determiner === "a" && !isPlural) {
        return (p) => {
          const rest = before(p) + heads[p[at] as number];
          return (startsWithVowelSound(rest) ? "an " : "a ") + rest;
        };
      }
      if (modifiers.length === 0) return (p) => heads[p[at] as number] as string;
      return (p) => before(p) + heads[p[at] as number];
    },
  };
}

const VERB_FORMS = ["inf", "past", "part", "pres"] as const;
type VerbForm = (typeof VERB_FORMS)[number];

/** `betray` or `fight/fought` or `break/broke/broken` → [infinitive, past, participle, third person]. */
function verbForms(entry: string): string[] {
  const [base = "", past = regularPast(base), participle = past] = entry.split("/");
  return [base, past, participle, thirdPerson(base)];
}

function regularPast(verb: string): string {
  if (verb.endsWith("e")) return `${verb}d`;
  if (/[^aeiou]y$/.test(verb)) return `${verb.slice(0, -1)}ied`;
  return `${verb}ed`;
}

function thirdPerson(verb: string): string {
  if (/(s|x|z|ch|sh)$/.test(verb)) return `${verb}es`;
  if (/[^aeiou]y$/.test(verb)) return `${verb.slice(0, -1)}ies`;
  return `${verb}s`;
}

function pluralOf(noun: string): string {
  return thirdPerson(noun);
}

// "a union", "a European", "a one-sided" but "an honest", "an hour": the sound counts, not the letter.
function startsWithVowelSound(text: string): boolean {
  const lower = text.toLowerCase();
  if (/^(uni|use|usu|eu|one)/.test(lower)) return false;
  if (/^(honest|hour|heir)/.test(lower)) return true;
  return /^[aeiou]/.test(lower);
}

function numberRenderer(spec: TokenSpec, source: string): (picks: Picks) => string {
  const value = numberScale(spec, source);
  switch (spec.form) {
    case "k":
      return (p) => groupThousands(value(p), ",");
    case "pct":
      return (p) => `${value(p)} per cent`;
    case "small":
      return (p) => SMALL_NUMBERS[value(p) - 2] as string;
    default:
      return (p) => String(value(p));
  }
}
