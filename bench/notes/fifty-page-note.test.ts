import { describe, expect, it } from 'vitest';
import { fiftyPageNote } from './fifty-page-note.ts';

describe(fiftyPageNote.name, () => {
  const note = fiftyPageNote();
  const lines = note.markdown.split('\n');

  it('is the same Markdown on every run', () => {
    expect(fiftyPageNote().markdown).toBe(note.markdown);
  });

  it('holds about 25,000 words in 50 sections, under the import limit', () => {
    const words = note.markdown.split(/\s+/).filter((word) => /\p{L}/u.test(word)).length;
    expect(words).toBeGreaterThan(24_000);
    expect(words).toBeLessThan(26_000);
    expect(lines.filter((line) => line.startsWith('## Partie '))).toHaveLength(50);
    expect(new TextEncoder().encode(note.markdown).length).toBeLessThan(2 * 1024 * 1024);
  });

  it('has what an editor must lay out: headings, lists, task lists, quotes and tables', () => {
    expect(lines.filter((line) => line.startsWith('# '))).toHaveLength(1);
    expect(lines.some((line) => line.startsWith('### '))).toBe(true);
    expect(lines.some((line) => line.startsWith('- ') && !line.startsWith('- ['))).toBe(true);
    expect(lines.some((line) => /^\d+\. /.test(line))).toBe(true);
    expect(lines.some((line) => line.startsWith('- [x] '))).toBe(true);
    expect(lines.some((line) => line.startsWith('> '))).toBe(true);
    expect(lines.filter((line) => line === '| Élève | Remarque | Note |')).toHaveLength(5);
  });

  it('names text found once at its start and once at its end, to know what is on screen', () => {
    expect(note.markdown.indexOf(`## ${note.firstSection}\n`)).toBeGreaterThan(0);
    expect(note.markdown.lastIndexOf('## Partie ')).toBeLessThan(note.markdown.indexOf(note.lastWords));
  });
});
