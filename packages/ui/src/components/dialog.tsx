import { useEffect, useId, useRef } from 'react';
import type { FormEvent, KeyboardEvent, ReactNode, SyntheticEvent } from 'react';
import { useT } from '../i18n/i18n-provider.tsx';
import { Button } from './button.tsx';
import { classNames } from './class-names.ts';
import { Icon } from './icon.tsx';

export type DialogProps = {
  open: boolean;
  /** Called on Escape, on the close button, and when the browser closes the dialog. */
  onClose: () => void;
  /** The dialog's heading and accessible name. */
  title: ReactNode;
  children?: ReactNode;
  /** Buttons at the bottom (primary last). */
  actions?: ReactNode;
  /** Makes the dialog a form: Enter in a field submits; the default is prevented for you. */
  onSubmit?: (event: FormEvent<HTMLFormElement>) => void;
  size?: 'sm' | 'md' | 'lg';
  className?: string;
};

const FIRST_FIELD = '[data-autofocus], .mt-dialog__body input:not([type=hidden]), .mt-dialog__body select, .mt-dialog__body textarea';

/**
 * A modal dialog on the native `<dialog>` (`showModal()`: focus trap, inert page, top layer),
 * labelled by its title. Focus starts on the first field (or `data-autofocus`) and returns to the
 * element that had it when the dialog closes.
 */
export function Dialog({ open, onClose, title, children, actions, onSubmit, size = 'md', className }: DialogProps) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || !open) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    dialog.querySelector<HTMLElement>(FIRST_FIELD)?.focus();
    return () => {
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, [open]);

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    onClose();
  };
  // Close requests the keyboard handler did not see (e.g. Android's back gesture).
  const onCancel = (event: SyntheticEvent<HTMLDialogElement>) => {
    event.preventDefault();
    onClose();
  };
  const onNativeClose = () => {
    if (open) onClose();
  };

  const content = (
    <>
      <div className="mt-dialog__header">
        <h2 id={titleId} className="mt-dialog__title">
          {title}
        </h2>
        <Button variant="ghost" size="sm" hideLabel icon={<Icon name="close" />} onClick={onClose}>
          {t('action.close')}
        </Button>
      </div>
      <div className="mt-dialog__body">{children}</div>
      {actions ? <div className="mt-dialog__actions">{actions}</div> : null}
    </>
  );

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      className={classNames('mt-dialog', `mt-dialog--${size}`, className)}
      onKeyDown={onKeyDown}
      onCancel={onCancel}
      onClose={onNativeClose}
    >
      {!open ? null : onSubmit ? (
        <form
          className="mt-dialog__frame"
          onSubmit={(event) => {
            event.preventDefault();
            onSubmit(event);
          }}
        >
          {content}
        </form>
      ) : (
        <div className="mt-dialog__frame">{content}</div>
      )}
    </dialog>
  );
}
