import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { FileDoc, FolderListing } from '@mytoutatice/contract';
import type { LinkVisitor } from '@mytoutatice/sdk/links';
import { Button, DataTable, EmptyState, ErrorPanel, Icon, Loading, errorText, formatBytes, formatDate, useT, useToast } from '@mytoutatice/ui';
import type { DataColumn } from '@mytoutatice/ui';
import type { PublicKey } from './messages.ts';
import { downloadFile, downloadFolder } from './download.ts';
import { FileView } from './file-view.tsx';
import { UploadButton } from './upload-button.tsx';
import { useVisitor } from './visitor-context.tsx';

type Place = { id: string; name: string };

/** A shared folder is rarely huge; past this many pages the rest is in the zip. */
const MAX_PAGES = 20;

async function allChildren(visitor: LinkVisitor, folderId: string, signal: AbortSignal): Promise<FileDoc[]> {
  const items: FileDoc[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const listing: FolderListing = await visitor.files.children(folderId, { cursor, limit: 200, signal });
    items.push(...listing.items);
    cursor = listing.next;
    if (cursor === null) break;
  }
  return items;
}

/** The shared folder: its list (sizes, dates), folders inside it, previews, « Télécharger », upload when editable. */
export function FolderView({ root, editable }: { root: Place; editable: boolean }) {
  const t = useT<PublicKey>();
  const visitor = useVisitor();
  const toast = useToast();
  const [trail, setTrail] = useState<readonly Place[]>([root]);
  const [opened, setOpened] = useState<FileDoc | null>(null);
  const here = trail.at(-1) ?? root;
  const listing = useQuery({ queryKey: ['children', here.id], queryFn: ({ signal }) => allChildren(visitor, here.id, signal) });
  const zip = useMutation({ mutationFn: () => downloadFolder(visitor, here), onError: (error) => toast.error(errorText(t, error)) });
  const download = useMutation({ mutationFn: (id: string) => downloadFile(visitor, id), onError: (error) => toast.error(errorText(t, error)) });

  if (opened) return <FileView fileId={opened.id} onBack={() => setOpened(null)} />;

  const columns: DataColumn<FileDoc>[] = [
    {
      key: 'name',
      header: t('public.column.name'),
      rowHeader: true,
      cell: (item) => (
        <button type="button" className="pl-name" onClick={() => (item.type === 'directory' ? setTrail([...trail, { id: item.id, name: item.name }]) : setOpened(item))}>
          <Icon name={item.type === 'directory' ? 'folder' : 'file'} />
          <span>{item.name}</span>
        </button>
      ),
    },
    { key: 'size', header: t('public.column.size'), cell: (item) => (item.size === null ? '—' : formatBytes(item.size)), hideOnPhone: true },
    { key: 'updated', header: t('public.column.updated'), cell: (item) => formatDate(item.updatedAt), hideOnPhone: true },
    {
      key: 'actions',
      header: t('public.column.actions'),
      hideHeader: true,
      cell: (item) =>
        item.type === 'file' ? (
          <Button size="sm" variant="ghost" hideLabel icon={<Icon name="download" />} onClick={() => download.mutate(item.id)}>
            {t('public.downloadNamed', { name: item.name })}
          </Button>
        ) : null,
    },
  ];

  return (
    <section className="pl-folder" aria-label={here.name}>
      <nav aria-label={t('public.breadcrumbs')}>
        <ol className="pl-trail">
          {trail.map((place, index) =>
            index === trail.length - 1 ? (
              <li key={place.id} aria-current="page">
                {place.name}
              </li>
            ) : (
              <li key={place.id}>
                <button type="button" className="pl-trail__link" onClick={() => setTrail(trail.slice(0, index + 1))}>
                  {place.name}
                </button>
              </li>
            ),
          )}
        </ol>
      </nav>
      <div className="pl-actions">
        <Button variant="primary" icon={<Icon name="download" />} disabled={zip.isPending} onClick={() => zip.mutate()}>
          {t('public.downloadFolder')}
        </Button>
        {editable ? <UploadButton folderId={here.id} /> : null}
      </div>
      {listing.isPending ? (
        <Loading />
      ) : listing.isError ? (
        <ErrorPanel title={errorText(t, listing.error)} onRetry={() => void listing.refetch()} />
      ) : listing.data.length === 0 ? (
        <EmptyState title={t('public.empty')} />
      ) : (
        <DataTable caption={here.name} columns={columns} rows={listing.data} rowKey={(item) => item.id} />
      )}
    </section>
  );
}
