import type { JSONContent } from '@tiptap/core';
import { MarkdownManager } from '@tiptap/markdown';
import { Marked, type marked } from 'marked';
import { noteExtensions, noteSchema } from './note-extensions.ts';
import { toValidDoc } from './valid-doc.ts';

let manager: MarkdownManager | undefined;

/**
 * One manager on its own marked instance: the global `marked` would collect our tokenizers a
 * second time if the editor's Markdown extension also registers on it.
 */
function markdownManager(): MarkdownManager {
  manager ??= new MarkdownManager({
    marked: new Marked({ gfm: true }) as unknown as typeof marked,
    extensions: noteExtensions(),
  });
  return manager;
}

/** What is left of Markdown the parser could not read at all: its paragraphs as plain text. */
function plainTextDoc(markdown: string): JSONContent {
  const paragraphs = markdown.split(/\n\s*\n/).filter((text) => text.trim() !== '');
  return { type: 'doc', content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) };
}

/** A note's content from Markdown (GFM, GitHub alerts as panels); never throws, always valid for the schema. */
export function markdownToJson(markdown: string): JSONContent {
  let parsed: JSONContent;
  try {
    parsed = markdownManager().parse(markdown.replace(/\r\n?/g, '\n'));
  } catch {
    parsed = plainTextDoc(markdown);
  }
  return toValidDoc(parsed, noteSchema()).toJSON() as JSONContent;
}

/** A note's content as Markdown, the text of its Drive file. */
export function jsonToMarkdown(json: JSONContent): string {
  const markdown = markdownManager().serialize(toValidDoc(json, noteSchema()).toJSON() as JSONContent);
  return markdown === '' ? '' : `${markdown.replace(/\s+$/, '')}\n`;
}
