// Test support: runs one behaviour suite against every store. SQLite always; PostgreSQL when
// BROADSIDE_TEST_DATABASE_URL is set. Under CI a missing PostgreSQL fails the run instead of skipping.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterEach, beforeEach, describe } from "vitest";
import { openStore, type Store, type StoreKind } from "./store.js";

const postgresUrl = process.env.BROADSIDE_TEST_DATABASE_URL;

if (!postgresUrl && process.env.CI) {
  throw new Error(
    "CI is set but BROADSIDE_TEST_DATABASE_URL is not: the PostgreSQL half of the suite would not run",
  );
}
if (!postgresUrl && !process.env.BROADSIDE_QUIET_SKIP) {
  process.env.BROADSIDE_QUIET_SKIP = "1";
  console.warn(
    "BROADSIDE_TEST_DATABASE_URL is not set: storage tests run on SQLite only, PostgreSQL skipped",
  );
}

export const storeKinds: StoreKind[] = postgresUrl ? ["sqlite", "postgres"] : ["sqlite"];

/** Opens a new empty store of the kind; `dispose` removes every trace of it. */
export async function openTestStore(
  kind: StoreKind,
): Promise<{ store: Store; dispose: () => Promise<void> }> {
  if (kind === "sqlite") {
    const dataDir = mkdtempSync(join(tmpdir(), "broadside-test-"));
    const store = await openStore({ dataDir });
    return {
      store,
      dispose: async () => {
        await store.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const schema = `test_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const store = await openStore({ dataDir: "", databaseUrl: postgresUrl, schema });
  return {
    store,
    dispose: async () => {
      await store.close();
      const client = new pg.Client({ connectionString: postgresUrl });
      await client.connect();
      await client.query(`drop schema if exists "${schema}" cascade`);
      await client.end();
    },
  };
}

/** Declares `suite` once per store kind; `store()` gives the current test's fresh store. */
export function describeEachStore(name: string, suite: (store: () => Store, kind: StoreKind) => void): void {
  for (const kind of storeKinds) {
    describe(`${name} (${kind})`, () => {
      let current: { store: Store; dispose: () => Promise<void> } | undefined;
      beforeEach(async () => {
        current = await openTestStore(kind);
      });
      afterEach(async () => {
        await current?.dispose();
        current = undefined;
      });
      suite(() => {
        if (!current) throw new Error("no store is open outside a test");
        return current.store;
      }, kind);
    });
  }
}
