import type { ComponentPropsWithRef, ReactNode } from 'react';
import { classNames } from './class-names.ts';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'ghost';

export type ButtonProps = ComponentPropsWithRef<'button'> & {
  variant?: ButtonVariant;
  size?: 'md' | 'sm';
  /** Shown before the label (e.g. `<Icon name="upload" />`), hidden from assistive technologies. */
  icon?: ReactNode;
  /** Icon-only button: the label stays as the accessible name and tooltip, but is not shown. */
  hideLabel?: boolean;
};

/** A button; `type="button"` unless said otherwise, so it never submits a form by accident. */
export function Button({
  variant = 'secondary',
  size = 'md',
  icon,
  hideLabel = false,
  className,
  children,
  type = 'button',
  title,
  ...props
}: ButtonProps) {
  return (
    <button
      type={type}
      className={classNames(
        'mt-button',
        `mt-button--${variant}`,
        size === 'sm' && 'mt-button--sm',
        hideLabel && 'mt-button--icon-only',
        className,
      )}
      title={title ?? (hideLabel && typeof children === 'string' ? children : undefined)}
      {...props}
    >
      {icon ? (
        <span className="mt-button__icon" aria-hidden="true">
          {icon}
        </span>
      ) : null}
      <span className={hideLabel ? 'mt-visually-hidden' : 'mt-button__label'}>{children}</span>
    </button>
  );
}
