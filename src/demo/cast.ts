// The demo publication's people, topics, series and cited sources: fixed lists, so a screenshot of the demo
// always shows the same masthead of writers and the same topic tree.
import { slugify } from "../content/slug.js";
import type { GeneratedPerson, GeneratedSeries, GeneratedTopic } from "./generate.js";

const WRITERS = [
  "Amara Njoroge",
  "Daniel Ferreira",
  "Helen Marsh",
  "Tomás Ibarra",
  "Ingrid Sørensen",
  "Kwame Mensah",
  "Lucía Romero",
  "Peter Schwarz",
  "Anjali Rao",
  "Jonas Keller",
  "Farah Haddad",
  "Miguel Santos",
  "Clara Vogt",
  "Sipho Dlamini",
  "Nadia Petrova",
  "Owen Gallagher",
  "Yusuf Demir",
  "Marta Kowalska",
  "Samuel Otieno",
  "Elena Conti",
  "Rafael Mendes",
  "Hannah Brandt",
  "Kenji Mori",
  "Aisha Bello",
];

const PEN_NAMES = ["Lucien Vane", "K. Oduya", "Spartak"];

export function people(): GeneratedPerson[] {
  const writers: GeneratedPerson[] = WRITERS.map((name, i) => ({
    key: `p${i + 1}`,
    name,
    kind: "individual",
    bio: `${name} writes on history, politics and the labour movement.`,
    localizations: [
      { language: "de", name, bio: `${name} schreibt über Geschichte, Politik und die Arbeiterbewegung.` },
    ],
  }));
  const pens: GeneratedPerson[] = PEN_NAMES.map((name, i) => ({
    key: `pen${i + 1}`,
    name,
    kind: "pen_name",
    bio: `${name} is the pen name of a writer who publishes under it for their own safety.`,
    localizations: [],
  }));
  const institutions: GeneratedPerson[] = [
    {
      key: "board",
      name: "International Editorial Board",
      kind: "institution",
      bio: "The editorial board responsible for the publication's statements.",
      localizations: [
        {
          language: "de",
          name: "Internationale Redaktion",
          bio: "Die für die Erklärungen verantwortliche Redaktion.",
        },
      ],
    },
    {
      key: "board-de",
      name: "Editorial Board of the German Edition",
      kind: "institution",
      bio: "The editors of the German-language edition.",
      localizations: [
        {
          language: "de",
          name: "Redaktion der deutschen Ausgabe",
          bio: "Die Redaktion der deutschsprachigen Ausgabe.",
        },
      ],
    },
  ];
  return [...writers, ...pens, ...institutions];
}

/** [key, English name, German name, parent key] */
const TOPICS: [string, string, string, string?][] = [
  ["history", "History", "Geschichte"],
  ["russian-revolution", "Russian Revolution", "Russische Revolution", "history"],
  ["spanish-civil-war", "Spanish Civil War", "Spanischer Bürgerkrieg", "history"],
  ["stalinism", "Stalinism", "Stalinismus", "history"],
  [
    "fourth-international",
    "History of the Fourth International",
    "Geschichte der Vierten Internationale",
    "history",
  ],
  ["world", "World Politics", "Weltpolitik"],
  ["africa", "Africa", "Afrika", "world"],
  ["kenya", "Kenya", "Kenia", "africa"],
  ["south-africa", "South Africa", "Südafrika", "africa"],
  ["nigeria", "Nigeria", "Nigeria", "africa"],
  ["europe", "Europe", "Europa", "world"],
  ["germany", "Germany", "Deutschland", "europe"],
  ["greece", "Greece", "Griechenland", "europe"],
  ["spain", "Spain", "Spanien", "europe"],
  ["asia", "Asia", "Asien", "world"],
  ["sri-lanka", "Sri Lanka", "Sri Lanka", "asia"],
  ["china", "China", "China", "asia"],
  ["americas", "The Americas", "Amerika", "world"],
  ["united-states", "United States", "USA", "americas"],
  ["brazil", "Brazil", "Brasilien", "americas"],
  ["mexico", "Mexico", "Mexiko", "americas"],
  ["economy", "Economy", "Wirtschaft"],
  ["finance", "Finance", "Finanzen", "economy"],
  ["trade", "Trade", "Handel", "economy"],
  ["labour", "Labour", "Arbeit", "economy"],
  ["culture", "Culture", "Kultur"],
  ["film", "Film", "Film", "culture"],
  ["books", "Books", "Bücher", "culture"],
  ["music", "Music", "Musik", "culture"],
  ["science", "Science", "Wissenschaft"],
  ["health", "Public Health", "Gesundheit", "science"],
  ["struggles", "Workers’ Struggles", "Arbeitskämpfe"],
];

export function topics(): GeneratedTopic[] {
  return TOPICS.map(([key, name, german, parentKey]) => ({
    key,
    name,
    ...(parentKey ? { parentKey } : {}),
    description: `Articles on ${name.toLowerCase() === name ? name : name}.`,
    localizations: [{ language: "de", name: german, description: `Artikel zum Thema ${german}.` }],
  }));
}

export function series(): GeneratedSeries[] {
  return [
    {
      key: "s1",
      title: "Lessons of Spain",
      description: "Four articles on the Spanish revolution of 1936–37.",
    },
    {
      key: "s2",
      title: "The Archive of 1937",
      description: "What the opened archives show about the purges.",
    },
    { key: "s3", title: "Kenya after Independence", description: "A history in four parts." },
  ];
}

const PUBLISHERS: [string, string][] = [
  ["Mehring Books", "Detroit"],
  ["Example Press", "New York"],
  ["Arbeiterpresse Verlag", "Essen"],
  ["Northbridge University Press", "London"],
  ["Ediciones del Sur", "Buenos Aires"],
];

const SOURCE_TITLES = [
  ["The Revolution Betrayed Again", "book"],
  ["Letters from the Archive", "chapter"],
  ["The Crisis of the Republic", "book"],
  ["Notes on the Strike Wave", "article-newspaper"],
  ["The Economics of Austerity", "book"],
  ["Memoirs of a Dockworker", "book"],
  ["The Trials and Their Witnesses", "chapter"],
  ["Speech to the Congress", "chapter"],
  ["The Land Question", "book"],
  ["A History of the Railway Union", "book"],
  ["On the Popular Front", "chapter"],
  ["Report of the Commission of Inquiry", "report"],
  ["The Price of Bread", "article-newspaper"],
  ["Writings on the National Question", "chapter"],
  ["The Ninety Days", "book"],
  ["The Long Depression", "book"],
] as const;

export function sources(): { id: string; [field: string]: unknown }[] {
  return SOURCE_TITLES.map(([title, type], i) => {
    const author = WRITERS[(i * 7 + 3) % WRITERS.length] ?? "Anonymous";
    const [given, ...family] = author.split(" ");
    const [publisher, place] = PUBLISHERS[i % PUBLISHERS.length] ?? ["Example Press", "New York"];
    const year = 1930 + ((i * 13) % 90);
    const id = slugify(`${family.join(" ")} ${title.split(" ").at(-1)} ${year}`).replace(/[^a-z0-9-]/g, "");
    return {
      id,
      type,
      title,
      author: [{ given, family: family.join(" ") }],
      ...(type === "chapter" ? { "container-title": `Collected Writings [${year - 2}–${year - 1}]` } : {}),
      ...(type === "article-newspaper"
        ? { "container-title": "The Evening Courier" }
        : { publisher, "publisher-place": place }),
      issued: { "date-parts": [[year]] },
    };
  });
}
