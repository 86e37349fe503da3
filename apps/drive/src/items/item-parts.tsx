import type { FileDoc } from '@mytoutatice/contract';
import { ROOT_ID } from '@mytoutatice/sdk';
import { Link } from '@mytoutatice/app-kit';
import { Icon, MenuButton, useT } from '@mytoutatice/ui';
import type { MenuItem } from '@mytoutatice/ui';
import type { MouseEvent } from 'react';
import type { DriveKey } from '../messages.ts';
import { folderPath } from '../routes.ts';
import { RenameField } from './rename-field.tsx';

/** What a row or card needs from the list around it. */
export type ItemContext = {
  renamingId: string | null;
  endRename: (renamed: boolean) => void;
  menuFor: (item: FileDoc) => readonly MenuItem[];
  /** Folders open as links in the Drive; the trash lists them as plain names. */
  linkFolders: boolean;
  /** A folder's address in the place shown (one's own space, or a sharing). */
  folderHref: (id: string) => string;
  /** Items one has shared carry a mark. */
  isShared: (id: string) => boolean;
  /** A file's name opens it (the preview) in the Drive; undefined in the trash. */
  openFile?: ((item: FileDoc) => void) | undefined;
};

/** A modified click on a folder's link selects it rather than opening a tab (the list handles it). */
function keepModifiedClicks(event: MouseEvent) {
  if (event.ctrlKey || event.metaKey || event.shiftKey) event.preventDefault();
}

export function ItemName({ item, context }: { item: FileDoc; context: ItemContext }) {
  if (context.renamingId === item.id) return <RenameField item={item} onDone={context.endRename} />;
  return (
    <>
      <ItemLabel item={item} context={context} />
      {context.isShared(item.id) && <SharedMark />}
    </>
  );
}

/** The seed's « ÉTAT » 👥: beside the name, not in it (the name stays the link's and row's name). */
function SharedMark() {
  const t = useT<DriveKey>();
  return (
    <span className="mt-item__shared" title={t('drive.share.mark')}>
      <Icon name="share" />
      <span className="mt-visually-hidden">{t('drive.share.mark')}</span>
    </span>
  );
}

function ItemLabel({ item, context }: { item: FileDoc; context: ItemContext }) {
  const icon = <Icon name={item.type === 'directory' ? 'folder' : 'file'} className="mt-item__icon" />;
  const { openFile } = context;
  if (item.type === 'file' && openFile) {
    // Opened by a plain click, as a folder's link is; a modified click selects (the row handles
    // it). Out of the tab order like the checkbox: the keyboard opens with Enter on the row.
    return (
      <button
        type="button"
        tabIndex={-1}
        className="mt-item__name mt-item__open"
        onClick={(event) => {
          if (event.ctrlKey || event.metaKey || event.shiftKey) return;
          event.stopPropagation();
          openFile(item);
        }}
      >
        {icon}
        {item.name}
      </button>
    );
  }
  return item.type === 'directory' && context.linkFolders ? (
    <Link href={context.folderHref(item.id)} className="mt-item__name" onClick={keepModifiedClicks}>
      {icon}
      {item.name}
    </Link>
  ) : (
    <span className="mt-item__name">
      {icon}
      {item.name}
    </span>
  );
}

export function ItemCheckbox({ item, selected, onToggle }: { item: FileDoc; selected: boolean; onToggle: () => void }) {
  const t = useT<DriveKey>();
  return (
    <input
      type="checkbox"
      className="mt-item__check"
      tabIndex={-1}
      checked={selected}
      aria-label={t('drive.select', { name: item.name })}
      onChange={onToggle}
      onClick={(event) => event.stopPropagation()}
    />
  );
}

export function ItemMenu({ item, context }: { item: FileDoc; context: ItemContext }) {
  const t = useT<DriveKey>();
  return (
    <MenuButton
      className="mt-item__menu"
      label={t('drive.itemActions', { name: item.name })}
      icon={<Icon name="more" />}
      hideLabel
      variant="ghost"
      size="sm"
      align="end"
      items={context.menuFor(item)}
    />
  );
}

/** Where an item is (`/Cours/Maths/exo.pdf` → « Mon Drive › Cours › Maths »), linking to its folder when it still exists. */
export function ItemLocation({ item, link }: { item: FileDoc; link: boolean }) {
  const t = useT<DriveKey>();
  const folders = (item.path ?? '').split('/').slice(1, -1);
  const text = [t('drive.title'), ...folders].join(' › ');
  if (!link || item.parentId === null) return <span className="mt-item__location">{text}</span>;
  return (
    <Link href={folderPath(item.parentId === ROOT_ID ? ROOT_ID : item.parentId)} className="mt-item__location">
      {text}
    </Link>
  );
}
