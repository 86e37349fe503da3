import type { Sharing } from '@mytoutatice/contract';
import { navigate } from '@mytoutatice/app-kit';
import { useRemoveSharingMember } from '@mytoutatice/sdk/react';
import { Button, errorText, useT, useToast } from '@mytoutatice/ui';
import { useState } from 'react';
import { ConfirmDialog } from '../items/confirm-dialog.tsx';
import type { DriveKey } from '../messages.ts';
import { capabilitiesOf } from '../place/capabilities.ts';
import { viewPaths } from '../routes.ts';
import { AddToMinePicker } from './add-to-mine-picker.tsx';

/**
 * « Ajouter à mon espace » and « Quitter le partage » for a sharing one received; `named` puts
 * the item's name in the buttons' accessible names (in a list of sharings).
 */
export function SharingActions({ sharing, named = false, size }: { sharing: Sharing; named?: boolean; size?: 'sm' }) {
  const t = useT<DriveKey>();
  const toast = useToast();
  const leave = useRemoveSharingMember();
  const [picking, setPicking] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const name = sharing.item.name;
  // A member sees themself alone among the members.
  const self = sharing.members[0]?.slug;
  if (sharing.access === 'owner') return null;

  const confirmLeave = () => {
    if (self === undefined) return;
    leave.mutate(
      { id: sharing.id, slug: self, self: true },
      {
        onSuccess: () => {
          toast.success(t('drive.shared.left', { name }));
          if (window.location.pathname.startsWith(`${viewPaths.shared}/`)) navigate(viewPaths.shared);
        },
        onError: (error) => toast.error(errorText(t, error)),
      },
    );
  };

  return (
    <>
      {capabilitiesOf(sharing.access).addToMine && (
        <Button size={size} aria-label={named ? t('drive.shared.addToMineNamed', { name }) : undefined} onClick={() => setPicking(true)}>
          {t('drive.shared.addToMine')}
        </Button>
      )}
      <Button size={size} variant="ghost" aria-label={named ? t('drive.shared.leaveNamed', { name }) : undefined} onClick={() => setLeaving(true)}>
        {t('drive.shared.leave')}
      </Button>
      {picking && <AddToMinePicker sharingId={sharing.id} targets={[{ name }]} onClose={() => setPicking(false)} />}
      {leaving && (
        <ConfirmDialog
          title={t('drive.shared.leave')}
          text={t('drive.shared.confirmLeave', { name })}
          confirm={t('drive.shared.leave')}
          onConfirm={confirmLeave}
          onClose={() => setLeaving(false)}
        />
      )}
    </>
  );
}
