// A worker thread of an import (render-pool.ts): reads an article file, renders its body and analyses its
// text for the search index, from the library and settings it was started with. It touches no database,
// so the main thread's single writer only writes.
import { parentPort, workerData } from "node:worker_threads";
import type { CslItem } from "../citations/csl-item.js";
import { setCitationFolders } from "../citations/folders.js";
import { citedItemsOf } from "../content/article-citations.js";
import { renderBody } from "../content/article-render.js";
import { InvalidError } from "../errors.js";
import { mediaKeysIn } from "../markdown/media.js";
import { analyseDocument } from "../search/analysis.js";
import { readArticleFile } from "./markdown.js";
import type { RenderedFile, RenderTask, RenderWorkerData } from "./render-pool.js";

const port = parentPort;
if (!port) throw new Error("render-worker.ts runs as a worker thread");
const data = workerData as RenderWorkerData;
setCitationFolders(data.folders);
const library = new Map<string, CslItem>(data.library.map(([key, csl]) => [key, JSON.parse(csl) as CslItem]));

port.on("message", (task: RenderTask) => {
  let answer: RenderedFile;
  const transfer: ArrayBuffer[] = [];
  try {
    const { frontMatter, body, bodyLine } = readArticleFile(task.file);
    answer = { id: task.id, frontMatter, body, bodyLine };
    // Our own images need the media library: such a body is rendered by the main thread at its save.
    if (mediaKeysIn(body).length === 0) {
      const rendered = renderBody(body, frontMatter.language, {
        settings: data.settings,
        items: citedItemsOf(library, body),
        media: new Map(),
      });
      answer.rendered = rendered;
      if (data.analyse) {
        const analysed = analyseDocument({
          language: frontMatter.language,
          title: frontMatter.title,
          standfirst: frontMatter.standfirst ?? "",
          text: rendered.text,
        });
        answer.analysed = analysed;
        transfer.push(
          analysed.title.buffer as ArrayBuffer,
          analysed.standfirst.buffer as ArrayBuffer,
          analysed.body.buffer as ArrayBuffer,
        );
      }
    }
  } catch (error) {
    const invalid = error instanceof InvalidError;
    answer = {
      id: task.id,
      error: {
        message: error instanceof Error ? error.message : String(error),
        invalid,
        ...(invalid && error.line !== undefined ? { line: error.line } : {}),
        ...(invalid && error.file !== undefined ? { file: error.file } : {}),
      },
    };
  }
  port.postMessage(answer, transfer);
});
