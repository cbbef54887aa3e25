// Settings for a run: flags first, then the environment, then defaults (DESIGN §4).
import { InvalidError } from "./errors.js";

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
  const config: Config = {
    port,
    host: text(flags.host) ?? env.HOST ?? "127.0.0.1",
    dataDir: text(flags.data) ?? env.BROADSIDE_DATA ?? "./data",
    pageCache: (env.BROADSIDE_PAGE_CACHE ?? "on") !== "off",
  };
  const databaseUrl = text(flags["database-url"]) ?? env.DATABASE_URL;
  if (databaseUrl) config.databaseUrl = databaseUrl;
  if (baseUrl) config.baseUrl = baseUrl.replace(/\/+$/, "");
  return config;
}

function text(value: string | boolean | undefined): string | undefined {
  return typeof value === "string" ? value : undefined;
}
