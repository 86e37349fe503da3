import type { JSONContent } from '@tiptap/core';
import { prosemirrorToYXmlFragment, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { jsonToMarkdown, markdownToJson } from './markdown.ts';
import { NOTE_FRAGMENT, noteSchema } from './note-extensions.ts';
import { toValidDoc } from './valid-doc.ts';

/**
 * The note's content as the editor sees it. Read without y-tiptap's node builder, which deletes
 * from the shared document what the schema refuses: reading must not change the note.
 */
export function docToJson(doc: Y.Doc): JSONContent {
  return toValidDoc(yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(NOTE_FRAGMENT)), noteSchema()).toJSON() as JSONContent;
}

export function docToMarkdown(doc: Y.Doc): string {
  return jsonToMarkdown(docToJson(doc));
}

/**
 * Replaces the whole content (a restored version, an import, the file overwritten from outside) in
 * one transaction, so peers receive one update. Blocks equal in both are left as they are (y-tiptap
 * diffs the two), which keeps others' cursors and concurrent edits there.
 */
export function replaceDocContent(doc: Y.Doc, json: JSONContent, origin?: unknown): void {
  const content = toValidDoc(json, noteSchema());
  doc.transact(() => {
    prosemirrorToYXmlFragment(content, doc.getXmlFragment(NOTE_FRAGMENT));
  }, origin);
}

/** A new or imported note from its Markdown: its content, and the state a note starts from. */
export function markdownToNote(markdown: string): { json: JSONContent; update: Uint8Array } {
  const json = markdownToJson(markdown);
  const doc = new Y.Doc();
  try {
    replaceDocContent(doc, json);
    return { json, update: Y.encodeStateAsUpdate(doc) };
  } finally {
    doc.destroy();
  }
}
