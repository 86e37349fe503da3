import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { jsonToMarkdown, markdownToJson } from './markdown.ts';

const NOTE = `# Réunion de rentrée

## Ordre du jour

Texte **gras**, *italique*, <u>souligné</u>, ~~barré~~, \`code\`, ==surligné==, <mark data-color="#fff59d">jaune</mark> et <span style="color: #c62828">rouge</span>.

Voir [le site](https://www.toutatice.fr "Toutatice") ou [écrire](mailto:ent@example.org), demander à @[Jeanne Dupont](mention:user%2F42).

- un
- deux
  - deux bis

1. premier
2. second

- [ ] préparer la salle
- [x] envoyer l'invitation
  - [x] aux parents
  - [ ] aux élèves

> Une citation

> [!NOTE]
> Pour information
>
> sur deux paragraphes

> [!WARNING]
> Attention

> [!CAUTION]
> Erreur

> [!TIP]
> Réussi

---

| Classe | Effectif |
| --- | --- |
| 6e A | 28 |
| 6e B | 27 |

\`\`\`ts
const fence = '\`\`\`';
\`\`\`

![Le collège](/api/files/abc/content "Façade") et ![logo](https://example.org/logo.png)
`;

function nodesOf(json: JSONContent, type: string): JSONContent[] {
  const found = json.type === type ? [json] : [];
  return found.concat(...(json.content ?? []).map((child) => nodesOf(child, type)));
}

function marksOf(json: JSONContent, type: string) {
  return nodesOf(json, 'text').flatMap((text) => (text.marks ?? []).filter((mark) => mark.type === type).map((mark) => ({ text: text.text, attrs: mark.attrs })));
}

/** Parsing, writing and parsing again: what a note imported and then downloaded keeps. */
const roundTrip = (markdown: string) => markdownToJson(jsonToMarkdown(markdownToJson(markdown)));

/** CPU time, not wall time: the test machines are shared, and what is measured is the work done. */
function timed<T>(run: () => T): { value: T; ms: number } {
  const start = process.cpuUsage();
  const value = run();
  const used = process.cpuUsage(start);
  return { value, ms: (used.user + used.system) / 1000 };
}

describe(markdownToJson.name, () => {
  it('keeps what the editor shows through Markdown → note → Markdown → note', () => {
    const first = markdownToJson(NOTE);
    expect(roundTrip(NOTE)).toEqual(first);

    expect(nodesOf(first, 'heading').map((heading) => heading.attrs?.level)).toEqual([1, 2]);
    expect(nodesOf(first, 'bulletList')).toHaveLength(2);
    expect(nodesOf(first, 'orderedList')).toHaveLength(1);
    expect(nodesOf(first, 'taskItem').map((item) => item.attrs?.checked)).toEqual([false, true, true, false]);
    expect(nodesOf(first, 'blockquote')).toHaveLength(1);
    expect(nodesOf(first, 'panel').map((panel) => panel.attrs?.kind)).toEqual(['info', 'warning', 'error', 'success']);
    expect(nodesOf(first, 'panel')[0]?.content).toHaveLength(2);
    expect(nodesOf(first, 'horizontalRule')).toHaveLength(1);
    expect(nodesOf(first, 'tableHeader')).toHaveLength(2);
    expect(nodesOf(first, 'tableRow')).toHaveLength(3);
    expect(nodesOf(first, 'codeBlock')).toEqual([
      { type: 'codeBlock', attrs: { language: 'ts' }, content: [{ type: 'text', text: "const fence = '```';" }] },
    ]);
    expect(nodesOf(first, 'image').map((image) => image.attrs)).toEqual([
      { src: '/api/files/abc/content', alt: 'Le collège', title: 'Façade', width: null, height: null },
      { src: 'https://example.org/logo.png', alt: 'logo', title: null, width: null, height: null },
    ]);
    expect(marksOf(first, 'link').map(({ text, attrs }) => [text, attrs?.href, attrs?.title])).toEqual([
      ['le site', 'https://www.toutatice.fr', 'Toutatice'],
      ['écrire', 'mailto:ent@example.org', null],
    ]);
    expect(nodesOf(first, 'mention').map((mention) => mention.attrs)).toEqual([
      { id: 'user/42', label: 'Jeanne Dupont', mentionSuggestionChar: '@' },
    ]);
    expect(marksOf(first, 'underline').map(({ text }) => text)).toEqual(['souligné']);
    expect(marksOf(first, 'strike').map(({ text }) => text)).toEqual(['barré']);
    expect(marksOf(first, 'code').map(({ text }) => text)).toEqual(['code']);
    expect(marksOf(first, 'highlight')).toEqual([
      { text: 'surligné', attrs: { color: null } },
      { text: 'jaune', attrs: { color: '#fff59d' } },
    ]);
    expect(marksOf(first, 'textStyle')).toEqual([{ text: 'rouge', attrs: { color: '#c62828' } }]);
  });

  it('does not keep a javascript: link as a link, nor a data: image', () => {
    const json = markdownToJson('[clic](javascript:alert(1)) et [autre](JavaScript:void%200)\n\n![x](data:image/png;base64,AAAA)');
    expect(marksOf(json, 'link')).toEqual([]);
    expect(nodesOf(json, 'image')).toEqual([]);
    expect(nodesOf(json, 'text').map((text) => text.text).join('')).toContain('clic');
  });

  it('does not take a colour that would escape its style attribute', () => {
    const json = markdownToJson('<span style="color: red;background:url(https://evil.example)">texte</span>');
    expect(marksOf(json, 'textStyle')).toEqual([]);
    expect(nodesOf(json, 'text').map((text) => text.text).join('')).toContain('texte');
  });

  it('reads headings below level 3 as paragraphs, the editor offering three levels', () => {
    expect(markdownToJson('#### petit titre').content).toEqual([{ type: 'paragraph', content: [{ type: 'text', text: 'petit titre' }] }]);
  });

  it('gives one empty paragraph for empty Markdown', () => {
    expect(markdownToJson('')).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
  });

  it.each([
    ['an unclosed fence', '```js\nconst a = 1;\n\n# not a heading'],
    ['500 nested quotes', `${'>'.repeat(500)} fond`],
    ['500 nested lists', Array.from({ length: 500 }, (_, depth) => `${'  '.repeat(depth)}- niveau ${depth}`).join('\n')],
    ['500 nested emphasis', `${'*_'.repeat(500)}texte${'_*'.repeat(500)}`],
    ['unbalanced HTML', '<mark data-color="#fff">ouvert <span style="color: red">sans fin\n\n<div><table><tr>'],
    ['2 MiB in one paragraph', 'Un mot *gras*, un [lien](https://a.b) et du texte ordinaire qui continue. '.repeat(28_000).slice(0, 2 * 1024 * 1024)],
  ])('reads %s without throwing, in under 2 s', (_name, markdown) => {
    const { value, ms } = timed(() => markdownToJson(markdown));
    expect(value.type).toBe('doc');
    expect(ms).toBeLessThan(2000);
    expect(() => jsonToMarkdown(value)).not.toThrow();
  });

  it('reads 2 MiB dense with every construct (2,500 tables, checklists and panels) in linear time', () => {
    // ~3.4 s of CPU on the shared test machine: parsing is linear (it was quadratic, minutes),
    // but marked plus Tiptap cost about 1.6 µs per byte of such dense Markdown.
    const markdown = NOTE.repeat(Math.ceil((2 * 1024 * 1024) / NOTE.length)).slice(0, 2 * 1024 * 1024);
    const quarter = timed(() => markdownToJson(markdown.slice(0, markdown.length / 4)));
    const { value, ms } = timed(() => markdownToJson(markdown));
    expect(nodesOf(value, 'table').length).toBeGreaterThan(2500);
    expect(ms).toBeLessThan(Math.max(8 * quarter.ms, 2000));
    expect(ms).toBeLessThan(6000);
  });
});

