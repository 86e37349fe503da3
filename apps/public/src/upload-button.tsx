import { useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Icon, ProgressBar, errorText, usePlural, useT, useToast } from '@mytoutatice/ui';
import type { PublicKey } from './messages.ts';
import { useVisitor } from './visitor-context.tsx';

type Sending = { name: string; sent: number; total: number };

/**
 * « Déposer des fichiers » on an editable link: one file after another, with progress. A name
 * already taken gets a number (`conflict=rename`): a visitor must not learn, nor overwrite, what
 * is there under that name.
 */
export function UploadButton({ folderId }: { folderId: string }) {
  const t = useT<PublicKey>();
  const plural = usePlural<PublicKey>();
  const visitor = useVisitor();
  const toast = useToast();
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [sending, setSending] = useState<Sending | null>(null);

  const send = async (files: readonly File[]) => {
    let done = 0;
    try {
      for (const file of files) {
        setSending({ name: file.name, sent: 0, total: file.size });
        await visitor.files.upload(folderId, file, {
          conflict: 'rename',
          onProgress: (sent, total) => setSending({ name: file.name, sent, total }),
        });
        done += 1;
      }
      toast.success(plural('public.uploaded', done));
    } catch (error) {
      toast.error(errorText(t, error));
    } finally {
      setSending(null);
      void queryClient.invalidateQueries({ queryKey: ['children', folderId] });
    }
  };

  return (
    <>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          event.target.value = '';
          if (files.length > 0) void send(files);
        }}
      />
      <Button icon={<Icon name="upload" />} disabled={sending !== null} onClick={() => input.current?.click()}>
        {t('public.upload')}
      </Button>
      {sending ? <ProgressBar className="pl-progress" label={t('public.uploading', { name: sending.name })} value={sending.sent} max={sending.total || 1} /> : null}
    </>
  );
}
