import { describe, expect, it } from 'vitest';
import { inlineNoteImages, standaloneHtml } from './note-export.ts';

describe(standaloneHtml.name, () => {
  it('makes a whole page in the note’s language with its title and its HTML as is', () => {
    const page = standaloneHtml('Réunion', '<h1>Réunion</h1><p>Ordre du jour</p>');
    expect(page).toMatch(/^<!doctype html>\n<html lang="fr">/);
    expect(page).toContain('<meta charset="utf-8">');
    expect(page).toContain('<title>Réunion</title>');
    expect(page).toContain('<body>\n<h1>Réunion</h1><p>Ordre du jour</p>\n</body>');
  });

  it('escapes the title, which is a file name and may hold markup', () => {
    expect(standaloneHtml('<script>x</script> & co', '')).toContain('<title>&lt;script&gt;x&lt;/script&gt; &amp; co</title>');
  });
});

describe(inlineNoteImages.name, () => {
  const png = new Blob([new Uint8Array([137, 80, 78, 71])], { type: 'image/png' });

  it('puts the note’s own images inside the page as data: URLs, leaves others and unreadable ones as they are', async () => {
    const asked: string[] = [];
    const html =
      '<p>Avant <img src="/api/notes/n1/images/i1" alt="Schéma"> puis <img src="https://example.org/logo.png" alt="Logo"> ' +
      '<img src="/api/notes/n1/images/gone" alt="Perdue"> et encore <img src="/api/notes/n1/images/i1" alt="Schéma"></p>';
    const inlined = await inlineNoteImages(html, async (src) => {
      asked.push(src);
      if (src.endsWith('/gone')) throw new Error('404');
      return png;
    });
    expect(inlined).toBe(
      '<p>Avant <img src="data:image/png;base64,iVBORw==" alt="Schéma"> puis <img src="https://example.org/logo.png" alt="Logo"> ' +
        '<img src="/api/notes/n1/images/gone" alt="Perdue"> et encore <img src="data:image/png;base64,iVBORw==" alt="Schéma"></p>',
    );
    // Each image is read once, however often the note shows it.
    expect(asked).toEqual(['/api/notes/n1/images/i1', '/api/notes/n1/images/gone']);
  });
});
