import { Mention } from '@tiptap/extension-mention';

/**
 * A mention written `@[Label](mention:id)`: a viewer that does not know it still shows « @Label »
 * as a link, and it reads back here exactly (label escaped, id percent-encoded).
 */
const MENTION = /^@\[((?:\\.|[^\\\]\n])*)\]\(mention:([^)\s]*)\)/;

const escapeLabel = (label: string) => label.replace(/[\\\]]/g, '\\$&');
const unescapeLabel = (label: string) => label.replace(/\\(.)/g, '$1');

function decodeId(id: string): string {
  try {
    return decodeURIComponent(id);
  } catch {
    return id;
  }
}

export const NoteMention = Mention.extend({
  markdownTokenName: 'mention',

  markdownTokenizer: {
    name: 'mention',
    level: 'inline',
    start: (src) => src.indexOf('@['),
    tokenize(src) {
      const found = MENTION.exec(src);
      if (!found) return undefined;
      return { type: 'mention', raw: found[0], label: unescapeLabel(found[1]!), id: decodeId(found[2]!) };
    },
  },

  parseMarkdown: (token, helpers) => helpers.createNode('mention', { id: token.id, label: token.label || null }),

  renderMarkdown: (node) => {
    const id = String(node.attrs?.id ?? '');
    const label = String(node.attrs?.label ?? id);
    return `@[${escapeLabel(label)}](mention:${encodeURIComponent(id)})`;
  },
});
