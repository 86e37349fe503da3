import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChangeBatch, FILES_TYPE, NoteImageUploaded, NoteItem, apiRoutes, doctypes, type ApiRoute, type Grant, type InternalScope } from '@mytoutatice/contract';
import { startStorage, type StorageHarness, type TestInstance } from '../../test/harness/storage-harness.ts';
import { uploadMetadata } from '../../test/tus/tus-test-calls.ts';
import { permit } from './permit.ts';

/**
 * Every storage route of the contract's table × every kind of token × ids inside a granted
 * folder, outside it, and of another instance. The expectations come from the small rules below,
 * written from the token kinds' descriptions, not from the code under test.
 */

type Verb = 'read' | 'write';
interface TokenKind {
  scope: InternalScope;
  grants?: Grant[];
  /** What the rules expect it may do (for owner and device: what the scope itself implies). */
  files?: Verb[];
  notes?: Verb[];
  /** Files only in folder X and below. */
  limited?: boolean;
  changes?: boolean;
}

/** `X` is filled in once the folder exists. */
function tokenKinds(x: string): Record<string, TokenKind> {
  return {
    owner: { scope: 'owner', files: ['read', 'write'], notes: ['read', 'write'], changes: true },
    appNotes: { scope: 'app', grants: [{ type: doctypes.notes, verbs: ['read', 'write'] }], notes: ['read', 'write'], changes: true },
    appFilesRead: { scope: 'app', grants: [{ type: FILES_TYPE, verbs: ['read'] }], files: ['read'], changes: true },
    appFolderX: {
      scope: 'app',
      grants: [{ type: FILES_TYPE, verbs: ['read', 'write'], folderId: x }],
      files: ['read', 'write'],
      limited: true,
    },
    // A photos-like app: its notes, and the files of folder X to reference from them.
    appNotesFilesX: {
      scope: 'app',
      grants: [
        { type: doctypes.notes, verbs: ['read', 'write'] },
        { type: FILES_TYPE, verbs: ['read'], folderId: x },
      ],
      notes: ['read', 'write'],
      files: ['read'],
      limited: true,
    },
    sharingX: { scope: 'sharing', grants: [{ type: FILES_TYPE, verbs: ['read'], folderId: x }], files: ['read'], limited: true },
    // An editable public link to folder X: what an app limited to it may do.
    visitorX: { scope: 'visitor', grants: [{ type: FILES_TYPE, verbs: ['read', 'write'], folderId: x }], files: ['read', 'write'], limited: true },
    // An app password: files and contacts (no notes), and the feed.
    device: { scope: 'device', files: ['read', 'write'], changes: true },
    link: { scope: 'link' },
    admin: { scope: 'admin' },
  };
}

/** A note's images: past the files check, the note's own access (as its socket's). */
const NOTE_ACCESS = new Set(['uploadNoteImage', 'getNoteImage']);

/** `inX`: in folder X or below; `outX`: A's, elsewhere; `root`: A's top folder; `own`: A's document; `B`: the other instance's. */
type Target = 'inX' | 'outX' | 'root' | 'own' | 'B' | 'none';
type Outcome = '2xx' | '403' | '404';

function expected(route: ApiRoute, kind: TokenKind, target: Target): Outcome {
  const permission = route.permission;
  if (permission === 'admin' || permission === 'link') return kind.scope === permission ? '2xx' : '403';
  if (kind.scope === 'admin' || kind.scope === 'link') return '403';
  if (permission === 'owner-only') return kind.scope === 'owner' ? '2xx' : '403';
  if (typeof permission === 'string') throw new Error(`${route.operationId}: ${permission} is not a storage permission`);
  if (permission.resource === 'changes') return kind.changes === true ? '2xx' : '403';
  const verbs = permission.resource === 'files' ? kind.files : kind.notes;
  if (!verbs?.includes(permission.verb)) return '403';
  // A document's references: the files too, named in the body (inside X for a limited grant).
  if (route.alsoFiles !== undefined) {
    if (!kind.files?.includes(route.alsoFiles)) return '403';
    // Without ids to check, the files are the whole instance's: out of a limited grant's reach.
    if (kind.limited === true && route.bodyFileIds === undefined) return '403';
    if (target === 'B') return '404';
    return kind.limited === true && target === 'outX' ? '404' : '2xx';
  }
  if (NOTE_ACCESS.has(route.operationId)) {
    // A folder-limited grant is checked first: a note outside its folder is one it may not know of.
    if (kind.limited === true && target !== 'inX') return '404';
    // Notes open to their owner, a sharing's member and a public link's visitor (reading only).
    if (kind.scope === 'visitor' && permission.verb === 'write') return '403';
    if (kind.scope !== 'owner' && kind.scope !== 'sharing' && kind.scope !== 'visitor') return '403';
  }
  if (target === 'B') return '404';
  if (permission.resource === 'documents' || kind.limited !== true) return '2xx';
  // A folder-limited grant: instance-wide listings and the root are known but out of reach;
  // an item elsewhere (a trashed one included: it lies in the trash) is one it may not know of.
  if (target === 'none' || target === 'root') return '403';
  if (target === 'outX' || route.operationId === 'restoreFile') return '404';
  return '2xx';
}

