import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { NoteItem } from '@mytoutatice/contract';
import { NOTE_FRAGMENT, docToJson, jsonToMarkdown, markdownToJson } from '@mytoutatice/notes-doc';
import { eventually, startStorage, type StorageHarness, type TestInstance } from '../../test/harness/storage-harness.ts';
import { openNoteClient, type NoteClient } from '../../test/notes/note-client.ts';
import { NoteCollabServer } from './collab-server.ts';

type JSONContent = ReturnType<typeof docToJson>;

const CLIENTS = 4;
const STEPS = 240;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The content as JSON, marks in a fixed order: peers that received two formats in another order hold the same text. */
function canonical(doc: Y.Doc): string {
  return canonicalJson(docToJson(doc));
}

function canonicalJson(json: JSONContent): string {
  const sortMarks = (node: JSONContent): JSONContent => ({
    ...node,
    ...(node.marks ? { marks: [...node.marks].sort((a, b) => a.type.localeCompare(b.type)) } : {}),
    ...(node.content ? { content: node.content.map(sortMarks) } : {}),
  });
  return JSON.stringify(sortMarks(json));
}

/** A small seeded generator, so a failing run can be replayed from the seed it prints. */
function random(seed: number) {
  let state = seed >>> 0 || 1;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x1_0000_0000;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] as T };
}
type Random = ReturnType<typeof random>;

const paragraph = (text: string) => {
  const node = new Y.XmlElement('paragraph');
  node.insert(0, [new Y.XmlText(text)]);
  return node;
};
const wrap = (name: string, children: Y.XmlElement[]) => {
  const node = new Y.XmlElement(name);
  node.insert(0, children);
  return node;
};

/** What people do in a note, as the editor writes it into the shared document: text, marks, lists, checklists, tables, deletions. */
function randomEdit(doc: Y.Doc, rnd: Random, who: number): void {
  const fragment = doc.getXmlFragment(NOTE_FRAGMENT);
  const texts: Y.XmlText[] = [];
  const collect = (node: Y.XmlElement | Y.XmlFragment) =>
    node.toArray().forEach((child) => (child instanceof Y.XmlText ? texts.push(child) : child instanceof Y.XmlElement && collect(child)));
  collect(fragment);
  const word = `w${who}${rnd.int(100)} `;
  doc.transact(() => {
    const at = rnd.int(fragment.length + 1);
    switch (rnd.pick(['type', 'type', 'type', 'mark', 'delete', 'block', 'list', 'tasks', 'table', 'removeBlock'] as const)) {
      case 'type': {
        const text = texts.length > 0 ? rnd.pick(texts) : undefined;
        if (text) text.insert(rnd.int(text.length + 1), word);
        else fragment.insert(at, [paragraph(word)]);
        break;
      }
      case 'mark': {
        const text = texts.length > 0 ? rnd.pick(texts) : undefined;
        if (text && text.length > 1) {
          const from = rnd.int(text.length - 1);
          text.format(from, 1 + rnd.int(text.length - from - 1), { [rnd.pick(['bold', 'italic', 'strike'])]: {} });
        }
        break;
      }
      case 'delete': {
        const text = texts.length > 0 ? rnd.pick(texts) : undefined;
        if (text && text.length > 0) {
          const from = rnd.int(text.length);
          text.delete(from, 1 + rnd.int(Math.min(6, text.length - from)));
        }
        break;
      }
      case 'block':
        fragment.insert(at, [rnd.next() < 0.5 ? paragraph(word) : (() => {
          const heading = new Y.XmlElement('heading');
          heading.setAttribute('level', String(1 + rnd.int(3)) as never);
          heading.insert(0, [new Y.XmlText(word)]);
          return heading;
        })()]);
        break;
      case 'list':
        fragment.insert(at, [wrap(rnd.pick(['bulletList', 'orderedList']), [wrap('listItem', [paragraph(word)]), wrap('listItem', [paragraph(`${word}2`)])])]);
        break;
      case 'tasks': {
        const item = wrap('taskItem', [paragraph(word)]);
        item.setAttribute('checked', (rnd.next() < 0.5) as never);
        fragment.insert(at, [wrap('taskList', [item])]);
        break;
      }
      case 'table': {
        const cell = (name: string, text: string) => wrap(name, [paragraph(text)]);
        fragment.insert(at, [wrap('table', [wrap('tableRow', [cell('tableHeader', 'A'), cell('tableHeader', 'B')]), wrap('tableRow', [cell('tableCell', word), cell('tableCell', '1')])])]);
        break;
      }
      case 'removeBlock':
        if (fragment.length > 1) fragment.delete(rnd.int(fragment.length), 1);
        break;
    }
  });
}

