// A source as CSL-JSON (the Citation Style Language's data format), keyed by its citation key.
// Only the fields Broadside reads itself are typed; every other CSL variable is kept as given.

export interface CslName {
  family?: string;
  given?: string;
  literal?: string;
  "non-dropping-particle"?: string;
  "dropping-particle"?: string;
  suffix?: string;
}

export interface CslDate {
  "date-parts"?: (number | string)[][];
  literal?: string;
  raw?: string;
  circa?: boolean | number | string;
}

export interface CslItem {
  /** The citation key: `[@id]` in an article. */
  id: string;
  type: string;
  title?: string;
  "container-title"?: string;
  author?: CslName[];
  editor?: CslName[];
  issued?: CslDate;
  URL?: string;
  DOI?: string;
  [variable: string]: unknown;
}