describe(jsonToMarkdown.name, () => {
  it('writes panels as GitHub alerts and checklists as task items', () => {
    const markdown = jsonToMarkdown({
      type: 'doc',
      content: [
        { type: 'panel', attrs: { kind: 'error' }, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Panne' }] }] },
        {
          type: 'taskList',
          content: [{ type: 'taskItem', attrs: { checked: true }, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'fait' }] }] }],
        },
      ],
    });
    expect(markdown).toBe('> [!CAUTION]\n> Panne\n\n- [x] fait\n');
  });

  it('writes a link whose address has spaces or parentheses so that it reads back', () => {
    const href = 'https://fr.wikipedia.org/wiki/Quimper (ville)';
    const json = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Quimper', marks: [{ type: 'link', attrs: { href, title: 'Dire "Kemper"' } }] }] }],
    };
    expect(marksOf(markdownToJson(jsonToMarkdown(json)), 'link').map(({ attrs }) => [attrs?.href, attrs?.title])).toEqual([[href, 'Dire "Kemper"']]);
  });

  it('keeps line breaks inside a table cell', () => {
    const cell = { type: 'tableCell', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'un' }, { type: 'hardBreak' }, { type: 'text', text: 'deux' }] }] };
    const header = { type: 'tableHeader', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'A' }] }] };
    const json = { type: 'doc', content: [{ type: 'table', content: [{ type: 'tableRow', content: [header] }, { type: 'tableRow', content: [cell] }] }] };
    expect(nodesOf(markdownToJson(jsonToMarkdown(json)), 'tableCell')[0]?.content).toEqual(cell.content);
  });

  it('writes an empty note as an empty file', () => {
    expect(jsonToMarkdown({ type: 'doc', content: [{ type: 'paragraph' }] })).toBe('');
  });

  it('leaves out a javascript: link given as JSON, keeping its text', () => {
    const markdown = jsonToMarkdown({
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'clic', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] }],
    });
    expect(markdown).toBe('clic\n');
  });

  it('escapes text that looks like Markdown so it reads back as text', () => {
    const text = '*pas gras* [pas lien](page) @[pas mention](mention:x) ==pas surligné== <u>pas souligné</u> > [!NOTE]';
    const json = markdownToJson(jsonToMarkdown({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] }));
    expect(json.content).toEqual([{ type: 'paragraph', content: [{ type: 'text', text }] }]);
  });
});
