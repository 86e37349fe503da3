import type { ReactNode } from 'react';
import { useT } from '../i18n/i18n-provider.tsx';
import { Button } from './button.tsx';
import { Icon } from './icon.tsx';

export type ErrorPanelProps = {
  /** « Cette application n’a pas pu se charger » by default. */
  title?: string;
  detail?: ReactNode;
  /** Shows « Réessayer ». */
  onRetry?: () => void;
  /** Shown small, for support (an ApiError's `requestId`). */
  reference?: string;
};

/** What stands in for an app (or a part of one) that failed to load; announced as an alert. */
export function ErrorPanel({ title, detail, onRetry, reference }: ErrorPanelProps) {
  const t = useT();
  return (
    <div className="mt-error-panel" role="alert">
      <Icon name="alert" size={40} className="mt-error-panel__icon" />
      <h2 className="mt-error-panel__title">{title ?? t('error.appLoadFailed')}</h2>
      {detail ? <p className="mt-error-panel__detail">{detail}</p> : null}
      {reference ? <p className="mt-error-panel__reference">{reference}</p> : null}
      {onRetry ? (
        <Button variant="primary" onClick={onRetry}>
          {t('action.retry')}
        </Button>
      ) : null}
    </div>
  );
}
