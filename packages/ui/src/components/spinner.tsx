import { useT } from '../i18n/i18n-provider.tsx';
import { classNames } from './class-names.ts';

export type SpinnerProps = {
  /** « Chargement… » by default; read by screen readers, shown only with `showLabel`. */
  label?: string;
  showLabel?: boolean;
  size?: 'sm' | 'md' | 'lg';
  className?: string;
};

/** A busy indicator with accessible text (role status); it turns slowly under reduced motion. */
export function Spinner({ label, showLabel = false, size = 'md', className }: SpinnerProps) {
  const t = useT();
  return (
    <span role="status" className={classNames('mt-spinner', `mt-spinner--${size}`, className)}>
      <span className="mt-spinner__circle" aria-hidden="true" />
      <span className={showLabel ? 'mt-spinner__label' : 'mt-visually-hidden'}>{label ?? t('status.loading')}</span>
    </span>
  );
}

/** A spinner with its text, centred in the space it is given (a page or panel loading). */
export function Loading({ label }: { label?: string }) {
  return (
    <div className="mt-loading">
      <Spinner label={label} showLabel size="lg" />
    </div>
  );
}
