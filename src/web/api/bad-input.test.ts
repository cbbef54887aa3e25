import { expect, it } from "vitest";
import { createArticle, publishArticle } from "../../content/articles.js";
import { createSeries } from "../../content/series-ops.js";
import { createLogger } from "../../log.js";
import { createPerson } from "../../people/people.js";
import { countArticles } from "../../storage/articles.js";
import { describeEachStore } from "../../storage/test-stores.js";
import { createTopic } from "../../topics/topics.js";
import { createApp } from "../app.js";

// biome-ignore lint/suspicious/noExplicitAny: a response body is whatever the assertions below say it is.
type Body = any;

const cursorOf = (text: string) => Buffer.from(text, "utf8").toString("base64url");
const goodCursor = cursorOf("2024-01-05T09:00:00.000Z|3");

/** Every one a 400 with a JSON message, never a 500, whatever the database. */
const badRequests: [what: string, path: string][] = [
  ["a person that does not exist", "/api/v1/articles?person=nobody"],
  ["a topic that does not exist", "/api/v1/articles?topic=nowhere"],
  ["a series that does not exist", "/api/v1/articles?series=never"],
  ["an unknown kind", "/api/v1/articles?kind=essay"],
  ["a language without an edition", "/api/v1/articles?language=fr"],
  ["a language that is no language code", "/api/v1/articles?language=english"],
  ["a language in capitals", "/api/v1/articles?language=EN"],
  ["a month 13", "/api/v1/articles?since=2024-13-01"],
  ["30 February", "/api/v1/articles?until=2024-02-30"],
  ["a word for a date", "/api/v1/articles?since=yesterday"],
  ["a datetime without a zone", "/api/v1/articles?since=2024-01-01T10:00:00"],
  ["hour 24", "/api/v1/articles?since=2024-01-01T24:00:00Z"],
  ["a zone of +15:00", "/api/v1/articles?since=2024-01-01T10:00:00%2B15:00"],
  ["since after until", "/api/v1/articles?since=2024-02-01&until=2024-01-01"],
  ["since equal to until", "/api/v1/articles?since=2024-02-01T00:00:00Z&until=2024-01-31T23:59:59.999Z"],
  ["a garbage cursor", "/api/v1/articles?cursor=!!not-a-cursor!!"],
  ["a truncated cursor", `/api/v1/articles?cursor=${goodCursor.slice(0, 14)}`],
  [
    "a cursor with tampered base64",
    `/api/v1/articles?cursor=${goodCursor.slice(0, 8)}ZZZZ${goodCursor.slice(12)}`,
  ],
  ["a cursor with padding", `/api/v1/articles?cursor=${goodCursor}==`],
  ["a cursor hiding a NUL", `/api/v1/articles?cursor=${cursorOf("2024-01-05T09:00:00.000Z|3\u0000")}`],
  ["a cursor that is a NUL", "/api/v1/articles?cursor=%00"],
  ["a cursor of another list", `/api/v1/articles?cursor=${cursorOf("slug|kip-writer")}`],
  ["limit=0", "/api/v1/articles?limit=0"],
  ["limit=10000", "/api/v1/articles?limit=10000"],
  ["limit=abc", "/api/v1/articles?limit=abc"],
  ["a negative limit", "/api/v1/articles?limit=-1"],
  ["a fractional limit", "/api/v1/articles?limit=1.5"],
  ["an empty limit", "/api/v1/articles?limit="],
  ["a repeated limit", "/api/v1/articles?limit=1&limit=2"],
  ["a repeated person", "/api/v1/articles?person=kip-writer&person=kip-writer"],
  ["an unknown field", "/api/v1/articles?fields=id,password"],
  ["an empty field", "/api/v1/articles?fields=id,,title"],
  ["no fields", "/api/v1/articles?fields="],
  ["an unknown parameter", "/api/v1/articles?colour=red"],
  ["a parameter with a NUL", "/api/v1/articles?person=kip%00writer"],
  ["a slug with a space", "/api/v1/articles?topic=a%20b"],
  ["SQL in a person", `/api/v1/articles?person=${encodeURIComponent("' OR '1'='1")}`],
  [
    "SQL without spaces in a person",
    `/api/v1/articles?person=${encodeURIComponent("';DROP/**/TABLE/**/articles;--")}`,
  ],
  ["SQL in a kind", `/api/v1/articles?kind=${encodeURIComponent("article' OR 1=1--")}`],
  ["SQL in a language", `/api/v1/articles?language=${encodeURIComponent("en'; DROP TABLE articles;--")}`],
  ["SQL in fields", `/api/v1/articles?fields=${encodeURIComponent("id;DROP TABLE articles")}`],
  ["SQL in a cursor", `/api/v1/articles?cursor=${encodeURIComponent("1 OR 1=1")}`],
  ["SQL in a date", `/api/v1/articles?since=${encodeURIComponent("2024-01-01' OR '1'='1")}`],
  ["a 1 KB person", `/api/v1/articles?person=${"a".repeat(1024)}`],
  ["a 10 KB person", `/api/v1/articles?person=${"a".repeat(10_240)}`],
  ["a 10 KB cursor", `/api/v1/articles?cursor=${"A".repeat(10_240)}`],
  ["a 10 KB slug in the path", `/api/v1/articles/${"a".repeat(10_240)}`],
  ["a 300-character slug in the path", `/api/v1/articles/${"a".repeat(300)}`],
  ["a language with an id", "/api/v1/articles/1?language=en"],
  ["a slug with a language without an edition", "/api/v1/articles/first-things?language=zz"],
  ["an unknown parameter on an article", "/api/v1/articles/1?fields=id"],
  ["a garbage cursor for people", "/api/v1/people?cursor=%%%"],
  ["a tampered cursor for topics", `/api/v1/topics?cursor=${cursorOf("slug|\u0000")}`],
  ["an article cursor for topics", `/api/v1/topics?cursor=${goodCursor}`],
  ["limit=0 for people", "/api/v1/people?limit=0"],
  ["an unknown language for topics", "/api/v1/topics?language=xx"],
  ["a filter on people", "/api/v1/people?kind=individual"],
];

describeEachStore("the read API refusing bad input", (store) => {
  const get = (path: string) =>
    createApp({ store: store(), log: createLogger() }).request(`http://127.0.0.1${path}`);

  for (const [what, path] of badRequests) {
    it(`answers 400 with a message to ${what}`, async () => {
      const person = await createPerson(store(), { name: "Kip Writer" });
      const topic = await createTopic(store(), { name: "Politics" });
      const seriesId = await createSeries(store(), { title: "A series" });
      const article = await createArticle(store(), {
        language: "en",
        title: "First things",
        body: "Text.",
        personIds: [person],
        topicIds: [topic],
        seriesId,
      });
      await publishArticle(store(), article.id, new Date("2024-01-05T09:00:00Z"));
      const res = await get(path);
      const body = (await res.json()) as Body;
      expect([what, res.status, body.error.status, body.error.code]).toEqual([what, 400, 400, "invalid"]);
      expect(body.error.message.length).toBeGreaterThan(10);
      expect(body.error.message.length).toBeLessThan(300);
      expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
      expect(res.headers.get("access-control-allow-origin")).toBe("*");
      expect(await countArticles(store(), "published")).toBe(1);
    });
  }

  it("accepts the good cursor that the bad ones were made from", async () => {
    const res = await get(`/api/v1/articles?cursor=${goodCursor}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ items: [], next: null, next_url: null });
  });
});
