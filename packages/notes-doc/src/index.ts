/**
 * STUB of @mytoutatice/notes-doc (built by another helper): just enough for apps/notes to run
 * and typecheck locally. Dropped at merge.
 */
import { Node, mergeAttributes } from '@tiptap/core';
import type { AnyExtension, JSONContent } from '@tiptap/core';
import Highlight from '@tiptap/extension-highlight';
import Image from '@tiptap/extension-image';
import { TaskItem, TaskList } from '@tiptap/extension-list';
import { TableKit } from '@tiptap/extension-table';
import { Color, TextStyle } from '@tiptap/extension-text-style';
import { MarkdownManager } from '@tiptap/markdown';
import StarterKit from '@tiptap/starter-kit';

export const NOTE_FRAGMENT = 'default';

const Panel = Node.create({
  name: 'panel',
  group: 'block',
  content: 'block+',
  defining: true,
  addAttributes: () => ({ kind: { default: 'info', parseHTML: (el) => el.getAttribute('data-kind'), renderHTML: (a) => ({ 'data-kind': a.kind }) } }),
  parseHTML: () => [{ tag: 'div[data-panel]' }],
  renderHTML: ({ HTMLAttributes }) => ['div', mergeAttributes(HTMLAttributes, { 'data-panel': '' }), 0],
});

export function noteExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({ link: { openOnClick: false } }),
    TextStyle,
    Color,
    Highlight.configure({ multicolor: true }),
    TaskList,
    TaskItem.configure({ nested: true }),
    TableKit,
    Image,
    Panel,
  ];
}

const markdown = () => new MarkdownManager({ extensions: noteExtensions() });

export const markdownToJson = (md: string): JSONContent => markdown().parse(md);
export const jsonToMarkdown = (json: JSONContent): string => markdown().serialize(json);
