import { doctypes, type Document } from '@mytoutatice/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiError } from '../api-error.ts';
import type { DocumentQuery } from '../documents.ts';
import { useDocuments } from './use-documents.ts';
import { useClient } from './provider.tsx';
import { queryKeys } from './query-keys.ts';

const NEWEST_FIRST: DocumentQuery = { order: 'desc' };

/**
 * The notifications in one's own space, newest first: one query for the navbar's badge and its
 * panel. A documents listing, so the realtime connection refreshes it when one arrives.
 */
export function useNotifications() {
  return useDocuments(doctypes.notifications, NEWEST_FIRST);
}

/** Whether a notification is still unread. */
export function isUnread(notification: Document): boolean {
  return notification.data.readAt == null;
}

/** `mutate(notifications)`: marks those still unread as read (one or all), then refreshes the listing once. */
export function useMarkNotificationsRead() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation<void, ApiError, readonly Document[]>({
    mutationFn: async (notifications) => {
      const readAt = new Date().toISOString();
      await Promise.all(
        notifications.filter(isUnread).map((n) => client.documents.update(doctypes.notifications, n.id, n.rev, { ...n.data, readAt })),
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.documents(doctypes.notifications) }),
  });
}
