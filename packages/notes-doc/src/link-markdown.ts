import { Link } from '@tiptap/extension-link';
import { isSafeLinkHref } from './safe-values.ts';

/** `[text](<href>)` when the address has spaces or parentheses, which would end a plain destination early. */
export const NoteLink = Link.extend({
  renderMarkdown: (node, helpers) => {
    const href = String(node.attrs?.href ?? '');
    const title = typeof node.attrs?.title === 'string' && node.attrs.title !== '' ? ` "${node.attrs.title.replace(/"/g, '\\"')}"` : '';
    const destination = /[\s()<>]/.test(href) ? `<${href.replace(/[<>]/g, encodeURIComponent)}>` : href;
    return `[${helpers.renderChildren(node)}](${destination}${title})`;
  },
}).configure({ openOnClick: false, autolink: true, defaultProtocol: 'https', isAllowedUri: (url) => isSafeLinkHref(url) });
