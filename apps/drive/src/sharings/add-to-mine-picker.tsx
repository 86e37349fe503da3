import { ROOT_ID } from '@mytoutatice/sdk';
import { FilesScopeProvider } from '@mytoutatice/sdk/react';
import { FolderPicker } from '../items/folder-picker.tsx';
import { useItemActions } from '../items/use-item-actions.ts';
import { OWN_PLACE, PlaceProvider } from '../place/drive-place.tsx';

/**
 * « Ajouter à mon espace »: a folder of one's own space is picked (whatever place the person is
 * in), then the sharing's item, or the `targets` inside it, are copied there.
 */
export function AddToMinePicker({ sharingId, targets, onClose }: {
  sharingId: string;
  /** Without `itemId`: the shared item itself. */
  targets: readonly { itemId?: string; name: string }[];
  onClose: () => void;
}) {
  const actions = useItemActions();
  return (
    <FilesScopeProvider sharingId={null}>
      <PlaceProvider value={OWN_PLACE}>
        <FolderPicker mode="mine" items={[]} startId={ROOT_ID} onClose={onClose} onPick={(folderId) => actions.addToMine(sharingId, targets, folderId)} />
      </PlaceProvider>
    </FilesScopeProvider>
  );
}
