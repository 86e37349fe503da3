import type { JSONContent } from '@tiptap/core';

const MAX_TITLE_LENGTH = 120;

/** The text of an inline run: a mention reads as « @Label », a line break as a space. */
function inlineText(node: JSONContent): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'mention') return `@${String(node.attrs?.label ?? node.attrs?.id ?? '')}`;
  if (node.type === 'hardBreak') return '\n';
  return (node.content ?? []).map(inlineText).join('');
}

/** Text blocks (paragraphs, headings, code…) in reading order. */
function* textBlocks(node: JSONContent): Generator<JSONContent> {
  const children = node.content ?? [];
  const inline = children.some((child) => child.type === 'text' || child.type === 'mention' || child.type === 'hardBreak');
  if (inline || (children.length === 0 && ['paragraph', 'heading', 'codeBlock'].includes(node.type ?? ''))) {
    yield node;
    return;
  }
  for (const child of children) yield* textBlocks(child);
}

/** At most `max` characters, cut between graphemes (an emoji or an accented letter stays whole). */
function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let result = '';
  for (const { segment } of new Intl.Segmenter().segment(text)) {
    if (result.length + segment.length > max) break;
    result += segment;
  }
  return result.trimEnd();
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The first heading's text, else the first non-empty block's; trimmed, ≤ 120 characters; null when the note is empty. */
export function noteTitle(json: JSONContent): string | null {
  let firstText: string | null = null;
  for (const block of textBlocks(json)) {
    const text = oneLine(inlineText(block));
    if (text === '') continue;
    if (block.type === 'heading') return truncate(text, MAX_TITLE_LENGTH);
    firstText ??= text;
  }
  return firstText === null ? null : truncate(firstText, MAX_TITLE_LENGTH);
}

/** The note's plain text, one line per block, for search and the excerpt. */
export function noteText(json: JSONContent): string {
  return Array.from(textBlocks(json), (block) => inlineText(block))
    .filter((text) => text.trim() !== '')
    .join('\n');
}
