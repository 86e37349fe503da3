import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NoteItem } from '@mytoutatice/contract';
import { backendEnv, signInternalToken, TEST_SECRET } from '../../test/harness/storage-harness.ts';
import { testBucket, testDatabase, type TestDatabase } from '../../test/harness/test-database.ts';
import { startStorageProcess, type StorageProcess } from '../../test/crash/storage-process.ts';
import { openNoteClient, until, type NoteClient } from '../../test/notes/note-client.ts';
import { NoteCollabServer } from './collab-server.ts';

const ROUNDS = 3;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe(`${NoteCollabServer.name} killed with SIGKILL while people type`, () => {
  let server: StorageProcess | undefined;
  let database: TestDatabase | undefined;
  let dataDir: string | undefined;
  const clients: NoteClient[] = [];
  afterAll(async () => {
    clients.forEach((client) => client.destroy());
    await server?.kill();
    await database?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('loses nothing it acknowledged; editors resend the rest when it is back, and everyone converges', { timeout: 120_000 }, async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'mytoutatice-notes-crash-'));
    database = await testDatabase();
    const env = backendEnv({ metadata: database ? { kind: 'postgres', url: database.url, poolSize: 5 } : undefined, blobs: testBucket() });
    server = await startStorageProcess(dataDir, env);
    const id = randomUUID();
    const created = await fetch(`${server.url}/instances`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await signInternalToken(TEST_SECRET, 'admin')}`, 'content-type': 'application/json' },
      body: JSON.stringify({ id, slug: `notes-${id.slice(0, 8)}`, email: 'notes@example.org' }),
    });
    expect(created.status).toBe(201);
    const token = await signInternalToken(TEST_SECRET, 'owner', { sub: id, expiresIn: 3600 });
    const answer = await fetch(`${server.url}/notes`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Journal' }),
    });
    const note = NoteItem.parse(await answer.json());
    const url = () => server?.url ?? '';

    const writer = await openNoteClient(url, () => token, note.file.id);
    clients.push(writer);
    let acknowledged = '';
    writer.provider.on('unsyncedChanges', ({ number }: { number: number }) => {
      if (number === 0) acknowledged = writer.text();
    });

    for (let round = 1; round <= ROUNDS; round++) {
      // Keystrokes every few milliseconds, the process killed in the middle of them.
      let typing = true;
      const typed = (async () => {
        for (let i = 0; typing; i++) {
          writer.type(String.fromCharCode(97 + ((i + round) % 26)));
          await sleep(15);
        }
      })();
      await until(() => acknowledged.length > 0, 10_000, 'nothing acknowledged');
      await sleep(200 + Math.random() * 600);
      await server.kill();
      typing = false;
      await typed;
      // The writer stays away until the reader has looked: what the reader sees is the server's alone.
      writer.pause();
      const ackedBeforeCrash = acknowledged;
      expect(ackedBeforeCrash.length, `round ${round}: something was acknowledged`).toBeGreaterThan(0);

      server = await startStorageProcess(dataDir, env);
      // A reader with nothing of its own sees at least what was acknowledged, from the server alone.
      const reader = await openNoteClient(url, () => token, note.file.id);
      clients.push(reader);
      expect(reader.text().startsWith(ackedBeforeCrash), `round ${round}: acknowledged text kept`).toBe(true);
      // The writer comes back and sends what the server never acknowledged.
      writer.resume();
      await writer.saved(20_000);
      await until(() => reader.text() === writer.text(), 10_000, `round ${round}: the reader never caught up`);
      reader.destroy();
    }
  });
});
