// Shared by the benchmarks: starting the built server, measuring with wrk, medians, memory.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { readFileSync } from "node:fs";

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export interface WrkResult {
  requestsPerSecond: number;
  p50ms: number;
  p99ms: number;
  non2xx: number;
}

/** wrk with 50 connections against a loopback URL, with its latency table. */
export function wrk(url: string, seconds = 5, connections = 50): WrkResult {
  if (!/^http:\/\/127\.0\.0\.1:\d+\//.test(url)) throw new Error(`benchmarks target 127.0.0.1 only: ${url}`);
  const out = execFileSync("wrk", ["-t2", `-c${connections}`, `-d${seconds}s`, "--latency", url], {
    encoding: "utf8",
    timeout: (seconds + 30) * 1000,
  });
  const rps = Number(out.match(/Requests\/sec:\s+([\d.]+)/)?.[1] ?? Number.NaN);
  const non2xx = Number(out.match(/Non-2xx or 3xx responses:\s+(\d+)/)?.[1] ?? 0);
  return { requestsPerSecond: rps, p50ms: latency(out, "50%"), p99ms: latency(out, "99%"), non2xx };
}

function latency(out: string, label: string): number {
  const m = out.match(new RegExp(`${label}\\s+([\\d.]+)(us|ms|s)`));
  if (!m) return Number.NaN;
  const value = Number(m[1]);
  return m[2] === "us" ? value / 1000 : m[2] === "s" ? value * 1000 : value;
}

export interface Server {
  process: ChildProcess;
  port: number;
  /** Milliseconds from spawn to the first successful response. */
  startMs: number;
  stop(): Promise<void>;
}

/** Starts the built server (dist/) on a free-ish port and waits for its first answer. */
export async function startServer(
  dataDir: string,
  port: number,
  env: Record<string, string> = {},
): Promise<Server> {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    ["dist/cli/main.js", "serve", "--data", dataDir, "--port", String(port)],
    {
      env: { ...process.env, LOG_LEVEL: "warn", ...env },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (Date.now() > deadline) throw new Error("the server did not answer within 60 s");
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.ok) break;
    } catch {
      // Not listening yet: try again shortly.
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  const startMs = performance.now() - started;
  return {
    process: child,
    port,
    startMs,
    stop: () =>
      new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** Resident memory of a process, in MB. */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(status.match(/VmRSS:\s+(\d+)/)?.[1] ?? 0) / 1024;
}

export function formatRow(cells: (string | number)[]): string {
  return cells
    .map((c) => (typeof c === "number" ? c.toFixed(c >= 100 ? 0 : 2) : c).toString().padEnd(14))
    .join(" ");
}
