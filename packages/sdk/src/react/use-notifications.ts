import { doctypes, type Document } from '@mytoutatice/contract';
import { useEffect, useRef } from 'react';
import type { DocumentQuery } from '../documents.ts';
import { useDocuments, useUpdateDocument } from './use-documents.ts';

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

/** The unread notifications that announce the sharing `sharingId`. */
export function announcing(notifications: readonly Document[], sharingId: string): Document[] {
  return notifications.filter((n) => isUnread(n) && n.data.kind === 'sharing' && n.data.sharingId === sharingId);
}

/**
 * Opening a sharing is reading what announced it: its unread notifications are marked read, from
 * wherever it was opened (the notification, « Partages », a bookmark). The navbar's badge reads
 * the same cached listing, so it goes down at once.
 */
export function useReadSharingNotifications(sharingId: string): void {
  const items = useNotifications().data?.items;
  const { mutate } = useUpdateDocument(doctypes.notifications);
  // One request per revision: the listing still shows it unread until the update comes back.
  const sent = useRef(new Set<string>());
  useEffect(() => {
    const readAt = new Date().toISOString();
    for (const n of announcing(items ?? [], sharingId)) {
      const revision = `${n.id}:${n.rev}`;
      if (sent.current.has(revision)) continue;
      sent.current.add(revision);
      mutate({ id: n.id, rev: n.rev, data: { ...n.data, readAt } });
    }
  }, [items, sharingId, mutate]);
}
