import { doctypes, type Document } from '@mytoutatice/contract';
import type { DocumentQuery } from '../documents.ts';
import { useDocuments } from './use-documents.ts';

const NEWEST_FIRST: DocumentQuery = { order: 'desc' };

/**
 * The notifications in one's own space, newest first: one query for the navbar's badge and its
 * panel. A documents listing, so the realtime connection refreshes it when one arrives; marking
 * one read is `useUpdateDocument(doctypes.notifications)` with `readAt` set.
 */
export function useNotifications() {
  return useDocuments(doctypes.notifications, NEWEST_FIRST);
}

/** Whether a notification is still unread. */
export function isUnread(notification: Document): boolean {
  return notification.data.readAt == null;
}
