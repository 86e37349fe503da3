import { useId } from 'react';
import { useLocale } from '../i18n/i18n-provider.tsx';
import { classNames } from './class-names.ts';

export type ProgressBarProps = {
  /** The accessible name, shown above the bar unless `hideLabel`. */
  label: string;
  /** Omit for an indeterminate bar. */
  value?: number;
  max?: number;
  hideLabel?: boolean;
  className?: string;
};

/** A native `<progress>` (role progressbar, with its value) and a visible percentage. */
export function ProgressBar({ label, value, max = 1, hideLabel = false, className }: ProgressBarProps) {
  const id = useId();
  const locale = useLocale();
  const ratio = value === undefined || max <= 0 ? undefined : Math.min(Math.max(value / max, 0), 1);
  const percent =
    ratio === undefined ? '' : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(ratio);
  return (
    <div className={classNames('mt-progress', className)}>
      <div className={hideLabel ? 'mt-visually-hidden' : 'mt-progress__label'}>
        <span id={id}>{label}</span>
        <span aria-hidden="true">{percent}</span>
      </div>
      <progress className="mt-progress__bar" aria-labelledby={id} value={value} max={max}>
        {percent}
      </progress>
    </div>
  );
}
