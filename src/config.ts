// Settings for a run: flags first, then the environment, then defaults (DESIGN §4).
import { InvalidError } from "./errors.js";
import { DEFAULT_FEED_ITEMS } from "./feeds/feed.js";

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** A postgres:// URL selects PostgreSQL; otherwise the SQLite file in dataDir. */
  databaseUrl?: string;
  /** The public origin, e.g. https://example.org; links in feeds and canonical URLs use it. */
  baseUrl?: string;
  /** The in-process page cache; benchmarks turn it off to measure rendering. */
  pageCache: boolean;
  /** How many of the newest articles each feed holds. */
  feedItems: number;
  /** SMTP for mail to editors and readers (BROADSIDE_SMTP_URL, BROADSIDE_MAIL_FROM); none when unset. */
  mail?: { url: string; from: string };
  /**
   * Behind a reverse proxy (BROADSIDE_TRUST_PROXY=1): the client's address is the last one the proxy added
   * to X-Forwarded-For, not the proxy's own, for rate limits and the audit log.
   */
  trustProxy: boolean;
}

export type Flags = Record<string, string | boolean | undefined>;

export function loadConfig(flags: Flags, env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(text(flags.port) ?? env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new InvalidError(`--port must be a number from 0 to 65535 (got "${text(flags.port) ?? env.PORT}")`);
  }
  const baseUrl = text(flags["base-url"]) ?? env.BROADSIDE_BASE_URL;
  if (baseUrl !== undefined && !/^https?:\/\/[^/\s]+(\/[^\s]*)?$/.test(baseUrl)) {
    throw new InvalidError(`BROADSIDE_BASE_URL must be an http(s) URL (got "${baseUrl}")`);
  }
  const feedItemsText = text(flags["feed-items"]) ?? env.BROADSIDE_FEED_ITEMS ?? String(DEFAULT_FEED_ITEMS);
  const feedItems = Number(feedItemsText);
  if (!Number.isInteger(feedItems) || feedItems < 1 || feedItems > 1000) {
    throw new InvalidError(
      `BROADSIDE_FEED_ITEMS (--feed-items) must be a number from 1 to 1000 (got "${feedItemsText}")`,
    );
  }
  const config: Config = {
    port,
    host: text(flags.host) ?? env.HOST ?? "127.0.0.1",
    dataDir: text(flags.data) ?? env.BROADSIDE_DATA ?? "./data",
    pageCache: (env.BROADSIDE_PAGE_CACHE ?? "on") !== "off",
    feedItems,
    trustProxy: ["1", "true", "yes"].includes((env.BROADSIDE_TRUST_PROXY ?? "").toLowerCase()),
  };
  const databaseUrl = text(flags["database-url"]) ?? env.DATABASE_URL;
  if (databaseUrl) config.databaseUrl = databaseUrl;
  if (baseUrl) config.baseUrl = baseUrl.replace(/\/+$/, "");
  const smtpUrl = env.BROADSIDE_SMTP_URL;
  if (smtpUrl) {
    const from = env.BROADSIDE_MAIL_FROM;
    if (!from)
      throw new InvalidError(
        "BROADSIDE_SMTP_URL is set but BROADSIDE_MAIL_FROM, the sender's address, is not",
      );
    config.mail = { url: smtpUrl, from };
  }
  return config;
}

function text(value: string | boolean | undefined): string | undefined {
  return typeof value === "string" ? value : undefined;
}
