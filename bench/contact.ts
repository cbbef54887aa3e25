// Contact benchmark (issue 4: readers' letters). Serves the app in-process on 127.0.0.1 (a free port), asks
// for N contact forms, waits past the form's minimum time, then sends every letter at once over real HTTP —
// a part of them twice with the same token, as a double click or a retry would — and counts what the store
// kept: sent, stored, lost, doubled. On SQLite, and on PostgreSQL when a URL is given.
//   npx tsx bench/contact.ts [letters=200] [sent-twice=50] [postgres-url]
// Every request comes from 127.0.0.1, so the per-address rate limit is raised for the run (it is measured
// by the tests, not here).
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { DEFAULT_CONTACT_SETTINGS } from "../src/contact/messages.js";
import { createLogger } from "../src/log.js";
import { openStore, type Store } from "../src/storage/store.js";
import { createRequestListener } from "../src/web/app.js";
import { median } from "./support.js";

const letters = Number(process.argv[2] ?? 200);
const twice = Math.min(letters, Number(process.argv[3] ?? 50));
const postgresUrl = process.argv[4];

interface Figures {
  store: string;
  sent: number;
  requests: number;
  received: number;
  refused: number;
  stored: number;
  lost: number;
  doubled: number;
  wallMs: number;
  p50ms: number;
  p99ms: number;
}

async function run(store: Store): Promise<Figures> {
  const server = createServer(
    createRequestListener({
      store,
      log: createLogger(),
      contact: { limit: { max: 1_000_000, windowSeconds: 600 } },
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const tokens = await Promise.all(
      Array.from({ length: letters }, async () => {
        const html = await (await fetch(`${origin}/en/contact`)).text();
        const token = html.match(/name="token" value="([^"]+)"/)?.[1];
        if (!token) throw new Error("the contact page carried no token");
        return token;
      }),
    );
    await new Promise((r) => setTimeout(r, DEFAULT_CONTACT_SETTINGS.minSeconds * 1000 + 200));
    const sends = tokens.flatMap((token, i) =>
      i < twice
        ? [
            [token, i],
            [token, i],
          ]
        : [[token, i]],
    ) as [string, number][];
    const latencies: number[] = [];
    const started = performance.now();
    const statuses = await Promise.all(
      sends.map(async ([token, i]) => {
        const begun = performance.now();
        const res = await fetch(`${origin}/en/contact`, {
          method: "POST",
          redirect: "manual",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({
            token,
            website: "",
            name: `Reader ${i}`,
            email: `reader${i}@example.org`,
            subject: `Bench letter ${i}`,
            body: `Letter number ${i}.\n\nA second paragraph, so that the body is not trivial.`,
          }),
        });
        await res.arrayBuffer();
        latencies.push(performance.now() - begun);
        return res.status === 303 && res.headers.get("location") === "/en/contact?sent"
          ? "received"
          : "refused";
      }),
    );
    const wallMs = performance.now() - started;
    const rows = await store.db.selectFrom("contact_messages").select("subject").execute();
    const perLetter = new Map<string, number>();
    for (const row of rows) perLetter.set(row.subject, (perLetter.get(row.subject) ?? 0) + 1);
    const expected = Array.from({ length: letters }, (_, i) => `Bench letter ${i}`);
    const sorted = [...latencies].sort((a, b) => a - b);
    return {
      store: store.kind,
      sent: letters,
      requests: sends.length,
      received: statuses.filter((s) => s === "received").length,
      refused: statuses.filter((s) => s === "refused").length,
      stored: rows.length,
      lost: expected.filter((s) => !perLetter.has(s)).length,
      doubled: [...perLetter.values()].filter((n) => n > 1).length,
      wallMs,
      p50ms: median(sorted),
      p99ms: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] ?? Number.NaN,
    };
  } finally {
    await new Promise((r) => server.close(r));
  }
}

async function onSqlite(): Promise<Figures> {
  const dataDir = mkdtempSync(join(tmpdir(), "broadside-bench-contact-"));
  const store = await openStore({ dataDir });
  try {
    return await run(store);
  } finally {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function onPostgres(url: string): Promise<Figures> {
  const schema = `bench_contact_${process.pid}`;
  const store = await openStore({ dataDir: "", databaseUrl: url, schema });
  try {
    return await run(store);
  } finally {
    await store.close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`drop schema if exists "${schema}" cascade`);
    await client.end();
  }
}

async function main() {
  console.log(
    `${letters} letters sent at once over HTTP on 127.0.0.1, ${twice} of them twice with the same token`,
  );
  const results = [await onSqlite()];
  if (postgresUrl) results.push(await onPostgres(postgresUrl));
  console.log(
    "store      sent  requests  received  refused  stored  lost  doubled   all sent (ms)  p50 (ms)  p99 (ms)",
  );
  for (const r of results) {
    console.log(
      [
        r.store.padEnd(9),
        String(r.sent).padStart(5),
        String(r.requests).padStart(9),
        String(r.received).padStart(9),
        String(r.refused).padStart(8),
        String(r.stored).padStart(7),
        String(r.lost).padStart(5),
        String(r.doubled).padStart(8),
        r.wallMs.toFixed(0).padStart(15),
        r.p50ms.toFixed(1).padStart(9),
        r.p99ms.toFixed(1).padStart(9),
      ].join(" "),
    );
  }
  const bad = results.filter((r) => r.lost > 0 || r.doubled > 0 || r.stored !== r.sent);
  if (bad.length > 0) {
    console.log(`NOT all stored once: ${bad.map((r) => r.store).join(", ")}`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
