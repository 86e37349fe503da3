import { useEffect, useRef, useState } from 'react';
import { GlobalWorkerOptions, getDocument } from 'pdfjs-dist';
import type { PDFDocumentLoadingTask } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { ErrorPanel, errorText, I18nProvider, Loading, useT } from '@mytoutatice/ui';
import { pdfMessages, type PdfKey } from './pdf-messages.ts';

// A file of our origin: the page's CSP (`script-src 'self'`, which workers fall back to) allows it.
GlobalWorkerOptions.workerSrc = workerUrl;

/** Beyond this, the person downloads the file: drawing hundreds of pages would hold the phone. */
const MAX_PAGES = 30;
/** Drawn at the device's pixel density, up to this width in CSS pixels. */
const MAX_WIDTH = 900;

type Drawn = { pages: number; shown: number };

export type PdfPagesProps = {
  /** The file's bytes; undefined while they are being fetched. */
  content: Blob | undefined;
  /** The app's words when the file cannot be drawn. */
  failedTitle: string;
};

/**
 * A PDF drawn page by page with pdf.js (v6 has no eval and no inline script: the CSP stays as it
 * is), for the Drive's preview and the public link page alike. Its own entry
 * (`@mytoutatice/app-kit/pdf`), imported lazily: pdf.js is fetched when a PDF is opened, never
 * with the shell.
 */
export function PdfPages(props: PdfPagesProps) {
  return (
    <I18nProvider messages={pdfMessages}>
      <Pages {...props} />
    </I18nProvider>
  );
}

function Pages({ content, failedTitle }: PdfPagesProps) {
  const t = useT<PdfKey>();
  const holder = useRef<HTMLDivElement>(null);
  const [drawn, setDrawn] = useState<Drawn>();
  const [failed, setFailed] = useState<unknown>();

  useEffect(() => {
    const target = holder.current;
    if (!content || !target) return;
    let stopped = false;
    let loading: PDFDocumentLoadingTask | undefined;
    void (async () => {
      loading = getDocument({ data: new Uint8Array(await content.arrayBuffer()) });
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
        canvas.className = 'mt-pdf__page';
        canvas.setAttribute('role', 'img');
        canvas.setAttribute('aria-label', t('pdf.page', { page: number, count: pdf.numPages }));
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
  }, [content, t]);

  if (failed) return <ErrorPanel title={failedTitle} detail={errorText(t, failed)} />;
  return (
    <div className="mt-pdf">
      {(!drawn || drawn.shown === 0) && <Loading />}
      <div ref={holder} className="mt-pdf__pages" data-testid="pdf-pages" />
      {drawn && drawn.pages > MAX_PAGES && <p>{t('pdf.morePages', { shown: MAX_PAGES, count: drawn.pages })}</p>}
    </div>
  );
}
