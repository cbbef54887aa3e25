// The demo publication's writers, topic tree and series: fixed lists, so that every demo shows the same
// masthead, and small (the article stream refers to them by key).
import type { GeneratedPerson, GeneratedSeries, GeneratedTopic } from "./generate.js";

/** [name, its German spelling where that differs, index of the writer's beat] */
const WRITERS: [string, string | undefined, number][] = [
  ["Helen Marsh", undefined, 0],
  ["Daniel Ferreira", undefined, 5],
  ["Amara Njoroge", undefined, 2],
  ["Tomás Ibarra", undefined, 5],
  ["Ingrid Sørensen", undefined, 1],
  ["Kwame Mensah", undefined, 2],
  ["Lucía Romero", undefined, 4],
  ["Jonas Keller", undefined, 1],
  ["Anjali Rao", undefined, 6],
  ["Farah Haddad", undefined, 7],
  ["Miguel Santos", undefined, 9],
  ["Clara Vogt", undefined, 3],
  ["Sipho Dlamini", undefined, 2],
  ["Nadia Petrova", "Nadja Petrowa", 8],
  ["Owen Gallagher", undefined, 9],
  ["Yusuf Demir", undefined, 7],
  ["Marta Kowalska", undefined, 0],
  ["Samuel Otieno", undefined, 2],
  ["Elena Conti", undefined, 4],
  ["Rafael Mendes", undefined, 5],
  ["Hannah Brandt", undefined, 3],
  ["Kenji Mori", undefined, 6],
  ["Aisha Bello", undefined, 2],
  ["Nikolai Vasilyev", "Nikolai Wassiljew", 8],
  ["Dmitri Sokolov", "Dmitri Sokolow", 0],
  ["Yannis Papadakis", "Jannis Papadakis", 1],
  ["Wanjiru Kamau", undefined, 2],
  ["Peter Novak", undefined, 3],
];

const BEATS: [string, string][] = [
  ["the history of the labour movement", "die Geschichte der Arbeiterbewegung"],
  ["European politics", "europäische Politik"],
  ["East and southern Africa", "Ost- und Südafrika"],
  ["economics and finance", "Wirtschaft und Finanzen"],
  ["culture and film", "Kultur und Film"],
  ["Latin America", "Lateinamerika"],
  ["South Asia", "Südasien"],
  ["war and militarism", "Krieg und Militarismus"],
  ["the history of the Soviet Union", "die Geschichte der Sowjetunion"],
  ["workers’ struggles", "Arbeitskämpfe"],
];

/** Single names, an ordinary-looking double name and initials: the three ways pen names are chosen. */
const PEN_NAMES: [string, string, string][] = [
  ["Vindex", "Kenya", "Kenia"],
  ["Clara Nord", "Germany", "Deutschland"],
  ["K. R. Marten", "Sri Lanka", "Sri Lanka"],
  ["Tribunus", "Turkey", "der Türkei"],
];

const FIRST_INSTITUTION = WRITERS.length + PEN_NAMES.length + 1;
export const INSTITUTIONS = {
  board: `p${FIRST_INSTITUTION}`,
  german: `p${FIRST_INSTITUTION + 1}`,
  committee: `p${FIRST_INSTITUTION + 2}`,
};

export function people(): GeneratedPerson[] {
  const writers = WRITERS.map(([name, german, beat], i): GeneratedPerson => {
    const [area, gebiet] = BEATS[beat] ?? ["politics", "Politik"];
    const since = 2001 + ((i * 7) % 22);
    return {
      key: `p${i + 1}`,
      name,
      kind: "individual",
      bio: `${name} has written for Broadside on ${area} since ${since}.`,
      localizations: [
        {
          language: "de",
          name: german ?? name,
          bio: `${german ?? name} schreibt seit ${since} für Broadside über ${gebiet}.`,
        },
      ],
    };
  });
  const pens = PEN_NAMES.map(
    ([name, country, land], i): GeneratedPerson => ({
      key: `p${WRITERS.length + i + 1}`,
      name,
      kind: "pen_name",
      bio: `${name} is the pen name of a writer in ${country} who cannot safely publish under their name.`,
      localizations: [
        {
          language: "de",
          name,
          bio: `${name} ist das Pseudonym eines Autors in ${land}, der unter eigenem Namen gefährdet wäre.`,
        },
      ],
    }),
  );
  const institutions: GeneratedPerson[] = [
    institution(INSTITUTIONS.board, "International Editorial Board", "Internationale Redaktion", [
      "The board responsible for the publication’s statements and its editorial line.",
      "Die für die Erklärungen und die redaktionelle Linie der Publikation verantwortliche Redaktion.",
    ]),
    institution(
      INSTITUTIONS.german,
      "Editorial Board of the German Edition",
      "Redaktion der deutschen Ausgabe",
      ["The editors of the German-language edition.", "Die Redaktion der deutschsprachigen Ausgabe."],
    ),
    institution(
      INSTITUTIONS.committee,
      "Committee for the Defence of Political Prisoners",
      "Komitee zur Verteidigung politischer Gefangener",
      [
        "A committee that campaigns for the release of imprisoned workers and journalists.",
        "Ein Komitee, das sich für die Freilassung inhaftierter Arbeiter und Journalisten einsetzt.",
      ],
    ),
  ];
  return [...writers, ...pens, ...institutions];
}

