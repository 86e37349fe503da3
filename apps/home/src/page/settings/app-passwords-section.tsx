import { useEffect, useId, useRef, useState } from 'react';
import type { CreatedAppPassword } from '@mytoutatice/contract';
import { useAppPasswords, useCreateAppPassword } from '@mytoutatice/sdk/react';
import { Button, ErrorPanel, errorText, Loading, TextField, useT } from '@mytoutatice/ui';
import { AppPasswordList } from './app-password-list.tsx';
import { NewAppPassword } from './new-app-password.tsx';
import type { SettingsKey } from './settings-messages.ts';

const MAX_LABEL = 100;

/** How a DAV client connects, the form that makes a password, the one just made, the list. */
export function AppPasswordsSection({ davUrl, username }: { davUrl: string; username: string }) {
  const t = useT<SettingsKey>();
  const headingId = useId();
  const passwords = useAppPasswords();
  const create = useCreateAppPassword();
  const [label, setLabel] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [created, setCreated] = useState<CreatedAppPassword | null>(null);
  const [dismissed, setDismissed] = useState(false);
  const labelField = useRef<HTMLInputElement>(null);
  const listHeading = useRef<HTMLHeadingElement>(null);

  // Once the new password is put away, the form is back: ready for the next device.
  useEffect(() => {
    if (dismissed && !created) labelField.current?.focus();
  }, [dismissed, created]);

  const submit = () => {
    const trimmed = label.trim();
    if (trimmed === '') {
      setInvalid(true);
      return;
    }
    create.mutate(trimmed, {
      onSuccess: (answer) => {
        setCreated(answer);
        setDismissed(false);
        setLabel('');
      },
    });
  };

  let list;
  if (passwords.isPending) list = <Loading />;
  else if (passwords.isError)
    list = <ErrorPanel title={t('settings.devices.loadError')} detail={errorText(t, passwords.error)} onRetry={() => void passwords.refetch()} />;
  else list = <AppPasswordList passwords={passwords.data} afterRevoke={listHeading} />;

  return (
    <section aria-labelledby={headingId} className="mt-card mt-settings-section">
      <h2 id={headingId}>{t('settings.devices.title')}</h2>
      <p>{t('settings.devices.intro')}</p>
      <dl className="mt-settings-facts">
        <div>
          <dt>{t('settings.devices.address')}</dt>
          <dd>
            <code>{davUrl}</code>
          </dd>
        </div>
        <div>
          <dt>{t('settings.devices.username')}</dt>
          <dd>
            <code>{username}</code>
          </dd>
        </div>
      </dl>
      <p>{t('settings.devices.perDevice')}</p>

      {created ? (
        <NewAppPassword
          created={created}
          onDone={() => {
            setCreated(null);
            setDismissed(true);
          }}
        />
      ) : (
        <form
          className="mt-settings-create"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <TextField
            ref={labelField}
            label={t('settings.devices.label')}
            hint={t('settings.devices.labelHint')}
            value={label}
            maxLength={MAX_LABEL}
            required
            autoComplete="off"
            error={invalid ? t('settings.devices.labelRequired') : create.isError ? errorText(t, create.error) : null}
            onChange={(event) => {
              setLabel(event.target.value);
              setInvalid(false);
              create.reset();
            }}
          />
          <div className="mt-actions">
            <Button type="submit" variant="primary" disabled={create.isPending}>
              {create.isPending ? t('settings.devices.creating') : t('settings.devices.create')}
            </Button>
          </div>
        </form>
      )}

      <h3 ref={listHeading} tabIndex={-1}>
        {t('settings.devices.list')}
      </h3>
      {list}
    </section>
  );
}
