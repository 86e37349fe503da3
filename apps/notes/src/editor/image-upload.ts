import type { Editor } from '@tiptap/core';
import { useCallback, useMemo, useState } from 'react';

/** The files a drop brings. */
export function droppedFiles(data: DataTransfer | null): File[] {
  return Array.from(data?.files ?? []);
}

/**
 * The files a paste brings, when they are the paste: a screenshot or a copied image file. Copied
 * from a page, an image comes with its HTML (an `<img>` at its own address, kept as it is), and
 * a word processor's text with a picture of itself: those are pasted as HTML.
 */
export function pastedFiles(data: DataTransfer | null): File[] {
  if (!data || data.types.includes('text/html')) return [];
  return Array.from(data.files);
}

/** The alt text of an image from its file name: « Schéma de l’été.png » → « Schéma de l’été ». */
export const altOf = (name: string) => name.replace(/\.[^.]+$/, '').trim();

export type ImageUploads = {
  /** How many images are on their way. */
  uploading: number;
  /** Uploads the files one by one, each image inserted at `pos` (kept in place while others type) once stored. */
  insert(files: readonly File[], pos: number): Promise<void>;
};

/**
 * Images pasted, dropped or chosen: uploaded with the note (`upload` answers the `src`), then
 * inserted; a refused one (too large, not an image, no right) is reported and nothing is inserted.
 */
export function useImageUploads(editor: Editor, upload: (file: File) => Promise<string>, onRefused: (file: File, error: unknown) => void): ImageUploads {
  const [uploading, setUploading] = useState(0);
  const insert = useCallback(
    async (files: readonly File[], at: number) => {
      let pos = at;
      const follow = ({ transaction }: { transaction: { mapping: { map: (pos: number) => number } } }) => {
        pos = transaction.mapping.map(pos);
      };
      editor.on('transaction', follow);
      setUploading((n) => n + files.length);
      try {
        for (const file of files) {
          try {
            const src = await upload(file);
            if (editor.isDestroyed) return;
            const place = Math.min(pos, editor.state.doc.content.size);
            // `follow` maps `pos` past this image, so the next one goes after it.
            editor.chain().insertContentAt(place, { type: 'image', attrs: { src, alt: altOf(file.name) } }).run();
          } catch (error) {
            onRefused(file, error);
          } finally {
            setUploading((n) => n - 1);
          }
        }
      } finally {
        editor.off('transaction', follow);
      }
    },
    [editor, upload, onRefused],
  );
  return useMemo(() => ({ uploading, insert }), [uploading, insert]);
}
