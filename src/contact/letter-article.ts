// Turning a reader's letter into a draft article of kind "letter", its text escaped so that nothing the
// reader typed becomes Markdown or HTML: what they wrote is what the page will say.
import type { Account } from "../accounts/accounts.js";
import { recordAudit } from "../accounts/audit.js";
import { assertCanWriteIn } from "../content/access.js";
import { createArticle } from "../content/articles.js";
import { setOwner } from "../storage/article-owners.js";
import { updateContactMessage } from "../storage/contact.js";
import type { Store } from "../storage/store.js";
import { getContactMessage } from "./inbox.js";

/** The id of the letter's draft: made now, or the one made before (a second click makes no second draft). */
export async function turnIntoLetterArticle(
  store: Store,
  id: number,
  acting: { actor: Account; address: string },
  now = new Date(),
): Promise<number> {
  return store.transaction(async (tx) => {
    const message = await getContactMessage(tx, id);
    if (message.letterArticleId !== null) return message.letterArticleId;
    assertCanWriteIn(acting.actor, message.language);
    const article = await createArticle(
      tx,
      {
        kind: "letter",
        language: message.language,
        title: message.subject,
        body: plainTextAsMarkdown(message.body),
      },
      now,
    );
    await setOwner(tx, article.id, acting.actor.id);
    await updateContactMessage(tx, id, { letterArticleId: article.id });
    await recordAudit(
      tx,
      acting.actor,
      {
        action: "contact.to_letter",
        subject: `letter ${id}`,
        detail: { article: article.id },
        address: acting.address,
      },
      now,
    );
    return article.id;
  });
}

// CommonMark lets a backslash make any ASCII punctuation mark literal; escaping them all leaves no syntax
// (emphasis, links, HTML, footnotes, citations, lists, headings, tables) for the text to fall into.
const PUNCTUATION = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g;

/** Plain text as Markdown that renders to the same text, its paragraphs and line breaks kept. */
export function plainTextAsMarkdown(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n+/)
    .map((paragraph) =>
      paragraph
        .split("\n")
        // Leading spaces would make a code block, trailing ones a line break of their own.
        .map((line) => line.trim().replace(PUNCTUATION, "\\$&"))
        .filter((line) => line !== "")
        // A backslash at the end of a line is a hard line break: the letter's lines stay lines.
        .join("\\\n"),
    )
    .filter((paragraph) => paragraph !== "")
    .join("\n\n");
}
