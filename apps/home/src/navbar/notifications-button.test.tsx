// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChangeBatch, Document, SharingNotificationData } from '@mytoutatice/contract';
import { createClient, doctypes } from '@mytoutatice/sdk';
import type { Realtime } from '@mytoutatice/sdk';
import { MyToutaticeProvider, connectRealtimeToQueryClient, createQueryClient, useReadSharingNotifications } from '@mytoutatice/sdk/react';
import { I18nProvider } from '@mytoutatice/ui';
import { navbarMessages } from './navbar-messages.ts';
import { NotificationsButton } from './notifications-button.tsx';

afterEach(cleanup);

let seq = 0;
const SHARING = 'AAAAAAAAAAAAAAAAAAAAAA';

function notification(ownerName: string, itemName: string, role: SharingNotificationData['role'], read = false, sharingId = SHARING): Document {
  seq++;
  const data: SharingNotificationData = {
    kind: 'sharing',
    sharingId,
    itemKind: 'folder',
    itemName,
    ownerName,
    role,
    createdAt: `2026-11-29T0${seq}:00:00.000Z`,
    readAt: read ? '2026-11-29T10:00:00.000Z' : null,
  };
  return { id: `n${seq}`, rev: '1-a', doctype: doctypes.notifications, data, createdAt: data.createdAt, updatedAt: data.createdAt };
}

/** The person's space as far as notifications go: a listing newest first, and updates. */
function fakeSpace(initial: Document[]) {
  const stored = [...initial];
  const updates: string[] = [];
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input));
    const answer = (body: unknown) => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
    if ((init.method ?? 'GET') === 'GET') {
      expect(url.searchParams.get('order')).toBe('desc');
      return answer({ items: [...stored].sort((a, b) => b.createdAt.localeCompare(a.createdAt)), next: null });
    }
    const id = url.pathname.split('/').at(-1) ?? '';
    const index = stored.findIndex((n) => n.id === id);
    const { data } = JSON.parse(String(init.body)) as { data: Document['data'] };
    const updated = { ...(stored[index] as Document), data, rev: '2-b' };
    stored[index] = updated;
    updates.push(`${init.method} ${id} readAt:${data.readAt === null ? 'null' : 'set'}`);
    return answer(updated);
  };
  return { stored, updates, client: createClient({ baseUrl: 'http://space.test', getToken: () => 'tok', fetch: fetch as typeof globalThis.fetch }) };
}

