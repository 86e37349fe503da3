import type { Document, SharingNotificationData } from '@mytoutatice/contract';
import { Link } from '@mytoutatice/app-kit';
import { isUnread, useMarkNotificationsRead } from '@mytoutatice/sdk/react';
import { Button, useT } from '@mytoutatice/ui';
import type { Translate } from '@mytoutatice/ui';
import type { NavbarKey } from './navbar-messages.ts';

/** Where « Partages » is: what each notification leads to. */
const SHARINGS_ROUTE = '/drive/partages';

type Props = {
  id: string;
  /** Newest first, as the listing gives them. */
  notifications: readonly Document[];
  /** A notification was followed: the panel closes. */
  onFollow: () => void;
};

/** « Nadia Martin a partagé le dossier « Cours » avec vous (Peut modifier) ». */
function sentence(t: Translate<NavbarKey>, data: Partial<SharingNotificationData>): string {
  const role = data.role === 'read' ? t('navbar.role.read') : data.role === 'drop' ? t('navbar.role.drop') : t('navbar.role.write');
  const params = { owner: data.ownerName ?? '', name: data.itemName ?? '', role };
  return data.itemKind === 'file' ? t('navbar.sharedFile', params) : t('navbar.sharedFolder', params);
}

/** The notifications, newest first, each a link to « Partages », marked read when followed. */
export function NotificationsPanel({ id, notifications, onFollow }: Props) {
  const t = useT<NavbarKey>();
  const markRead = useMarkNotificationsRead();
  const shown = notifications.filter((n) => n.data.kind === 'sharing');
  const unread = shown.filter(isUnread);
  return (
    <section id={id} className="mt-notifications__panel" aria-labelledby={`${id}-title`}>
      <div className="mt-notifications__head">
        <h2 id={`${id}-title`} className="mt-notifications__title">
          {t('navbar.notifications')}
        </h2>
        <Button size="sm" variant="ghost" disabled={unread.length === 0 || markRead.isPending} onClick={() => markRead.mutate(unread)}>
          {t('navbar.markAllRead')}
        </Button>
      </div>
      {shown.length === 0 ? (
        <p className="mt-notifications__empty">{t('navbar.noNotifications')}</p>
      ) : (
        <ul className="mt-notifications__list">
          {shown.map((notification) => (
            <li key={notification.id} className={isUnread(notification) ? 'mt-notifications__item mt-notifications__item--unread' : 'mt-notifications__item'}>
              <Link
                href={SHARINGS_ROUTE}
                onClick={() => {
                  if (isUnread(notification)) markRead.mutate([notification]);
                  onFollow();
                }}
              >
                {isUnread(notification) ? <span className="mt-visually-hidden">{t('navbar.unread')} </span> : null}
                {sentence(t, notification.data as Partial<SharingNotificationData>)}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
