import { describe, expect, it } from 'vitest';
import { standaloneHtml } from './note-export.ts';

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
