import { getSchema, type AnyExtension } from '@tiptap/core';
import { Image } from '@tiptap/extension-image';
import { TaskItem } from '@tiptap/extension-list';
import { TableKit } from '@tiptap/extension-table';
import { Color } from '@tiptap/extension-text-style';
import type { Schema } from '@tiptap/pm/model';
import { StarterKit } from '@tiptap/starter-kit';
import type { MentionOptions } from '@tiptap/extension-mention';
import { FencedCodeBlock } from './code-block-markdown.ts';
import { NoteLink } from './link-markdown.ts';
import { NoteMention } from './mention-markdown.ts';
import { Panel } from './panel.ts';
import { NoteTaskList } from './task-list-markdown.ts';
import { isSafeImageSrc } from './safe-values.ts';
import { ColoredHighlight, ColoredTextStyle, StyledTextMarkdown } from './styled-text-markdown.ts';

/** The Y.XmlFragment of a note's Y.Doc that holds its content (Tiptap Collaboration's default field). */
export const NOTE_FRAGMENT = 'default';

/** Images pasted or dropped travel apart (stored with the note), never inline as `data:`. */
const NoteImage = Image.extend({
  parseHTML() {
    return [{ tag: 'img[src]', getAttrs: (element) => (isSafeImageSrc(element.getAttribute('src')) ? null : false) }];
  },
}).configure({ inline: true, allowBase64: false });

/**
 * The schema's extensions, shared by the browser editor and the server. Without Collaboration and
 * UndoRedo: the editor adds them (Collaboration brings its own undo).
 */
export function noteExtensions(options: { mentionSuggestion?: unknown } = {}): AnyExtension[] {
  return [
    StarterKit.configure({
      undoRedo: false,
      codeBlock: false,
      heading: { levels: [1, 2, 3] },
      link: false,
    }),
    FencedCodeBlock,
    NoteLink,
    ColoredTextStyle,
    Color,
    ColoredHighlight,
    StyledTextMarkdown,
    NoteTaskList,
    TaskItem.configure({ nested: true }),
    TableKit.configure({ table: { resizable: false } }),
    NoteImage,
    options.mentionSuggestion === undefined
      ? NoteMention
      : NoteMention.configure({ suggestion: options.mentionSuggestion as MentionOptions['suggestion'] }),
    Panel,
  ];
}

let schema: Schema | undefined;

/** The note's ProseMirror schema, built once. */
export function noteSchema(): Schema {
  schema ??= getSchema(noteExtensions());
  return schema;
}
