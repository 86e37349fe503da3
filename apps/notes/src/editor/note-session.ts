import type { HocuspocusProvider } from '@hocuspocus/provider';
import type { Transport } from '@mytoutatice/sdk';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { connectNote, noteApiBase, type NoteEnd } from '@mytoutatice/app-kit/note';
import { ServerStateCheck } from './server-state-check.ts';

export type NoteSession = { doc: Y.Doc; provider: HocuspocusProvider; check: ServerStateCheck };

export type OpenNoteOptions = {
  transport: Transport;
  fileId: string;
  sharingId: string | null;
  /** Whose browser copy this is: two people on one computer never share one. */
  userId: string;
  onEnd: (end: NoteEnd) => void;
  onAccessChange: () => void;
};

/**
 * One open note: its Y.Doc, kept in IndexedDB as it changes (what is typed offline survives a
 * reload and is sent when the socket is back) and synced with the server. Resolves with the
 * session and the function that closes it all.
 */
export async function openNote({ transport, fileId, sharingId, userId, onEnd, onAccessChange }: OpenNoteOptions): Promise<{ session: NoteSession; close: () => void }> {
  const doc = new Y.Doc();
  const local = new IndexeddbPersistence(`mytoutatice-note:${userId}:${fileId}`, doc);
  try {
    const provider = await connectNote({ transport, fileId, apiBase: noteApiBase({ sharingId }), doc, onEnd, onAccessChange });
    const check = new ServerStateCheck(provider, doc);
    return {
      session: { doc, provider, check },
      close: () => {
        check.destroy();
        provider.destroy();
        provider.configuration.websocketProvider.destroy();
        void local.destroy();
        doc.destroy();
      },
    };
  } catch (error) {
    void local.destroy();
    doc.destroy();
    throw error;
  }
}
