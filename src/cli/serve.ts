// `broadside serve`: opens the store, fills it with the demo publication when asked and empty, serves.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { createAccount, hasAnyAccount } from "../accounts/accounts.js";
import { pruneRateLimits } from "../accounts/rate-limits.js";
import { pruneSessions } from "../accounts/sessions.js";
import { loadConfig } from "../config.js";
import { enqueueMissingPublishJobs } from "../content/workflow.js";
import { isStoreEmpty, loadDemo } from "../demo/load.js";
import { addDemoSourceTexts } from "../demo/source-texts.js";
import { JOB_HANDLERS } from "../jobs/handlers.js";
import { createJobRunner } from "../jobs/runner.js";
import { createLogger } from "../log.js";
import { createMailer } from "../mail/mailer.js";
import { recoverInterruptedRebuild } from "../storage/search.js";
import { openStore } from "../storage/store.js";
import { createRequestListener } from "../web/app.js";
import { parseFlags } from "./args.js";

const HELP = `Usage: broadside serve [--port 8080] [--host 127.0.0.1] [--data ./data] [--demo-if-empty]
                       [--feed-items 50]

Serves the public site. Data lives in the SQLite file in --data, or in PostgreSQL when DATABASE_URL is a
postgres:// URL. --demo-if-empty fills an empty store with a generated demo publication first.
--feed-items (BROADSIDE_FEED_ITEMS) is how many articles each feed holds, 1 to 1000.
Readers' letters are mailed to the editors, and answered, through BROADSIDE_SMTP_URL
(smtp://user:password@host:587) from BROADSIDE_MAIL_FROM; without them, letters wait in /admin/inbox.
`;

const DEMO_ADMIN = "admin@example.org";
const TIDY_MS = 3_600_000;

/** How often this server looks for due jobs (scheduled publishing); any server may run any job. */
const JOB_POLL_MS = 5_000;

export async function runServe(args: string[]): Promise<void> {
  const parsed = parseFlags(
    args,
    {
      port: { type: "string" },
      host: { type: "string" },
      data: { type: "string" },
      "demo-if-empty": { type: "boolean" },
      "feed-items": { type: "string" },
    },
    HELP,
  );
  if (!parsed) return;
  const config = loadConfig(parsed.flags);
  const log = createLogger();
  const mailer = config.mail ? createMailer(config.mail) : undefined;
  const store = await openStore(config);
  if (await recoverInterruptedRebuild(store)) {
    log.warn(
      'a search rebuild stopped before its end: search is incomplete until "broadside search rebuild" runs',
    );
  }
  if (parsed.flags["demo-if-empty"] && (await isStoreEmpty(store))) {
    log.info("the store is empty: creating the demo publication (about 300 articles)");
    await loadDemo(store, { articles: 300 });
    await addDemoSourceTexts(store);
    // A demo is for looking around the newsroom too; its admin must still choose a password at first log-in.
    const { password } = await createAccount(store, { email: DEMO_ADMIN, role: "admin", name: "Demo admin" });
    log.info(`demo admin: log in at /admin/login as ${DEMO_ADMIN} with the one-time password ${password}`);
  } else if (!(await hasAnyAccount(store))) {
    log.info('no accounts yet: create the first admin with "broadside user add --email E --role admin"');
  }
  const server = createServer(
    createRequestListener({
      store,
      log,
      baseUrl: config.baseUrl,
      pageCache: config.pageCache,
      feedItems: config.feedItems,
      // Under the data folder whichever database is used: backed up with it.
      mediaDir: join(config.dataDir, "media"),
      mailer,
      trustProxy: config.trustProxy,
    }),
  );
  server.listen(config.port, config.host, () => {
    const { port } = server.address() as AddressInfo;
    log.info({ store: store.kind }, `Broadside is serving http://${config.host}:${port}/`);
    if (!mailer) log.info("no BROADSIDE_SMTP_URL: letters are kept in the inbox, and nobody is mailed");
  });
  server.on("error", (error) => {
    log.fatal({ err: error }, `cannot listen on ${config.host}:${config.port}`);
    process.exit(1);
  });
  // Articles scheduled before the jobs table ran publishing get their job now.
  await enqueueMissingPublishJobs(store);
  const jobs = createJobRunner({ store, handlers: JOB_HANDLERS, log, pollMs: JOB_POLL_MS });
  jobs.start();
  // Ended sessions and old rate-limit windows are dropped now and then; any server may do it, twice is harmless.
  const tidy = () =>
    Promise.all([pruneSessions(store), pruneRateLimits(store)]).catch((error: unknown) =>
      log.warn({ err: error }, "tidying sessions and rate limits failed"),
    );
  const tidying = setInterval(tidy, TIDY_MS);
  tidying.unref();
  const stop = () => {
    clearInterval(tidying);
    // A job in hand finishes first; one cut short by a kill is leased again when its lease runs out.
    const jobsStopped = jobs.stop();
    server.close(() => {
      // Letters are stored before anyone is mailed; a mail still being sent is given its chance to finish.
      void jobsStopped
        .then(() => mailer?.idle())
        .finally(() => mailer?.close())
        .then(() => store.close())
        .finally(() => process.exit(0));
    });
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}
