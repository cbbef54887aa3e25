import { expect, it } from "vitest";
import { getArticle } from "../content/articles.js";
import { readArticle, readEdition, readSeries } from "../content/reading.js";
import { getSite } from "../i18n/editions.js";
import { describeEachStore } from "../storage/test-stores.js";
import { isStoreEmpty, loadDemo } from "./load.js";
import { addDemoSourceTexts } from "./source-texts.js";

describeEachStore("loading the demo publication", (store) => {
  it("fills an empty store with a readable publication in two editions", async () => {
    expect(await isStoreEmpty(store())).toBe(true);
    const report = await loadDemo(store(), { articles: 120, seed: 9 });
    expect(report.articles).toBe(120);
    expect(await isStoreEmpty(store())).toBe(false);
    const site = await getSite(store());
    expect(site.name).toBe("The Broadside Review");
    expect(site.editions).toEqual(["en", "de"]);
    const home = await readEdition(store(), "en", { limit: 20 });
    expect(home.latest.items).toHaveLength(20);
    const series = await readSeries(store(), "lessons-of-spain", "en");
    expect(series.parts).toHaveLength(4);
    const part = await readArticle(store(), series.parts[1]?.path ?? "");
    expect(part.series?.part).toBe(2);
    expect(part.series?.total).toBe(4);
  });

  it("gives a few of its books their full text, against which every quotation of them passes", async () => {
    await loadDemo(store(), { articles: 120, seed: 9 });
    await addDemoSourceTexts(store());
    const checked = await store()
      .db.selectFrom("quotations")
      .select(["article_id", "status"])
      .where("status", "is not", null)
      .execute();
    expect(checked.length).toBeGreaterThan(5);
    expect(new Set(checked.map((q) => q.status))).toEqual(new Set(["exact"]));
    const article = await getArticle(store(), checked[0]?.article_id ?? 0);
    const view = await readArticle(store(), article.path ?? "");
    expect(view.checkedQuotations.length).toBeGreaterThan(0);
  });
});