function outcomeOf(status: number): string {
  if (status >= 200 && status < 300) return '2xx';
  return String(status);
}

/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

const json = (body: unknown): RequestInit => ({ headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

interface Call {
  path: string;
  init?: RequestInit;
}

describe(permit.name, () => {
  let s: StorageHarness;
  let a: TestInstance;
  let b: TestInstance;
  let kinds: Record<string, TokenKind>;
  const tokens: Record<string, string> = {};
  /** Fixtures by name: A's `X`, `xSub`, `xFile`, `O`, `oFile`, `note`; B's `bFolder`, `bFile`, `bTrashed`, `bNote`, `bMarkdownNote` and its `bImage`. */
  const ids: Record<string, string> = {};
  let bNoteEtag = '';
  let linkToken = '';
  /** Every id and name of B: none may ever appear in an answer to A's tokens. */
  const bSecrets: string[] = [];

  const post = async (token: string, path: string, init: RequestInit = {}) => {
    const res = await s.call(token, path, { method: 'POST', ...init });
    if (res.status !== 201 && res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return { body: (await res.json()) as { id: string; url?: string; password?: string }, etag: res.headers.get('etag') ?? '' };
  };
  const folder = async (token: string, parent: string, name: string) => (await post(token, `/files/${parent}/folders`, json({ name }))).body.id;
  const upload = async (token: string, parent: string, name = `${randomUUID()}.txt`) =>
    (await post(token, `/files/${parent}/files?name=${name}`, { body: 'contenu' })).body.id;
  /** Overwrites the file and answers the version its previous content became. */
  const versionOf = async (token: string, fileId: string) => {
    const res = await s.call(token, `/files/${fileId}/content`, { method: 'PUT', body: randomUUID() });
    if (res.status !== 200) throw new Error(`overwrite: ${res.status} ${await res.text()}`);
    const listed = (await (await s.call(token, `/files/${fileId}/versions`)).json()) as { items: { id: string }[] };
    return listed.items[0]?.id ?? '';
  };
  const newMarkdownNote = async (token: string, parentId?: string) => {
    const res = await s.call(token, '/notes', { method: 'POST', ...json({ parentId }) });
    return NoteItem.parse(await res.json()).file.id;
  };
  const newNoteImage = async (token: string, noteId: string) => {
    const res = await s.call(token, `/notes/${noteId}/images`, { method: 'POST', headers: { 'content-type': 'image/png' }, body: PNG });
    return NoteImageUploaded.parse(await res.json()).src.replace(/^\/api/, '');
  };
  /** The ids of B's note's images: the one added at the start, whoever tried to add more. */
  const bNoteImages = async () => {
    const notesFolder = (await (await s.call(b.token, '/files/root/children')).json()) as { items: { id: string; name: string }[] };
    const folder = async (id: string) => (await (await s.call(b.token, `/files/${id}/children`)).json()) as { items: { id: string; name: string }[] };
    const images = (await folder(notesFolder.items.find((item) => item.name === 'Notes')?.id ?? '')).items.find((item) => item.name === 'Images');
    return (await folder(images?.id ?? '')).items.map((item) => item.id);
  };
  const note = (token: string, title: string) => post(token, `/data/${doctypes.notes}`, json({ data: { title } }));

  beforeAll(async () => {
    s = await startStorage();
    [a, b] = await Promise.all([s.createInstance(), s.createInstance()]);
    ids.X = await folder(a.token, 'root', 'Classe');
    ids.xSub = await folder(a.token, ids.X, 'Devoirs');
    ids.xFile = await upload(a.token, ids.xSub, 'devoir.txt');
    ids.O = await folder(a.token, 'root', 'Perso');
    ids.oFile = await upload(a.token, 'root', 'perso.txt');
    ids.note = (await note(a.token, 'Note de A')).body.id;
    await post(a.token, `/data/${doctypes.contacts}`, json({ data: { fullname: 'Contact de A' } }));
    linkToken = /\/files\/downloads\/([^/]+)\//.exec((await post(a.token, `/files/${ids.oFile}/download-link`)).body.url ?? '')?.[1] ?? '';

    ids.bFolder = await folder(b.token, 'root', 'Secret-B');
    ids.bFile = await upload(b.token, ids.bFolder, 'secret-b.txt');
    ids.bTrashed = await upload(b.token, ids.bFolder, 'jete-b.txt');
    await s.call(b.token, `/files/${ids.bTrashed}`, { method: 'DELETE' });
    ids.bVersion = await versionOf(b.token, ids.bFile);
    const bNote = await note(b.token, 'Secret-B note');
    ids.bNote = bNote.body.id;
    bNoteEtag = bNote.etag;
    ids.bMarkdownNote = await newMarkdownNote(b.token);
    ids.bImage = await newNoteImage(b.token, ids.bMarkdownNote);
    bSecrets.push(b.id, ids.bFolder, ids.bFile, ids.bTrashed, ids.bNote, ids.bVersion, ids.bMarkdownNote, 'Secret-B', 'secret-b');

    kinds = tokenKinds(ids.X);
    for (const [name, kind] of Object.entries(kinds)) {
      const bound = kind.scope === 'admin' || kind.scope === 'link' ? {} : { sub: a.id };
      // An hour, as the harness's owner tokens: on a busy machine the whole table outlasts a minute.
      tokens[name] = await s.sign(kind.scope, {
        ...bound,
        grants: kind.grants,
        app: 'notes',
        sharing: kind.scope === 'sharing' ? 'sharing-1' : undefined,
        link: kind.scope === 'visitor' ? 'link-1' : undefined,
        expiresIn: 3600,
      });
    }
  });
  afterAll(() => s.close());

  /** A's item for a target, made fresh for writes so no case depends on another. */
  const fileFor = async (target: Target, fresh: boolean) => {
    if (target === 'B') return ids.bFile ?? '';
    if (!fresh) return (target === 'inX' ? ids.xFile : ids.oFile) ?? '';
    return upload(a.token, (target === 'inX' ? ids.xSub : ids.O) ?? '');
  };
  /** A's file with a version (or B's), as a path `/files/<file>/versions/<version>`. */
  const versionFor = async (target: Target) => {
    if (target === 'B') return `/files/${ids.bFile}/versions/${ids.bVersion}`;
    const fileId = await fileFor(target, true);
    return `/files/${fileId}/versions/${await versionOf(a.token, fileId)}`;
  };
  const folderFor = (target: Target) => ({ inX: ids.xSub, outX: ids.O, root: 'root', B: ids.bFolder })[target as string] ?? '';
  const trashedFor = async (target: Target) => {
    if (target === 'B') return ids.bTrashed ?? '';
    const id = await fileFor(target, true);
    await s.call(a.token, `/files/${id}`, { method: 'DELETE' });
    return id;
  };
  /** A resumable upload's creation into `parent`: 8 bytes announced, none sent. */
  const newUpload = (parent: string): RequestInit => ({
    method: 'POST',
    headers: { 'tus-resumable': '1.0.0', 'upload-length': '8', 'upload-metadata': uploadMetadata({ filename: `${randomUUID()}.txt`, parent }) },
  });
  /** An upload begun by A's owner into the target folder (B's by B), as its path on the backend. */
  const uploadFor = async (target: Target) => {
    const res = await s.call(target === 'B' ? b.token : a.token, '/uploads', newUpload(folderFor(target)));
    if (res.status !== 201) throw new Error(`upload creation: ${res.status} ${await res.text()}`);
    return (res.headers.get('location') ?? '').replace(/^\/api/, '');
  };
  const tusHeaders = { 'tus-resumable': '1.0.0' };
  /** A Markdown note of A in the target's folder (B's own note for B). */
  const markdownNoteFor = async (target: Target) => (target === 'B' ? (ids.bMarkdownNote ?? '') : newMarkdownNote(a.token, folderFor(target)));
  /** An image its owner added to such a note, as the path that reads it. */
  const noteImageFor = async (target: Target) => (target === 'B' ? (ids.bImage ?? '') : newNoteImage(a.token, await markdownNoteFor(target)));
  const noteFor = async (target: Target) => {
    if (target === 'B') return { id: ids.bNote ?? '', etag: bNoteEtag };
    const made = await note(a.token, 'Jetable');
    return { id: made.body.id, etag: made.etag };
  };

  const fileTargets: Target[] = ['inX', 'outX', 'B'];
  const folderTargets: Target[] = ['inX', 'outX', 'root', 'B'];
  const documentTargets: Target[] = ['own', 'B'];
  const none: Target[] = ['none'];
  const notes = `/data/${doctypes.notes}`;

  /** One well-formed call per route, so that an allowed token gets a 2xx. */
  const calls: Record<string, { targets: Target[]; make: (target: Target) => Promise<Call> }> = {
    getFile: { targets: fileTargets, make: async (t) => ({ path: `/files/${await fileFor(t, false)}` }) },
    getFileContent: { targets: fileTargets, make: async (t) => ({ path: `/files/${await fileFor(t, false)}/content` }) },
    createDownloadLink: {
      targets: fileTargets,
      make: async (t) => ({ path: `/files/${await fileFor(t, false)}/download-link`, init: { method: 'POST' } }),
    },
    updateFile: {
      targets: fileTargets,
      make: async (t) => ({ path: `/files/${await fileFor(t, true)}`, init: { method: 'PATCH', ...json({ name: `${randomUUID()}.txt` }) } }),
    },
    deleteFile: { targets: fileTargets, make: async (t) => ({ path: `/files/${await fileFor(t, true)}`, init: { method: 'DELETE' } }) },
    copyFile: { targets: fileTargets, make: async (t) => ({ path: `/files/${await fileFor(t, true)}/copy?conflict=rename`, init: { method: 'POST', ...json({}) } }) },
    restoreFile: { targets: fileTargets, make: async (t) => ({ path: `/files/${await trashedFor(t)}/restore`, init: { method: 'POST' } }) },
    overwriteFile: {
      targets: fileTargets,
      make: async (t) => ({ path: `/files/${await fileFor(t, true)}/content`, init: { method: 'PUT', body: 'nouveau contenu' } }),
    },
    listFileVersions: { targets: fileTargets, make: async (t) => ({ path: `/files/${await fileFor(t, false)}/versions` }) },
    getFileVersionContent: { targets: fileTargets, make: async (t) => ({ path: `${await versionFor(t)}/content` }) },
    restoreFileVersion: { targets: fileTargets, make: async (t) => ({ path: `${await versionFor(t)}/restore`, init: { method: 'POST' } }) },
    deleteFileVersion: { targets: fileTargets, make: async (t) => ({ path: await versionFor(t), init: { method: 'DELETE' } }) },
    listFolder: { targets: folderTargets, make: async (t) => ({ path: `/files/${folderFor(t)}/children` }) },
    createFolder: {
      targets: folderTargets,
      make: async (t) => ({ path: `/files/${folderFor(t)}/folders`, init: { method: 'POST', ...json({ name: randomUUID() }) } }),
    },
    uploadFile: {
      targets: folderTargets,
      make: async (t) => ({ path: `/files/${folderFor(t)}/files?name=${randomUUID()}.txt`, init: { method: 'POST', body: 'nouveau' } }),
    },
    createUpload: { targets: folderTargets, make: async (t) => ({ path: '/uploads', init: newUpload(folderFor(t)) }) },
    getUploadOffset: { targets: fileTargets, make: async (t) => ({ path: await uploadFor(t), init: { headers: tusHeaders } }) },
    appendToUpload: {
      targets: fileTargets,
      make: async (t) => ({
        path: await uploadFor(t),
        init: {
          method: 'PATCH',
          headers: { ...tusHeaders, 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' },
          body: 'moit',
        },
      }),
    },
    terminateUpload: { targets: fileTargets, make: async (t) => ({ path: await uploadFor(t), init: { method: 'DELETE', headers: tusHeaders } }) },
    listReferencingDocuments: { targets: fileTargets, make: async (t) => ({ path: `/files/${await fileFor(t, false)}/referenced-by` }) },
    zipFolder: { targets: folderTargets, make: async (t) => ({ path: `/files/${folderFor(t)}/zip` }) },
    zipSelection: {
      targets: ['inX', 'outX', 'B'],
      make: async (t) => ({ path: '/files/zip', init: { method: 'POST', ...json({ ids: [await fileFor(t, false), folderFor(t)] }) } }),
    },
    addReferences: {
      targets: fileTargets,
      make: async (t) => ({ path: `${notes}/${t === 'B' ? ids.bNote : ids.note}/references`, init: { method: 'POST', ...json({ fileIds: [await fileFor(t, false)] }) } }),
    },
    removeReferences: {
      targets: fileTargets,
      make: async (t) => ({ path: `${notes}/${t === 'B' ? ids.bNote : ids.note}/references`, init: { method: 'DELETE', ...json({ fileIds: [await fileFor(t, false)] }) } }),
    },
    listReferences: { targets: documentTargets, make: async (t) => ({ path: `${notes}/${t === 'B' ? ids.bNote : ids.note}/references` }) },
    downloadByLink: { targets: none, make: async () => ({ path: `/files/downloads/${linkToken}/perso.txt` }) },
    searchFiles: { targets: none, make: async () => ({ path: '/files/search?q=secret' }) },
    listNotes: { targets: none, make: async () => ({ path: '/notes?q=secret' }) },
    uploadNoteImage: {
      targets: fileTargets,
      make: async (t) => ({ path: `/notes/${await markdownNoteFor(t)}/images`, init: { method: 'POST', headers: { 'content-type': 'image/png' }, body: PNG } }),
    },
    getNoteImage: { targets: fileTargets, make: async (t) => ({ path: await noteImageFor(t) }) },
    createNote: {
      targets: folderTargets,
      make: async (t) => ({ path: '/notes', init: { method: 'POST', ...json({ parentId: folderFor(t), markdown: `# ${randomUUID()}` }) } }),
    },
    listRecentFiles: { targets: none, make: async () => ({ path: '/files/recent' }) },
    listFavoriteFiles: { targets: none, make: async () => ({ path: '/files/favorites' }) },
    listTrash: { targets: none, make: async () => ({ path: '/files/trash/children' }) },
    emptyTrash: { targets: none, make: async () => ({ path: '/files/trash', init: { method: 'DELETE' } }) },
    listDocuments: { targets: none, make: async () => ({ path: notes }) },
    createDocument: { targets: none, make: async () => ({ path: notes, init: { method: 'POST', ...json({ data: { title: 'Nouvelle' } }) } }) },
    getDocument: { targets: documentTargets, make: async (t) => ({ path: `${notes}/${t === 'B' ? ids.bNote : ids.note}` }) },
    updateDocument: {
      targets: documentTargets,
      make: async (t) => {
        const { id, etag } = await noteFor(t);
        return { path: `${notes}/${id}`, init: { method: 'PUT', ...json({ data: { title: 'Changée' } }), headers: { 'content-type': 'application/json', 'if-match': etag } } };
      },
    },
    deleteDocument: {
      targets: documentTargets,
      make: async (t) => {
        const { id, etag } = await noteFor(t);
        return { path: `${notes}/${id}`, init: { method: 'DELETE', headers: { 'if-match': etag } } };
      },
    },
    readChanges: { targets: none, make: async () => ({ path: '/changes' }) },
    getInstance: { targets: none, make: async () => ({ path: '/instance' }) },
    listAppPasswords: { targets: none, make: async () => ({ path: '/instance/app-passwords' }) },
    createAppPassword: { targets: none, make: async () => ({ path: '/instance/app-passwords', init: { method: 'POST', ...json({ label: 'Téléphone' }) } }) },
    revokeAppPassword: {
      targets: none,
      make: async () => ({ path: `/instance/app-passwords/${(await post(a.token, '/instance/app-passwords', json({ label: 'Jetable' }))).body.id}`, init: { method: 'DELETE' } }),
    },
    verifyAppPassword: {
      targets: none,
      make: async () => {
        const { password } = (await post(a.token, '/instance/app-passwords', json({ label: 'Ordinateur' }))).body;
        return { path: `/instances/${a.id}/app-passwords/verify`, init: { method: 'POST', ...json({ password }) } };
      },
    },
    createInstance: {
      targets: none,
      make: async () => {
        const slug = `user-${randomUUID().slice(0, 8)}`;
        return { path: '/instances', init: { method: 'POST', ...json({ id: randomUUID(), slug, email: `${slug}@example.org` }) } };
      },
    },
  };

  const storageRoutes = apiRoutes.filter((route) => route.service === 'storage');

  it('has a call for every storage route of the table', () => {
    expect(Object.keys(calls).sort()).toEqual(storageRoutes.map((route) => route.operationId).sort());
  });

  for (const route of storageRoutes) {
    it(`${route.method.toUpperCase()} ${route.path}: 2xx, 403 or 404 as the rules say, never another instance’s data`, async () => {
      const call = calls[route.operationId];
      if (!call) throw new Error(`no call for ${route.operationId}`);
      const seen: string[] = [];
      const wanted: string[] = [];
      for (const [name, kind] of Object.entries(kinds)) {
        for (const target of call.targets) {
          const { path, init } = await call.make(target);
          const res = await s.call(tokens[name], path, { method: route.method.toUpperCase(), ...init });
          const text = await res.text();
          const label = `${name} on ${target}`;
          seen.push(`${label}: ${outcomeOf(res.status)}`);
          wanted.push(`${label}: ${expected(route, kind, target)}`);
          for (const secret of bSecrets) expect(text, `${label} answered B's ${secret}`).not.toContain(secret);
          // A HEAD answer has no body, a refusal included.
          if (res.status >= 400 && route.method !== 'head') expect(JSON.parse(text), label).toMatchObject({ status: res.status });
        }
      }
      expect(seen).toEqual(wanted);
    });
  }

  it('checks a move’s and a copy’s destination against the folder grant', async () => {
    const app = tokens.appFolderX;
    const move = async (id: string, parentId: string) => (await s.call(app, `/files/${id}`, { method: 'PATCH', ...json({ parentId }) })).status;
    expect(await move(await upload(a.token, ids.xSub ?? ''), ids.O ?? '')).toBe(404);
    expect(await move(await upload(a.token, ids.xSub ?? ''), 'root')).toBe(403);
    expect(await move(await upload(a.token, ids.xSub ?? ''), ids.X ?? '')).toBe(200);
    expect(await move(await upload(a.token, 'root'), ids.X ?? '')).toBe(404);
    const copy = async (id: string, body: object) => (await s.call(app, `/files/${id}/copy`, { method: 'POST', ...json(body) })).status;
    // Beside the granted folder itself: its parent is out of reach.
    expect(await copy(ids.X ?? '', {})).toBe(403);
    expect(await copy(ids.xFile ?? '', { parentId: ids.O })).toBe(404);
    expect(await copy(ids.xFile ?? '', { parentId: ids.X })).toBe(201);
  });

  it('shows a scoped token only the changes of the types it may read', async () => {
    const feed = async (name: string) => {
      const res = await s.call(tokens[name], '/changes?limit=1000');
      expect(res.status).toBe(200);
      return ChangeBatch.parse(await res.json()).changes;
    };
    const kindsIn = (changes: { kind: string; doctype?: string }[]) => [...new Set(changes.map((c) => c.doctype ?? c.kind))].sort();
    expect(kindsIn(await feed('owner'))).toEqual(['file', doctypes.contacts, doctypes.notes].sort());
    expect(kindsIn(await feed('appNotes'))).toEqual([doctypes.notes]);
    expect(kindsIn(await feed('appFilesRead'))).toEqual(['file']);
    expect(kindsIn(await feed('device'))).toEqual(['file', doctypes.contacts].sort());
    const res = await s.call(tokens.device, `/data/${doctypes.contacts}`);
    expect(res.status).toBe(200);
  });

  it('left B’s data as it was', async () => {
    const listing = (await (await s.call(b.token, `/files/${ids.bFolder}/children`)).json()) as { items: { id: string }[] };
    expect(listing.items.map((item) => item.id)).toEqual([ids.bFile]);
    const trash = (await (await s.call(b.token, '/files/trash/children')).json()) as { items: { id: string }[] };
    expect(trash.items.map((item) => item.id)).toEqual([ids.bTrashed]);
    expect((await s.call(b.token, `${notes}/${ids.bNote}`)).headers.get('etag')).toBe(bNoteEtag);
    expect(await bNoteImages()).toEqual([ids.bImage?.split('/').pop()]);
  });
});