function fakeRealtime() {
  const listeners = new Set<(batch: ChangeBatch) => void>();
  const subscribed: unknown[] = [];
  const realtime: Realtime = {
    subscribe: (subscription) => void subscribed.push(subscription),
    onChanges(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onAccessChange: () => () => undefined,
    last: null,
    status: 'open',
    close() {},
  };
  return { realtime, subscribed, emit: (batch: ChangeBatch) => listeners.forEach((listener) => listener(batch)) };
}

/** What the Drive does when a sharing is opened in it, from anywhere. */
function SharingOpener({ sharingId }: { sharingId: string }) {
  const [open, setOpen] = useState(false);
  return open ? <SharingOpened sharingId={sharingId} /> : <button onClick={() => setOpen(true)}>Ouvrir le partage</button>;
}
function SharingOpened({ sharingId }: { sharingId: string }) {
  useReadSharingNotifications(sharingId);
  return <p>Partage ouvert</p>;
}

function renderButton(space: ReturnType<typeof fakeSpace>) {
  const queryClient = createQueryClient();
  const live = fakeRealtime();
  connectRealtimeToQueryClient(live.realtime, queryClient);
  render(
    <MyToutaticeProvider client={space.client} queryClient={queryClient}>
      <I18nProvider locale="fr" messages={navbarMessages}>
        <NotificationsButton />
        <p>Ailleurs</p>
        <SharingOpener sharingId="BBBBBBBBBBBBBBBBBBBBBB" />
      </I18nProvider>
    </MyToutaticeProvider>,
  );
  return { live, user: userEvent.setup() };
}

describe(NotificationsButton.name, () => {
  it('shows the unread count, lists newest first, marks one read when followed, then all', async () => {
    const space = fakeSpace([
      notification('Annabel Bourde', 'Mathématiques', 'read', true),
      notification('Yannick Bré', 'Sortie', 'read'),
      notification('Nadia Martin', 'Cours', 'write'),
    ]);
    const { user } = renderButton(space);
    const button = await screen.findByRole('button', { name: 'Notifications, 2 non lues' });
    expect(button.getAttribute('aria-expanded')).toBe('false');

    await user.click(button);
    const panel = await screen.findByRole('region', { name: 'Notifications' });
    const links = screen.getAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual([
      'Non lue : Nadia Martin a partagé le dossier « Cours » avec vous (Peut modifier)',
      'Non lue : Yannick Bré a partagé le dossier « Sortie » avec vous (Peut consulter)',
      'Annabel Bourde a partagé le dossier « Mathématiques » avec vous (Peut consulter)',
    ]);
    // Each leads to the sharing it announces.
    expect(links.every((link) => link.getAttribute('href') === `/drive/partages/${SHARING}`)).toBe(true);
    expect(panel.id).toBe(button.getAttribute('aria-controls'));

    await user.click(links[0] as HTMLElement);
    expect(window.location.pathname).toBe(`/drive/partages/${SHARING}`);
    expect(screen.queryByRole('region', { name: 'Notifications' })).toBeNull();
    await screen.findByRole('button', { name: 'Notifications, 1 non lue' });
    expect(space.updates).toEqual(['PUT n3 readAt:set']);

    await user.click(screen.getByRole('button', { name: 'Notifications, 1 non lue' }));
    await user.click(await screen.findByRole('button', { name: 'Tout marquer comme lu' }));
    await screen.findByRole('button', { name: 'Notifications' });
    expect(space.updates).toEqual(['PUT n3 readAt:set', 'PUT n2 readAt:set']);
    expect((screen.getByRole('button', { name: 'Tout marquer comme lu' }) as HTMLButtonElement).disabled).toBe(true);

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('region', { name: 'Notifications' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Notifications' }));
  });

  it('goes down when the sharing a notification announces is opened, however it was reached', async () => {
    const announcing = notification('Yannick Bré', 'Sortie', 'read', false, 'BBBBBBBBBBBBBBBBBBBBBB');
    const space = fakeSpace([announcing, notification('Nadia Martin', 'Cours', 'write')]);
    const { user } = renderButton(space);
    await screen.findByRole('button', { name: 'Notifications, 2 non lues' });
    await user.click(screen.getByRole('button', { name: 'Ouvrir le partage' }));
    await screen.findByRole('button', { name: 'Notifications, 1 non lue' });
    expect(space.updates).toEqual([`PUT ${announcing.id} readAt:set`]);
  });

  it('shows a new notification as soon as the realtime connection reports it', async () => {
    const space = fakeSpace([]);
    const { live, user } = renderButton(space);
    await user.click(await screen.findByRole('button', { name: 'Notifications' }));
    expect(await screen.findByText('Aucune notification pour le moment.')).toBeTruthy();
    expect(live.subscribed).toContainEqual({ doctype: doctypes.notifications });

    const arrived = notification('Annabel Bourde', 'Projet', 'drop');
    space.stored.push(arrived);
    act(() => live.emit({ changes: [{ seq: 7, kind: 'document', id: arrived.id, doctype: doctypes.notifications, deleted: false }], last: 7 }));
    await screen.findByRole('button', { name: 'Notifications, 1 non lue' });
    await waitFor(() => expect(screen.getByRole('link').textContent).toBe('Non lue : Annabel Bourde a partagé le dossier « Projet » avec vous (Dépôt)'));

    await user.click(screen.getByText('Ailleurs'));
    expect(screen.queryByRole('region', { name: 'Notifications' })).toBeNull();
  });
});
