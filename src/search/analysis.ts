// Analysing whole articles for the SQLite index: their title, standfirst and text as index terms.
import { analyzerFor, indexText } from "./analyze.js";

export interface AnalysisInput {
  language: string;
  title: string;
  standfirst: string;
  text: string;
}

/** Each field as index terms in UTF-8 (see analyze.ts, `indexText`), as SQLite is given them. */
export interface Analysed {
  title: Uint8Array;
  standfirst: Uint8Array;
  body: Uint8Array;
}

export function analyseDocument(document: AnalysisInput): Analysed {
  const analyzer = analyzerFor(document.language);
  return {
    title: indexText(document.title, analyzer),
    standfirst: indexText(document.standfirst, analyzer),
    body: indexText(document.text, analyzer),
  };
}
