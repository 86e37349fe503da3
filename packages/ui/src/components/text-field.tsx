import { useId } from 'react';
import type { ComponentPropsWithRef } from 'react';
import { classNames } from './class-names.ts';

export type TextFieldProps = ComponentPropsWithRef<'input'> & {
  label: string;
  /** Help shown under the label, linked with aria-describedby. */
  hint?: string;
  /** Marks the field invalid and says why (linked with aria-describedby). */
  error?: string | null;
  hideLabel?: boolean;
};

/** A labelled `<input>` with its hint and error message. */
export function TextField({ label, hint, error, hideLabel = false, id, className, ...input }: TextFieldProps) {
  const autoId = useId();
  const inputId = id ?? autoId;
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = error ? `${inputId}-error` : undefined;
  const describedBy = [hintId, errorId, input['aria-describedby']].filter(Boolean).join(' ') || undefined;
  return (
    <div className={classNames('mt-field', error && 'mt-field--invalid', className)}>
      <label htmlFor={inputId} className={hideLabel ? 'mt-visually-hidden' : 'mt-field__label'}>
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="mt-field__hint">
          {hint}
        </p>
      ) : null}
      <input
        type="text"
        {...input}
        id={inputId}
        className="mt-field__input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
      {error ? (
        <p id={errorId} className="mt-field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
