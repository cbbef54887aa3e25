// German for the template engine: articles and adjective endings by gender, case and determiner, worked out
// once per word and form. Nouns are written `f Krise/Krisen`, `m Streik/Streiks/Streiks` (nominative,
// genitive, plural) or `pl Arbeiter`; a stem ending in `+` before the noun is an adjective declined with it
// (`m International+ Währungsfonds`). A slot may open with a preposition that takes the dative and merges
// with the article: `{von noun}` is "vom Streik" or "von der Krise".
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

const CASES = ["nom", "akk", "dat", "gen"] as const;
const GENDERS = ["m", "f", "n", "pl"] as const;
const FEMININE = 1;
const PLURAL = 3;
const DATIVE = 2;
const GENITIVE = 3;

// Rows are cases, columns genders (m, f, n, plural).
const ARTICLES: Record<string, string[][]> = {
  der: [
    ["der", "die", "das", "die"],
    ["den", "die", "das", "die"],
    ["dem", "der", "dem", "den"],
    ["des", "der", "des", "der"],
  ],
  ein: [
    ["ein", "eine", "ein", ""],
    ["einen", "eine", "ein", ""],
    ["einem", "einer", "einem", ""],
    ["eines", "einer", "eines", ""],
  ],
  dies: [
    ["dieser", "diese", "dieses", "diese"],
    ["diesen", "diese", "dieses", "diese"],
    ["diesem", "dieser", "diesem", "diesen"],
    ["dieses", "dieser", "dieses", "dieser"],
  ],
};
/** A preposition taking the dative, and the forms it contracts to with the article: `von dem` is `vom`. */
const PREPOSITIONS: Record<string, Record<string, string>> = {
  von: { dem: "vom" },
  zu: { dem: "zum", der: "zur" },
  in: { dem: "im" },
  an: { dem: "am" },
  bei: { dem: "beim" },
};
const WEAK = [
  ["e", "e", "e", "en"],
  ["en", "e", "e", "en"],
  ["en", "en", "en", "en"],
  ["en", "en", "en", "en"],
];
const MIXED = [
  ["er", "e", "es", "e"],
  ["en", "e", "es", "e"],
  ["en", "en", "en", "en"],
  ["en", "en", "en", "er"],
];
const STRONG = [
  ["er", "e", "es", "e"],
  ["en", "e", "es", "e"],
  ["em", "er", "em", "en"],
  ["en", "er", "en", "er"],
];
const SMALL_NUMBERS = "zwei drei vier fünf sechs sieben acht neun zehn elf zwölf".split(" ");

interface Noun {
  gender: number;
  /** Words before the noun; a stem (`true`) takes the adjective ending. */
  fixed: [string, boolean][];
  forms: string[];
}

export function german(words: Words): Language {
  const lists = Object.fromEntries(LIST_NAMES.map((name) => [name, entries(words[name])])) as Record<
    ListName,
    string[]
  >;
  const nouns: Partial<Record<ListName, Noun[]>> = {
    noun: lists.noun.map(parseNoun),
    sing: lists.sing.map(parseNoun),
    plur: lists.plur.map((entry) => parseNoun(`pl ${entry}`)),
    inst: lists.inst.map(parseNoun),
  };
  const verbs = lists.verb.map(verbForms);
  const attributive = lists.adj.map((adj) => adj.split("/").at(-1)?.replace(/e$/, "") ?? adj);
  const plain: Partial<Record<ListName, string[]>> = {
    adj: lists.adj.map((adj) => adj.split("/")[0] ?? adj),
    adv: lists.adv,
    place: lists.place,
    year: lists.year,
    name: lists.name,
    work: lists.work,
  };
  const phrases = new Map<string, { articles: string[]; endings: string[]; tails: string[] }>();

  const nounPhrases = (list: ListName, determiner: string, grammaticalCase: number, plural: boolean) => {
    const key = `${list} ${determiner} ${grammaticalCase} ${plural}`;
    let found = phrases.get(key);
    if (!found) {
      const contractions = PREPOSITIONS[determiner];
      const article = contractions ? "der" : determiner;
      const forms = (nouns[list] ?? []).map((noun) => declined(noun, article, grammaticalCase, plural));
      found = {
        articles: forms.map((f) =>
          contractions ? (contractions[f.article] ?? `${determiner} ${f.article}`) : f.article,
        ),
        endings: forms.map((f) => f.ending),
        tails: forms.map((f) => f.tail),
      };
      phrases.set(key, found);
    }
    return found;
  };

  return {
    code: "de",
    sizes: Object.fromEntries(LIST_NAMES.map((name) => [name, lists[name].length])) as Record<
      ListName,
      number
    >,
    determiners: new Set([...Object.keys(ARTICLES), ...Object.keys(PREPOSITIONS)]),
    compile(spec, source) {
      const { list, position: at } = spec.head;
      if (list === "num") return numberRenderer(spec, source);
      if (list === "verb") {
        const index = VERB_FORMS.indexOf(spec.form as (typeof VERB_FORMS)[number]);
        if (index < 0) throw new Error(`{verb} needs a form (${VERB_FORMS.join(", ")}) in "${source}"`);
        const forms = verbs.map((f) => f[index] as string);
        return (p) => forms[p[at] as number] as string;
      }
      const simple = plain[list];
      if (simple && spec.modifiers.length === 0 && !spec.determiner) {
        return (p) => simple[p[at] as number] as string;
      }
      if (!nouns[list]) throw new Error(`{${list}} cannot take an article or adjective in "${source}"`);
      const governed = spec.determiner && PREPOSITIONS[spec.determiner] ? "dat" : undefined;
      if (governed && spec.grammaticalCase)
        throw new Error(`{${spec.determiner} …} is always dative in "${source}"`);
      const grammaticalCase = CASES.indexOf(
        (governed ?? spec.grammaticalCase ?? "nom") as (typeof CASES)[number],
      );
      if (grammaticalCase < 0) throw new Error(`unknown case :${spec.grammaticalCase} in "${source}"`);
      const plural = list === "plur" || spec.form === "pl";
      const { articles, endings, tails } = nounPhrases(list, spec.determiner ?? "", grammaticalCase, plural);
      const modifiers = spec.modifiers.map((m) => {
        if (m.list !== "adj") throw new Error(`only {adj} can modify a noun in "${source}"`);
        return m.position;
      });
      return (p) => {
        const n = p[at] as number;
        const ending = endings[n] as string;
        let text = articles[n] as string;
        for (const m of modifiers) text += `${text === "" ? "" : " "}${attributive[p[m] as number]}${ending}`;
        const tail = tails[n] as string;
        return text === "" ? tail : `${text} ${tail}`;
      };
    },
  };
}

