// Citations formatted by citeproc-js in a CSL style, once, when an article is saved. An engine costs tens
// to hundreds of milliseconds to build and a citation about a millisecond, so engines are kept per
// (style, locale) and lent to each article's citer in turn.

import { createRequire } from "node:module";
import { AppError, InvalidError } from "../errors.js";
import { plainCitationText } from "../markdown/citation.js";
import { escapeHtml } from "../markdown/citation-markup.js";
import type { Citation, CitationGroup } from "../markdown/render.js";
import { type CslItem, cslDateIso, cslNameText, cslUrl } from "./csl-item.js";
import { findLocale, resolveLocale } from "./locales.js";
import { HOUSE_STYLE_ID, loadStyle } from "./styles.js";

export interface CiterOptions {
  /** A style id: "house" (the default) or a file name in `stylesFolder`. */
  style?: string;
  stylesFolder?: string;
  /** The article's language ("de", "en-GB"); the style's own default-locale wins when it has one. */
  locale?: string;
  localesFolder?: string;
  /** The sources the article may cite, by citation key. */
  items: ReadonlyMap<string, CslItem>;
}

/** What a page needs to describe a source as an h-cite (microformats2). */
export interface SourceSummary {
  name?: string;
  authors: string[];
  /** ISO 8601: "1978", "1937-06", "1937-06-12". */
  published?: string;
  url?: string;
}

/**
 * Where a citation stands, which decides how a note style's citation is punctuated: under a quotation it is
 * a sentence of its own, "( … .)", as the reference article prints it; in running text a parenthesis,
 * "( … )", before the writer's own punctuation; in a footnote it is the note itself, bare.
 */
export type CitationPlacement = "caption" | "text" | "note";

export interface Citer {
  /** The whole citation as HTML, punctuated for where it stands (a note style's; in-text styles as they are). */
  html(group: CitationGroup, placement?: CitationPlacement): string;
  /** The same as plain text, for search and plain-text output. */
  text(group: CitationGroup, placement?: CitationPlacement): string;
  /** Keys the groups cite that no item answers, each once, in order of appearance. */
  unknownKeys(groups: readonly CitationGroup[]): string[];
  /** The source's URL, or its DOI as https://doi.org/…; only http(s) addresses. */
  sourceUrl(key: string): string | undefined;
  sourceSummary(key: string): SourceSummary | undefined;
  /** A `<ul>` of the known sources among `keys`, in the style's order; "" when none. */
  bibliographyHtml(keys: readonly string[]): string;
}

interface CiteprocCite {
  id: string;
  locator?: string;
  label?: string;
  prefix?: string;
  suffix?: string;
  "suppress-author"?: boolean;
}

interface CiteprocEngine {
  opt: { class: string; development_extensions: Record<string, boolean> };
  updateItems(ids: string[]): void;
  setOutputFormat(format: string): void;
  makeCitationCluster(cites: CiteprocCite[]): string;
  makeBibliography(selection: { include: { field: string; value: string }[] }): [unknown, string[]] | false;
}

interface CiteprocSys {
  items: ReadonlyMap<string, CslItem>;
  retrieveItem(id: string): CslItem | undefined;
  retrieveLocale(tag: string): string | undefined;
}

interface Citeproc {
  Engine: new (sys: CiteprocSys, style: string, lang?: string) => CiteprocEngine;
  Output: { Formats: Record<string, Record<string, unknown>> };
}

// citeproc ships CommonJS without types: the interfaces above are the part of it used here.
const CSL = createRequire(import.meta.url)("citeproc") as Citeproc;

