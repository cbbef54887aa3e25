// The publication's directory, kept by editors: persons (bylines, with their names and bios per language),
// topics (with their place in the hierarchy) and series.
import type { Context, Hono } from "hono";
import { z } from "zod";
import { recordAudit } from "../../accounts/audit.js";
import { listPersonChoices, listSeriesChoices, listTopicChoices } from "../../content/choices.js";
import { createSeries } from "../../content/series-ops.js";
import { AppError } from "../../errors.js";
import { findLanguage } from "../../i18n/languages.js";
import { createPerson, readPersonForEditing, updatePerson } from "../../people/people.js";
import { PERSON_KINDS } from "../../people/person.js";
import { createTopic, readTopicForEditing, updateTopic } from "../../topics/topics.js";
import type { AdminEnv } from "./env.js";
import { checked, readForm } from "./forms.js";
import { requirePermission } from "./guard.js";
import { AdminPage, adminHtml, CsrfField, ErrorNote, Notice } from "./layout.js";

const personForm = z.object({
  name: z.string().max(200),
  kind: z.string().max(40),
  bio: z.string().max(5000).default(""),
});

const topicForm = z.object({
  name: z.string().max(200),
  description: z.string().max(5000).default(""),
  parent: z.string().max(12).default(""),
});

const seriesForm = z.object({
  title: z.string().max(300),
  description: z.string().max(5000).default(""),
});

const KIND_LABELS: Record<string, string> = {
  individual: "a person under their own name",
  pen_name: "a pen name",
  institution: "an institution (an editorial board, a committee)",
};

const DONE = { created: "Created.", saved: "Saved." };

export function directoryRoutes(admin: Hono<AdminEnv>): void {
  const editors = requirePermission("publish");
  admin.get("/people", editors, (c) => showPeople(c));
  admin.post("/people", editors, addPerson);
  admin.get("/people/:id{[0-9]{1,9}}", editors, (c) => showPerson(c));
  admin.post("/people/:id{[0-9]{1,9}}", editors, savePerson);
  admin.get("/topics", editors, (c) => showTopics(c));
  admin.post("/topics", editors, addTopic);
  admin.get("/topics/:id{[0-9]{1,9}}", editors, (c) => showTopic(c));
  admin.post("/topics/:id{[0-9]{1,9}}", editors, saveTopic);
  admin.get("/series", editors, (c) => showSeries(c));
  admin.post("/series", editors, addSeries);
}

async function showPeople(c: Context<AdminEnv>, error?: string) {
  const persons = await listPersonChoices(c.var.store);
  return adminHtml(
    c,
    <AdminPage c={c} title="People" section="directory">
      <DirectoryNav current="people" />
      <h1>People</h1>
      <p class="hint">
        The bylines of the publication. A person is public; which accounts may write as one is set on the
        accounts page and is never shown.
      </p>
      <Notice c={c} messages={DONE} />
      <ul class="directory">
        {persons.map((p) => (
          <li>
            <a href={`/admin/people/${p.id}`}>{p.label}</a>
          </li>
        ))}
      </ul>
      <h2>Add a person</h2>
      <ErrorNote message={error} />
      <form method="post" action="/admin/people" class="stacked">
        <CsrfField c={c} />
        <label for="name">Name as printed</label>
        <input id="name" name="name" required maxlength={200} />
        <label for="kind">Kind</label>
        <select id="kind" name="kind">
          {PERSON_KINDS.map((k) => (
            <option value={k}>{KIND_LABELS[k] ?? k}</option>
          ))}
        </select>
        <label for="bio">Bio</label>
        <textarea id="bio" name="bio" rows={3} maxlength={5000} />
        <button type="submit">Add</button>
      </form>
    </AdminPage>,
    error ? 400 : 200,
  );
}

async function addPerson(c: Context<AdminEnv>) {
  const form = await readForm(c, personForm);
  try {
    if (!(PERSON_KINDS as readonly string[]).includes(form.kind)) {
      return showPeople(c, `"${form.kind}" is not a kind of person`);
    }
    const id = await createPerson(c.var.store, {
      name: form.name,
      kind: form.kind as (typeof PERSON_KINDS)[number],
      bio: form.bio,
    });
    await recordAudit(c.var.store, c.var.account, {
      action: "person.create",
      subject: `person ${id}`,
      address: c.var.address,
    });
    return c.redirect(`/admin/people/${id}?done=created`, 303);
  } catch (error) {
    if (error instanceof AppError && error.code === "invalid") return showPeople(c, error.message);
    throw error;
  }
}

