// The admin's editor: live preview by the server's own pipeline, autosave, the formatting toolbar and the
// article pickers. Without this script every form still works; it only makes writing more comfortable.

const editor = document.querySelector("form[data-editor]");
if (editor) setUpEditor(editor);
for (const input of document.querySelectorAll("input[data-lookup]")) setUpLookup(input);

function csrfToken(form) {
  return form.querySelector('input[name="_csrf"]')?.value ?? "";
}

async function postJson(url, form, data) {
  const response = await fetch(url, {
    method: "POST",
    credentials: "same-origin",
    headers: {
      "content-type": "application/json",
      accept: "application/json",
      "x-csrf-token": csrfToken(form),
    },
    body: JSON.stringify(data),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body?.error?.message ?? `the server answered ${response.status}`);
  return body;
}

function setUpEditor(form) {
  const body = form.querySelector("#body");
  const title = form.querySelector("#title");
  const standfirst = form.querySelector("#standfirst");
  const baseRevision = Number(form.querySelector('input[name="base_revision"]').value);
  const preview = document.querySelector("[data-preview]");
  const state = form.querySelector("[data-autosave-state]");
  const autosaveUrl = form.dataset.autosave;
  let dirty = false;
  let submitting = false;
  let previewTimer;

  const refreshPreview = async (edited = true) => {
    if (!preview) return;
    try {
      const language = form.querySelector("#language")?.value ?? preview.dataset.preview;
      const result = await postJson("/admin/preview", form, { body: body.value, language });
      preview.innerHTML = result.html;
      preview.setAttribute("lang", language);
      // On opening, the panel already shows the saved text's results; after an edit, the new ones.
      if (edited) showQuotationChecks(result.quotations);
    } catch (error) {
      preview.textContent = `The preview failed: ${error.message}`;
    }
  };

  const changed = () => {
    dirty = true;
    clearTimeout(previewTimer);
    previewTimer = setTimeout(refreshPreview, 350);
  };
  for (const field of [body, title, standfirst]) field?.addEventListener("input", changed);

  if (autosaveUrl) {
    setInterval(async () => {
      if (!dirty || submitting) return;
      dirty = false;
      try {
        const result = await postJson(autosaveUrl, form, {
          baseRevision,
          title: title.value,
          standfirst: standfirst.value,
          body: body.value,
        });
        state.textContent = `Unsaved changes kept at ${result.savedAt.slice(11, 16)} UTC. Save to make them a revision.`;
      } catch (error) {
        dirty = true;
        state.textContent = `Could not keep your changes: ${error.message}`;
      }
    }, 5000);
  }
  form.addEventListener("submit", () => {
    submitting = true;
  });
  window.addEventListener("beforeunload", (event) => {
    if (dirty && !submitting) event.preventDefault();
  });

  for (const button of form.querySelectorAll("button[data-insert]")) {
    button.addEventListener("click", () => insert(body, button.dataset.insert));
  }
  const citation = form.querySelector("select[data-insert=citation]");
  citation?.addEventListener("change", () => {
    if (citation.value) replaceSelection(body, `[@${citation.value}, p. ]`, -1);
    citation.value = "";
  });
  body.addEventListener("keydown", (event) => {
    if (!(event.ctrlKey || event.metaKey)) return;
    if (event.key === "b") insert(body, "bold");
    else if (event.key === "i") insert(body, "italic");
    else return;
    event.preventDefault();
  });
  void refreshPreview(false);
}

/** The preview's quotation checks, under the saved ones in the editor's quotation panel. */
function showQuotationChecks(quotations) {
  const target = document.querySelector("[data-quotation-preview]");
  const panel = document.querySelector("[data-quotation-labels]");
  if (!target || !panel || !Array.isArray(quotations)) return;
  if (quotations.length === 0) return target.replaceChildren();
  const labels = JSON.parse(panel.dataset.quotationLabels);
  const heading = document.createElement("p");
  heading.textContent = "As the text in the editor stands now (not saved):";
  const list = document.createElement("ol");
  for (const quotation of quotations) {
    const item = document.createElement("li");
    item.value = quotation.position + 1;
    const badge = document.createElement("span");
    const status = quotation.check?.status;
    const known = status ? labels[status] : undefined;
    badge.className = `check check-${status ? (known?.verdict ?? "warning") : "none"}`;
    badge.textContent = status ? (known?.label ?? status) : "Not checked: the source has no text";
    item.append(badge);
    if (quotation.check?.message) item.append(` ${quotation.check.message}`);
    list.append(item);
  }
  target.replaceChildren(heading, list);
}

function insert(area, what) {
  const selected = area.value.slice(area.selectionStart, area.selectionEnd);
  if (what === "bold") replaceSelection(area, `**${selected || "bold"}**`);
  else if (what === "italic") replaceSelection(area, `*${selected || "italic"}*`);
  else if (what === "heading") replaceSelection(area, `\n\n## ${selected || "Heading"}\n\n`);
  else if (what === "link") replaceSelection(area, `[${selected || "text"}](https://)`, -1);
  else if (what === "quote") {
    const quoted = (selected || "Quotation")
      .split("\n")
      .map((line) => `> ${line}`)
      .join("\n");
    replaceSelection(area, `\n\n${quoted}\n>\n> [@source, p. ]\n\n`);
  } else if (what === "footnote") addFootnote(area);
  area.dispatchEvent(new Event("input"));
}

/** Inserts the next footnote's mark at the cursor and its text at the end, and puts the cursor there. */
function addFootnote(area) {
  const numbers = [...area.value.matchAll(/\[\^(\d+)\]/g)].map((m) => Number(m[1]));
  const next = numbers.length ? Math.max(...numbers) + 1 : 1;
  const at = area.selectionEnd;
  const before = area.value.slice(0, at);
  const after = area.value.slice(at);
  const note = `\n\n[^${next}]: `;
  area.value = `${before}[^${next}]${after.replace(/\s*$/, "")}${note}`;
  area.focus();
  area.selectionStart = area.selectionEnd = area.value.length;
}

function replaceSelection(area, text, cursorFromEnd = 0) {
  const start = area.selectionStart;
  area.setRangeText(text, start, area.selectionEnd, "end");
  if (cursorFromEnd) area.selectionStart = area.selectionEnd = start + text.length + cursorFromEnd;
  area.focus();
  area.dispatchEvent(new Event("input"));
}

function setUpLookup(input) {
  const list = document.createElement("datalist");
  list.id = `${input.id}-choices`;
  input.after(list);
  input.setAttribute("list", list.id);
  input.setAttribute("autocomplete", "off");
  let timer;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    const q = input.value.trim();
    if (q.length < 3 || /^\d+$/.test(q)) return;
    timer = setTimeout(async () => {
      const response = await fetch(`/admin/articles/lookup?q=${encodeURIComponent(q)}`, {
        headers: { accept: "application/json" },
        credentials: "same-origin",
      });
      if (!response.ok) return;
      const { articles } = await response.json();
      list.replaceChildren(
        ...articles.map((a) => {
          const option = document.createElement("option");
          option.value = String(a.id);
          option.label = `${a.title} (${a.language})`;
          return option;
        }),
      );
    }, 250);
  });
}
