import { lazy, Suspense, useEffect, useId, useRef, useState } from 'react';
import { isUnread, useNotifications } from '@mytoutatice/sdk/react';
import { Icon, Loading, usePlural, useT } from '@mytoutatice/ui';
import type { NavbarKey } from './navbar-messages.ts';

// Its own chunk, fetched on the first opening: the badge alone loads with the shell.
const NotificationsPanel = lazy(() => import('./notifications-panel.tsx').then((m) => ({ default: m.NotificationsPanel })));

/**
 * « Notifications » in the bar, its unread count as a badge and in its name; opens the panel
 * below it. Escape, or a click elsewhere, closes it (focus back on the button after Escape).
 */
export function NotificationsButton() {
  const t = useT<NavbarKey>();
  const plural = usePlural<NavbarKey>();
  const notifications = useNotifications();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const items = notifications.data?.items ?? [];
  const unread = items.filter(isUnread).length;
  const label = unread === 0 ? t('navbar.notifications') : plural('navbar.notificationsUnread', unread);

  // On the document: focus may have left the panel (« Tout marquer comme lu » disables itself).
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open]);

  return (
    <div ref={rootRef} className="mt-notifications">
      <button
        ref={buttonRef}
        type="button"
        className="mt-button mt-button--ghost mt-button--icon-only mt-notifications__button"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        title={label}
        onClick={() => setOpen((was) => !was)}
      >
        <Icon name="bell" />
        <span className="mt-visually-hidden">{label}</span>
        {unread > 0 ? (
          <span className="mt-notifications__badge" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        ) : null}
      </button>
      {open ? (
        <Suspense fallback={<Loading />}>
          <NotificationsPanel id={panelId} notifications={items} onFollow={() => setOpen(false)} />
        </Suspense>
      ) : null}
    </div>
  );
}
