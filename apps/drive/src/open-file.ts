import type { FileDoc } from '@mytoutatice/contract';
import { useSyncExternalStore } from 'react';

let opened: FileDoc | null = null;
const listeners = new Set<() => void>();

function show(file: FileDoc | null) {
  opened = file;
  listeners.forEach((listener) => listener());
}

/**
 * What opening a file (click, Enter, « Ouvrir ») does, in one place: the preview, over the
 * folder, without leaving the Drive.
 */
export function useOpenFile(): (file: FileDoc) => void {
  return show;
}

/** The file being previewed (null when none) and a way to show another one or close. */
export function useOpenedFile(): readonly [FileDoc | null, (file: FileDoc | null) => void] {
  const file = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => opened,
  );
  return [file, show];
}
