import { describe, expect, it } from "vitest";
import { type AppError, InvalidError } from "../errors.js";
import { POLEMIC } from "./fixtures/polemic.js";
import { parseMarkdownFile } from "./front-matter.js";

const LANGUAGES = new Set(["en", "de", "pt-br"]);

/** A valid file; each test adds or replaces only the lines it is about. */
function file(...lines: string[]): string {
  const fields = new Map([
    ["title", "title: A title"],
    ["language", "language: en"],
  ]);
  for (const line of lines) fields.set(line.split(":")[0] ?? line, line);
  return ["---", ...[...fields.values()].filter((line) => line.includes(":")), "---", "", "Body."].join("\n");
}

const parse = (source: string) => parseMarkdownFile(source, "post.md", LANGUAGES);

function expectInvalid(source: string, line: number, message: string): void {
  let error: unknown;
  try {
    parse(source);
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(InvalidError);
  expect((error as AppError).located).toBe(`post.md:${line}: ${message}`);
}

describe("parseMarkdownFile", () => {
  it("reads the front matter of a polemic replying to other publications", () => {
    const source = POLEMIC;
    const { frontMatter, body, bodyLine } = parse(source);
    expect(frontMatter).toEqual({
      title: "A reply to “Export Unfit for the Market!!!” — on the history they would rather forget",
      authors: ["Ada Writer", "Ben Editor"],
      date: "2026-02-08",
      language: "en",
      topics: ["Stalinism", "Spain", "History of the Fourth International"],
      inReplyTo: [
        {
          title: "Trotsky’s Stock-in-trade: An Export Unfit for the Market!!!",
          author: "A. Chairperson",
          publisher: "Communist Party Marxist–Somewhere",
        },
        {
          title: "A second statement",
          author: "B. Secretary",
          publisher: "Communist Party Marxist–Somewhere",
          url: "https://example.org/statement",
          date: "2026-01-30",
        },
      ],
      sources: "sources.json",
    });
    expect(bodyLine).toBe(18);
    expect(body.split("\n")[1]).toMatch(/^The party’s chairperson/);
  });

  it("accepts single values where lists are allowed", () => {
    const { frontMatter } = parse(
      file("authors: Ada Writer", "topics: Kenya", "series: The purges", "in_reply_to: their-article"),
    );
    expect(frontMatter.authors).toEqual(["Ada Writer"]);
    expect(frontMatter.topics).toEqual(["Kenya"]);
    expect(frontMatter.series).toEqual({ title: "The purges" });
    expect(frontMatter.inReplyTo).toEqual([{ slug: "their-article" }]);
  });

  it("reads every optional field", () => {
    const { frontMatter } = parse(
      file(
        "title: 1984",
        "standfirst: Orwell, again.",
        "language: pt-BR",
        "kind: review",
        "slug: nineteen-eighty-four",
        "series: {title: Novels, part: 2}",
        "translation_of: neunzehnhundertvierundachtzig",
        "in_reply_to: [https://example.org/a, {title: T, author: A, publisher: P}]",
        "status: draft",
        "featured: true",
        "date: 2026-02-08T09:30:00+01:00",
      ),
    );
    expect(frontMatter).toEqual({
      title: "1984",
      standfirst: "Orwell, again.",
      authors: [],
      language: "pt-br",
      kind: "review",
      slug: "nineteen-eighty-four",
      topics: [],
      series: { title: "Novels", part: 2 },
      translationOf: "neunzehnhundertvierundachtzig",
      inReplyTo: [{ url: "https://example.org/a" }, { title: "T", author: "A", publisher: "P" }],
      status: "draft",
      featured: true,
      date: "2026-02-08T09:30:00+01:00",
    });
  });

  it("treats a field left empty as absent", () => {
    const { frontMatter } = parse(file("standfirst:", "date:", "in_reply_to:"));
    expect(frontMatter).toEqual({ title: "A title", authors: [], language: "en", topics: [], inReplyTo: [] });
    expectInvalid(file("title:"), 2, "title is missing");
  });

  it("ignores fields it does not know", () => {
    expect(parse(file("layout: wide", "tags: [a, b]")).frontMatter.title).toBe("A title");
  });

  it("reads a file with a byte-order mark and Windows line endings", () => {
    const source = "\uFEFF---\r\ntitle: Über\r\nlanguage: de\r\n---\r\n\r\nErster Absatz.\r\n";
    const { frontMatter, body, bodyLine } = parse(source);
    expect(frontMatter.title).toBe("Über");
    expect(body).toBe("\nErster Absatz.\n");
    expect(bodyLine).toBe(5);
  });

  it("reports Windows-line-ending files at the right line", () => {
    expectInvalid(
      "---\r\ntitle: X\r\nlanguage: en\r\ndate: 2026-02-30\r\n---\r\n",
      4,
      'date "2026-02-30" is not a real date',
    );
  });

  it("accepts leap days only in leap years", () => {
    expect(parse(file("date: 2024-02-29")).frontMatter.date).toBe("2024-02-29");
    expectInvalid(file("date: 2026-02-29"), 4, 'date "2026-02-29" is not a real date');
    expectInvalid(file("date: 1900-02-29"), 4, 'date "1900-02-29" is not a real date');
  });
});

describe("parseMarkdownFile rejects", () => {
  it("a file without front matter", () => {
    expectInvalid("# Just a body\n", 1, "no front matter: the file must begin with a --- block");
  });

  it("front matter that never ends", () => {
    expectInvalid("---\ntitle: X\n\nBody", 1, "the front matter never ends: close it with a --- line");
  });

  it("broken YAML at the line of the error", () => {
    expectInvalid(
      "---\ntitle: X\nlanguage: en\ntopics: [a, b\n---\n",
      4,
      "the front matter is not valid YAML: " +
        "Flow sequence in block collection must be sufficiently indented and end with a ]",
    );
    expectInvalid(
      '---\ntitle: "Unclosed\nlanguage: en\n---\n',
      3,
      'the front matter is not valid YAML: Missing closing "quote',
    );
  });

  it("a repeated field at its second line", () => {
    expect(() => parse("---\ntitle: X\ntitle: Y\nlanguage: en\n---\n")).toThrow(
      expect.objectContaining({
        line: 3,
        message: expect.stringMatching(/^the front matter is not valid YAML: /),
      }),
    );
  });

  it("a missing title at line 1", () => {
    expectInvalid("---\nlanguage: en\n---\nBody", 1, "title is missing");
    expectInvalid("---\n---\nBody", 1, "title is missing");
  });

  it("a language the publication does not publish in", () => {
    expectInvalid(
      file("language: xx"),
      3,
      `language "xx" is not one of this publication's languages (en, de, pt-br)`,
    );
  });

  it.each([
    ["date: 2026-02-30", 'date "2026-02-30" is not a real date'],
    ["date: 2026-13-01", 'date "2026-13-01" is not a real date'],
    ["date: 2026-04-31", 'date "2026-04-31" is not a real date'],
    ["date: 2026-02-08T25:00:00Z", 'date "2026-02-08T25:00:00Z" is not a real time of day'],
    [
      "date: 8 February 2026",
      'date "8 February 2026" must be written YYYY-MM-DD, or as an ISO 8601 date and time',
    ],
    ["date: 2026", "date must be a date written YYYY-MM-DD"],
  ])("an impossible or unreadable date: %s", (line, message) => {
    expectInvalid(file(line), 4, message);
  });

  it.each([
    ["status: live", "status must be draft or published"],
    ["featured: yes", "featured must be true or false"],
    ["slug: Hello World", 'slug "Hello World" may use only lowercase letters, digits and single hyphens'],
    ["authors: [Ada, {name: Ben}]", "authors must be a name or a list of them"],
    ["title: '  '", "title is empty"],
  ])("a bad field at its line: %s", (line, message) => {
    expectInvalid(file(line), line.startsWith("title") ? 2 : 4, message);
  });

  it("a reply target without a publisher, at the line of that target", () => {
    const source = [
      "---",
      "title: X",
      "language: en",
      "in_reply_to:",
      "  - their-slug",
      "  - title: Their statement",
      "    author: Someone",
      "---",
    ].join("\n");
    expectInvalid(source, 6, "in_reply_to: publisher is missing");
  });

  it("a series part that is not a whole number, at its line", () => {
    expectInvalid(file("series:\n  title: S\n  part: 1.5"), 6, "series: part must be a whole number");
  });
});
