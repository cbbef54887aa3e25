// The editor's quotation panel: each sourced quotation with what checking it against its source found,
// and for editors the override that lets a failing quotation be published as written, with a reason.
import type { Context, Hono } from "hono";
import { z } from "zod";
import { can } from "../../accounts/roles.js";
import type { QuotationCheck, QuotationRecord } from "../../content/article.js";
import {
  listArticleQuotations,
  listQuotationOverrides,
  MAX_OVERRIDE_REASON,
  overrideQuotation,
  quotationHash,
  unresolvedQuotations,
} from "../../quotations/article-quotations.js";
import type { QuotationOverride } from "../../storage/quotations.js";
import type { AdminEnv } from "./env.js";
import { readForm } from "./forms.js";
import { requirePermission } from "./guard.js";
import { CsrfField } from "./layout.js";

type Verdict = "pass" | "warning" | "fail";

/** Each status the checker gives, as the editor reads it: never by colour alone. */
export const CHECK_LABELS: Record<string, { verdict: Verdict; label: string }> = {
  exact: { verdict: "pass", label: "Passed: as in the source" },
  "exact-ellipsis": { verdict: "pass", label: "Passed: as in the source, omissions marked" },
  "silent-changes": { verdict: "pass", label: "Passed: as in the source but for small changes" },
  ambiguous: { verdict: "warning", label: "Warning: found in more than one place" },
  "too-short": { verdict: "warning", label: "Warning: too short to check" },
  altered: { verdict: "fail", label: "Failed: the words differ from the source" },
  partial: { verdict: "fail", label: "Failed: only part of it is in the source" },
  "wrong-page": { verdict: "fail", label: "Failed: in the source, but not on the pages cited" },
  "not-found": { verdict: "fail", label: "Failed: not found in the source" },
};

const OPENING_WORDS = 12;
const EXPORTS = [
  ["csl-json", "CSL-JSON"],
  ["bibtex", "BibTeX"],
  ["ris", "RIS"],
] as const;
// The domain trims the reason and counts it; the form allows room for the whitespace it trims.
const overrideForm = z.object({ reason: z.string().max(MAX_OVERRIDE_REASON * 2) });

export function quotationRoutes(admin: Hono<AdminEnv>): void {
  admin.post(
    "/articles/:id{[0-9]{1,9}}/quotations/:position{[0-9]{1,5}}/override",
    requirePermission("publish"),
    override,
  );
}

async function override(c: Context<AdminEnv>) {
  const articleId = Number(c.req.param("id"));
  const position = Number(c.req.param("position"));
  const { reason } = await readForm(c, overrideForm);
  // A refusal (no reason, nothing to override) is the admin's error page with the domain's message: the
  // form asks for the reason itself, so only a hand-made request gets there.
  await overrideQuotation(c.var.store, c.var.account, articleId, position, reason);
  return c.redirect(`/admin/articles/${articleId}?done=overridden#quotation-${position + 1}`, 303);
}

/** The panel on the editor page; loads what it shows itself, so the editor only places it. */
export async function QuotationPanel(props: { c: Context<AdminEnv>; articleId: number; editable: boolean }) {
  const { c, articleId } = props;
  const [quotations, overrides] = await Promise.all([
    listArticleQuotations(c.var.store, articleId),
    listQuotationOverrides(c.var.store, articleId),
  ]);
  const unresolved = await unresolvedQuotations(c.var.store, articleId, quotations);
  const blocking = new Set(unresolved.map((q) => q.position));
  const editor = can(c.var.account.role, "publish");
  return (
    <section
      class="quotation-panel"
      aria-labelledby="quotations-title"
      data-quotation-labels={JSON.stringify(CHECK_LABELS)}
    >
      <h2 id="quotations-title">Quotations</h2>
      {c.req.query("done") === "overridden" && (
        <p class="notice" role="status">
          The override is recorded: the quotation may be published as written.
        </p>
      )}
      {quotations.length === 0 ? (
        <p class="hint">
          No sourced quotation. A block quotation whose last line is a citation, like{" "}
          <code>&gt; [@key, p. 12]</code>, is checked against the source's text.
        </p>
      ) : (
        <Summary count={quotations.length} blocking={blocking.size} />
      )}
      <ol class="quotations">
        {quotations.map((q) => (
          <Quotation
            c={c}
            articleId={articleId}
            quotation={q}
            override={overrides.find((o) => o.quotationHash === quotationHash(q))}
            blocking={blocking.has(q.position)}
            editor={editor}
          />
        ))}
      </ol>
      <div class="quotation-preview" data-quotation-preview="" aria-live="polite" />
      {props.editable && (
        <p class="hint">
          The sources this article cites, as a file:{" "}
          {EXPORTS.map(([format, name], i) => (
            <>
              {i > 0 && " · "}
              <a href={`/admin/articles/${articleId}/sources?format=${format}`} download>
                {name}
              </a>
            </>
          ))}
        </p>
      )}
    </section>
  );
}

