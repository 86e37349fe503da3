import type { SharingRole } from '@mytoutatice/contract';
import { useT } from '@mytoutatice/ui';
import type { UiMessageKey } from '@mytoutatice/ui';
import type { DriveKey } from '../messages.ts';

export const ROLE_LABELS: Record<SharingRole, DriveKey | UiMessageKey> = {
  write: 'share.canEdit',
  read: 'share.canView',
  drop: 'drive.share.role.drop',
};

/** « Peut modifier » / « Peut consulter », and « Dépôt » for a folder. */
export function RoleSelect({ label, value, folder, disabled, onChange }: {
  label: string;
  value: SharingRole;
  folder: boolean;
  disabled?: boolean;
  onChange: (role: SharingRole) => void;
}) {
  const t = useT<DriveKey>();
  const roles: SharingRole[] = folder ? ['write', 'read', 'drop'] : ['write', 'read'];
  return (
    <select
      className="mt-role-select"
      aria-label={label}
      value={value}
      disabled={disabled}
      onChange={(event) => onChange(event.target.value as SharingRole)}
    >
      {roles.map((role) => (
        <option key={role} value={role}>
          {t(ROLE_LABELS[role])}
        </option>
      ))}
    </select>
  );
}
