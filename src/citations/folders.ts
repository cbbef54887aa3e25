// Where the operator keeps extra CSL styles and locales (BROADSIDE_CSL_STYLES, BROADSIDE_CSL_LOCALES).
// Set once at start from the configuration; rendering reads it at every save.

export interface CitationFolders {
  styles?: string;
  locales?: string;
}

let folders: CitationFolders = {};

export function setCitationFolders(next: CitationFolders): void {
  folders = { ...next };
}

export function citationFolders(): CitationFolders {
  return folders;
}
