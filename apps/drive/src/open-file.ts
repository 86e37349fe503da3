import type { FileDoc } from '@mytoutatice/contract';
import { navigate } from '@mytoutatice/app-kit';
import { isNoteFileName, notePagePath } from '@mytoutatice/sdk';
import { useFilesScope } from '@mytoutatice/sdk/react';
import { useSyncExternalStore } from 'react';

/**
 * The file previewed, and where it was opened: one's own space or a sharing (`sharingId`), and
 * whether it is shown `alone` (a shared file, whose folder is not part of the sharing).
 */
export type OpenedFile = { file: FileDoc; sharingId: string | null; alone: boolean };

let opened: OpenedFile | null = null;
const listeners = new Set<() => void>();

function show(next: OpenedFile | null) {
  opened = next;
  listeners.forEach((listener) => listener());
}

/**
 * What opening a file (click, Enter, « Ouvrir ») does, in one place: the preview, over the
 * folder, without leaving the Drive, or Notes for a Markdown file; through the sharing it was
 * opened in, if any.
 */
export function useOpenFile(): (file: FileDoc, options?: { alone?: boolean }) => void {
  const { sharingId } = useFilesScope();
  return (file, { alone = false } = {}) => {
    // A Markdown file is a note: it opens in Notes, to be read and written together.
    if (isNoteFileName(file.name)) navigate(notePagePath(file.id, sharingId));
    else show({ file, sharingId, alone });
  };
}

/** The file being previewed (null when none) and a way to show another one (in the same place) or close. */
export function useOpenedFile(): readonly [OpenedFile | null, (file: FileDoc | null) => void] {
  const current = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => opened,
  );
  return [current, (file) => show(file && current ? { ...current, file } : null)];
}
