import type { DriveKey } from '../messages.ts';
import type { FileDoc } from '@mytoutatice/contract';
import { ROOT_ID } from '@mytoutatice/sdk';
import { Link } from '@mytoutatice/app-kit';
import { useT } from '@mytoutatice/ui';
import { useDrivePlace } from '../place/drive-place.tsx';
import { folderPath, viewPaths } from '../routes.ts';

/**
 * Drive › … › parent › current: the way back up from a folder. Through a sharing: Partages ›
 * the shared folder › … › current (nothing above the shared folder is reachable).
 */
export function Breadcrumbs({ folder }: { folder: FileDoc }) {
  const t = useT<DriveKey>();
  const { sharing, rootId, folderHref } = useDrivePlace();
  if (!sharing && folder.id === ROOT_ID) return null;
  const atTop = folder.id === rootId;
  return (
    <nav aria-label={t('drive.breadcrumb')} className="mt-breadcrumbs">
      <ol>
        <li>{sharing ? <Link href={viewPaths.shared}>{t('nav.shared')}</Link> : <Link href={folderPath(ROOT_ID)}>{t('drive.title')}</Link>}</li>
        {sharing && !atTop && (
          <li>
            <Link href={folderHref(rootId)}>{sharing.item.name}</Link>
          </li>
        )}
        {!atTop && folder.parentId && folder.parentId !== rootId && (
          <li>
            <Link href={folderHref(folder.parentId)} aria-label={t('drive.parent')}>
              …
            </Link>
          </li>
        )}
        <li aria-current="page">{folder.name}</li>
      </ol>
    </nav>
  );
}
