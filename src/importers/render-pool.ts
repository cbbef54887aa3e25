// Worker threads that read, render and analyse an import's files (render-worker.ts) while the main thread
// writes them: rendering — Markdown, citations, sanitising, search analysis — is most of an import's work,
// and a database has one writer. Files are handed out in the order they are written, a bounded number
// ahead, so memory stays flat however many files there are.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { CitationFolders } from "../citations/folders.js";
import type { CitationSettings } from "../content/article-citations.js";
import type { RenderedArticle } from "../content/article-render.js";
import { InvalidError } from "../errors.js";
import type { FrontMatter } from "../markdown/front-matter.js";
import type { Analysed } from "../search/analysis.js";

export interface RenderWorkerData {
  settings: CitationSettings;
  /** The source library: key and CSL-JSON. */
  library: [string, string][];
  folders: CitationFolders;
  /** Whether to analyse the text for the SQLite index. */
  analyse: boolean;
}

export interface RenderTask {
  id: number;
  file: string;
}

/** A file as a worker read it: rendered unless its body shows our media (the main thread renders those). */
export interface RenderedFile {
  id: number;
  frontMatter?: FrontMatter;
  body?: string;
  bodyLine?: number;
  rendered?: RenderedArticle;
  analysed?: Analysed;
  error?: { message: string; invalid: boolean; file?: string; line?: number };
}

export interface RenderPool {
  /** The file read and rendered by a worker; files are best asked for in the order they will be written. */
  render(file: string): Promise<RenderedFile>;
  close(): Promise<void>;
}

/** Started for imports at least this large: a worker takes longer to start than a few files to render. */
export const POOL_MIN_FILES = 100;

/** Workers that can start, or undefined (the test runner loads TypeScript only in its own thread). */
export async function startRenderPool(data: RenderWorkerData): Promise<RenderPool | undefined> {
  const here = import.meta.url;
  const script = new URL(here.endsWith(".ts") ? "./render-worker.ts" : "./render-worker.js", here);
  const size = Math.max(1, Math.min(4, availableParallelism()));
  const workers: Worker[] = [];
  const pending = new Map<number, { resolve: (file: RenderedFile) => void; reject: (e: unknown) => void }>();
  let failure: unknown;
  const fail = (error: unknown) => {
    failure ??= error;
    for (const { reject } of pending.values()) reject(failure);
    pending.clear();
  };
  try {
    for (let i = 0; i < size; i++) {
      // A small young generation: rendering's garbage dies young, and each worker's heap counts in the
      // importer's memory (measured: no slower than a larger one, and 130 MB less at 10,000 files).
      const worker = new Worker(script, {
        workerData: data,
        resourceLimits: { maxYoungGenerationSizeMb: 16 },
      });
      worker.on("message", (answer: RenderedFile) => {
        pending.get(answer.id)?.resolve(answer);
        pending.delete(answer.id);
      });
      worker.on("error", fail);
      worker.on("exit", (code) => {
        if (pending.size > 0) fail(new Error(`an import worker stopped (exit code ${code})`));
      });
      workers.push(worker);
    }
  } catch {
    await Promise.all(workers.map((w) => w.terminate()));
    return undefined;
  }
  let next = 0;
  const pool: RenderPool = {
    render(file) {
      if (failure) return Promise.reject(failure);
      const id = next++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        (workers[id % workers.length] as Worker).postMessage({ id, file } satisfies RenderTask);
      });
    },
    close: async () => {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
  // A worker that cannot load its script fails at once: try one on nothing before relying on them.
  try {
    const probe = await pool.render("");
    if (!probe.error) throw new Error("a worker read an empty path");
    return pool;
  } catch {
    await pool.close();
    return undefined;
  }
}

/** The worker's answer as the file's content, or its error thrown again as the main thread would throw it. */
export function renderedOrThrow(
  answer: RenderedFile,
): Required<Pick<RenderedFile, "frontMatter" | "body" | "bodyLine">> &
  Pick<RenderedFile, "rendered" | "analysed"> {
  const { error, frontMatter, body, bodyLine } = answer;
  if (error) {
    if (!error.invalid) throw new Error(error.message);
    throw new InvalidError(error.message, {
      ...(error.file !== undefined ? { file: error.file } : {}),
      ...(error.line !== undefined ? { line: error.line } : {}),
    });
  }
  if (frontMatter === undefined || body === undefined || bodyLine === undefined) {
    throw new Error("an import worker answered without the file");
  }
  return { frontMatter, body, bodyLine, rendered: answer.rendered, analysed: answer.analysed };
}
