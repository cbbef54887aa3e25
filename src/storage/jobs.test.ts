// Scheduled publishing with more than one server on the same database, and across a restart.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { createArticle, getArticle, publishArticle } from "../content/articles.js";
import { JOB_HANDLERS } from "../jobs/handlers.js";
import { createJobRunner, type JobHandler } from "../jobs/runner.js";
import { createLogger } from "../log.js";
import { listAuditEvents } from "./audit.js";
import { listRevisions } from "./revisions.js";
import { openStore, type Store, type StoreKind } from "./store.js";
import { storeKinds } from "./test-stores.js";

const T = new Date("2030-03-01T09:00:00Z");
const later = (seconds: number) => new Date(T.getTime() + seconds * 1000);
const log = createLogger();

async function scheduled(store: Store, title: string, at = T): Promise<number> {
  const article = await createArticle(
    store,
    { language: "en", title, body: `The text of ${title}.` },
    later(-3600),
  );
  await publishArticle(store, article.id, at, later(-3600));
  return article.id;
}

async function publishAudits(store: Store) {
  const events = await listAuditEvents(store, { limit: 1000 });
  return events.filter((e) => e.action === "article.publish");
}

/** The same database opened twice, as two app servers would; `reopen` is a server starting again. */
async function sharedDatabase(kind: StoreKind) {
  const url = process.env.BROADSIDE_TEST_DATABASE_URL;
  if (kind === "postgres" && url) {
    const schema = `test_jobs_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const open = () => openStore({ dataDir: "", databaseUrl: url, schema });
    return {
      open,
      dispose: async () => {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        await client.query(`drop schema if exists "${schema}" cascade`);
        await client.end();
      },
    };
  }
  const dataDir = mkdtempSync(join(tmpdir(), "broadside-jobs-"));
  return {
    open: () => openStore({ dataDir }),
    dispose: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

describe.each(storeKinds)("scheduled publishing across servers (%s)", (kind) => {
  it("publishes each of 50 due articles exactly once when two runners race", async () => {
    const database = await sharedDatabase(kind);
    const one = await database.open();
    // SQLite has one writer at a time: its two runners share a connection, as two workers in one server.
    const two = kind === "postgres" ? await database.open() : one;
    try {
      const ids: number[] = [];
      for (let i = 0; i < 50; i++) ids.push(await scheduled(one, `Dispatch ${i}`, later(i)));
      // A pause in each job keeps both runners busy at once, so each leases while the other holds rows.
      const publish: JobHandler = async (store, job, now) => {
        await new Promise((resolve) => setTimeout(resolve, 2));
        await JOB_HANDLERS.publish?.(store, job, now);
      };
      const options = { handlers: { publish }, log, clock: () => later(3600), batch: 3 };
      const a = createJobRunner({ ...options, store: one, name: "server-a" });
      const b = createJobRunner({ ...options, store: two, name: "server-b" });
      const drain = async (runner: typeof a) => {
        let ran = 0;
        for (let n = await runner.runOnce(); n > 0; n = await runner.runOnce()) ran += n;
        return ran;
      };
      const [ranA, ranB] = await Promise.all([drain(a), drain(b)]);
      expect(ranA + ranB).toBe(50);
      expect(ranA > 0 && ranB > 0).toBe(true);
      for (const id of ids) {
        expect((await getArticle(one, id)).status).toBe("published");
        expect(await listRevisions(one, id)).toHaveLength(1);
      }
      const audits = await publishAudits(one);
      expect(audits.map((e) => e.subject).sort()).toEqual(ids.map((id) => `article ${id}`).sort());
      const jobs = await one.db.selectFrom("jobs").select(["status", "attempts"]).execute();
      expect(jobs.every((j) => j.status === "done" && Number(j.attempts) === 1)).toBe(true);
    } finally {
      if (two !== one) await two.close();
      await one.close();
      await database.dispose();
    }
  });

  it("publishes after a restart what was scheduled before it", async () => {
    const database = await sharedDatabase(kind);
    const before = await database.open();
    let after: Store | undefined;
    try {
      const id = await scheduled(before, "Scheduled before the restart");
      const runner = createJobRunner({ store: before, handlers: JOB_HANDLERS, log, clock: () => later(-10) });
      expect(await runner.runOnce()).toBe(0);
      await runner.stop();
      await before.close();
      after = await database.open();
      const restarted = createJobRunner({
        store: after,
        handlers: JOB_HANDLERS,
        log,
        clock: () => later(10),
      });
      expect(await restarted.runOnce()).toBe(1);
      expect((await getArticle(after, id)).status).toBe("published");
    } finally {
      await after?.close();
      await database.dispose();
    }
  });
});
