// An article file: YAML front matter between `---` lines, then the Markdown body. Every problem is
// reported at the line of the file where the writer can fix it.

import { isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument } from "yaml";
import { z } from "zod";
import { InvalidError } from "../errors.js";
import { checkDate } from "./date.js";

export interface ReplyTarget {
  slug?: string;
  url?: string;
  title?: string;
  author?: string;
  publisher?: string;
  date?: string;
}

export interface FrontMatter {
  title: string;
  standfirst?: string;
  authors: string[];
  /** ISO 8601 as written, checked against the calendar. */
  date?: string;
  language: string;
  kind?: string;
  slug?: string;
  topics: string[];
  series?: { title: string; part?: number };
  translationOf?: string;
  inReplyTo: ReplyTarget[];
  sources?: string;
  status?: "draft" | "published";
  featured?: boolean;
}

const missingOr =
  (name: string, expected: string) =>
  (issue: { input?: unknown }): string =>
    issue.input === undefined ? `${name} is missing` : `${name} must be ${expected}`;

// YAML reads `title: 1984` as a number; a writer means the words.
const text = (name: string) =>
  z
    .union([z.string(), z.number()], { error: missingOr(name, "text") })
    .transform((value) => String(value).trim())
    .refine((value) => value !== "", { error: `${name} is empty` });

const list = (name: string, item: string) =>
  z
    .union([text(name), z.array(text(name))], { error: missingOr(name, `${item} or a list of them`) })
    .transform((value) => (Array.isArray(value) ? value : [value]));

const SLUG = /^[\p{Ll}\p{Lo}\p{M}\p{N}]+(?:-[\p{Ll}\p{Lo}\p{M}\p{N}]+)*$/u;
const slug = (name: string) =>
  text(name).refine((value) => SLUG.test(value), {
    error: (issue) =>
      `${name} "${String(issue.input)}" may use only lowercase letters, digits and single hyphens`,
  });

const WEB_ADDRESS = /^https?:\/\/\S+$/i;
const url = (name: string) =>
  text(name).refine((value) => WEB_ADDRESS.test(value), {
    error: (issue) => `${name} "${String(issue.input)}" must be a web address beginning with https://`,
  });

const date = (name: string) =>
  z
    .union([z.string(), z.date()], { error: missingOr(name, "a date written YYYY-MM-DD") })
    // Only a file that opts into YAML 1.1 gets Date objects; keep the day it names.
    .transform((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value.trim()))
    .check((ctx) => {
      const problem = checkDate(ctx.value);
      if (problem) ctx.issues.push({ code: "custom", input: ctx.value, message: `${name} ${problem}` });
    });

const replyTarget = z
  .object(
    {
      slug: slug("slug").optional(),
      url: url("url").optional(),
      title: text("title").optional(),
      author: text("author").optional(),
      publisher: text("publisher").optional(),
      date: date("date").optional(),
    },
    { error: "each reply target must be a slug, a web address, or title, author and publisher" },
  )
  .check((ctx) => {
    // An article elsewhere is identified by its address or its citation; one of ours by its slug.
    if (ctx.value.slug || ctx.value.url) return;
    for (const field of ["title", "author", "publisher"] as const) {
      if (!ctx.value[field]) {
        ctx.issues.push({ code: "custom", input: ctx.value, path: [field], message: `${field} is missing` });
      }
    }
  });

const replyTargets = z.preprocess((value) => {
  const items = value == null ? [] : Array.isArray(value) ? value : [value];
  return items.map((item) =>
    typeof item === "string" ? (WEB_ADDRESS.test(item) ? { url: item } : { slug: item }) : item,
  );
}, z.array(replyTarget));

const series = z.preprocess(
  (value) => (typeof value === "string" ? { title: value } : value),
  z.object(
    {
      title: text("title"),
      part: z
        .int({ error: "part must be a whole number" })
        .positive({ error: "part must be 1 or more" })
        .optional(),
    },
    { error: "series must be a title, or a title and a part" },
  ),
);

const FRONT_MATTER = z.object({
  title: text("title"),
  standfirst: text("standfirst").optional(),
  authors: list("authors", "a name").optional(),
  author: list("author", "a name").optional(),
  date: date("date").optional(),
  language: text("language").transform((value) => value.toLowerCase()),
  kind: text("kind").optional(),
  slug: slug("slug").optional(),
  topics: list("topics", "a topic").optional(),
  series: series.optional(),
  translation_of: slug("translation_of").optional(),
  in_reply_to: replyTargets,
  sources: text("sources").optional(),
  status: z.enum(["draft", "published"], { error: "status must be draft or published" }).optional(),
  featured: z.boolean({ error: "featured must be true or false" }).optional(),
});