async function showPerson(c: Context<AdminEnv>, error?: string) {
  const person = await readPersonForEditing(c.var.store, Number(c.req.param("id")));
  const local = new Map(person.localizations.map((l) => [l.language, l]));
  const editions = c.var.site.editions.filter((l) => l !== c.var.site.defaultLanguage);
  return adminHtml(
    c,
    <AdminPage c={c} title={person.name} section="directory">
      <DirectoryNav current="people" />
      <h1>{person.name}</h1>
      <p class="meta">
        Address: <a href={`/${c.var.site.defaultLanguage}/authors/${person.slug}`}>/authors/{person.slug}</a>
      </p>
      <Notice c={c} messages={DONE} />
      <ErrorNote message={error} />
      <form method="post" class="stacked">
        <CsrfField c={c} />
        <label for="name">Name as printed</label>
        <input id="name" name="name" required maxlength={200} value={person.name} />
        <label for="kind">Kind</label>
        <select id="kind" name="kind">
          {PERSON_KINDS.map((k) => (
            <option value={k} selected={k === person.kind}>
              {KIND_LABELS[k] ?? k}
            </option>
          ))}
        </select>
        <label for="bio">Bio</label>
        <textarea id="bio" name="bio" rows={4} maxlength={5000}>
          {`\n${person.bio}`}
        </textarea>
        {editions.map((language) => (
          <fieldset>
            <legend>
              In {findLanguage(language)?.name ?? language} (leave the name empty to use the one above)
            </legend>
            <label for={`name-${language}`}>Name</label>
            <input
              id={`name-${language}`}
              name={`name_${language}`}
              maxlength={200}
              value={local.get(language)?.name ?? ""}
            />
            <label for={`bio-${language}`}>Bio</label>
            <textarea id={`bio-${language}`} name={`bio_${language}`} rows={3} maxlength={5000}>
              {`\n${local.get(language)?.bio ?? ""}`}
            </textarea>
          </fieldset>
        ))}
        <button type="submit">Save</button>
      </form>
    </AdminPage>,
    error ? 400 : 200,
  );
}

async function savePerson(c: Context<AdminEnv>) {
  const id = Number(c.req.param("id"));
  const body = await c.req.parseBody({ all: true });
  const form = checked(personForm, body);
  const localizations = c.var.site.editions
    .filter((l) => l !== c.var.site.defaultLanguage)
    .map((language) => ({
      language,
      name: String(body[`name_${language}`] ?? "").slice(0, 201),
      bio: String(body[`bio_${language}`] ?? "").slice(0, 5001),
    }));
  try {
    await updatePerson(c.var.store, id, { name: form.name, kind: form.kind, bio: form.bio, localizations });
  } catch (error) {
    if (error instanceof AppError && error.code === "invalid") return showPerson(c, error.message);
    throw error;
  }
  await recordAudit(c.var.store, c.var.account, {
    action: "person.update",
    subject: `person ${id}`,
    address: c.var.address,
  });
  return c.redirect(`/admin/people/${id}?done=saved`, 303);
}

async function showTopics(c: Context<AdminEnv>, error?: string) {
  const topics = await listTopicChoices(c.var.store);
  return adminHtml(
    c,
    <AdminPage c={c} title="Topics" section="directory">
      <DirectoryNav current="topics" />
      <h1>Topics</h1>
      <Notice c={c} messages={DONE} />
      <ul class="directory">
        {topics.map((t) => (
          <li>
            <a href={`/admin/topics/${t.id}`}>{t.label}</a>
          </li>
        ))}
      </ul>
      <h2>Add a topic</h2>
      <ErrorNote message={error} />
      <TopicFields c={c} topics={topics} action="/admin/topics" submit="Add" />
    </AdminPage>,
    error ? 400 : 200,
  );
}

async function addTopic(c: Context<AdminEnv>) {
  const form = await readForm(c, topicForm);
  try {
    const id = await createTopic(c.var.store, {
      name: form.name,
      description: form.description,
      parentId: form.parent ? Number(form.parent) : null,
    });
    await recordAudit(c.var.store, c.var.account, {
      action: "topic.create",
      subject: `topic ${id}`,
      address: c.var.address,
    });
    return c.redirect(`/admin/topics/${id}?done=created`, 303);
  } catch (error) {
    if (error instanceof AppError && error.code === "invalid") return showTopics(c, error.message);
    if (isForeignKeyError(error)) return showTopics(c, "the parent topic does not exist");
    throw error;
  }
}

