import { useEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';
import type { AppPassword } from '@mytoutatice/contract';
import { useRevokeAppPassword } from '@mytoutatice/sdk/react';
import { Button, Dialog, errorText, formatDate, useLocale, useT, useToast } from '@mytoutatice/ui';
import type { SettingsKey } from './settings-messages.ts';

const WHEN: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };

/**
 * The passwords made so far, each with its dates and « Révoquer » (asked for confirmation).
 * Once one is revoked its button is gone: focus moves to `afterRevoke` rather than the page's top.
 */
export function AppPasswordList({ passwords, afterRevoke }: { passwords: AppPassword[]; afterRevoke: RefObject<HTMLElement | null> }) {
  const t = useT<SettingsKey>();
  const locale = useLocale();
  const toast = useToast();
  const revoke = useRevokeAppPassword();
  const [asked, setAsked] = useState<AppPassword | null>(null);
  const revoked = useRef(false);

  // After the dialog has closed (its own effect runs first), so the page is no longer inert.
  useEffect(() => {
    if (!revoked.current || asked !== null) return;
    revoked.current = false;
    afterRevoke.current?.focus();
  }, [asked, afterRevoke]);

  if (passwords.length === 0) return <p>{t('settings.devices.empty')}</p>;

  const confirm = (password: AppPassword) =>
    revoke.mutate(password.id, {
      onSuccess: () => {
        toast.success(t('settings.devices.revoked', { label: password.label }));
        revoked.current = true;
      },
      onError: (error) => toast.error(errorText(t, error)),
      onSettled: () => setAsked(null),
    });

  return (
    <>
      <ul className="mt-list mt-settings-passwords">
        {passwords.map((password) => (
          <li key={password.id}>
            <div className="mt-settings-passwords__text">
              <strong className="mt-settings-passwords__label">{password.label}</strong>
              <span>{t('settings.devices.createdAt', { date: formatDate(password.createdAt, locale, WHEN) })}</span>
              <span>
                {password.lastUsedAt
                  ? t('settings.devices.lastUsed', { date: formatDate(password.lastUsedAt, locale, WHEN) })
                  : t('settings.devices.neverUsed')}
              </span>
            </div>
            <Button variant="danger" size="sm" onClick={() => setAsked(password)}>
              {t('settings.devices.revoke')}
              <span className="mt-visually-hidden"> « {password.label} »</span>
            </Button>
          </li>
        ))}
      </ul>
      <Dialog
        open={asked !== null}
        size="sm"
        onClose={() => setAsked(null)}
        title={t('settings.devices.revokeTitle', { label: asked?.label ?? '' })}
        actions={
          <>
            <Button data-autofocus onClick={() => setAsked(null)}>
              {t('action.cancel')}
            </Button>
            <Button variant="danger" disabled={revoke.isPending} onClick={() => asked && confirm(asked)}>
              {t('settings.devices.revoke')}
            </Button>
          </>
        }
      >
        <p>{t('settings.devices.revokeText')}</p>
      </Dialog>
    </>
  );
}
