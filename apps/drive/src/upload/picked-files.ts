import type { QueueInput } from '@mytoutatice/sdk/uploads';

/**
 * What the file inputs give: plain files, or (« Importer un dossier », `webkitdirectory`) files
 * whose `webkitRelativePath` (`Cours/Maths/exercice.pdf`) names the folders to make.
 */
export function inputsFromPicker(files: Iterable<File>, parentId: string): QueueInput[] {
  return Array.from(files, (file) => ({ file, parentId, folders: foldersOf(file) }));
}

function foldersOf(file: File): string[] {
  // Absent outside browsers (and from a File made in script, e.g. the scanner's PDF).
  const path = (file as { webkitRelativePath?: string }).webkitRelativePath ?? '';
  return path.split('/').filter(Boolean).slice(0, -1);
}

/** The part of `FileSystemEntry` (File and Directory Entries API) a drop gives us. */
export type DroppedEntry = {
  readonly name: string;
  readonly isFile: boolean;
  readonly isDirectory: boolean;
};
type FileEntry = DroppedEntry & { file(resolve: (file: File) => void, reject: (error: unknown) => void): void };
type DirectoryEntry = DroppedEntry & {
  createReader(): { readEntries(resolve: (entries: DroppedEntry[]) => void, reject: (error: unknown) => void): void };
};

/**
 * A drop's files and folders, read recursively (a folder's files carry its path below
 * `parentId`). The entries must be taken during the drop event itself (`entriesOfDrop`): the
 * browser empties the DataTransfer once the event is over.
 */
export async function inputsFromEntries(entries: readonly DroppedEntry[], parentId: string): Promise<QueueInput[]> {
  const inputs: QueueInput[] = [];
  async function walk(entry: DroppedEntry, folders: readonly string[]): Promise<void> {
    if (entry.isFile) {
      const file = await new Promise<File>((resolve, reject) => (entry as FileEntry).file(resolve, reject));
      inputs.push({ file, parentId, folders });
    } else if (entry.isDirectory) {
      const inside = [...folders, entry.name];
      for (const child of await readAll(entry as DirectoryEntry)) await walk(child, inside);
    }
  }
  for (const entry of entries) await walk(entry, []);
  return inputs;
}

/** `readEntries` answers at most 100 entries per call: read until it answers none. */
async function readAll(directory: DirectoryEntry): Promise<DroppedEntry[]> {
  const reader = directory.createReader();
  const all: DroppedEntry[] = [];
  for (;;) {
    const batch = await new Promise<DroppedEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}

/** The entries of a drop, or undefined where the browser gives only files (then use `dataTransfer.files`). */
export function entriesOfDrop(transfer: DataTransfer): DroppedEntry[] | undefined {
  const items = Array.from(transfer.items).filter((item) => item.kind === 'file');
  if (items.length === 0 || typeof items[0]?.webkitGetAsEntry !== 'function') return undefined;
  const entries = items.map((item) => item.webkitGetAsEntry()).filter((entry) => entry !== null);
  return entries.length === items.length ? entries : undefined;
}
