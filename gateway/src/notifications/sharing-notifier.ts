import { createDocumentRoute, doctypes, type SharingNotificationData, type SharingRole } from '@mytoutatice/contract';
import type { Logger } from 'pino';
import type { Directory } from '../directory/directory.ts';
import type { StorageClient } from '../storage-client/storage-client.ts';
import type { SharingRecord } from '../sharing/sharing-store.ts';

export type SharingNotifierDeps = { directory: Directory; storage: StorageClient; log: Logger };

/** Tells the people just given a sharing, in their own spaces. */
export type SharingNotifier = (sharing: SharingRecord, members: readonly { sub: string; role: SharingRole }[]) => Promise<void>;

/**
 * Writes a « shared with you » notification into each new member's own space, on whatever node
 * holds it, as their data (it goes with their export). Called once the sharing is committed; a
 * failure is logged and never undoes or fails the sharing: the sharing is what matters, and the
 * member still finds it in « Partages ».
 */
export function sharingNotifier(deps: SharingNotifierDeps): SharingNotifier {
  return async (sharing, members) => {
    const createdAt = new Date().toISOString();
    await Promise.all(
      members.map(async ({ sub, role }) => {
        const data: SharingNotificationData = {
          kind: 'sharing',
          sharingId: sharing.id,
          itemKind: sharing.itemKind,
          itemName: sharing.itemName,
          ownerName: sharing.ownerName,
          role,
          createdAt,
          readAt: null,
        };
        try {
          const space = await deps.directory.find(sub);
          if (!space) return;
          await deps.storage.call(deps.storage.asOwner(space), createDocumentRoute, { params: { doctype: doctypes.notifications }, body: { data } });
        } catch (error) {
          deps.log.warn({ err: error, sharingId: sharing.id, member: sub }, 'sharing notification not written');
        }
      }),
    );
  };
}
