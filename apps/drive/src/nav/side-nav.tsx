import { Link } from '@mytoutatice/app-kit';
import { ROOT_ID } from '@mytoutatice/sdk';
import { Icon, useT } from '@mytoutatice/ui';
import type { IconName, UiMessageKey } from '@mytoutatice/ui';
import type { DriveKey } from '../messages.ts';
import { folderPath, viewPaths } from '../routes.ts';
import type { DriveView } from '../routes.ts';

type Entry = { kind: DriveView['kind']; href: string; label: DriveKey | UiMessageKey; icon: IconName };

const ENTRIES: readonly Entry[] = [
  { kind: 'folder', href: folderPath(ROOT_ID), label: 'drive.nav.myDrive', icon: 'folder' },
  { kind: 'recent', href: viewPaths.recent, label: 'nav.recent', icon: 'clock' },
  { kind: 'favorites', href: viewPaths.favorites, label: 'drive.nav.favorites', icon: 'star' },
  { kind: 'shared', href: viewPaths.shared, label: 'nav.shared', icon: 'share' },
  { kind: 'trash', href: viewPaths.trash, label: 'nav.trash', icon: 'trash' },
];

/** « Mon Drive », « Récents », « Favoris », « Partages », « Corbeille »; the current one marked. */
export function SideNav({ current }: { current: DriveView['kind'] }) {
  const t = useT<DriveKey>();
  return (
    <ul className="mt-drive-nav">
      {ENTRIES.map((entry) => (
        <li key={entry.kind}>
          <Link href={entry.href} className="mt-drive-nav__link" aria-current={entry.kind === current ? 'page' : undefined}>
            <Icon name={entry.icon} />
            {t(entry.label)}
          </Link>
        </li>
      ))}
    </ul>
  );
}
