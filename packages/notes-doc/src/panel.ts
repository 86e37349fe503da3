import { findParentNode, mergeAttributes, Node } from '@tiptap/core';
import { liftTarget } from '@tiptap/pm/transform';

export const PANEL_KINDS = ['info', 'warning', 'error', 'success'] as const;
export type PanelKind = (typeof PANEL_KINDS)[number];

/** GitHub alerts, the Markdown other tools read: `> [!NOTE]`… `IMPORTANT` has no panel of its own and reads as info. */
const ALERT_OF_KIND: Record<PanelKind, string> = { info: 'NOTE', warning: 'WARNING', error: 'CAUTION', success: 'TIP' };
const KIND_OF_ALERT: Record<string, PanelKind> = { NOTE: 'info', IMPORTANT: 'info', WARNING: 'warning', CAUTION: 'error', TIP: 'success' };

const ALERT_START = /^ {0,3}>[ \t]*\[!(NOTE|IMPORTANT|WARNING|CAUTION|TIP)\][ \t]*$/im;
/** The alert's lines: every `>` line up to the first that is not one (lazy continuations end the panel). */
const QUOTE_LINES = /^(?: {0,3}>[^\n]*(?:\n|$))+/;

export function panelKind(value: unknown): PanelKind {
  return PANEL_KINDS.includes(value as PanelKind) ? (value as PanelKind) : 'info';
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    panel: {
      /** Wraps the selected blocks in a panel of this kind. */
      setPanel: (kind: PanelKind) => ReturnType;
      /** Takes the blocks of the panel around the selection out of it. */
      unsetPanel: () => ReturnType;
    };
  }
}

/** The seed's ⓘ / ⚠ blocks: a framed group of blocks with a kind (information, warning, error, success). */
export const Panel = Node.create({
  name: 'panel',
  group: 'block',
  content: 'block+',
  defining: true,

  addAttributes() {
    return {
      kind: {
        default: 'info',
        parseHTML: (element) => panelKind(element.getAttribute('data-kind')),
        renderHTML: (attributes) => ({ 'data-kind': panelKind(attributes.kind) }),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'div[data-panel]' }];
  },

  renderHTML({ node, HTMLAttributes }) {
    const kind = panelKind(node.attrs.kind);
    return ['div', mergeAttributes({ 'data-panel': '', class: `panel panel-${kind}`, role: 'note' }, HTMLAttributes), 0];
  },

  addCommands() {
    return {
      setPanel:
        (kind) =>
        ({ commands }) =>
          commands.wrapIn(this.name, { kind }),
      unsetPanel:
        () =>
        ({ state, tr, dispatch }) => {
          const panel = findParentNode((node) => node.type.name === this.name)(state.selection);
          if (!panel) return false;
          const range = tr.doc.resolve(panel.start).blockRange(tr.doc.resolve(panel.start + panel.node.content.size));
          const target = range && liftTarget(range);
          if (!range || target === null || target === undefined) return false;
          if (dispatch) tr.lift(range, target);
          return true;
        },
    };
  },

  markdownTokenizer: {
    name: 'panel',
    level: 'block',
    start: (src) => src.search(ALERT_START),
    tokenize(src, _tokens, lexer) {
      const quote = QUOTE_LINES.exec(src);
      const lines = quote?.[0].replace(/\n$/, '').split('\n') ?? [];
      const marker = lines[0] === undefined ? null : ALERT_START.exec(lines[0]);
      if (!quote || !marker || marker.index !== 0) return undefined;
      const body = lines
        .slice(1)
        .map((line) => line.replace(/^ {0,3}> ?/, ''))
        .join('\n');
      return { type: 'panel', raw: quote[0], kind: KIND_OF_ALERT[marker[1]!.toUpperCase()], tokens: lexer.blockTokens(body) };
    },
  },

  parseMarkdown: (token, helpers) =>
    helpers.createNode('panel', { kind: panelKind(token.kind) }, helpers.parseBlockChildren?.(token.tokens ?? []) ?? helpers.parseChildren(token.tokens ?? [])),

  renderMarkdown: (node, helpers) => {
    const body = node.content ? helpers.renderChildren(node.content, '\n\n') : '';
    const lines = body.split('\n').map((line) => (line.trim() === '' ? '>' : `> ${line}`));
    return [`> [!${ALERT_OF_KIND[panelKind(node.attrs?.kind)]}]`, ...lines].join('\n');
  },
});
