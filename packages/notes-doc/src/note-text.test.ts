import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { markdownToJson } from './markdown.ts';
import { noteText, noteTitle } from './note-text.ts';

describe(noteTitle.name, () => {
  it('is null for an empty note or one of blank paragraphs', () => {
    expect(noteTitle({ type: 'doc', content: [{ type: 'paragraph' }] })).toBeNull();
    expect(noteTitle(markdownToJson('   \n\n\u00a0\n'))).toBeNull();
  });

  it('is the first heading even when a paragraph comes before it', () => {
    expect(noteTitle(markdownToJson('Brouillon du lundi\n\n## Conseil de classe\n\n# Autre titre'))).toBe('Conseil de classe');
  });

  it('is the first non-empty block when there is no heading, wherever it sits', () => {
    expect(noteTitle(markdownToJson('\n\n- [ ] Acheter   des  craies\n- [x] fait'))).toBe('Acheter des craies');
  });

  it('keeps accents and emoji whole, trimmed to 120 characters', () => {
    expect(noteTitle(markdownToJson('#   Élèves 🎓 de 6ᵉ — sortie à Quimper  '))).toBe('Élèves 🎓 de 6ᵉ — sortie à Quimper');
    const long = `# ${'é'.repeat(119)}👩‍👩‍👧 suite`;
    const title = noteTitle(markdownToJson(long));
    expect(title).toBe('é'.repeat(119));
    expect(noteTitle(markdownToJson(`# ${'a'.repeat(200)}`))).toHaveLength(120);
  });

  it('reads a mention as its label', () => {
    expect(noteTitle(markdownToJson('# Voir @[Jeanne Dupont](mention:u1)'))).toBe('Voir @Jeanne Dupont');
  });
});

describe(noteText.name, () => {
  it('is empty for an empty note', () => {
    expect(noteText({ type: 'doc', content: [{ type: 'paragraph' }] })).toBe('');
  });

  it('gives one line per block, in reading order, without Markdown', () => {
    const json = markdownToJson(`# Réunion

Texte **gras** et [lien](https://example.org).

- [x] Salle réservée

> [!TIP]
> Penser au café ☕

| Classe | Effectif |
| --- | --- |
| 6e A | 28 |`);
    expect(noteText(json)).toBe(
      ['Réunion', 'Texte gras et lien.', 'Salle réservée', 'Penser au café ☕', 'Classe', 'Effectif', '6e A', '28'].join('\n'),
    );
  });

  it('keeps line breaks inside a block', () => {
    const json: JSONContent = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'un' }, { type: 'hardBreak' }, { type: 'text', text: 'deux' }] }],
    };
    expect(noteText(json)).toBe('un\ndeux');
  });
});
