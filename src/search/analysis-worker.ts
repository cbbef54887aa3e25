// A worker thread that analyses articles for a rebuild of the SQLite index while the main thread writes
// the previous batch: on a machine with two cores, analysis and indexing then cost what the slower of the
// two costs, not their sum.
import { parentPort } from "node:worker_threads";
import { type AnalysisRequest, analyseDocument } from "./analysis.js";

parentPort?.on("message", (request: AnalysisRequest) => {
  parentPort?.postMessage({ id: request.id, analysed: request.documents.map(analyseDocument) });
});
