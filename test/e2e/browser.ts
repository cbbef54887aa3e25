// Test support for browser journeys: Debian's Chromium driven by playwright-core, and the app served on
// 127.0.0.1 from a fresh SQLite store. Without Chromium the journeys are skipped, except under CI.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium } from "playwright-core";
import { createLogger } from "../../src/log.js";
import { openStore, type Store } from "../../src/storage/store.js";
import { createRequestListener } from "../../src/web/app.js";

export const CHROMIUM = process.env.BROADSIDE_CHROMIUM ?? "/usr/bin/chromium";
export const hasChromium = existsSync(CHROMIUM);
if (!hasChromium && process.env.CI) throw new Error(`CI is set but there is no Chromium at ${CHROMIUM}`);
if (!hasChromium) console.warn(`no Chromium at ${CHROMIUM}: browser journeys skipped`);

/** A headless Chromium with a fresh profile of its own, removed on close. */
export async function launchBrowser(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), "broadside-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function serveFreshStore(): Promise<{
  store: Store;
  origin: string;
  close: () => Promise<void>;
}> {
  const dataDir = mkdtempSync(join(tmpdir(), "broadside-e2e-"));
  const store = await openStore({ dataDir });
  const server = createServer(createRequestListener({ store, log: createLogger() }));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    store,
    origin: `http://127.0.0.1:${port}`,
    close: async () => {
      await new Promise((r) => server.close(r));
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
