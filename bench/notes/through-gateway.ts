/**
 * The real path of a note's socket: the whole system (ENT simulator, storage, gateway) started as
 * `npm start` does, a demo account signed in through the ENT, notes created with `POST /api/notes`
 * and opened at `ws://<gateway>/api/notes/<fileId>/collab` with the `mytoutatice.v1` and
 * `bearer.<token>` subprotocols, the document name being the file id. Beside it, the same storage
 * reached without the gateway (an internal token, as the gateway would send), to tell the
 * gateway's share of the time from the storage's.
 */
import { NoteItem, REALTIME_BEARER_PREFIX, REALTIME_PROTOCOL, noteCollabPath } from '@mytoutatice/contract';
import { startSystem, type BenchSystem } from '../lib/system.ts';
import type { NoteSocket, NoteTarget } from './note-target.ts';

export type GatewayTarget = NoteTarget & {
  system: BenchSystem;
  /** Creates a note (empty, or from Markdown) in the signed-in space; its file id. */
  createNote(title: string, markdown?: string): Promise<string>;
};

/** Ports of its own (gateway 28480, storage 28481, ENT 28490): other benches use 28080. */
export async function startThroughGateway(login = 'eleve', base = 28480): Promise<GatewayTarget> {
  const system = await startSystem(base);
  try {
    const token = await system.signIn(login);
    const createNote = noteCreator(system, token);
    return {
      label: 'through the gateway',
      system,
      createNote,
      newNote: socketsOf(createNote, (id) => ({
        url: `${system.publicUrl.replace(/^http/, 'ws')}/api${noteCollabPath(id)}`,
        name: id,
        protocols: [REALTIME_PROTOCOL, `${REALTIME_BEARER_PREFIX}${token}`],
      })),
      async stop() {
        system.stop();
      },
    };
  } catch (error) {
    system.stop();
    throw error;
  }
}

/**
 * The storage's note socket without the gateway, for another account (a space's sockets are
 * capped, and the gateway target's crowd fills half of them). Stopped with the gateway's system.
 */
export async function storageOnly({ system }: GatewayTarget, login = 'enseignant'): Promise<NoteTarget> {
  const createNote = noteCreator(system, await system.signIn(login));
  const internal = await system.internalToken('owner', await system.instanceIdOf(login));
  return {
    label: 'storage only (no gateway)',
    newNote: socketsOf(createNote, (id) => ({
      url: `${system.storageUrl.replace(/^http/, 'ws')}${noteCollabPath(id)}`,
      name: id,
      protocols: [REALTIME_PROTOCOL],
      headers: { authorization: `Bearer ${internal}` },
    })),
    async stop() {},
  };
}

function noteCreator(system: BenchSystem, token: string) {
  return async (title: string, markdown?: string): Promise<string> => {
    const res = await fetch(`${system.publicUrl}/api/notes`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title, ...(markdown === undefined ? {} : { markdown }) }),
    });
    if (res.status !== 201) {
      const problem = (await res.json().catch(() => ({}))) as { code?: string };
      throw new Error(`POST /api/notes answered ${res.status} ${problem.code ?? ''}`.trim());
    }
    return NoteItem.parse(await res.json()).file.id;
  };
}

function socketsOf(createNote: (title: string, markdown?: string) => Promise<string>, socketOf: (id: string) => NoteSocket) {
  let made = 0;
  return async (markdown?: string) => socketOf(await createNote(`Mesure ${++made}`, markdown));
}
