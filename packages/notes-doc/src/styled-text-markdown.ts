import { Extension } from '@tiptap/core';
import { Highlight } from '@tiptap/extension-highlight';
import { TextStyle } from '@tiptap/extension-text-style';
import { isSafeColor } from './safe-values.ts';

/**
 * Markdown has no colours: a coloured highlight is written `<mark data-color="…">` and a text
 * colour `<span style="color: …">`, the inline HTML GitHub and most viewers show. They (and the
 * `<br>` of table cells) are read back here, without a DOM (the server has none), and only with a
 * colour that is safe in a style.
 */
const OPENING = /^<(mark|span)((?:\s+[\w-]+="[^"<>]*")*)\s*>/i;

function colorOf(tag: string, attributes: string): string | null {
  const found =
    tag === 'mark' ? /\sdata-color="([^"]*)"/i.exec(attributes) : /\sstyle="\s*color:\s*([^";]+?)\s*;?\s*"/i.exec(attributes);
  const color = found?.[1];
  return isSafeColor(color) ? color : null;
}

/** The index just past the closing tag matching the opening one at 0, nested tags of the same name counted. */
function closingEnd(src: string, tag: string): { innerEnd: number; end: number } | null {
  const tags = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'gi');
  let depth = 0;
  for (let found = tags.exec(src); found; found = tags.exec(src)) {
    depth += found[1] ? -1 : 1;
    if (depth === 0) return { innerEnd: found.index, end: found.index + found[0].length };
  }
  return null;
}

export const StyledTextMarkdown = Extension.create({
  name: 'styledTextMarkdown',
  markdownTokenName: 'styledText',

  markdownTokenizer: {
    name: 'styledText',
    level: 'inline',
    start: (src) => src.search(/<(?:mark|span|br)\b/i),
    tokenize(src, _tokens, lexer) {
      // Table cells write their line breaks so (one line per row); a browser would read them with its DOM.
      const lineBreak = /^<br\s*\/?>/i.exec(src);
      if (lineBreak) return { type: 'styledText', raw: lineBreak[0], tag: 'br' };
      const opening = OPENING.exec(src);
      if (!opening) return undefined;
      const tag = opening[1]!.toLowerCase();
      const color = colorOf(tag, opening[2] ?? '');
      const closing = closingEnd(src, tag);
      if ((tag === 'span' && !color) || !closing) return undefined;
      const text = src.slice(opening[0].length, closing.innerEnd);
      return { type: 'styledText', raw: src.slice(0, closing.end), text, tag, color, tokens: lexer.inlineTokens(text) };
    },
  },

  parseMarkdown: (token, helpers) => {
    if (token.tag === 'br') return helpers.createNode('hardBreak');
    const content = helpers.parseInline(token.tokens ?? []);
    if (token.tag === 'mark') return helpers.applyMark('highlight', content, token.color ? { color: token.color } : undefined);
    return helpers.applyMark('textStyle', content, { color: token.color });
  },
});

/** Highlight in any colour: `==text==` when it has none. */
export const ColoredHighlight = Highlight.extend({
  renderMarkdown: (node, helpers) => {
    const color: unknown = node.attrs?.color;
    const inner = helpers.renderChildren(node);
    return isSafeColor(color) ? `<mark data-color="${color}">${inner}</mark>` : `==${inner}==`;
  },
}).configure({ multicolor: true });

/** The mark that carries a text colour (Color adds the attribute); without a colour it writes nothing. */
export const ColoredTextStyle = TextStyle.extend({
  renderMarkdown: (node, helpers) => {
    const color: unknown = node.attrs?.color;
    const inner = helpers.renderChildren(node);
    return isSafeColor(color) ? `<span style="color: ${color}">${inner}</span>` : inner;
  },
});
