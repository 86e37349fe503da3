import type { DriveKey } from '../messages.ts';
import type { FileDoc } from '@mytoutatice/contract';
import { ROOT_ID } from '@mytoutatice/sdk';
import { Link } from '@mytoutatice/app-kit';
import { useT } from '@mytoutatice/ui';
import { folderPath } from '../routes.ts';

/** Drive › … › parent › current: the way back up from a folder. */
export function Breadcrumbs({ folder }: { folder: FileDoc }) {
  const t = useT<DriveKey>();
  if (folder.id === ROOT_ID) return null;
  return (
    <nav aria-label={t('drive.breadcrumb')} className="mt-breadcrumbs">
      <ol>
        <li>
          <Link href={folderPath(ROOT_ID)}>{t('drive.title')}</Link>
        </li>
        {folder.parentId && folder.parentId !== ROOT_ID && (
          <li>
            <Link href={folderPath(folder.parentId)} aria-label={t('drive.parent')}>
              …
            </Link>
          </li>
        )}
        <li aria-current="page">{folder.name}</li>
      </ol>
    </nav>
  );
}
