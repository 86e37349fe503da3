import { CodeBlock } from '@tiptap/extension-code-block';

/** A fence longer than any run of backticks in the code, so code that shows a fence stays one block. */
export const FencedCodeBlock = CodeBlock.extend({
  renderMarkdown: (node, helpers) => {
    const code = node.content ? helpers.renderChildren(node.content) : '';
    const longestRun = Math.max(0, ...Array.from(code.matchAll(/`+/g), (run) => run[0].length));
    const fence = '`'.repeat(Math.max(3, longestRun + 1));
    const language = typeof node.attrs?.language === 'string' ? node.attrs.language.replace(/[\s`]/g, '') : '';
    return `${fence}${language}\n${code}\n${fence}`;
  },
});
