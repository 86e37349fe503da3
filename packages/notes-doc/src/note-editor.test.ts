// @vitest-environment jsdom
import { Editor, type JSONContent } from '@tiptap/core';
import { afterEach, describe, expect, it } from 'vitest';
import { markdownToJson } from './markdown.ts';
import { noteExtensions } from './note-extensions.ts';

/** The browser side: the same extensions in a real Tiptap editor (what apps/notes builds on). */
let editor: Editor | undefined;
afterEach(() => editor?.destroy());

const open = (content: object | string) => {
  editor = new Editor({ extensions: noteExtensions({ mentionSuggestion: { char: '@', items: () => [] } }), content });
  return editor;
};

describe(noteExtensions.name, () => {
  it('gives an editor that shows the server’s JSON unchanged', () => {
    const json = markdownToJson(`# Titre\n\n- [x] fait\n\n> [!TIP]\n> Bravo\n\n| A |\n| --- |\n| 1 |\n\n![i](/api/files/f/content) @[Jeanne](mention:u1) <mark data-color="#fff59d">jaune</mark>`);
    expect(open(json).getJSON()).toEqual(json);
  });

  it('reads pasted HTML panels and refuses javascript: links and data: images', () => {
    const html =
      '<div data-panel data-kind="warning"><p>Attention</p></div><p><a href="javascript:alert(1)">clic</a> <a href="https://ok.example">ok</a><img src="data:image/png;base64,AAAA"></p>';
    const json: JSONContent = open(html).getJSON();
    expect(json.content?.[0]).toMatchObject({ type: 'panel', attrs: { kind: 'warning' } });
    const texts = json.content?.[1]?.content ?? [];
    expect(texts.map((text) => [text.text, text.marks?.map((mark) => mark.attrs?.href)])).toEqual([
      ['clic ', undefined],
      ['ok', ['https://ok.example']],
    ]);
  });

  it('wraps the selection in a panel and takes it out again', () => {
    const current = open('<p>texte</p>');
    current.commands.selectAll();
    expect(current.commands.setPanel('error')).toBe(true);
    expect(current.getJSON().content?.[0]).toMatchObject({ type: 'panel', attrs: { kind: 'error' } });
    current.commands.setTextSelection(3);
    expect(current.commands.unsetPanel()).toBe(true);
    expect(current.getJSON().content?.[0]?.type).toBe('paragraph');
  });
});
