import { describe, expect, it } from 'vitest';
import { locationOf, titleFromFileName } from './note-name.ts';

describe(titleFromFileName.name, () => {
  it('drops the Markdown extension, whatever its case', () => {
    expect(titleFromFileName('Compte rendu.md')).toBe('Compte rendu');
    expect(titleFromFileName('Cours.MARKDOWN')).toBe('Cours');
    expect(titleFromFileName('v1.2 notes')).toBe('v1.2 notes');
  });
});

describe(locationOf.name, () => {
  it('names the folders a note is in, and nothing at the top of the space', () => {
    expect(locationOf('/Notes/Cours/a.md')).toBe('Notes › Cours');
    expect(locationOf('/a.md')).toBeNull();
  });
});
