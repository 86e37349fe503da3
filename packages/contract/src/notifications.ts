import * as z from 'zod/mini';
import { SharingId, SharingRole } from './sharings.ts';

/**
 * A notification in the recipient's own space (doctype `io.mytoutatice.notifications`): their
 * data, in their export. The gateway writes one in each new member's space when an item is
 * shared with them; they mark it read (`readAt`) from the Home.
 */
export const SharingNotificationData = z.looseObject({
  kind: z.literal('sharing'),
  sharingId: SharingId,
  itemKind: z.enum(['file', 'folder']),
  itemName: z.string(),
  ownerName: z.string(),
  role: SharingRole,
  createdAt: z.string(),
  readAt: z.nullable(z.string()),
});
export type SharingNotificationData = z.infer<typeof SharingNotificationData>;

/** Every kind of notification: sharings only, so far. */
export const NotificationData = SharingNotificationData;
export type NotificationData = z.infer<typeof NotificationData>;
