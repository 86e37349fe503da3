import { describe, expect, it } from 'vitest';
import { noteSchema } from './note-extensions.ts';
import { toValidDoc } from './valid-doc.ts';

const valid = (json: unknown) => toValidDoc(json, noteSchema()).toJSON();
const text = (value: string, marks?: unknown[]) => (marks ? { type: 'text', text: value, marks } : { type: 'text', text: value });

describe(toValidDoc.name, () => {
  it('never throws on what is not a document', () => {
    for (const json of [null, 42, 'texte', [], { type: 'doc', content: 'x' }, { type: 'doc', content: [null, { type: 7 }] }]) {
      expect(valid(json)).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
    }
  });

  it('keeps the text of unknown nodes and wraps loose text in a paragraph', () => {
    expect(valid({ type: 'doc', content: [{ type: 'widget', content: [{ type: 'paragraph', content: [text('dedans')] }] }, text('nu')] })).toEqual({
      type: 'doc',
      content: [{ type: 'paragraph', content: [text('dedans')] }, { type: 'paragraph', content: [text('nu')] }],
    });
  });

  it('turns a heading at the start of a list item into its paragraph', () => {
    const json = {
      type: 'doc',
      content: [{ type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'heading', attrs: { level: 2 }, content: [text('titre')] }] }] }],
    };
    expect(valid(json)).toEqual({
      type: 'doc',
      content: [{ type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [text('titre')] }] }] }],
    });
  });

  it('strips marks from code, and gives an empty panel a paragraph and a known kind', () => {
    expect(
      valid({
        type: 'doc',
        content: [
          { type: 'codeBlock', content: [text('x', [{ type: 'bold' }]), { type: 'hardBreak' }, text('y')] },
          { type: 'panel', attrs: { kind: 'explosion' } },
        ],
      }),
    ).toEqual({
      type: 'doc',
      content: [
        { type: 'codeBlock', attrs: { language: null }, content: [text('x\ny')] },
        { type: 'panel', attrs: { kind: 'info' }, content: [{ type: 'paragraph' }] },
      ],
    });
  });

  it('drops unsafe links, images and colours but keeps the text', () => {
    const json = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            text('a', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }]),
            text('b', [{ type: 'link', attrs: { href: ' data:text/html,x' } }]),
            text('c', [{ type: 'textStyle', attrs: { color: 'red;background:url(x)' } }]),
            { type: 'image', attrs: { src: 'data:image/png;base64,AAAA' } },
            { type: 'image', attrs: { src: '//evil.example/x.png' } },
          ],
        },
      ],
    };
    expect(valid(json)).toEqual({
      type: 'doc',
      content: [{ type: 'paragraph', content: [text('ab'), text('c', [{ type: 'textStyle', attrs: { color: null } }])] }],
    });
  });
});
