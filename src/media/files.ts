// Media files on disk: `{mediaDir}/{storageKey}/{file}`. A new item's files are written under a temporary
// name and renamed into place as the last step of the transaction that records them, so a failure at any
// point leaves neither a row without files nor files without a row.
import { randomBytes } from "node:crypto";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";

/** A storage key: 128 random bits, so an address cannot be guessed or tell anything about its upload. */
export const STORAGE_KEY = /^[0-9a-f]{32}$/;
/** A stored file's name: a width and a format, or the one document. */
export const STORED_FILE = /^(?:[1-9][0-9]{0,4}\.(?:jpg|png|webp)|document\.pdf)$/;

export function newStorageKey(): string {
  return randomBytes(16).toString("hex");
}

export interface StagedFiles {
  /** Moves the files to their final place. */
  commit(): Promise<void>;
  /** Removes them, wherever they are. */
  discard(): Promise<void>;
}

export async function stageFiles(
  mediaDir: string,
  storageKey: string,
  files: readonly { file: string; data: Uint8Array }[],
): Promise<StagedFiles> {
  const incoming = join(mediaDir, `.incoming-${randomBytes(8).toString("hex")}`);
  const final = mediaFolder(mediaDir, storageKey);
  const discard = async () => {
    await rm(incoming, { recursive: true, force: true });
    await rm(final, { recursive: true, force: true });
  };
  try {
    await mkdir(incoming, { recursive: true });
    for (const f of files) await writeFile(join(incoming, f.file), f.data, { flag: "wx" });
  } catch (error) {
    await discard();
    throw error;
  }
  return { commit: () => rename(incoming, final), discard };
}

export function mediaFolder(mediaDir: string, storageKey: string): string {
  if (!STORAGE_KEY.test(storageKey)) throw new Error(`not a storage key: ${storageKey}`);
  return join(mediaDir, storageKey);
}

export async function removeMediaFiles(mediaDir: string, storageKey: string): Promise<void> {
  await rm(mediaFolder(mediaDir, storageKey), { recursive: true, force: true });
}
