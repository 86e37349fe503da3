import type { FileDoc } from '@mytoutatice/contract';
import { useCopy, useCopyFromSharing, useDestroy, useRenameOrMove, useRestore, useTrash } from '@mytoutatice/sdk/react';
import { errorText, useT, useToast } from '@mytoutatice/ui';
import type { DriveKey } from '../messages.ts';
import { useDownload } from './use-download.ts';

export type PlaceMode = 'move' | 'copy';

/**
 * The Drive's actions on items, each telling the person how it went in a toast. Items are handled
 * one after the other: the first failure stops the rest and says why.
 */
export function useItemActions() {
  const t = useT<DriveKey>();
  const toast = useToast();
  const trash = useTrash();
  const restore = useRestore();
  const destroy = useDestroy();
  const update = useRenameOrMove();
  const copy = useCopy();
  const copyFromSharing = useCopyFromSharing();
  const { download } = useDownload();

  const fail = (error: unknown) => {
    toast.error(errorText(t, error));
  };
  const done = (items: readonly FileDoc[], one: DriveKey, many: DriveKey) =>
    items.length === 1 ? t(one, { name: items[0]?.name ?? '' }) : t(many, { count: items.length });

  async function each<T>(items: readonly T[], act: (item: T) => Promise<unknown>): Promise<boolean> {
    try {
      for (const item of items) await act(item);
      return true;
    } catch (error) {
      fail(error);
      return false;
    }
  }

  const restoreAll = async (items: readonly FileDoc[]) => {
    if (await each(items, (item) => restore.mutateAsync(item.id))) toast.success(done(items, 'drive.restored.one', 'drive.restored.many'));
  };

  return {
    download: (items: readonly FileDoc[]) => download(items).catch(fail),

    /** To the trash, with « Annuler » bringing everything back where it was. */
    trash: async (items: readonly FileDoc[]) => {
      if (!(await each(items, (item) => trash.mutateAsync(item)))) return;
      toast.show({
        message: done(items, 'drive.trashed.one', 'drive.trashed.many'),
        tone: 'success',
        action: { label: t('action.cancel'), onClick: () => void restoreAll(items) },
      });
    },

    restore: restoreAll,

    destroy: async (items: readonly FileDoc[]) => {
      if (await each(items, (item) => destroy.mutateAsync(item.id))) toast.success(done(items, 'drive.destroyed.one', 'drive.destroyed.many'));
    },

    /** Marks as favourites, or unmarks when every item already is one. */
    toggleFavorite: async (items: readonly FileDoc[]) => {
      const favorite = !items.every((item) => item.favorite);
      await each(items, (item) => update.mutateAsync({ file: item, patch: { favorite } }));
    },

    /** Moves or copies into `parentId`; a name already taken there gets a free one (« nom (2) »). */
    place: async (mode: PlaceMode, items: readonly FileDoc[], parentId: string) => {
      const ok = await each(items, (item) =>
        mode === 'move'
          ? update.mutateAsync({ file: item, patch: { parentId }, conflict: 'rename' })
          : copy.mutateAsync({ id: item.id, target: { parentId }, conflict: 'rename' }),
      );
      if (ok) toast.success(mode === 'move' ? done(items, 'drive.moved.one', 'drive.moved.many') : done(items, 'drive.copied.one', 'drive.copied.many'));
      return ok;
    },

    /**
     * « Ajouter à mon espace »: copies, into `folderId` of one's own space, of what a sharing
     * shows (a target without `itemId`: the shared item itself).
     */
    addToMine: async (sharingId: string, targets: readonly { itemId?: string; name: string }[], folderId: string) => {
      const ok = await each(targets, ({ itemId }) => copyFromSharing.mutateAsync({ id: sharingId, itemId, folderId }));
      if (ok) toast.success(targets.length === 1 ? t('drive.shared.added', { name: targets[0]?.name ?? '' }) : t('drive.copied.many', { count: targets.length }));
      return ok;
    },
  };
}

export type ItemActions = ReturnType<typeof useItemActions>;
