import { markdownToNote } from '@mytoutatice/notes-doc';
import { Piscina } from 'piscina';

/** Below this, parsing takes milliseconds: a thread hop would cost more than it saves. */
const ON_THREAD_CHARS = 64 * 1024;

let pool: Piscina | undefined;

/**
 * A new, imported or overwritten note's Markdown read as a note (`markdownToNote`). A long one is
 * parsed on a worker thread: 2 MiB takes seconds (docs « Notes: the document and its Markdown »),
 * which on the event loop would hold every other call and socket of the node meanwhile. One
 * thread at most, started on first need and stopped when idle: long imports are rare, and each
 * takes one core.
 */
export async function parseMarkdown(markdown: string): Promise<ReturnType<typeof markdownToNote>> {
  if (markdown.length < ON_THREAD_CHARS) return markdownToNote(markdown);
  pool ??= new Piscina({ filename: new URL('./markdown-worker.ts', import.meta.url).href, minThreads: 0, maxThreads: 1, idleTimeout: 30_000 });
  return (await pool.run(markdown)) as ReturnType<typeof markdownToNote>;
}
