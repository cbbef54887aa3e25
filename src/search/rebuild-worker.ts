// A worker thread that reads and analyses the articles for a rebuild of the SQLite index, on a read-only
// connection of its own, while the main thread writes the batches it has sent: on two cores, reading and
// analysis then cost what writing costs, not their sum. It runs ahead by as many batches as the main
// thread has asked for ("more"), so memory stays bounded however large the archive.
import { parentPort, workerData } from "node:worker_threads";
import { openStore } from "../storage/store.js";
import { rebuildBatches } from "./indexing.js";

const port = parentPort;
if (!port) throw new Error("rebuild-worker.ts runs as a worker thread");

let credit = 0;
let wake: (() => void) | undefined;
port.on("message", (message: { more: number }) => {
  credit += message.more;
  wake?.();
});

const store = await openStore({ dataDir: (workerData as { dataDir: string }).dataDir, readOnly: true });
try {
  for await (const batch of rebuildBatches(store, true)) {
    while (credit === 0) await new Promise<void>((resolve) => (wake = resolve));
    credit--;
    // The analysed texts move to the main thread rather than being copied.
    const buffers = batch.flatMap((d) =>
      d.analysed ? [d.analysed.title.buffer, d.analysed.standfirst.buffer, d.analysed.body.buffer] : [],
    );
    port.postMessage({ batch }, buffers as ArrayBuffer[]);
  }
  port.postMessage({ done: true });
} finally {
  await store.close();
  port.close();
}
