import { describe, expect, it } from 'vitest';
import { markdownToNote } from '@mytoutatice/notes-doc';
import { parseMarkdown } from './markdown-parser.ts';

/** Markdown with every construct a note has, about `kib` KiB long. */
function longNote(kib: number): string {
  const block = '## Séance\n\n- [ ] préparer **le** *cours* [lien](https://example.org)\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n\n> [!WARNING]\n> Attention\n\n';
  return `# Cahier\n\n${block.repeat(Math.ceil((kib * 1024) / block.length))}`;
}

describe(parseMarkdown.name, () => {
  it('parses a long import on a worker thread, with the same result, while the node goes on answering', async () => {
    const markdown = longNote(80);
    let turns = 0;
    const turning = setInterval(() => turns++, 5);
    try {
      const parsed = await parseMarkdown(markdown);
      // Inline, the parse would have held the event loop the whole time: no turn at all.
      expect(turns).toBeGreaterThan(2);
      expect(parsed.json).toEqual(markdownToNote(markdown).json);
    } finally {
      clearInterval(turning);
    }
  });

  it('parses a short note at once, on the event loop', async () => {
    expect((await parseMarkdown('# Court\n')).json.content?.[0]).toMatchObject({ type: 'heading' });
  });
});
