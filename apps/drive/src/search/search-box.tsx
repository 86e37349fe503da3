import { Icon, useT } from '@mytoutatice/ui';
import { useId } from 'react';
import type { DriveKey } from '../messages.ts';

/** « Rechercher » as you type; Escape clears it and brings back the screen it covered. */
export function SearchBox({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const t = useT<DriveKey>();
  const id = useId();
  return (
    <form role="search" className="mt-drive-search" onSubmit={(event) => event.preventDefault()}>
      <label htmlFor={id} className="mt-visually-hidden">
        {t('drive.search.label')}
      </label>
      <Icon name="search" className="mt-drive-search__icon" />
      <input
        id={id}
        type="search"
        className="mt-field__input mt-drive-search__input"
        placeholder={t('drive.search.placeholder')}
        autoComplete="off"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && value !== '') {
            event.preventDefault();
            onChange('');
          }
        }}
      />
    </form>
  );
}