function institution(key: string, name: string, german: string, [bio, deBio]: string[]): GeneratedPerson {
  return {
    key,
    name,
    kind: "institution",
    bio: bio ?? "",
    localizations: [{ language: "de", name: german, ...(deBio ? { bio: deBio } : {}) }],
  };
}

/** [English name, German name, depth]: a topic's parent is the nearest topic above it one level up. */
const TOPICS: [string, string, number][] = [
  ["History", "Geschichte", 0],
  ["Russian Revolution", "Russische Revolution", 1],
  ["Spanish Civil War", "Spanischer Bürgerkrieg", 1],
  ["Stalinism", "Stalinismus", 1],
  ["Second World War", "Zweiter Weltkrieg", 1],
  ["Labour History", "Geschichte der Arbeiterbewegung", 1],
  ["World Politics", "Weltpolitik", 0],
  ["Africa", "Afrika", 1],
  ["Kenya", "Kenia", 2],
  ["South Africa", "Südafrika", 2],
  ["Nigeria", "Nigeria", 2],
  ["Europe", "Europa", 1],
  ["Germany", "Deutschland", 2],
  ["Greece", "Griechenland", 2],
  ["Spain", "Spanien", 2],
  ["France", "Frankreich", 2],
  ["Asia", "Asien", 1],
  ["Sri Lanka", "Sri Lanka", 2],
  ["China", "China", 2],
  ["India", "Indien", 2],
  ["The Americas", "Amerika", 1],
  ["United States", "USA", 2],
  ["Brazil", "Brasilien", 2],
  ["Mexico", "Mexiko", 2],
  ["Middle East", "Naher Osten", 1],
  ["Economy", "Wirtschaft", 0],
  ["Finance", "Finanzen", 1],
  ["Trade", "Handel", 1],
  ["Wages and Work", "Löhne und Arbeit", 1],
  ["Culture", "Kultur", 0],
  ["Film", "Film", 1],
  ["Books", "Bücher", 1],
  ["Music", "Musik", 1],
  ["Art", "Kunst", 1],
  ["Science", "Wissenschaft", 0],
  ["Public Health", "Gesundheit", 1],
  ["Climate", "Klima", 1],
  ["Workers’ Struggles", "Arbeitskämpfe", 0],
  ["War and Militarism", "Krieg und Militarismus", 0],
];

export function topics(): GeneratedTopic[] {
  const parents: string[] = [];
  return TOPICS.map(([name, german, depth], i): GeneratedTopic => {
    const key = `t${i + 1}`;
    parents[depth] = key;
    const parentKey = depth > 0 ? parents[depth - 1] : undefined;
    return {
      key,
      name,
      ...(parentKey ? { parentKey } : {}),
      description: `Reporting, analysis and history: ${name}.`,
      localizations: [
        { language: "de", name: german, description: `Berichte, Analysen und Geschichte: ${german}.` },
      ],
    };
  });
}

/** A topic's key by its English name; the stream uses it to give series and reviews fitting topics. */
export function topicKey(name: string): string {
  const index = TOPICS.findIndex(([english]) => english === name);
  if (index < 0) throw new Error(`no demo topic is called "${name}"`);
  return `t${index + 1}`;
}

export function series(): GeneratedSeries[] {
  return [
    {
      key: "s1",
      title: "Lessons of Spain",
      description: "The Spanish revolution and civil war of 1936–39, in four parts.",
    },
    {
      key: "s2",
      title: "The Long Depression",
      description: "Four articles on the world economy since the crash of 2008.",
    },
    {
      key: "s3",
      title: "Kenya after Independence",
      description: "Six decades of Kenyan politics, from the Lancaster House talks to the present.",
    },
  ];
}