// citeproc's HTML sets styles inline; ours uses classes the sanitiser allows and the site's CSS styles,
// and leaves the bibliography's list markup to bibliographyHtml.
const HTML = "broadside-html";
const passthrough = (_state: unknown, text: string): string => text;
CSL.Output.Formats[HTML] = {
  ...CSL.Output.Formats.html,
  bibstart: "",
  bibend: "",
  "@font-variant/small-caps": '<span class="small-caps">%%STRING%%</span>',
  "@font-style/normal": '<span class="roman">%%STRING%%</span>',
  "@font-style/oblique": "<i>%%STRING%%</i>",
  "@text-decoration/underline": "<u>%%STRING%%</u>",
  "@font-variant/normal": false,
  "@font-weight/normal": false,
  "@text-decoration/none": false,
  "@vertical-align/baseline": false,
  "@bibliography/entry": passthrough,
  "@display/block": passthrough,
  "@display/left-margin": (_state: unknown, text: string) => `${text} `,
  "@display/right-inline": passthrough,
  "@display/indent": passthrough,
  // citeproc wraps URLs as well as DOIs with this one; only web addresses and DOIs become links.
  "@DOI/true": (_state: unknown, text: string) => {
    const href = /^https?:\/\//i.test(text) ? text : /^10\.\S+$/.test(text) ? `https://doi.org/${text}` : "";
    return href ? `<a href="${href}">${text}</a>` : text;
  },
};

interface PooledEngine {
  engine: CiteprocEngine;
  sys: CiteprocSys & { items: Map<string, CslItem> };
  note: boolean;
  /** Each registered item's CSL-JSON as it was registered, to tell when it changed. */
  registered: Map<string, string>;
  /** Moves whenever the registry changes, so a citer knows its items may need registering again. */
  generation: number;
  /**
   * Citations rendered so far, by their text as written ("[@key, p. 5]"), valid while the items they name
   * stay as registered: a change to any item empties it. An archive cites the same works at the same pages
   * again and again, and a citation costs about a millisecond to render.
   */
  clusters: Map<string, string>;
}

const MAX_CLUSTERS = 20_000;

// The engine's registry keeps the sources articles cited before, so an article citing them again costs no
// reload (which takes ~2 ms a source). Past this many it starts afresh with the article's own.
const MAX_REGISTERED = 500;

const MAX_ENGINES = 8;
const engines = new Map<string, PooledEngine>();

function engineFor(
  style: string,
  stylesFolder?: string,
  locale?: string,
  localesFolder?: string,
): PooledEngine {
  const key = JSON.stringify([style, stylesFolder ?? "", locale ?? "", localesFolder ?? ""]);
  const found = engines.get(key);
  if (found) {
    engines.delete(key);
    engines.set(key, found);
    return found;
  }
  const sys: PooledEngine["sys"] = {
    items: new Map(),
    retrieveItem: (id) => sys.items.get(id),
    retrieveLocale: (tag) => findLocale(tag, localesFolder),
  };
  let engine: CiteprocEngine;
  try {
    engine = new CSL.Engine(sys, loadStyle(style, stylesFolder), locale);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new InvalidError(`citation style "${style}" could not be read: ${String(error)}`, { cause: error });
  }
  engine.opt.development_extensions.wrap_url_and_doi = true;
  const pooled: PooledEngine = {
    engine,
    sys,
    note: engine.opt.class === "note",
    registered: new Map(),
    generation: 0,
    clusters: new Map(),
  };
  engines.set(key, pooled);
  // The least recently used engine goes first; a publication uses one style in a few languages.
  if (engines.size > MAX_ENGINES) engines.delete(engines.keys().next().value as string);
  return pooled;
}

/** Drops the kept engines, so the next citer reads its style file afresh (after an operator edits one). */
export function forgetCitationEngines(): void {
  engines.clear();
}