function Summary(props: { count: number; blocking: number }) {
  const { count, blocking } = props;
  const quotations = `${count} sourced quotation${count === 1 ? "" : "s"}`;
  if (blocking === 0) return <p class="hint">{quotations}, as last saved.</p>;
  return (
    <p class="form-error" role="status">
      {`${quotations}; ${blocking} failed the check and ${blocking === 1 ? "stops" : "stop"} publishing `}
      until the text is corrected or an editor overrides {blocking === 1 ? "it" : "each"}, saying why.
    </p>
  );
}

function Quotation(props: {
  c: Context<AdminEnv>;
  articleId: number;
  quotation: QuotationRecord;
  override?: QuotationOverride;
  blocking: boolean;
  editor: boolean;
}) {
  const { c, quotation: q, override } = props;
  const check = q.check;
  const number = q.position + 1;
  const label = check ? CHECK_LABELS[check.status] : undefined;
  const verdict = check ? (label?.verdict ?? "warning") : "none";
  const standing = override && check && override.status === check.status ? override : undefined;
  return (
    <li class={`quotation-check verdict-${verdict}`} id={`quotation-${number}`}>
      <p class="quotation-opening">
        <span class="quotation-number">{number}.</span> “{openingWords(q.text)}” <code>{q.citation}</code>
      </p>
      <p>
        <span class={`check check-${verdict}`}>
          {check ? (label?.label ?? check.status) : "Not checked: the source has no text"}
        </span>
        {!check && q.sourceKey && (
          <>
            {" "}
            <a href={`/admin/source?key=${encodeURIComponent(q.sourceKey)}`}>Add the source's text</a>
          </>
        )}
      </p>
      {check && <CheckDetails check={check} verdict={label?.verdict ?? "warning"} />}
      {standing && (
        <p class="override-note">
          Overridden on <time datetime={standing.at}>{standing.at.slice(0, 10)}</time>: {standing.reason}
        </p>
      )}
      {override && !standing && (
        <p class="hint">
          An override of the earlier result ({override.status}) no longer applies: the check now finds
          something else.
        </p>
      )}
      {props.blocking && props.editor && (
        <form
          method="post"
          action={`/admin/articles/${props.articleId}/quotations/${q.position}/override`}
          class="stacked override-form"
        >
          <CsrfField c={c} />
          <label for={`override-${number}`}>Publish it as written, because</label>
          <textarea
            id={`override-${number}`}
            name="reason"
            rows={2}
            required
            maxlength={MAX_OVERRIDE_REASON}
          />
          <button type="submit">Override</button>
        </form>
      )}
    </li>
  );
}

function CheckDetails(props: { check: QuotationCheck; verdict: Verdict }) {
  const { check } = props;
  const found = [...new Set(check.passages.flatMap((p) => p.pages))];
  const expected = check.expectedPages ?? [];
  const elsewhere = expected.length > 0 && expected.join() !== found.join();
  const changed = check.diff?.some((part) => part.op !== "same");
  return (
    <>
      <p class="check-message">{check.message}</p>
      {elsewhere && (
        <p class="hint">
          Cited as {pagesText(expected)}
          {found.length > 0 && `; found on ${pagesText(found)}`}.
        </p>
      )}
      {check.diff && changed && (
        <>
          <p class="diff-key">
            The quotation against the source: <del>the source's words it lacks</del>{" "}
            <ins>its words the source lacks</ins>
          </p>
          <p class="diff">
            {check.diff.map((part, i) => (
              // Each part is whole words with no space at either end.
              <>
                {i > 0 && " "}
                {part.op === "removed" ? (
                  <del>{part.text}</del>
                ) : part.op === "added" ? (
                  <ins>{part.text}</ins>
                ) : (
                  part.text
                )}
              </>
            ))}
          </p>
        </>
      )}
      {check.excerpt && (
        // Open where the editor has something to compare; a passed quotation's passage is a click away.
        <details class="source-excerpt" open={props.verdict !== "pass" || undefined}>
          <summary>The source{found.length > 0 ? `, ${pagesText(found)}` : ""}</summary>
          <blockquote>{check.excerpt}</blockquote>
        </details>
      )}
    </>
  );
}

function pagesText(pages: readonly string[]): string {
  return `${pages.length === 1 ? "p." : "pp."} ${pages.join(", ")}`;
}

function openingWords(text: string): string {
  const words = text.split(/\s+/).filter(Boolean);
  return words.length > OPENING_WORDS ? `${words.slice(0, OPENING_WORDS).join(" ")} …` : words.join(" ");
}
