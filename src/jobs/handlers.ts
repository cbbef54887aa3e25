// The jobs this program knows how to run, by kind. A runner leases only the kinds it has a handler for.
import {
  rerenderAllCitingArticles,
  rerenderArticlesWithCitations,
  rerenderCitingArticles,
} from "../content/article-render.js";
import { publishScheduledArticle } from "../content/workflow.js";
import type { JobHandler } from "./runner.js";

export const JOB_HANDLERS: Record<string, JobHandler> = {
  publish: (store, job, now) => publishScheduledArticle(store, job, now),
  /** A source's CSL-JSON changed: the articles citing it show it in their stored HTML. */
  "citations.rerender": (store, job, now) => rerenderCitingArticles(store, job, now),
  /** The publication chose another citation style or turned bibliographies on or off. */
  "citations.restyle": (store, job, now) => rerenderAllCitingArticles(store, job, now),
  /** Left by migration 006 in a store with articles: those rendered before citations had styles. */
  "citations.upgrade": (store, job, now) => rerenderArticlesWithCitations(store, job, now),
};