export function createCiter(options: CiterOptions): Citer {
  const style = options.style ?? HOUSE_STYLE_ID;
  const locale = resolveLocale(options.locale, options.localesFolder);
  const pooled = engineFor(style, options.stylesFolder, locale, options.localesFolder);
  const items = options.items;
  let syncedAt = -1;

  // Registers this citer's items that are new or changed since the engine last saw them. Each citation is
  // rendered as a standalone first citation, so what else the registry holds changes no note; an
  // author-date style disambiguates ("1990a", "1990b") across the sources cited so far.
  const engine = (): CiteprocEngine => {
    if (syncedAt === pooled.generation) return pooled.engine;
    const stale = [...items].filter(([key, item]) => pooled.registered.get(key) !== JSON.stringify(item));
    if (stale.length > 0) {
      pooled.generation++;
      if (pooled.registered.size + stale.length > MAX_REGISTERED) {
        pooled.registered.clear();
        pooled.sys.items.clear();
        pooled.clusters.clear();
        pooled.engine.updateItems([]);
      }
      // citeproc keeps its own copy of an item once registered: a changed one is dropped, then added.
      const changed = new Set(stale.filter(([key]) => pooled.registered.has(key)).map(([key]) => key));
      if (changed.size > 0) {
        pooled.clusters.clear();
        pooled.engine.updateItems([...pooled.registered.keys()].filter((key) => !changed.has(key)));
      }
      for (const [key, item] of stale) {
        pooled.registered.set(key, JSON.stringify(item));
        pooled.sys.items.set(key, romanDesignations({ ...structuredClone(item), id: key }));
      }
      pooled.engine.updateItems([...pooled.registered.keys()]);
    }
    syncedAt = pooled.generation;
    return pooled.engine;
  };

  // makeCitationCluster renders a citation outside the document's sequence of citations: every one is a
  // first citation, so no "ibid." or short form can follow from an earlier one. The plain text is the HTML
  // without its markup, rather than a second rendering.
  const render = (group: CitationGroup): string => {
    const cites = engine();
    const known = pooled.clusters.get(group.raw);
    if (known !== undefined) return known;
    cites.setOutputFormat(HTML);
    const html = closeItalics(cites.makeCitationCluster(group.citations.map(citeprocCite)));
    if (pooled.clusters.size >= MAX_CLUSTERS) pooled.clusters.clear();
    // The citation as written may be a view of the whole body it was cut from: a copy is kept instead, or
    // the cache would keep every article whose citation it holds.
    pooled.clusters.set(` ${group.raw}`.slice(1), html);
    return html;
  };
  const known = (group: CitationGroup) => group.citations.every((c) => items.has(c.key));

  return {
    html(group, placement = "caption") {
      if (!known(group)) return escapeHtml(plainCitationText(group));
      const html = render(group);
      return pooled.note ? punctuate(html.replace(/\.((?:<\/[a-z]+>)*)$/, "$1"), placement) : html;
    },
    text(group, placement = "caption") {
      if (!known(group)) return plainCitationText(group);
      const text = textOf(render(group));
      return pooled.note ? punctuate(text.replace(/\.$/, ""), placement) : text;
    },
    unknownKeys(groups) {
      const keys = groups.flatMap((g) => g.citations.map((c) => c.key));
      return [...new Set(keys.filter((key) => !items.has(key)))];
    },
    sourceUrl(key) {
      const item = items.get(key);
      return item && cslUrl(item);
    },
    sourceSummary(key) {
      const item = items.get(key);
      if (!item) return undefined;
      return {
        name: item.title,
        authors: (item.author ?? item.editor ?? []).map(cslNameText).filter(Boolean),
        published: cslDateIso(item.issued),
        url: cslUrl(item),
      };
    },
    bibliographyHtml(keys) {
      const cited = [...new Set(keys)].filter((key) => items.has(key));
      if (cited.length === 0) return "";
      const bibliography = engine();
      bibliography.setOutputFormat(HTML);
      const made = bibliography.makeBibliography({ include: cited.map((value) => ({ field: "id", value })) });
      // Some styles define no bibliography.
      if (!made || made[1].length === 0) return "";
      return `<ul>\n${made[1].map((entry) => `<li>${closeItalics(entry.trim())}</li>\n`).join("")}</ul>\n`;
    },
  };
}