export function parseMarkdownFile(
  source: string,
  file: string,
  knownLanguages: ReadonlySet<string>,
): { frontMatter: FrontMatter; body: string; bodyLine: number } {
  const lines = source.replace(/^\uFEFF/, "").split(/\r\n?|\n/);
  if (lines[0]?.trimEnd() !== "---") {
    throw new InvalidError("no front matter: the file must begin with a --- block", { file, line: 1 });
  }
  const end = lines.findIndex((line, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(line));
  if (end < 0) {
    throw new InvalidError("the front matter never ends: close it with a --- line", { file, line: 1 });
  }
  // The YAML starts on the file's second line, so a YAML line n is file line n + 1.
  const lineCounter = new LineCounter();
  const doc = parseDocument(lines.slice(1, end).join("\n"), { lineCounter, prettyErrors: false });
  const lineAt = (offset: number): number => lineCounter.linePos(offset).line + 1;

  const [yamlError] = doc.errors;
  if (yamlError) {
    const message = `the front matter is not valid YAML: ${yamlError.message}`;
    throw new InvalidError(message, { file, line: lineAt(yamlError.pos[0]), cause: yamlError });
  }
  const root = doc.contents;
  if (root !== null && !isMap(root)) {
    throw new InvalidError("the front matter must be a list of `name: value` lines", { file, line: 2 });
  }

  // A template's `standfirst:` left empty means "no standfirst", not a wrong one.
  const fields = Object.entries(root === null ? {} : (doc.toJS() as Record<string, unknown>));
  const parsed = FRONT_MATTER.safeParse(Object.fromEntries(fields.filter(([, value]) => value !== null)));
  if (!parsed.success) {
    // Report the problem nearest the top: the writer reads and fixes the file from there.
    const [first] = parsed.error.issues
      .map((issue) => ({ message: describe(issue), line: lineOf(root, issue.path, lineAt) ?? 1 }))
      .sort((a, b) => a.line - b.line);
    throw new InvalidError(first?.message ?? "the front matter is not valid", {
      file,
      line: first?.line ?? 1,
    });
  }

  const data = parsed.data;
  if (!knownLanguages.has(data.language)) {
    const known = [...knownLanguages].join(", ");
    const message = `language "${data.language}" is not one of this publication's languages (${known})`;
    throw new InvalidError(message, { file, line: lineOf(root, ["language"], lineAt) ?? 1 });
  }

  const frontMatter: FrontMatter = {
    title: data.title,
    authors: data.authors ?? data.author ?? [],
    language: data.language,
    topics: data.topics ?? [],
    inReplyTo: data.in_reply_to,
  };
  if (data.standfirst !== undefined) frontMatter.standfirst = data.standfirst;
  if (data.date !== undefined) frontMatter.date = data.date;
  if (data.kind !== undefined) frontMatter.kind = data.kind;
  if (data.slug !== undefined) frontMatter.slug = data.slug;
  if (data.series !== undefined) frontMatter.series = data.series;
  if (data.translation_of !== undefined) frontMatter.translationOf = data.translation_of;
  if (data.sources !== undefined) frontMatter.sources = data.sources;
  if (data.status !== undefined) frontMatter.status = data.status;
  if (data.featured !== undefined) frontMatter.featured = data.featured;
  return { frontMatter, body: lines.slice(end + 1).join("\n"), bodyLine: end + 2 };
}

function describe(issue: z.core.$ZodIssue): string {
  const [field, ...rest] = issue.path;
  // Nested problems name the top-level field, which is what the writer sees in the file.
  return rest.length > 0 && typeof field === "string" ? `${field}: ${issue.message}` : issue.message;
}

/**
 * The file line of the deepest node on `path` that exists: a field's key line, a list item's line, or
 * the enclosing item when the field is missing from it.
 */
function lineOf(
  root: Node | null,
  path: readonly PropertyKey[],
  lineAt: (offset: number) => number,
): number | undefined {
  let node: Node | null = root;
  let line: number | undefined;
  for (const step of path) {
    if (isMap(node) && typeof step === "string") {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === step);
      if (!pair) break;
      const key = pair.key as Node;
      if (key.range) line = lineAt(key.range[0]);
      node = pair.value as Node | null;
    } else if (isSeq(node) && typeof step === "number") {
      const item = node.items[step] as Node | undefined;
      if (!item) break;
      if (item.range) line = lineAt(item.range[0]);
      node = item;
    } else if (typeof step !== "number") {
      break;
    }
    // A number step on a map: a single reply target written without a list, so no index in the file.
  }
  return line;
}
