import { useState } from 'react';

export type ViewMode = 'list' | 'grid';

const KEY = 'mytoutatice.drive.view';

function stored(): ViewMode {
  try {
    return localStorage.getItem(KEY) === 'grid' ? 'grid' : 'list';
  } catch {
    // Storage refused (private mode, policy): the list, every time.
    return 'list';
  }
}

/** List or grid, remembered on this device across folders and visits. */
export function useViewMode(): [ViewMode, (mode: ViewMode) => void] {
  const [mode, setMode] = useState<ViewMode>(stored);
  const choose = (next: ViewMode) => {
    setMode(next);
    try {
      localStorage.setItem(KEY, next);
    } catch {
      // Not remembered, still applied.
    }
  };
  return [mode, choose];
}
