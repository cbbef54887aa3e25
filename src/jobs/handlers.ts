// The jobs this program knows how to run, by kind. A runner leases only the kinds it has a handler for.
import { publishScheduledArticle } from "../content/workflow.js";
import type { JobHandler } from "./runner.js";

export const JOB_HANDLERS: Record<string, JobHandler> = {
  publish: (store, job, now) => publishScheduledArticle(store, job, now),
};
