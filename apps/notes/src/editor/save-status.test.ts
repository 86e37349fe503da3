import { describe, expect, it } from 'vitest';
import { hasPendingChanges, saveStatus } from './save-status.ts';

describe(saveStatus.name, () => {
  it('says « Enregistré » only once connected, synced and with every change acknowledged', () => {
    expect(saveStatus({ status: 'connected', synced: true, unsynced: 0 })).toBe('saved');
  });

  it('says « Enregistrement… » while changes wait for the server, or before the first sync', () => {
    expect(saveStatus({ status: 'connected', synced: true, unsynced: 2 })).toBe('saving');
    expect(saveStatus({ status: 'connected', synced: false, unsynced: 0 })).toBe('saving');
  });

  it('says « Hors ligne » whenever the socket is not open, even with nothing pending', () => {
    expect(saveStatus({ status: 'disconnected', synced: true, unsynced: 0 })).toBe('offline');
    expect(saveStatus({ status: 'connecting', synced: false, unsynced: 3 })).toBe('offline');
  });
});

describe(hasPendingChanges.name, () => {
  it('warns before leaving while the server has not acknowledged a change', () => {
    expect(hasPendingChanges({ status: 'connected', synced: true, unsynced: 1 })).toBe(true);
    expect(hasPendingChanges({ status: 'disconnected', synced: true, unsynced: 1 })).toBe(true);
  });

  it('lets one leave a note whose changes the server has', () => {
    expect(hasPendingChanges({ status: 'connected', synced: true, unsynced: 0 })).toBe(false);
  });
});