describe(`${NoteCollabServer.name}: drift`, () => {
  let storage: StorageHarness;
  let owner: TestInstance;
  const clients: NoteClient[] = [];
  beforeAll(async () => {
    storage = await startStorage();
    owner = await storage.createInstance('drift');
  });
  afterAll(async () => {
    clients.forEach((client) => client.destroy());
    await storage.close();
  });

  it('ends with every editor, the stored state and the Markdown file alike after random edits, disconnects and a restart', { timeout: 120_000 }, async () => {
    const seed = Number(process.env.DRIFT_SEED ?? Date.now() % 1_000_000);
    const rnd = random(seed);
    const created = await storage.call(owner.token, '/notes', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Dérive', markdown: '# Dérive\n\nDépart\n' }),
    });
    const note = NoteItem.parse(await created.json());
    for (let i = 0; i < CLIENTS; i++) clients.push(await openNoteClient(() => storage.url, () => owner.token, note.file.id));
    const away = new Set<number>();

    for (let step = 0; step < STEPS; step++) {
      const who = rnd.int(CLIENTS);
      const client = clients[who] as NoteClient;
      if (rnd.next() < 0.05) {
        // Offline for a while, editing on: what it types waits in its document.
        if (away.has(who)) client.resume();
        else client.pause();
        if (away.has(who)) away.delete(who);
        else away.add(who);
      }
      randomEdit(client.doc, rnd, who);
      if (step === STEPS / 2) await storage.restart();
      if (rnd.next() < 0.3) await sleep(rnd.int(15));
    }
    for (const who of away) clients[who]?.resume();
    await Promise.all(clients.map((client) => client.saved(30_000)));
    // The periodic check every editor runs (its state vector against the server's), then the end:
    // every editor alike, and the Markdown file written from the server's document alike too (read
    // back, so that two orders of the same marks compare equal).
    clients.forEach((client) => client.provider.forceSync());
    const first = clients[0] as NoteClient;
    const asMarkdown = (markdown: string) => canonicalJson(markdownToJson(markdown));
    const fileMarkdown = async () => asMarkdown(await (await storage.call(owner.token, `/files/${note.file.id}/content`)).text());
    await eventually(
      async () => clients.every((client) => canonical(client.doc) === canonical(first.doc)) && (await fileMarkdown()) === asMarkdown(jsonToMarkdown(docToJson(first.doc))),
      30_000,
    ).catch((error: unknown) => {
      throw new Error(`editors and the Markdown file never agreed (DRIFT_SEED=${seed})`, { cause: error });
    });
    for (const client of clients) expect(Y.encodeStateVector(client.doc), `state vectors (DRIFT_SEED=${seed})`).toEqual(Y.encodeStateVector(first.doc));
    const expected = JSON.parse(canonical(first.doc)) as JSONContent;

    // The stored state: everyone gone, the server restarted, a fresh editor gets only what was kept.
    clients.forEach((client) => client.destroy());
    await storage.restart();
    const fresh = await openNoteClient(() => storage.url, () => owner.token, note.file.id);
    clients.push(fresh);
    expect(JSON.parse(canonical(fresh.doc)), `stored state (DRIFT_SEED=${seed})`).toEqual(expected);
    // One note, never a conflict copy beside it (Cozy Notes' « …-conflict-2020-05-20 »).
    const folder = (await (await storage.call(owner.token, `/files/${note.file.parentId ?? ''}/children`)).json()) as { items: { name: string }[] };
    expect(folder.items.map((item) => item.name)).toEqual(['Dérive.md']);
  });
});
