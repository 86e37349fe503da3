import type { FileDoc } from '@mytoutatice/contract';
import { checkName, isApiError } from '@mytoutatice/sdk';
import { useRenameOrMove } from '@mytoutatice/sdk/react';
import { errorText, useT } from '@mytoutatice/ui';
import { useEffect, useId, useRef, useState } from 'react';
import type { DriveKey } from '../messages.ts';

/**
 * « Renommer » in place: Enter saves, Escape gives up. A name already taken is explained with the
 * free name the storage proposes.
 */
export function RenameField({ item, onDone }: { item: FileDoc; onDone: (renamed: boolean) => void }) {
  const t = useT<DriveKey>();
  const errorId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [name, setName] = useState(item.name);
  const [error, setError] = useState<string | null>(null);
  const rename = useRenameOrMove();

  useEffect(() => {
    const field = input.current;
    if (!field) return;
    field.focus();
    // The name without its extension is what people usually change.
    const dot = item.type === 'file' ? item.name.lastIndexOf('.') : -1;
    field.setSelectionRange(0, dot > 0 ? dot : item.name.length);
  }, [item]);

  function submit() {
    const check = checkName(name);
    if (!check.ok) return setError(check.reason);
    if (check.name === item.name) return onDone(false);
    rename.mutate(
      { file: item, patch: { name: check.name } },
      {
        onSuccess: () => onDone(true),
        onError: (err) =>
          setError(
            isApiError(err) && err.code === 'name_conflict' && err.suggestedName
              ? t('drive.nameConflict', { name: err.suggestedName })
              : errorText(t, err),
          ),
      },
    );
  }

  return (
    <span className="mt-rename">
      <input
        ref={input}
        className="mt-field__input mt-rename__input"
        aria-label={t('drive.rename.label', { name: item.name })}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        value={name}
        disabled={rename.isPending}
        onChange={(event) => setName(event.target.value)}
        onClick={(event) => event.stopPropagation()}
        onDoubleClick={(event) => event.stopPropagation()}
        onKeyDown={(event) => {
          // The list's own keys (Delete, arrows, ctrl+A…) must not act while a name is typed.
          event.stopPropagation();
          if (event.key === 'Enter') {
            event.preventDefault();
            submit();
          } else if (event.key === 'Escape') {
            event.preventDefault();
            onDone(false);
          }
        }}
      />
      {error ? (
        <span id={errorId} className="mt-rename__error" role="alert">
          {error}
        </span>
      ) : null}
    </span>
  );
}
