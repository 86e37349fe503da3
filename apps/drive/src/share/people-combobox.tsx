import { useDebounced } from '@mytoutatice/app-kit';
import type { Person } from '@mytoutatice/contract';
import { MIN_PEOPLE_QUERY } from '@mytoutatice/sdk';
import { usePeopleSearch } from '@mytoutatice/sdk/react';
import { usePlural, useT } from '@mytoutatice/ui';
import { useId, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { DriveKey } from '../messages.ts';
import { initialsOf, nextActive, offered } from './people-options.ts';

const SEARCH_PAUSE_MS = 250;

export function PersonAvatar({ name }: { name: string }) {
  return (
    <span className="mt-avatar" aria-hidden="true">
      {initialsOf(name)}
    </span>
  );
}

/**
 * « À : »: an ARIA 1.2 combobox searching the académie's directory as one types (after a pause);
 * ↓ ↑ highlight a person, Enter adds them, Escape closes the list. Focus stays in the text field
 * throughout (the highlighted option is `aria-activedescendant`).
 */
export function PeopleCombobox({ excluded, onChoose }: { excluded: ReadonlySet<string>; onChoose: (person: Person) => void }) {
  const t = useT<DriveKey>();
  const plural = usePlural<DriveKey>();
  const id = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const query = useDebounced(text.trim(), SEARCH_PAUSE_MS);
  const search = usePeopleSearch(query);
  const options = offered(search.data?.people ?? [], excluded);
  const long = text.trim().length >= MIN_PEOPLE_QUERY;
  const shown = open && long && query === text.trim() && options.length > 0;
  const listId = `${id}-list`;
  const optionId = (index: number) => `${id}-option-${index}`;

  const choose = (person: Person) => {
    onChoose(person);
    setText('');
    setActive(-1);
    setOpen(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape' && (shown || text !== '')) {
      // Closes the list (then clears the text), not the dialog around it.
      event.preventDefault();
      if (shown) setOpen(false);
      else setText('');
      setActive(-1);
      return;
    }
    if (event.key === 'Enter') {
      const person = shown ? options[active] : undefined;
      // Enter never submits the dialog's form from here: it is for choosing.
      event.preventDefault();
      if (person) choose(person);
      return;
    }
    if (!shown && event.key === 'ArrowDown' && options.length > 0) {
      setOpen(true);
      setActive(0);
      event.preventDefault();
      return;
    }
    const to = shown ? nextActive(active, event.key, options.length) : null;
    if (to === null) return;
    event.preventDefault();
    setActive(to);
  };

  const status = !long
    ? text.trim() === '' ? '' : t('drive.share.minChars')
    : search.isFetching || query !== text.trim()
      ? t('drive.share.searching')
      : options.length === 0
        ? t('drive.share.noMatch', { q: text.trim() })
        : plural('drive.share.matches', options.length);

  return (
    <div className="mt-combobox">
      <label htmlFor={`${id}-input`} className="mt-field__label">
        {t('drive.share.to')}
      </label>
      <input
        id={`${id}-input`}
        className="mt-field__input"
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-autocomplete="list"
        aria-expanded={shown}
        aria-controls={listId}
        aria-activedescendant={shown && active >= 0 ? optionId(active) : undefined}
        aria-describedby={`${id}-status`}
        placeholder={t('drive.share.placeholder')}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
        onFocus={() => setOpen(true)}
      />
      <ul id={listId} role="listbox" aria-label={t('drive.share.suggestions')} className="mt-combobox__list" hidden={!shown}>
        {shown &&
          options.map((person, index) => (
            <li
              key={person.slug}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              className="mt-combobox__option"
              // Keeps the focus in the field: the click chooses without a blur closing the list first.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(person)}
            >
              <PersonAvatar name={person.name} />
              <span className="mt-person">
                <span className="mt-person__name">{person.name}</span>
                <span className="mt-person__address">{person.address}</span>
              </span>
            </li>
          ))}
      </ul>
      <p id={`${id}-status`} role="status" className="mt-combobox__status">
        {status}
      </p>
    </div>
  );
}
