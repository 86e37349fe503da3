import { describe, expect, it } from 'vitest';
import { hasPendingChanges, saveStatus, type ProviderState } from './save-status.ts';

const state = (fields: Partial<ProviderState>): ProviderState => ({ status: 'connected', synced: true, unsynced: 0, confirmed: true, unconfirmed: false, ...fields });

describe(saveStatus.name, () => {
  it('says « Enregistré » only once connected, synced, every change acknowledged and the server’s state holding ours', () => {
    expect(saveStatus(state({}))).toBe('saved');
  });

  it('says « Enregistrement… » while changes wait for the server, before the first sync, or until the server’s state is known to hold ours', () => {
    expect(saveStatus(state({ unsynced: 2 }))).toBe('saving');
    expect(saveStatus(state({ synced: false }))).toBe('saving');
    // Back from offline: the provider zeroed its count, what it sent in the handshake is not confirmed yet.
    expect(saveStatus(state({ confirmed: false, unconfirmed: true }))).toBe('saving');
  });

  it('says « Hors ligne » whenever the socket is not open, even with nothing pending', () => {
    expect(saveStatus(state({ status: 'disconnected' }))).toBe('offline');
    expect(saveStatus(state({ status: 'connecting', synced: false, unsynced: 3 }))).toBe('offline');
  });
});

describe(hasPendingChanges.name, () => {
  it('warns before leaving while the server has not acknowledged, or not confirmed, a change', () => {
    expect(hasPendingChanges(state({ unsynced: 1 }))).toBe(true);
    expect(hasPendingChanges(state({ status: 'disconnected', unsynced: 1 }))).toBe(true);
    expect(hasPendingChanges(state({ confirmed: false, unconfirmed: true }))).toBe(true);
  });

  it('lets one leave a note whose changes the server has', () => {
    expect(hasPendingChanges(state({}))).toBe(false);
    expect(hasPendingChanges(state({ status: 'disconnected', confirmed: false }))).toBe(false);
  });
});
