import { docToJson, noteTitle } from '@mytoutatice/notes-doc';
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';

/** Reading the whole document on every keystroke would cost a long note's typing. */
const READ_DELAY_MS = 800;

/**
 * The note's title as its document says (its first heading, as the storage names the file), while
 * `wanted`: offline the file's name cannot be read, the document on this device can. Follows what
 * is typed, a little behind.
 */
export function useDocTitle(doc: Y.Doc, wanted: boolean): string | null {
  const [title, setTitle] = useState<string | null>(null);
  useEffect(() => {
    if (!wanted) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const read = () => setTitle(noteTitle(docToJson(doc)));
    const readSoon = () => {
      clearTimeout(timer);
      timer = setTimeout(read, READ_DELAY_MS);
    };
    read();
    doc.on('update', readSoon);
    return () => {
      clearTimeout(timer);
      doc.off('update', readSoon);
    };
  }, [doc, wanted]);
  return wanted ? title : null;
}
