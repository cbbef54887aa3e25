import { describe, expect, it } from "vitest";
import { parseCitationGroup } from "../../markdown/citation.js";
import type { CitationGroup } from "../../markdown/render.js";
import { createCiter } from "../citer.js";
import type { CslItem } from "../csl-item.js";

const TROTSKY = [{ family: "Trotsky", given: "Leon" }];

// The source of the reference article, cited there as `[@trotsky-beginning-of-the-end, pp. 378, 382]`.
const CHAPTER: CslItem = {
  id: "trotsky-beginning-of-the-end",
  type: "chapter",
  title: "The Beginning of the End",
  author: TROTSKY,
  "container-title": "Writings of Leon Trotsky [1936–37]",
  publisher: "Pathfinder Press",
  "publisher-place": "New York",
  issued: { "date-parts": [[1978]] },
  "original-date": { "date-parts": [[1937, 6, 12]] },
};

const SOURCES: CslItem[] = [
  CHAPTER,
  {
    id: "book",
    type: "book",
    title: "The Revolution Betrayed",
    author: TROTSKY,
    translator: [{ family: "Eastman", given: "Max" }],
    publisher: "Doubleday, Doran",
    "publisher-place": "Garden City, NY",
    issued: { "date-parts": [[1937]] },
  },
  {
    id: "edited",
    type: "book",
    title: "Writings of Leon Trotsky [1936–37]",
    editor: [
      { family: "Breitman", given: "George" },
      { family: "Reed", given: "Evelyn" },
    ],
    edition: 2,
    publisher: "Pathfinder Press",
    "publisher-place": "New York",
    issued: { "date-parts": [[1978]] },
  },
  {
    id: "journal",
    type: "article-journal",
    title: "The Moscow Trials Reconsidered",
    author: [
      { family: "Doe", given: "Jane" },
      { family: "Roe", given: "Richard" },
    ],
    "container-title": "Journal of Labour History",
    volume: 12,
    issue: 3,
    page: "45–67",
    issued: { "date-parts": [[2001, 5]] },
    DOI: "10.1000/jlh.2001.12",
  },
  {
    id: "many",
    type: "article-journal",
    title: "Many Hands",
    author: ["Ann A", "Bob B", "Cy C", "Di D"].map((n) => ({
      given: n.split(" ")[0],
      family: n.split(" ")[1],
    })),
    "container-title": "Review",
    volume: 1,
    issued: { "date-parts": [[1990]] },
  },
  {
    id: "newspaper",
    type: "article-newspaper",
    title: "Trial Opens in Moscow",
    author: [{ family: "Duranty", given: "Walter" }],
    "container-title": "New York Times",
    issued: { "date-parts": [[1937, 1, 24]] },
  },
  {
    id: "webpage",
    type: "webpage",
    title: "Leon Trotsky Internet Archive",
    "container-title": "Marxists Internet Archive",
    URL: "https://www.marxists.org/archive/trotsky/",
    accessed: { "date-parts": [[2024, 3, 3]] },
  },
  {
    id: "report",
    type: "report",
    title: "The Workers’ Standard of Living",
    author: [{ literal: "International Labour Office" }],
    genre: "Studies and Reports",
    number: "B 30",
    publisher: "International Labour Office",
    "publisher-place": "Geneva",
    issued: { "date-parts": [[1938]] },
  },
  {
    id: "interview",
    type: "interview",
    title: "On the Moscow Trials",
    author: TROTSKY,
    interviewer: [{ family: "Beals", given: "Carleton" }],
    "container-title": "Dewey Commission hearings",
    issued: { "date-parts": [[1937, 4, 10]] },
  },
  {
    id: "letter",
    type: "personal_communication",
    author: TROTSKY,
    recipient: [{ family: "Cannon", given: "James P." }],
    issued: { "date-parts": [[1937, 6, 12]] },
  },
  {
    id: "anonymous",
    type: "article-newspaper",
    title: "The Verdict",
    "container-title": "The Militant",
    issued: { "date-parts": [[1937, 3, 6]] },
  },
  {
    id: "undated",
    type: "book",
    title: "A Pamphlet Without a Date",
    author: TROTSKY,
    publisher: "Pioneer Publishers",
    "publisher-place": "New York",
  },
];

const citer = createCiter({ items: new Map(SOURCES.map((item) => [item.id, item])) });

function group(raw: string): CitationGroup {
  const parsed = parseCitationGroup(raw);
  if (!parsed) throw new Error(`not a citation: ${raw}`);
  return parsed;
}

