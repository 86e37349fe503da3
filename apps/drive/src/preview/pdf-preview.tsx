import type { DriveKey } from '../messages.ts';
import type { FileDoc } from '@mytoutatice/contract';
import { useEffect, useRef, useState } from 'react';
import { GlobalWorkerOptions, getDocument } from 'pdfjs-dist';
import type { PDFDocumentLoadingTask } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { ErrorPanel, errorText, Loading, useT } from '@mytoutatice/ui';
import { useFileContent } from './use-file-content.ts';

// A file of our origin: the page's CSP (`script-src 'self'`, which workers fall back to) allows it.
GlobalWorkerOptions.workerSrc = workerUrl;

/** Beyond this, the person downloads the file: drawing hundreds of pages would hold the phone. */
const MAX_PAGES = 30;
/** Drawn at the device's pixel density, up to this width in CSS pixels. */
const MAX_WIDTH = 900;

type Drawn = { pages: number; shown: number };

/** A PDF drawn page by page with pdf.js (v6 has no eval and no inline script: the CSP stays as it is). */
export function PdfPreview({ file }: { file: FileDoc }) {
  const t = useT<DriveKey>();
  const content = useFileContent(file);
  const holder = useRef<HTMLDivElement>(null);
  const [drawn, setDrawn] = useState<Drawn>();
  const [failed, setFailed] = useState<unknown>();

  useEffect(() => {
    const blob = content.data;
    const target = holder.current;
    if (!blob || !target) return;
    let stopped = false;
    let loading: PDFDocumentLoadingTask | undefined;
    void (async () => {
      loading = getDocument({ data: new Uint8Array(await blob.arrayBuffer()) });
      const pdf = await loading.promise;
      const shown = Math.min(pdf.numPages, MAX_PAGES);
      setDrawn({ pages: pdf.numPages, shown: 0 });
      const width = Math.min(target.clientWidth || MAX_WIDTH, MAX_WIDTH);
      for (let number = 1; number <= shown && !stopped; number++) {
        const page = await pdf.getPage(number);
        const scale = (width / page.getViewport({ scale: 1 }).width) * (window.devicePixelRatio || 1);
        const viewport = page.getViewport({ scale });
        const canvas = document.createElement('canvas');
        canvas.width = Math.floor(viewport.width);
        canvas.height = Math.floor(viewport.height);
        canvas.className = 'mt-preview__page';
        canvas.setAttribute('role', 'img');
        canvas.setAttribute('aria-label', t('drive.preview.page', { page: number, count: pdf.numPages }));
        await page.render({ canvas, viewport }).promise;
        if (stopped) break;
        target.append(canvas);
        setDrawn({ pages: pdf.numPages, shown: number });
      }
      await loading.destroy();
    })().catch((error: unknown) => {
      if (!stopped) setFailed(error);
    });
    return () => {
      stopped = true;
      void loading?.destroy();
      target.replaceChildren();
    };
  }, [content.data, t]);

  if (content.isError || failed) return <ErrorPanel title={t('drive.preview.failed')} detail={errorText(t, content.error ?? failed)} />;
  return (
    <div className="mt-preview__pdf">
      {(!drawn || drawn.shown === 0) && <Loading />}
      <div ref={holder} className="mt-preview__pages" data-testid="pdf-pages" />
      {drawn && drawn.pages > MAX_PAGES && <p>{t('drive.preview.morePages', { shown: MAX_PAGES, count: drawn.pages })}</p>}
    </div>
  );
}
