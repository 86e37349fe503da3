import type { DriveKey } from '../messages.ts';
import type { FileDoc } from '@mytoutatice/contract';
import { useEffect, useState } from 'react';
import MarkdownIt from 'markdown-it';
import { ErrorPanel, errorText, Loading, useT } from '@mytoutatice/ui';
import { useFileContent } from './use-file-content.ts';

/** Raw HTML off: a file's markup is shown as text, never run; markdown-it also refuses javascript: links. */
const markdown = new MarkdownIt({ html: false, linkify: true });
/** Enough to read; the rest is one download away. */
const MAX_BYTES = 1024 * 1024;

/** Text as it is (monospace, wrapped), Markdown rendered. */
export function TextPreview({ file, markdown: rendered }: { file: FileDoc; markdown: boolean }) {
  const t = useT<DriveKey>();
  const content = useFileContent(file);
  const [text, setText] = useState<string>();
  useEffect(() => {
    let live = true;
    void content.data?.slice(0, MAX_BYTES).text().then((read) => live && setText(read));
    return () => {
      live = false;
    };
  }, [content.data]);

  if (content.isError) return <ErrorPanel title={t('drive.preview.failed')} detail={errorText(t, content.error)} />;
  if (text === undefined || !content.data) return <Loading />;
  const cut = content.data.size > MAX_BYTES && <p>{t('drive.preview.cut')}</p>;
  return rendered ? (
    <>
      {/* markdown-it escapes every character of markup the file holds (html: false). */}
      <div className="mt-preview__markdown" dangerouslySetInnerHTML={{ __html: markdown.render(text) }} />
      {cut}
    </>
  ) : (
    <>
      <pre className="mt-preview__text" tabIndex={0} aria-label={file.name}>
        {text}
      </pre>
      {cut}
    </>
  );
}
