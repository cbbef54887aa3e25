// A CSL-JSON source as a schema.org CreativeWork, for the `citation` of an article's JSON-LD.
import { type CslDate, type CslItem, type CslName, cslDateIso, cslNameText, cslUrl } from "./csl-item.js";

const TYPES: Record<string, string> = {
  book: "Book",
  chapter: "Chapter",
  "article-journal": "ScholarlyArticle",
  "article-newspaper": "NewsArticle",
  "article-magazine": "Article",
  article: "Article",
  webpage: "WebPage",
  "post-weblog": "BlogPosting",
  report: "Report",
  thesis: "Thesis",
  legislation: "Legislation",
  speech: "CreativeWork",
  interview: "CreativeWork",
  personal_communication: "Message",
  dataset: "Dataset",
};

export function schemaOrgCitation(item: CslItem): Record<string, unknown> {
  const work: Record<string, unknown> = {
    "@type": TYPES[item.type] ?? "CreativeWork",
    name: plain(item.title),
  };
  const authors = (item.author ?? []).map(person);
  if (authors.length > 0) work.author = authors;
  const published = cslDateIso(item.issued);
  if (published) work.datePublished = published;
  const created = cslDateIso(item["original-date"] as CslDate | undefined);
  if (created && created !== published) work.dateCreated = created;
  const container = plain(item["container-title"] as string | undefined);
  if (container)
    work.isPartOf = { "@type": item.type === "chapter" ? "Book" : "Periodical", name: container };
  const publisher = plain(item.publisher as string | undefined);
  if (publisher) {
    const place = plain(item["publisher-place"] as string | undefined);
    work.publisher = { "@type": "Organization", name: publisher, ...(place ? { location: place } : {}) };
  }
  const url = cslUrl(item);
  if (url) work.url = url;
  if (typeof item.page === "string") work.pagination = item.page;
  return work;
}

function person(name: CslName): Record<string, string> {
  if (name.literal) return { "@type": "Organization", name: name.literal };
  return { "@type": "Person", name: cslNameText(name) };
}

/** CSL titles may carry rich-text tags (`<i>…</i>`); structured data wants the words only. */
function plain(text: string | undefined): string | undefined {
  return text?.replace(/<[^>]*>/g, "").trim() || undefined;
}
