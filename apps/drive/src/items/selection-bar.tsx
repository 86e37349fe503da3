import { Button, Icon, usePlural, useT } from '@mytoutatice/ui';
import type { MenuItem } from '@mytoutatice/ui';
import type { DriveKey } from '../messages.ts';

/**
 * What is selected and what can be done with it, kept at the bottom of the screen (within a
 * thumb's reach on a phone); the same actions as the items' menus.
 */
export function SelectionBar({ count, actions, onClear }: { count: number; actions: readonly MenuItem[]; onClear: () => void }) {
  const t = useT<DriveKey>();
  const plural = usePlural<DriveKey>();
  if (count === 0) return null;
  return (
    <section className="mt-selection-bar" aria-label={t('drive.selection.label')}>
      <p className="mt-selection-bar__count" aria-live="polite">
        {plural('drive.selection', count)}
      </p>
      <div className="mt-selection-bar__actions">
        {actions.map((action) => (
          <Button
            key={action.id}
            size="sm"
            variant={action.danger ? 'danger' : 'secondary'}
            aria-disabled={action.disabled || undefined}
            title={action.title}
            onClick={() => !action.disabled && action.onSelect()}
          >
            {action.label}
          </Button>
        ))}
        <Button size="sm" variant="ghost" hideLabel icon={<Icon name="close" />} onClick={onClear}>
          {t('drive.selection.clear')}
        </Button>
      </div>
    </section>
  );
}
