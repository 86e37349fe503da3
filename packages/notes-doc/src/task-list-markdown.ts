import type { MarkdownTokenizer } from '@tiptap/core';
import { TaskList } from '@tiptap/extension-list';

const upstream = TaskList.config.markdownTokenizer as MarkdownTokenizer;

/** A task item on the first non-blank line: anything else is not a checklist, whatever follows. */
const TASK_ITEM_FIRST = /^(?:[ \t]*\n)*[ \t]*[-+*][ \t]+\[[ xX]\][ \t]+/;
/** A line the checklist cannot run past: unindented and not a list item. */
const LIST_END = /\n(?=[^\s\-+*]|[-+*](?![ \t]))/;

/**
 * Checklists as upstream reads them, but only handed the list itself: marked offers every block
 * to this tokenizer, and upstream splits all the rest of the input into lines each time, which
 * made a long note quadratic (seconds for a few hundred kilobytes).
 */
export const NoteTaskList = TaskList.extend({
  markdownTokenizer: {
    ...upstream,
    tokenize(src, tokens, lexer) {
      if (!TASK_ITEM_FIRST.test(src)) return undefined;
      const end = LIST_END.exec(src);
      return upstream.tokenize(end ? src.slice(0, end.index + 1) : src, tokens, lexer);
    },
  },
});
