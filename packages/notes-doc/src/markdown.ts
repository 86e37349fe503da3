import type { JSONContent } from '@tiptap/core';
import { MarkdownManager } from '@tiptap/markdown';
import {
  Lexer,
  Marked,
  type Token,
  type MarkedExtension,
  type marked,
  type TokenizerAndRendererExtension,
  type TokenizerExtensionFunction as Tokenizer,
  type TokenizerStartFunction as Start,
  type TokenizerThis,
} from 'marked';
import { noteExtensions, noteSchema } from './note-extensions.ts';
import { toValidDoc } from './valid-doc.ts';

let manager: MarkdownManager | undefined;

/**
 * How far a tokenizer's `start` looks ahead. marked asks every extension where its syntax next
 * starts before each run of plain text, and Tiptap's extensions search the whole rest of the
 * input (Underline lower-cases it first): a long note took seconds, quadratically. Looking a
 * bounded distance ahead keeps parsing linear; past it, an inline run is cut there (adjacent text
 * tokens merge again) and a block start is left to marked's own paragraph interruptions.
 */
const LOOKAHEAD = { inline: 256, block: 256 } as const;


function boundedStart(start: Start, level: 'inline' | 'block'): Start {
  return function (this: TokenizerThis, src: string) {
    const lookahead = LOOKAHEAD[level];
    if (src.length <= lookahead) return start.call(this, src);
    const index = start.call(this, src.slice(0, lookahead));
    if (typeof index === 'number' && index >= 0) return index;
    return level === 'inline' ? lookahead - 1 : undefined;
  };
}

/**
 * marked tries every inline extension at every position; Tiptap's wrapper builds helper closures
 * before each try. Asking the extension's own `start` about the first characters first skips the
 * tries that cannot match (the allocations made parsing a long note mostly garbage collection).
 */
function triedOnlyWhereItStarts(tokenizer: Tokenizer, start: Start): Tokenizer {
  return function (this: TokenizerThis, src, tokens) {
    return start.call(this, src.slice(0, 64)) === 0 ? tokenizer.call(this, src, tokens) : undefined;
  };
}

function cheaper(extension: TokenizerAndRendererExtension): TokenizerAndRendererExtension {
  if (!('tokenizer' in extension) || !extension.tokenizer || !extension.start) return extension;
  return {
    ...extension,
    start: boundedStart(extension.start, extension.level),
    tokenizer: extension.level === 'inline' ? triedOnlyWhereItStarts(extension.tokenizer, extension.start) : extension.tokenizer,
  };
}

/**
 * marked prepares a paragraph's inline text with one string rebuild per link or code span, each
 * copying the whole paragraph: a single 250 kB paragraph full of links took 10 s. Longer inline
 * runs are read in pieces cut at a space (syntax straddling a cut stays literal text); no note
 * written by a person has paragraphs that long.
 */
const INLINE_PIECE = 16 * 1024;

function* pieces(src: string): Generator<string> {
  let from = 0;
  while (src.length - from > INLINE_PIECE) {
    const space = src.lastIndexOf(' ', from + INLINE_PIECE);
    const to = space > from ? space + 1 : from + INLINE_PIECE;
    yield src.slice(from, to);
    from = to;
  }
  yield src.slice(from);
}

class PiecewiseLexer extends Lexer {
  override inlineTokens(src: string, tokens: Token[] = []): Token[] {
    if (src.length <= INLINE_PIECE) return super.inlineTokens(src, tokens);
    for (const piece of pieces(src)) super.inlineTokens(piece, tokens);
    return tokens;
  }
}

/** A marked instance whose extensions (registered by MarkdownManager through `use`) are made cheaper as they come. */
function notesMarked(): Marked {
  const instance = new Marked({ gfm: true });
  instance.Lexer = PiecewiseLexer as typeof Lexer;
  const use = instance.use.bind(instance);
  instance.use = (...extensions: MarkedExtension[]) =>
    use(...extensions.map((extension) => ({ ...extension, extensions: extension.extensions?.map(cheaper) })));
  return instance;
}

/**
 * The manager escapes the characters of core Markdown in text, not `==` (Highlight's syntax): a
 * note's literal « a == b » would come back highlighted. Its escaping is private, hence the patch.
 */
function escapeHighlightDelimiters(target: MarkdownManager): void {
  const escaping = target as unknown as { escapeMarkdownSyntax: (text: string) => string };
  const escape = escaping.escapeMarkdownSyntax.bind(target);
  escaping.escapeMarkdownSyntax = (text) => escape(text).replace(/=(?==)|(?<==)=/g, '\\=');
}

/** One manager on its own marked instance: the global `marked` would get our tokenizers twice if the editor also registered them there. */
function markdownManager(): MarkdownManager {
  if (!manager) {
    manager = new MarkdownManager({ marked: notesMarked() as unknown as typeof marked, extensions: noteExtensions() });
    escapeHighlightDelimiters(manager);
  }
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