function parseNoun(entry: string): Noun {
  const words = entry.split(" ");
  const gender = GENDERS.indexOf(words[0] as (typeof GENDERS)[number]);
  if (gender < 0) throw new Error(`a German noun starts with m, f, n or pl: "${entry}"`);
  const forms = (words.at(-1) ?? "").split("/");
  const fixed = words
    .slice(1, -1)
    .map((word): [string, boolean] => (word.endsWith("+") ? [word.slice(0, -1), true] : [word, false]));
  return { gender, fixed, forms };
}

function declined(noun: Noun, determiner: string, grammaticalCase: number, plural: boolean) {
  const gender = plural || noun.gender === PLURAL ? PLURAL : noun.gender;
  const row = ARTICLES[determiner]?.[grammaticalCase];
  const article = row?.[gender] ?? "";
  const table = determiner === "ein" ? MIXED : row ? WEAK : STRONG;
  const ending = (article === "" ? STRONG : table)[grammaticalCase]?.[gender] ?? "";
  const [one = "", second, third] = noun.forms;
  let word: string;
  if (gender === PLURAL) {
    const many = noun.gender === PLURAL ? one : noun.gender === FEMININE ? (second ?? one) : (third ?? one);
    word = grammaticalCase === DATIVE && /(e|er|el)$/.test(many) ? `${many}n` : many;
  } else {
    word = grammaticalCase === GENITIVE && noun.gender !== FEMININE ? (second ?? one) : one;
  }
  const fixed = noun.fixed.map(([text, declines]) => (declines ? text + ending : text));
  return { article, ending, tail: [...fixed, word].join(" ") };
}

const VERB_FORMS = ["inf", "past", "part", "pres", "pastpl", "prespl"] as const;

/**
 * `verraten/verriet/verraten/verrät`: infinitive, past, participle, present (third person singular); a verb
 * in -ieren is regular enough to be written alone.
 */
function verbForms(entry: string): string[] {
  const stem = entry.endsWith("ieren") ? entry.slice(0, -2) : "";
  const written = stem ? `${entry}/${stem}te/${stem}t/${stem}t` : entry;
  const [inf = "", past = "", participle = "", present = ""] = written.split("/");
  if (!present) throw new Error(`a German verb needs four forms: "${entry}"`);
  return [inf, past, participle, present, past.endsWith("e") ? `${past}n` : `${past}en`, inf];
}

function numberRenderer(spec: TokenSpec, source: string): (picks: Picks) => string {
  const value = numberScale(spec, source);
  switch (spec.form) {
    case "k":
      return (p) => groupThousands(value(p), ".");
    case "pct":
      return (p) => `${value(p)} Prozent`;
    case "small":
      return (p) => SMALL_NUMBERS[value(p) - 2] as string;
    default:
      return (p) => String(value(p));
  }
}
