import { expect, it } from "vitest";
import { createArticle, publishArticle } from "../../content/articles.js";
import { createLogger } from "../../log.js";
import { createPerson } from "../../people/people.js";
import type { Store } from "../../storage/store.js";
import { describeEachStore } from "../../storage/test-stores.js";
import { createApp } from "../app.js";

async function publish(store: Store, title: string, body: string, day = 8) {
  const person = await createPerson(store, { name: "Ana Ortiz", kind: "individual" });
  const article = await createArticle(store, { language: "en", title, body, personIds: [person] });
  return publishArticle(store, article.id, new Date(Date.UTC(2026, 1, day, 10)));
}

interface SearchBody {
  query: string;
  total: { count: number; at_least: boolean };
  items: {
    id: number;
    title: string;
    url: string;
    snippet: { text: string; highlights: [number, number][] };
  }[];
  next: string | null;
  next_url: string | null;
}

describeEachStore("the search API", (store) => {
  const get = (path: string) =>
    createApp({ store: store(), log: createLogger() }).request(`http://127.0.0.1${path}`);

  it("answers JSON with results, their snippets' marked offsets, a count and the next page", async () => {
    for (let day = 1; day <= 3; day++)
      await publish(store(), `Report ${day} & <more>`, "Miners struck. 🙂 عربى", day);
    const res = await get("/api/v1/search?q=miner&limit=2&order=newest");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    const body = (await res.json()) as SearchBody;
    expect(body.total).toEqual({ count: 3, at_least: false });
    expect(body.items.map((i) => i.title)).toEqual(["Report 3 & <more>", "Report 2 & <more>"]);
    const snippet = body.items[0]?.snippet;
    expect(snippet?.text).toBe("Miners struck. 🙂 عربى");
    const [start, end] = snippet?.highlights[0] ?? [0, 0];
    expect(snippet?.text.slice(start, end)).toBe("Miners");
    expect(body.items[0]?.url).toMatch(/^http:\/\/127\.0\.0\.1\/en\/articles\/2026\/02\/03\//);
    expect(body.next_url).toContain("/api/v1/search?q=miner&limit=2&order=newest&cursor=");
    const next = (await (
      await get(new URL(body.next_url ?? "").pathname + new URL(body.next_url ?? "").search)
    ).json()) as SearchBody;
    expect(next.items.map((i) => i.title)).toEqual(["Report 1 & <more>"]);
    expect(next.next).toBeNull();
  });

  it("never fails on a hostile query, and refuses bad parameters with a JSON message", async () => {
    await publish(store(), "Strike", "A strike.");
    for (const q of ['"', "NEAR(", "*", "title:", "OR", "- -", "'; DROP TABLE articles; --", "漢字 عربى"]) {
      expect((await get(`/api/v1/search?q=${encodeURIComponent(q)}`)).status, q).toBe(200);
    }
    for (const path of [
      `/api/v1/search?q=${"a".repeat(600)}`,
      "/api/v1/search?q=strike&person=nobody",
      "/api/v1/search?q=strike&kind=poem",
      "/api/v1/search?q=strike&cursor=garbage!",
      "/api/v1/search?q=strike&limit=0",
      "/api/v1/search?q=strike&limit=abc",
      "/api/v1/search?q=strike&q=again",
      "/api/v1/search?q=strike&colour=red",
      "/api/v1/search?q=strike%00",
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(400);
      expect(res.headers.get("access-control-allow-origin"), path).toBe("*");
      const body = (await res.json()) as { error: { message: string } };
      expect(body.error.message.length, path).toBeGreaterThan(5);
    }
  });
});
