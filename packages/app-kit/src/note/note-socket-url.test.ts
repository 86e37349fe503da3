import { describe, expect, it } from 'vitest';
import { authenticatedSocket, noteApiBase, noteSocketUrl } from './note-socket-url.ts';

/** Records what a WebSocket would be opened with. */
class RecordingSocket {
  static made: { url: string; protocols: string[] }[] = [];
  constructor(url: string | URL, protocols: string[]) {
    RecordingSocket.made.push({ url: String(url), protocols });
  }
}

describe(authenticatedSocket.name, () => {
  it('opens each socket with the token current at that moment, as the realtime socket does', () => {
    let token: string | null = 'ancien';
    const Socket = authenticatedSocket(() => token, RecordingSocket as unknown as typeof WebSocket);
    new Socket('wss://ent.example/api/notes/n1/collab');
    token = 'renouvele';
    new Socket('wss://ent.example/api/notes/n1/collab');
    token = null;
    new Socket('wss://ent.example/api/notes/n1/collab');
    expect(RecordingSocket.made.map((made) => made.protocols)).toEqual([
      ['mytoutatice.v1', 'bearer.ancien'],
      ['mytoutatice.v1', 'bearer.renouvele'],
      ['mytoutatice.v1'],
    ]);
  });
});

describe(noteSocketUrl.name, () => {
  it('reaches the note through the gateway: one’s own, through the sharing it was received by, or a public link', () => {
    expect(noteSocketUrl('https://ent.example/', noteApiBase({}), 'n 1')).toBe('wss://ent.example/api/notes/n%201/collab');
    expect(noteSocketUrl('http://localhost:18080', noteApiBase({ sharingId: 'S1' }), 'n1')).toBe('ws://localhost:18080/api/sharings/S1/notes/n1/collab');
    expect(noteSocketUrl('https://ent.example', noteApiBase({ linkCode: 'a/b' }), 'n1')).toBe('wss://ent.example/api/links/a%2Fb/notes/n1/collab');
  });
});
