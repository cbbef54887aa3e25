// Analysing whole articles for the SQLite index, in this thread or, for a rebuild, in a worker
// (analysis-worker.ts). Where no worker can start — the test runner loads TypeScript only in its own
// thread — the work is done here, with the same result.
import { Worker } from "node:worker_threads";
import { analyzerFor, indexText } from "./analyze.js";

export interface AnalysisInput {
  language: string;
  title: string;
  standfirst: string;
  text: string;
}

export interface Analysed {
  title: string;
  standfirst: string;
  body: string;
}

export interface AnalysisRequest {
  id: number;
  documents: AnalysisInput[];
}

export function analyseDocument(document: AnalysisInput): Analysed {
  const analyzer = analyzerFor(document.language);
  return {
    title: indexText(document.title, analyzer),
    standfirst: indexText(document.standfirst, analyzer),
    body: indexText(document.text, analyzer),
  };
}

export interface Analyst {
  analyse(documents: AnalysisInput[]): Promise<Analysed[]>;
  close(): Promise<void>;
}

/** A worker-thread analyst when one can start, otherwise one that works in this thread. */
export async function startAnalyst(): Promise<Analyst> {
  const here = import.meta.url;
  const script = new URL(here.endsWith(".ts") ? "./analysis-worker.ts" : "./analysis-worker.js", here);
  let worker: Worker;
  try {
    // Analysis allocates a string per word: a young generation larger than a worker's default keeps the
    // collector from taking most of the worker's time.
    worker = new Worker(script, { resourceLimits: { maxYoungGenerationSizeMb: 256 } });
  } catch {
    return inThread;
  }
  const pending = new Map<number, { resolve: (a: Analysed[]) => void; reject: (e: unknown) => void }>();
  let failure: unknown;
  const fail = (error: unknown) => {
    failure = error;
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };
  worker.on("message", (answer: { id: number; analysed: Analysed[] }) => {
    pending.get(answer.id)?.resolve(answer.analysed);
    pending.delete(answer.id);
  });
  worker.on("error", fail);
  worker.on("exit", (code) => {
    if (pending.size > 0) fail(new Error(`the analysis worker stopped (exit code ${code})`));
  });
  let next = 0;
  const viaWorker: Analyst = {
    analyse(documents) {
      if (failure) return Promise.reject(failure);
      const id = next++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, documents } satisfies AnalysisRequest);
      });
    },
    close: async () => {
      await worker.terminate();
    },
  };
  // A worker that cannot load its script fails at once: try it on nothing before relying on it.
  try {
    await viaWorker.analyse([]);
    return viaWorker;
  } catch {
    await worker.terminate().catch(() => undefined);
    return inThread;
  }
}

const inThread: Analyst = {
  analyse: async (documents) => documents.map(analyseDocument),
  close: async () => undefined,
};