async function showTopic(c: Context<AdminEnv>, error?: string) {
  const topic = await readTopicForEditing(c.var.store, Number(c.req.param("id")));
  const topics = (await listTopicChoices(c.var.store)).filter((t) => t.id !== topic.id);
  return adminHtml(
    c,
    <AdminPage c={c} title={topic.name} section="directory">
      <DirectoryNav current="topics" />
      <h1>{topic.name}</h1>
      <Notice c={c} messages={DONE} />
      <ErrorNote message={error} />
      <TopicFields c={c} topics={topics} action={`/admin/topics/${topic.id}`} submit="Save" topic={topic} />
    </AdminPage>,
    error ? 400 : 200,
  );
}

async function saveTopic(c: Context<AdminEnv>) {
  const id = Number(c.req.param("id"));
  const form = await readForm(c, topicForm);
  try {
    await updateTopic(c.var.store, id, {
      name: form.name,
      description: form.description,
      parentId: form.parent ? Number(form.parent) : null,
    });
  } catch (error) {
    if (error instanceof AppError && error.code === "invalid") return showTopic(c, error.message);
    throw error;
  }
  await recordAudit(c.var.store, c.var.account, {
    action: "topic.update",
    subject: `topic ${id}`,
    address: c.var.address,
  });
  return c.redirect(`/admin/topics/${id}?done=saved`, 303);
}

async function showSeries(c: Context<AdminEnv>, error?: string) {
  const series = await listSeriesChoices(c.var.store);
  return adminHtml(
    c,
    <AdminPage c={c} title="Series" section="directory">
      <DirectoryNav current="series" />
      <h1>Series</h1>
      <p class="hint">An article joins a series, with its part number, in the editor.</p>
      <Notice c={c} messages={DONE} />
      <ul class="directory">
        {series.map((s) => (
          <li>
            <a href={`/${c.var.site.defaultLanguage}/series/${s.slug}`}>{s.label}</a>
          </li>
        ))}
      </ul>
      <h2>Add a series</h2>
      <ErrorNote message={error} />
      <form method="post" action="/admin/series" class="stacked">
        <CsrfField c={c} />
        <label for="title">Title</label>
        <input id="title" name="title" required maxlength={300} />
        <label for="description">Description</label>
        <textarea id="description" name="description" rows={3} maxlength={5000} />
        <button type="submit">Add</button>
      </form>
    </AdminPage>,
    error ? 400 : 200,
  );
}

async function addSeries(c: Context<AdminEnv>) {
  const form = await readForm(c, seriesForm);
  try {
    const id = await createSeries(c.var.store, { title: form.title, description: form.description });
    await recordAudit(c.var.store, c.var.account, {
      action: "series.create",
      subject: `series ${id}`,
      address: c.var.address,
    });
  } catch (error) {
    if (error instanceof AppError && error.code === "invalid") return showSeries(c, error.message);
    throw error;
  }
  return c.redirect("/admin/series?done=created", 303);
}

function TopicFields(props: {
  c: Context<AdminEnv>;
  topics: { id: number; label: string }[];
  action: string;
  submit: string;
  topic?: { name: string; description: string; parentId: number | null };
}) {
  const { topic } = props;
  return (
    <form method="post" action={props.action} class="stacked">
      <CsrfField c={props.c} />
      <label for="name">Name</label>
      <input id="name" name="name" required maxlength={200} value={topic?.name ?? ""} />
      <label for="parent">Filed under</label>
      <select id="parent" name="parent">
        <option value="">nothing (a top-level topic)</option>
        {props.topics.map((t) => (
          <option value={String(t.id)} selected={t.id === topic?.parentId}>
            {t.label}
          </option>
        ))}
      </select>
      <label for="description">Description</label>
      <textarea id="description" name="description" rows={3} maxlength={5000}>
        {`\n${topic?.description ?? ""}`}
      </textarea>
      <button type="submit">{props.submit}</button>
    </form>
  );
}

function DirectoryNav(props: { current: "people" | "topics" | "series" }) {
  const links = [
    ["people", "/admin/people", "People"],
    ["topics", "/admin/topics", "Topics"],
    ["series", "/admin/series", "Series"],
  ] as const;
  return (
    <nav aria-label="Directory" class="subnav">
      {links.map(([id, href, label]) => (
        <a href={href} aria-current={id === props.current ? "page" : undefined}>
          {label}
        </a>
      ))}
    </nav>
  );
}

function isForeignKeyError(error: unknown): boolean {
  return /FOREIGN KEY|foreign key/.test(error instanceof Error ? error.message : "");
}