// Pandoc's locator terms (its English locale) and the CSL locator each names.
const LOCATOR_LABELS: Readonly<Record<string, string>> = labelsByTerm({
  book: "bk. bks. book books",
  chapter: "ch. chs. chap. chaps. chapter chapters",
  column: "col. cols. column columns",
  figure: "fig. figs. figure figures",
  folio: "fol. fols. folio folios",
  issue: "no. nos. number numbers",
  line: "l. ll. line lines",
  note: "n. nn. note notes",
  opus: "op. opp. opus",
  page: "p. pp. page pages",
  paragraph: "para. paras. paragraph paragraphs ¶ ¶¶",
  part: "pt. pts. part parts",
  section: "sec. secs. section sections § §§",
  "sub-verbo": "s.v. s.vv.",
  verse: "v. vv. verse verses",
  volume: "vol. vols. volume volumes",
});
const LOCATOR = new RegExp(
  `^(${Object.keys(LOCATOR_LABELS)
    .sort((a, b) => b.length - a.length)
    .map((term) => term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("|")})\\s*(\\S.*)$`,
  "isu",
);
// A bare number, numeral or range is a page, as in Pandoc.
const BARE_PAGES = /^(?:\d|[ivxlcdm]+(?:$|[\s,&–—-]))/i;

function labelsByTerm(terms: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(terms).flatMap(([label, list]) =>
      list.split(" ").map((term) => [term.toLowerCase(), label]),
    ),
  );
}

/** `[see @key, pp. 378, 382]` → id "key", label "page", locator "378, 382", prefix "see ". */
export function citeprocCite(citation: Citation): CiteprocCite {
  const cite: CiteprocCite = { id: citation.key };
  let suffix = citation.suffix;
  const located = LOCATOR.exec(citation.locator);
  if (located) {
    cite.label = LOCATOR_LABELS[(located[1] ?? "").toLowerCase()];
    cite.locator = located[2];
  } else if (BARE_PAGES.test(citation.locator)) {
    cite.label = "page";
    cite.locator = citation.locator;
  } else if (citation.locator) {
    // A braced locator with no term (`{the preface}`) would be printed as a page; it reads as said.
    suffix = `, ${citation.locator}${suffix ? spaced(suffix) : ""}`;
  }
  if (citation.prefix) cite.prefix = `${citation.prefix} `;
  if (suffix) cite.suffix = spaced(suffix);
  if (citation.suppressAuthor) cite["suppress-author"] = true;
  return cite;
}

function spaced(suffix: string): string {
  return /^[,.;:!?)]/.test(suffix) ? suffix : ` ${suffix}`;
}

// A bracketed designation closing an italic title — "Writings of Leon Trotsky [1936–37]" — is the editor's,
// not the title's, and is set in roman, as the reference article prints it. The `<i>` is CSL's rich-text
// markup: inside a field the style sets in italics, citeproc flips it to roman.
const DESIGNATION = /^(.*\S)\s+(\[[^\]<>]+\])$/su;
const ITALIC_TITLE_TYPES = new Set(["book", "thesis", "report", "motion_picture", "broadcast"]);

function romanDesignations(item: CslItem): CslItem {
  const flip = (text: unknown) => {
    const match = typeof text === "string" ? DESIGNATION.exec(text) : null;
    return match ? `${match[1]} <i>${match[2]}</i>` : text;
  };
  const result: CslItem = { ...item, "container-title": flip(item["container-title"]) as string | undefined };
  if (result["container-title"] === undefined) delete result["container-title"];
  if (ITALIC_TITLE_TYPES.has(item.type)) result.title = flip(item.title) as string | undefined;
  if (result.title === undefined) delete result.title;
  return result;
}

/** A note style's citation, its final full stop removed, punctuated for where it stands. */
function punctuate(citation: string, placement: CitationPlacement): string {
  if (placement === "caption") return `(${citation}.)`;
  return placement === "text" ? `(${citation})` : citation;
}

const ENTITIES: Record<string, string> = {
  "&amp;": "&",
  "&lt;": "<",
  "&gt;": ">",
  "&quot;": '"',
  "&#38;": "&",
  "&#39;": "'",
};

/** Our citation HTML as plain text: its tags dropped, the entities citeproc writes decoded. */
function textOf(html: string): string {
  return html.replace(/<[^>]*>/g, "").replace(/&(?:amp|lt|gt|quot|#38|#39);/g, (e) => ENTITIES[e] ?? e);
}

/** `<i>Title <span class="roman">[x]</span></i>` → `<i>Title</i> [x]`: the same on the page, plainer markup. */
function closeItalics(html: string): string {
  return html.replace(/ <span class="roman">([^<]*)<\/span><\/i>/g, "</i> $1");
}
