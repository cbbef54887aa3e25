// The works the demo articles quote and cite, as CSL-JSON items. Authors, titles and publishers are
// invented for this project; the keys follow the author-word-year habit of real bibliographies.
import type { GeneratedSource } from "./generate.js";

type Row = [
  id: string,
  type: "book" | "chapter" | "article-newspaper",
  author: [given: string, family: string],
  title: string,
  /** The newspaper, or the book a chapter appeared in. */
  container: string | undefined,
  publisher: [name: string, place: string] | undefined,
  issued: [number, number?, number?],
];

const ASHGROVE: [string, string] = ["Ashgrove Press", "London"];
const ROTDRUCK: [string, string] = ["Rotdruck Verlag", "Leipzig"];
const HARBOUR: [string, string] = ["Harbour Books", "Glasgow"];
const MERIDIAN: [string, string] = ["Meridian Press", "New York"];
const COMMUNE: [string, string] = ["Éditions de la Commune", "Paris"];
const ALBA: [string, string] = ["Ediciones del Alba", "Buenos Aires"];
const SAVANNA: [string, string] = ["Savanna Books", "Nairobi"];
const LAKESIDE: [string, string] = ["Lakeside University Press", "Chicago"];

const ROWS: Row[] = [
  [
    "lindner-october-1924",
    "book",
    ["Karl", "Lindner"],
    "The Lessons of October",
    undefined,
    ASHGROVE,
    [1924],
  ],
  ["sokolova-purge-1956", "book", ["Vera", "Sokolova"], "The Year of the Purge", undefined, LAKESIDE, [1956]],
  ["brenner-mass-strike-1912", "book", ["Anton", "Brenner"], "The Mass Strike", undefined, ROTDRUCK, [1912]],
  [
    "halevi-barricades-1938",
    "book",
    ["Mira", "Halevi"],
    "The Year of the Barricades",
    undefined,
    HARBOUR,
    [1938],
  ],
  ["okonkwo-empire-1961", "book", ["Joseph", "Okonkwo"], "Workers and Empire", undefined, SAVANNA, [1961]],
  [
    "eckstein-assembly-1919",
    "chapter",
    ["Rosa", "Eckstein"],
    "On the National Assembly",
    "Collected Writings, Volume 3",
    ROTDRUCK,
    [1974],
  ],
  [
    "mercier-republic-1971",
    "book",
    ["Paul", "Mercier"],
    "The Fate of the Republic",
    undefined,
    COMMUNE,
    [1971],
  ],
  [
    "villalobos-barcelona-1977",
    "book",
    ["Andrés", "Villalobos"],
    "Bread and Freedom: Barcelona 1936–1937",
    undefined,
    ALBA,
    [1977],
  ],
  [
    "grunbaum-decline-1932",
    "book",
    ["Leo", "Grünbaum"],
    "The Economics of Decline",
    undefined,
    MERIDIAN,
    [1932],
  ],
  [
    "morozov-trials-1990",
    "book",
    ["Ivan", "Morozov"],
    "The Trial of the Twenty-One",
    undefined,
    LAKESIDE,
    [1990],
  ],
  ["adeyemi-dockers-2004", "book", ["Grace", "Adeyemi"], "A History of the Dockers", undefined, ALBA, [2004]],
  [
    "duval-letter-1948",
    "chapter",
    ["Henri", "Duval"],
    "Letter to the Central Committee",
    "Letters from Exile",
    COMMUNE,
    [1948],
  ],
  ["markou-night-1983", "book", ["Sofia", "Markou"], "The Long Night", undefined, HARBOUR, [1983]],
  [
    "kohler-decrees-1933",
    "article-newspaper",
    ["Ernst", "Kohler"],
    "The Reichstag and the Emergency Decrees",
    "The Evening Courier",
    undefined,
    [1933, 3, 2],
  ],
  [
    "pillai-hartal-1953",
    "article-newspaper",
    ["Ravi", "Pillai"],
    "A Day Without Work in Colombo",
    "The Island Worker",
    undefined,
    [1953, 8, 14],
  ],
  [
    "benali-ceasefire-1962",
    "article-newspaper",
    ["Fatima", "Benali"],
    "Algiers after the Ceasefire",
    "The Evening Courier",
    undefined,
    [1962, 3, 25],
  ],
  ["wrobel-ninety-days-1981", "book", ["Tadeusz", "Wróbel"], "The Ninety Days", undefined, MERIDIAN, [1981]],
  [
    "bernstein-theory-1931",
    "book",
    ["Olga", "Bernstein"],
    "In Defence of Theory",
    undefined,
    ASHGROVE,
    [1931],
  ],
  [
    "ortega-oil-1940",
    "chapter",
    ["Manuel", "Ortega"],
    "The Oil Expropriation",
    "Writings on Mexico",
    ALBA,
    [1940],
  ],
  [
    "rahn-banks-2009",
    "article-newspaper",
    ["Hugo", "Rahn"],
    "How the Banks Were Saved",
    "The Morning Ledger",
    undefined,
    [2009, 1, 12],
  ],
  [
    "whitcombe-strike-1985",
    "book",
    ["Alice", "Whitcombe"],
    "The Forgotten Strike",
    undefined,
    HARBOUR,
    [1985],
  ],
  [
    "mwangi-republic-1998",
    "book",
    ["Samuel", "Mwangi"],
    "From Empire to Republic",
    undefined,
    SAVANNA,
    [1998],
  ],
  [
    "lund-report-1927",
    "chapter",
    ["Erik", "Lund"],
    "Report to the Congress",
    "Minutes of the Fourth Congress",
    ROTDRUCK,
    [1927],
  ],
  ["fontaine-coup-1974", "book", ["Léa", "Fontaine"], "The Anatomy of a Coup", undefined, COMMUNE, [1974]],
  [
    "diallo-railway-1967",
    "book",
    ["Amina", "Diallo"],
    "The Railwaymen of Dakar",
    undefined,
    ["Éditions du Fleuve", "Dakar"],
    [1967],
  ],
  [
    "harker-austerity-2013",
    "article-newspaper",
    ["George", "Harker"],
    "The Austerity Consensus",
    "The Morning Ledger",
    undefined,
    [2013, 5, 6],
  ],
  [
    "roth-typesetter-1952",
    "book",
    ["Miriam", "Roth"],
    "Memoirs of a Typesetter",
    undefined,
    MERIDIAN,
    [1952],
  ],
  ["adler-retreat-1936", "book", ["Julius", "Adler"], "The Great Retreat", undefined, ASHGROVE, [1936]],
];

export function sources(): GeneratedSource[] {
  return ROWS.map(([id, type, [given, family], title, container, publisher, issued]) => ({
    id,
    type,
    title,
    author: [{ given, family }],
    ...(container ? { "container-title": container } : {}),
    ...(publisher ? { publisher: publisher[0], "publisher-place": publisher[1] } : {}),
    issued: { "date-parts": [issued.filter((part) => part !== undefined)] },
  }));
}

/** The name a quotation is introduced with: "As Karl Lindner wrote at the time:". */
export function authorOf(source: GeneratedSource): string {
  const [author] = source.author as { given: string; family: string }[];
  return author ? `${author.given} ${author.family}` : "";
}
