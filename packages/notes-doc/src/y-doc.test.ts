import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { jsonToMarkdown, markdownToJson } from './markdown.ts';
import { NOTE_FRAGMENT } from './note-extensions.ts';
import { docToJson, docToMarkdown, markdownToNote, replaceDocContent } from './y-doc.ts';

const paragraph = (text: string): JSONContent => ({ type: 'paragraph', content: [{ type: 'text', text }] });

const RICH = markdownToJson(`# Titre

Texte **gras** <u>souligné</u> <span style="color: #c62828">rouge</span> ==surligné== et @[Jeanne](mention:u1).

- [x] fait
  - [ ] sous-tâche

> [!WARNING]
> Attention

| A | B |
| --- | --- |
| 1 | 2 |

\`\`\`js
let a = 1;
\`\`\`

![image](/api/files/f1/content)
`);

function docWith(json: JSONContent): Y.Doc {
  const doc = new Y.Doc();
  replaceDocContent(doc, json);
  return doc;
}

describe(docToJson.name, () => {
  it('keeps an image uploaded to the note (its API path, alt and title) from Markdown to the shared note and back', () => {
    const markdown = 'Le plan :\n\n![Plan du collège](/api/notes/2f0c9a4e-note/images/7d1b-image "Rez-de-chaussée")\n';
    const doc = new Y.Doc();
    Y.applyUpdate(doc, markdownToNote(markdown).update);
    const image = docToJson(doc).content?.[1]?.content?.[0];
    expect(image).toMatchObject({ type: 'image', attrs: { src: '/api/notes/2f0c9a4e-note/images/7d1b-image', alt: 'Plan du collège', title: 'Rez-de-chaussée' } });
    expect(docToMarkdown(doc)).toBe(markdown);
  });

  it('gives back exactly the JSON a document was filled with', () => {
    expect(docToJson(docWith(RICH))).toEqual(RICH);
  });

  it('reads an empty document as one empty paragraph, as the editor shows it', () => {
    expect(docToJson(new Y.Doc())).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
  });

  it('reads content the schema refuses without changing the shared document', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment(NOTE_FRAGMENT);
    const heading = new Y.XmlElement('heading');
    heading.insert(0, [new Y.XmlText('dans un paragraphe')]);
    const wrongParagraph = new Y.XmlElement('paragraph');
    wrongParagraph.insert(0, [heading]);
    fragment.insert(0, [wrongParagraph, new Y.XmlElement('unknownWidget')]);
    const before = Y.encodeStateAsUpdate(doc);

    expect(docToJson(doc)).toEqual({ type: 'doc', content: [paragraph('dans un paragraphe')] });
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });
});

describe(docToMarkdown.name, () => {
  it('writes the document as jsonToMarkdown writes its content', () => {
    expect(docToMarkdown(docWith(RICH))).toBe(jsonToMarkdown(RICH));
  });
});

describe(replaceDocContent.name, () => {
  it('sends one update, with its origin, that another copy converges with', () => {
    const server = docWith({ type: 'doc', content: [paragraph('ancien'), paragraph('gardé')] });
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(server));

    const updates: { update: Uint8Array; origin: unknown }[] = [];
    server.on('update', (update: Uint8Array, origin: unknown) => updates.push({ update, origin }));
    const origin = { restore: 'v3' };
    replaceDocContent(server, RICH, origin);

    expect(updates).toHaveLength(1);
    expect(updates[0]?.origin).toBe(origin);
    Y.applyUpdate(peer, updates[0]!.update);
    expect(docToJson(peer)).toEqual(RICH);
    expect(Y.encodeStateVector(peer)).toEqual(Y.encodeStateVector(server));
  });

  it('keeps what a peer typed meanwhile in a block the new content leaves as it was', () => {
    const server = docWith({ type: 'doc', content: [paragraph('titre'), paragraph('corps')] });
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(server));

    // The peer types in « corps » while the server restores a version that changes only « titre ».
    const body = peer.getXmlFragment(NOTE_FRAGMENT).get(1) as Y.XmlElement;
    (body.get(0) as Y.XmlText).insert(5, ' modifié');
    replaceDocContent(server, { type: 'doc', content: [paragraph('nouveau titre'), paragraph('corps')] });

    Y.applyUpdate(server, Y.encodeStateAsUpdate(peer));
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(server));
    const expected = { type: 'doc', content: [paragraph('nouveau titre'), paragraph('corps modifié')] };
    expect(docToJson(server)).toEqual(expected);
    expect(docToJson(peer)).toEqual(expected);
  });

  it('writes only valid content: unsafe links and images never reach the shared document', () => {
    const doc = docWith({
      type: 'doc',
      content: [
        { type: 'text', text: 'texte nu' },
        { type: 'image', attrs: { src: 'javascript:alert(1)' } },
        { type: 'paragraph', content: [{ type: 'text', text: 'lien', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] },
      ],
    });
    expect(docToJson(doc)).toEqual({ type: 'doc', content: [paragraph('texte nu'), paragraph('lien')] });
  });
});

describe(markdownToNote.name, () => {
  it('starts a note holding the Markdown it was made from', () => {
    const doc = new Y.Doc();
    const { json, update } = markdownToNote('# Import\n\n- [ ] une tâche\n');
    Y.applyUpdate(doc, update);
    expect(docToMarkdown(doc)).toBe('# Import\n\n- [ ] une tâche\n');
    expect(docToJson(doc)).toEqual(json);
  });

  it('starts an empty note from empty Markdown', () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, markdownToNote('').update);
    expect(docToMarkdown(doc)).toBe('');
    expect(docToJson(doc)).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
  });
});