describe("the house style", () => {
  it("prints the reference article's source exactly as the article prints it by hand", () => {
    const cited = group("[@trotsky-beginning-of-the-end, pp. 378, 382]");
    expect(citer.html(cited)).toBe(
      "(Leon Trotsky, “The Beginning of the End,” June 12, 1937, in <i>Writings of Leon Trotsky</i> [1936–37] " +
        "(New York: Pathfinder Press, 1978), pp. 378, 382.)",
    );
    expect(citer.text(cited)).toBe(
      "(Leon Trotsky, “The Beginning of the End,” June 12, 1937, in Writings of Leon Trotsky [1936–37] " +
        "(New York: Pathfinder Press, 1978), pp. 378, 382.)",
    );
  });

  it.each([
    [
      "[@book, p. 45]",
      "(Leon Trotsky, <i>The Revolution Betrayed</i>, trans. Max Eastman (Garden City, NY: Doubleday, Doran, 1937), p. 45.)",
    ],
    [
      "[@edited]",
      "(George Breitman and Evelyn Reed, eds., <i>Writings of Leon Trotsky</i> [1936–37], 2nd ed. " +
        "(New York: Pathfinder Press, 1978).)",
    ],
    [
      "[@journal]",
      "(Jane Doe and Richard Roe, “The Moscow Trials Reconsidered,” <i>Journal of Labour History</i> 12, no. 3 " +
        '(2001): 45–67, <a href="https://doi.org/10.1000/jlh.2001.12">https://doi.org/10.1000/jlh.2001.12</a>.)',
    ],
    [
      "[@journal, p. 50]",
      "(Jane Doe and Richard Roe, “The Moscow Trials Reconsidered,” <i>Journal of Labour History</i> 12, no. 3 " +
        '(2001), p. 50, <a href="https://doi.org/10.1000/jlh.2001.12">https://doi.org/10.1000/jlh.2001.12</a>.)',
    ],
    ["[@many]", "(Ann A et al., “Many Hands,” <i>Review</i> 1 (1990).)"],
    ["[@newspaper]", "(Walter Duranty, “Trial Opens in Moscow,” <i>New York Times</i>, January 24, 1937.)"],
    [
      "[@webpage]",
      "(“Leon Trotsky Internet Archive,” <i>Marxists Internet Archive</i>, accessed March 3, 2024, " +
        '<a href="https://www.marxists.org/archive/trotsky/">https://www.marxists.org/archive/trotsky/</a>.)',
    ],
    [
      "[@report, ch. 2]",
      "(International Labour Office, <i>The Workers’ Standard of Living</i>, Studies and Reports B 30 " +
        "(Geneva: International Labour Office, 1938), chap. 2.)",
    ],
    [
      "[@interview]",
      "(Leon Trotsky, “On the Moscow Trials,” interview by Carleton Beals, <i>Dewey Commission hearings</i>, " +
        "April 10, 1937.)",
    ],
    ["[@letter]", "(Leon Trotsky to James P. Cannon, June 12, 1937.)"],
    ["[@anonymous]", "(“The Verdict,” <i>The Militant</i>, March 6, 1937.)"],
    [
      "[@undated, pp. 3–5]",
      "(Leon Trotsky, <i>A Pamphlet Without a Date</i> (New York: Pioneer Publishers, n.d.), pp. 3–5.)",
    ],
    [
      "[see @book, ch. 4; -@letter, emphasis added]",
      "(see Leon Trotsky, <i>The Revolution Betrayed</i>, trans. Max Eastman (Garden City, NY: Doubleday, Doran, " +
        "1937), chap. 4; to James P. Cannon, June 12, 1937, emphasis added.)",
    ],
  ])("cites %s", (raw, html) => {
    expect(citer.html(group(raw))).toBe(html);
  });

  it("lists the sources in a bibliography by author and date, in reversed-name form", () => {
    expect(citer.bibliographyHtml(["trotsky-beginning-of-the-end", "letter", "journal", "anonymous"])).toBe(
      "<ul>\n" +
        "<li>Doe, Jane, and Richard Roe. “The Moscow Trials Reconsidered.” <i>Journal of Labour History</i> 12, no. 3 " +
        '(2001): 45–67. <a href="https://doi.org/10.1000/jlh.2001.12">https://doi.org/10.1000/jlh.2001.12</a>.</li>\n' +
        "<li>“The Verdict.” <i>The Militant</i>, March 6, 1937.</li>\n" +
        "<li>Trotsky, Leon. Letter to James P. Cannon. June 12, 1937.</li>\n" +
        "<li>Trotsky, Leon. “The Beginning of the End.” June 12, 1937. In <i>Writings of Leon Trotsky</i> [1936–37]. " +
        "New York: Pathfinder Press, 1978.</li>\n" +
        "</ul>\n",
    );
  });

  it("speaks the article's language", () => {
    const german = createCiter({ items: new Map([[CHAPTER.id, CHAPTER]]), locale: "de" });
    expect(german.text(group("[@trotsky-beginning-of-the-end, pp. 378, 382]"))).toBe(
      "(Leon Trotsky, „The Beginning of the End“, 12. Juni 1937, in Writings of Leon Trotsky [1936–37] " +
        "(New York: Pathfinder Press, 1978), S. 378, 382.)",
    );
  });
});
