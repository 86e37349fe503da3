import { LiveNote, noteApiBase } from '@mytoutatice/app-kit/note';
import type { FileDoc } from '@mytoutatice/contract';
import { useVisitor } from './visitor-context.tsx';

/** A note (any Markdown file) shown as its co-editors write it; its own chunk, with the editor's code. */
export default function LiveNotePreview({ file }: { file: FileDoc }) {
  const visitor = useVisitor();
  return <LiveNote transport={visitor.transport} apiBase={noteApiBase({ linkCode: visitor.code })} fileId={file.id} label={file.name} />;
}
