// Analysing whole articles for the SQLite index: their title, standfirst and text as index terms.
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

export function analyseDocument(document: AnalysisInput): Analysed {
  const analyzer = analyzerFor(document.language);
  return {
    title: indexText(document.title, analyzer),
    standfirst: indexText(document.standfirst, analyzer),
    body: indexText(document.text, analyzer),
  };
}
