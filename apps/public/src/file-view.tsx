import { lazy, Suspense, useEffect, useMemo } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { FileDoc } from '@mytoutatice/contract';
import { Button, EmptyState, ErrorPanel, Icon, Loading, errorText, formatBytes, formatDate, useT, useToast } from '@mytoutatice/ui';
import { previewKind } from '@mytoutatice/ui/preview-kind';
import type { PublicKey } from './messages.ts';
import { downloadFile } from './download.ts';
import { useVisitor } from './visitor-context.tsx';

// pdf.js weighs hundreds of kB: fetched only when a PDF is opened. The Drive's viewer.
const PdfPages = lazy(() => import('@mytoutatice/app-kit/pdf').then((m) => ({ default: m.PdfPages })));
// Likewise the note editor's code (Tiptap, Yjs), when a note is opened.
const LiveNotePreview = lazy(() => import('./live-note-preview.tsx'));

/** Past this, a text is downloaded rather than read into the page. */
const MAX_TEXT_PREVIEW_BYTES = 1024 * 1024;

/** One file: its name, size and date, a preview when the browser can show it, « Télécharger ». */
export function FileView({ fileId, onBack }: { fileId: string; onBack?: () => void }) {
  const t = useT<PublicKey>();
  const visitor = useVisitor();
  const toast = useToast();
  const file = useQuery({ queryKey: ['file', fileId], queryFn: ({ signal }) => visitor.files.get(fileId, { signal }) });
  const download = useMutation({ mutationFn: () => downloadFile(visitor, fileId), onError: (error) => toast.error(errorText(t, error)) });

  if (file.isPending) return <Loading />;
  if (file.isError) return <ErrorPanel title={errorText(t, file.error)} onRetry={() => void file.refetch()} />;
  const doc = file.data;
  return (
    <section className="pl-file" aria-labelledby="pl-file-name">
      {onBack ? (
        <Button variant="ghost" onClick={onBack}>
          {t('public.back')}
        </Button>
      ) : null}
      <h2 id="pl-file-name" className="pl-file__name">
        {doc.name}
      </h2>
      <p className="pl-meta">
        {doc.size === null ? null : formatBytes(doc.size)} · {formatDate(doc.updatedAt)}
      </p>
      <Button variant="primary" icon={<Icon name="download" />} disabled={download.isPending} onClick={() => download.mutate()}>
        {t('public.download')}
      </Button>
      <div className="pl-preview">
        <Preview file={doc} />
      </div>
    </section>
  );
}

/** The Drive's rule for what a file is previewed as; Markdown is a note, shown live as it is written. */
function Preview({ file }: { file: FileDoc }) {
  const t = useT<PublicKey>();
  const kind = previewKind(file);
  if (kind === 'markdown') {
    return (
      <Suspense fallback={<Loading />}>
        <LiveNotePreview file={file} />
      </Suspense>
    );
  }
  if (kind === 'none' || (kind === 'text' && (file.size ?? 0) > MAX_TEXT_PREVIEW_BYTES)) return <EmptyState title={t('public.preview.none')} />;
  if (kind === 'video' || kind === 'audio') return <MediaPreview file={file} kind={kind} />;
  return <ContentPreview file={file} kind={kind} />;
}

/** Images, PDFs and texts from the bytes themselves (through the unlock token), shown from memory. */
function ContentPreview({ file, kind }: { file: FileDoc; kind: 'image' | 'pdf' | 'text' }) {
  const t = useT<PublicKey>();
  const visitor = useVisitor();
  const content = useQuery({ queryKey: ['content', file.id, file.sha256], queryFn: ({ signal }) => visitor.files.content(file.id, { signal }) });
  const text = useQuery({ queryKey: ['text', file.id, file.sha256], enabled: kind === 'text' && content.data !== undefined, queryFn: () => content.data?.text() ?? '' });
  const url = useMemo(() => (kind === 'image' && content.data ? URL.createObjectURL(content.data) : undefined), [kind, content.data]);
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);

  if (content.isError) return <ErrorPanel title={t('public.preview.failed')} detail={errorText(t, content.error)} />;
  if (kind === 'image') return url ? <img className="pl-preview__image" src={url} alt={file.name} /> : <Loading />;
  if (kind === 'pdf') {
    return (
      <Suspense fallback={<Loading />}>
        <PdfPages content={content.data} failedTitle={t('public.preview.failed')} />
      </Suspense>
    );
  }
  return text.data === undefined ? <Loading /> : <pre className="pl-preview__text" tabIndex={0}>{text.data}</pre>;
}

/** Video and sound stream a download link (a media element cannot send the token; Range seeks). */
function MediaPreview({ file, kind }: { file: FileDoc; kind: 'video' | 'audio' }) {
  const t = useT<PublicKey>();
  const visitor = useVisitor();
  const link = useQuery({ queryKey: ['download-link', file.id], queryFn: ({ signal }) => visitor.files.downloadLink(file.id, { signal }), staleTime: 60_000 });
  if (link.isError) return <ErrorPanel title={t('public.preview.failed')} detail={errorText(t, link.error)} />;
  if (!link.data) return <Loading />;
  return kind === 'video' ? (
    <video className="pl-preview__media" src={link.data.url} controls preload="metadata" aria-label={file.name} />
  ) : (
    <audio src={link.data.url} controls preload="metadata" aria-label={file.name} />
  );
}
