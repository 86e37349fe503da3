import { useId } from 'react';
import { classNames } from './class-names.ts';
import { Icon } from './icon.tsx';

export type SearchBoxProps = {
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  /** Placement by the app (margins); the box itself is the same everywhere. */
  className?: string;
};

/** « Rechercher » as you type; Escape clears it and brings back the screen it covered. */
export function SearchBox({ label, placeholder, value, onChange, className }: SearchBoxProps) {
  const id = useId();
  return (
    <form role="search" className={classNames('mt-search', className)} onSubmit={(event) => event.preventDefault()}>
      <label htmlFor={id} className="mt-visually-hidden">
        {label}
      </label>
      <Icon name="search" className="mt-search__icon" />
      <input
        id={id}
        type="search"
        className="mt-field__input mt-search__input"
        placeholder={placeholder}
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
