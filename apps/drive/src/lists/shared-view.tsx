import type { FileDoc, Sharing } from '@mytoutatice/contract';
import { Link } from '@mytoutatice/app-kit';
import { useFile, useSharings } from '@mytoutatice/sdk/react';
import { Button, DataTable, EmptyState, ErrorPanel, formatDate, Loading, useLocale, usePlural, useT } from '@mytoutatice/ui';
import type { DataColumn } from '@mytoutatice/ui';
import { useId, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { DriveKey } from '../messages.ts';
import { DrivePage } from '../nav/drive-page.tsx';
import { folderPath, sharingPath } from '../routes.ts';
import { ShareDialog } from '../share/share-dialog.tsx';
import { ROLE_LABELS } from '../share/role-select.tsx';
import { SharingActions } from '../sharings/sharing-actions.tsx';
import { SHARING_TABS, tabAfter } from '../sharings/sharing-tabs.ts';
import type { SharingTab } from '../sharings/sharing-tabs.ts';

const TAB_LABELS: Record<SharingTab, DriveKey> = { received: 'drive.shared.received', sent: 'drive.shared.sent' };

/** « Partages »: two tabs, « Reçus » (opened in place) and « Envoyés » (managed with « Partager »). */
export function SharedView() {
  const t = useT<DriveKey>();
  const id = useId();
  const sharings = useSharings();
  const [tab, setTab] = useState<SharingTab>('received');
  const tabs = useRef(new Map<SharingTab, HTMLButtonElement>());

  const onKeyDown = (event: KeyboardEvent) => {
    const to = tabAfter(tab, event.key);
    if (to === null) return;
    event.preventDefault();
    setTab(to);
    tabs.current.get(to)?.focus();
  };

  return (
    <DrivePage current="shared" title={t('nav.shared')}>
      <div role="tablist" aria-label={t('drive.shared.tabs')} className="mt-tabs" onKeyDown={onKeyDown}>
        {SHARING_TABS.map((name) => (
          <button
            key={name}
            ref={(button) => {
              if (button) tabs.current.set(name, button);
            }}
            type="button"
            role="tab"
            id={`${id}-${name}-tab`}
            aria-selected={tab === name}
            aria-controls={`${id}-${name}-panel`}
            tabIndex={tab === name ? 0 : -1}
            className="mt-tabs__tab"
            onClick={() => setTab(name)}
          >
            {t(TAB_LABELS[name])}
            {sharings.data ? ` (${sharings.data[name].length})` : ''}
          </button>
        ))}
      </div>
      {SHARING_TABS.map((name) => (
        <div key={name} role="tabpanel" id={`${id}-${name}-panel`} aria-labelledby={`${id}-${name}-tab`} hidden={tab !== name} tabIndex={0}>
          {tab !== name ? null : sharings.isError ? (
            <ErrorPanel title={t('drive.loadError')} onRetry={() => void sharings.refetch()} />
          ) : !sharings.data ? (
            <Loading />
          ) : name === 'received' ? (
            <ReceivedList sharings={sharings.data.received} />
          ) : (
            <SentList sharings={sharings.data.sent} />
          )}
        </div>
      ))}
    </DrivePage>
  );
}

function useCommonColumns(): { kind: DataColumn<Sharing>; date: DataColumn<Sharing> } {
  const t = useT<DriveKey>();
  const locale = useLocale();
  return {
    kind: {
      key: 'kind',
      header: t('drive.shared.column.kind'),
      hideOnPhone: true,
      cell: (sharing) => t(sharing.item.kind === 'folder' ? 'drive.shared.kind.folder' : 'drive.shared.kind.file'),
    },
    date: {
      key: 'date',
      header: t('drive.shared.column.date'),
      hideOnPhone: true,
      cell: (sharing) => formatDate(sharing.createdAt, locale),
    },
  };
}

function ReceivedList({ sharings }: { sharings: readonly Sharing[] }) {
  const t = useT<DriveKey>();
  const roleOf = (sharing: Sharing) => (sharing.access === 'owner' ? '' : t(ROLE_LABELS[sharing.access]));
  const { kind, date } = useCommonColumns();
  if (sharings.length === 0) return <EmptyState title={t('drive.shared.emptyReceived')} text={t('drive.shared.emptyReceivedText')} />;
  const columns: DataColumn<Sharing>[] = [
    {
      key: 'name',
      header: t('drive.column.name'),
      rowHeader: true,
      cell: (sharing) => (
        <>
          <Link href={sharingPath(sharing.id)}>{sharing.item.name}</Link>
          {/* On a phone the owner and role columns leave: said under the name instead. */}
          <span className="mt-shared-meta">
            {sharing.owner.name} · {roleOf(sharing)}
          </span>
        </>
      ),
    },
    kind,
    { key: 'owner', header: t('drive.shared.column.owner'), hideOnPhone: true, cell: (sharing) => sharing.owner.name },
    { key: 'role', header: t('drive.shared.column.role'), hideOnPhone: true, cell: roleOf },
    date,
    {
      key: 'actions',
      header: t('drive.column.actions'),
      hideHeader: true,
      cell: (sharing) => (
        <span className="mt-actions mt-shared-actions">
          <SharingActions sharing={sharing} named size="sm" />
        </span>
      ),
    },
  ];
  return <DataTable caption={t('drive.shared.received')} columns={columns} rows={sharings} rowKey={(sharing) => sharing.id} />;
}

function SentList({ sharings }: { sharings: readonly Sharing[] }) {
  const t = useT<DriveKey>();
  const plural = usePlural<DriveKey>();
  const { kind, date } = useCommonColumns();
  const [managing, setManaging] = useState<Sharing | null>(null);
  if (sharings.length === 0) return <EmptyState title={t('drive.shared.emptySent')} text={t('drive.shared.emptySentText')} />;
  const columns: DataColumn<Sharing>[] = [
    {
      key: 'name',
      header: t('drive.column.name'),
      rowHeader: true,
      cell: (sharing) => (sharing.item.kind === 'folder' ? <Link href={folderPath(sharing.item.id)}>{sharing.item.name}</Link> : sharing.item.name),
    },
    kind,
    { key: 'members', header: t('drive.shared.column.members'), cell: (sharing) => plural('drive.shared.members', sharing.members.length) },
    date,
    {
      key: 'actions',
      header: t('drive.column.actions'),
      hideHeader: true,
      cell: (sharing) => (
        <Button size="sm" aria-label={t('drive.share.title', { name: sharing.item.name })} onClick={() => setManaging(sharing)}>
          {t('action.share')}
        </Button>
      ),
    },
  ];
  return (
    <>
      <DataTable caption={t('drive.shared.sent')} columns={columns} rows={sharings} rowKey={(sharing) => sharing.id} />
      {managing && <ManageSharing sharing={managing} onClose={() => setManaging(null)} />}
    </>
  );
}

/** The share dialog needs the item as it is now (its link section too): read from one's own space. */
function ManageSharing({ sharing, onClose }: { sharing: Sharing; onClose: () => void }) {
  const file = useFile(sharing.item.id);
  const item: FileDoc | undefined = file.data;
  return item ? <ShareDialog item={item} onClose={onClose} /> : null;
}
