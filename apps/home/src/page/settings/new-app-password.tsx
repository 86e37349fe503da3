import { useEffect, useId, useRef, useState } from 'react';
import type { CreatedAppPassword } from '@mytoutatice/contract';
import { Button, Icon, useT } from '@mytoutatice/ui';
import type { SettingsKey } from './settings-messages.ts';

type Copy = 'idle' | 'copied' | 'failed';

/** The password just made, shown this once, with a way to copy it. */
export function NewAppPassword({ created, onDone }: { created: CreatedAppPassword; onDone: () => void }) {
  const t = useT<SettingsKey>();
  const fieldId = useId();
  const warningId = useId();
  const field = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<Copy>('idle');

  // The button that made it is gone: focus goes to the password, which reads it out and selects it.
  useEffect(() => field.current?.focus(), []);

  const copyPassword = async () => {
    try {
      await navigator.clipboard.writeText(created.password);
      setCopy('copied');
    } catch {
      // No clipboard (a page not served over HTTPS, a refused permission): select it for Ctrl+C.
      field.current?.select();
      setCopy('failed');
    }
  };

  return (
    <div className="mt-settings-new" role="group" aria-labelledby={`${fieldId}-title`}>
      <p id={`${fieldId}-title`} className="mt-settings-new__title">
        <Icon name="check" /> {t('settings.devices.created', { label: created.label })}
      </p>
      <label htmlFor={fieldId} className="mt-field__label">
        {t('settings.devices.password')}
      </label>
      <div className="mt-settings-new__password">
        <input
          ref={field}
          id={fieldId}
          className="mt-field__input"
          readOnly
          value={created.password}
          aria-describedby={warningId}
          spellCheck={false}
          autoComplete="off"
          onFocus={(event) => event.currentTarget.select()}
        />
        <Button onClick={() => void copyPassword()}>
          {t('settings.devices.copy')}
        </Button>
      </div>
      <p id={warningId} className="mt-settings-new__warning">
        <Icon name="alert" /> {t('settings.devices.onceWarning')}
      </p>
      <p role="status" className="mt-settings-new__status">
        {copy === 'copied' ? t('settings.devices.copied') : copy === 'failed' ? t('settings.devices.copyFailed') : ''}
      </p>
      <div className="mt-actions">
        <Button variant="primary" onClick={onDone}>
          {t('settings.devices.done')}
        </Button>
      </div>
    </div>
  );
}
