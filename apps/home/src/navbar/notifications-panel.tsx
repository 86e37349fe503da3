import type { Document, SharingNotificationData } from '@mytoutatice/contract';
import { Link } from '@mytoutatice/app-kit';
import { doctypes } from '@mytoutatice/sdk';
import { isUnread, useUpdateDocument } from '@mytoutatice/sdk/react';
import { Button, I18nProvider, useT } from '@mytoutatice/ui';
import type { Translate } from '@mytoutatice/ui';
import type { NavbarKey } from './navbar-messages.ts';
import { notificationsMessages, type NotificationsKey } from './notifications-messages.ts';

/** Where « Partages » is: each notification leads to the sharing it announces, opened there. */
const SHARINGS_ROUTE = '/drive/partages';
const sharingHref = (data: Partial<SharingNotificationData>) =>
  data.sharingId ? `${SHARINGS_ROUTE}/${encodeURIComponent(data.sharingId)}` : SHARINGS_ROUTE;

type Props = {
  id: string;
  /** Newest first, as the listing gives them. */
  notifications: readonly Document[];
  /** A notification was followed: the panel closes. */
  onFollow: () => void;
};

/** « Nadia Martin a partagé le dossier « Cours » avec vous (Peut modifier) ». */
function sentence(t: Translate<NotificationsKey>, data: Partial<SharingNotificationData>): string {
  const role = t(data.role === 'read' ? 'notifications.role.read' : data.role === 'drop' ? 'notifications.role.drop' : 'notifications.role.write');
  const params = { owner: data.ownerName ?? '', name: data.itemName ?? '', role };
  return t(data.itemKind === 'file' ? 'notifications.sharedFile' : 'notifications.sharedFolder', params);
}

export function NotificationsPanel(props: Props) {
  return (
    <I18nProvider messages={notificationsMessages}>
      <Panel {...props} />
    </I18nProvider>
  );
}

/** The notifications, newest first, each a link to its sharing, marked read when followed (and when the sharing is opened). */
function Panel({ id, notifications, onFollow }: Props) {
  const t = useT<NavbarKey | NotificationsKey>();
  const update = useUpdateDocument(doctypes.notifications);
  const markRead = (read: readonly Document[]) => {
    const readAt = new Date().toISOString();
    // Each refreshes the listing; a failure leaves it unread, to be marked again.
    for (const n of read) update.mutate({ id: n.id, rev: n.rev, data: { ...n.data, readAt } });
  };
  const shown = notifications.filter((n) => n.data.kind === 'sharing');
  const unread = shown.filter(isUnread);
  return (
    <section id={id} className="mt-notifications__panel" aria-labelledby={`${id}-title`}>
      <div className="mt-notifications__head">
        <h2 id={`${id}-title`} className="mt-notifications__title">
          {t('navbar.notifications')}
        </h2>
        <Button size="sm" variant="ghost" disabled={unread.length === 0 || update.isPending} onClick={() => markRead(unread)}>
          {t('notifications.markAllRead')}
        </Button>
      </div>
      {shown.length === 0 ? (
        <p className="mt-notifications__empty">{t('notifications.none')}</p>
      ) : (
        <ul className="mt-notifications__list">
          {shown.map((notification) => (
            <li key={notification.id} className={isUnread(notification) ? 'mt-notifications__item mt-notifications__item--unread' : 'mt-notifications__item'}>
              <Link
                href={sharingHref(notification.data as Partial<SharingNotificationData>)}
                onClick={() => {
                  if (isUnread(notification)) markRead([notification]);
                  onFollow();
                }}
              >
                {isUnread(notification) ? <span className="mt-visually-hidden">{t('notifications.unread')} </span> : null}
                {sentence(t, notification.data as Partial<SharingNotificationData>)}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
