import { markdownToNote } from '@mytoutatice/notes-doc';

/** Runs on a worker thread (markdown-parser.ts). */
export default function parseOnThread(markdown: string): ReturnType<typeof markdownToNote> {
  return markdownToNote(markdown);
}
