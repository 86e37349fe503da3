import { flattenExtensions } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { noteExtensions, noteSchema } from './note-extensions.ts';

describe(noteSchema.name, () => {
  it('holds what the editor offers, and is built once', () => {
    const schema = noteSchema();
    expect(Object.keys(schema.nodes)).toEqual(
      expect.arrayContaining([
        'doc', 'paragraph', 'text', 'heading', 'bulletList', 'orderedList', 'listItem', 'taskList', 'taskItem', 'blockquote',
        'horizontalRule', 'table', 'tableRow', 'tableHeader', 'tableCell', 'codeBlock', 'hardBreak', 'image', 'mention', 'panel',
      ]),
    );
    expect(Object.keys(schema.marks)).toEqual(
      expect.arrayContaining(['bold', 'italic', 'underline', 'strike', 'code', 'textStyle', 'highlight', 'link']),
    );
    expect(schema.nodes.image?.isInline).toBe(true);
    expect(schema.nodes.panel?.spec.content).toBe('block+');
    expect(noteSchema()).toBe(schema);
  });
});

describe(noteExtensions.name, () => {
  it('names each extension once and leaves undo to the collaborative editor', () => {
    const names = flattenExtensions(noteExtensions({ mentionSuggestion: { char: '@', items: () => [] } })).map((extension) => extension.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).not.toContain('undoRedo');
    expect(names).not.toContain('collaboration');
  });

  it('passes the mention suggestion on to the editor', () => {
    const suggestion = { char: '@', items: () => [] };
    const mention = flattenExtensions(noteExtensions({ mentionSuggestion: suggestion })).find((extension) => extension.name === 'mention');
    expect(mention?.options.suggestion).toMatchObject({ char: '@' });
  });
});
