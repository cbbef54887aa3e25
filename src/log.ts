// The logger: structured JSON lines (pino). Quiet in tests unless LOG_LEVEL says otherwise.
import { pino } from "pino";

export type Logger = pino.Logger;

export function createLogger(): Logger {
  const level = process.env.LOG_LEVEL ?? (process.env.VITEST ? "silent" : "info");
  return pino({ level, base: undefined });
}
