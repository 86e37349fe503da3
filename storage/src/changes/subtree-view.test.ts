import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChangeBatch, FILES_TYPE, type Change, type FilesGrant } from '@mytoutatice/contract';
import { fileCalls, type FileCalls } from '../../test/files/test-calls.ts';
import { eventually, startStorage, type StorageHarness, type TestInstance } from '../../test/harness/storage-harness.ts';
import { SocketProbe } from '../../test/changes/socket-probe.ts';
import { SubtreeView } from './subtree-view.ts';

/**
 * The realtime socket of a `sharing` token: a member follows the shared folder live and hears
 * nothing else of the owner's space; what leaves the folder leaves their view.
 */
describe(SubtreeView.name, () => {
  let s: StorageHarness;
  let owner: TestInstance;
  let files: FileCalls;
  let wsUrl: string;
  let classe = '';
  let ailleurs = '';
  beforeAll(async () => {
    s = await startStorage();
    owner = await s.createInstance('enseignant');
    files = fileCalls(s, owner.token);
    wsUrl = `${s.url.replace(/^http/, 'ws')}/realtime`;
    classe = (await files.folder('root', 'Classe')).id;
    ailleurs = (await files.folder('root', 'Ailleurs')).id;
  });
  afterAll(() => s.close());

  const sharingToken = (grant: Omit<FilesGrant, 'type'>, member: string | null = 'eleve') =>
    s.sign('sharing', {
      sub: owner.id,
      sharing: 'partage-1',
      ...(member === null ? {} : { member }),
      grants: [{ type: FILES_TYPE, ...grant }],
      expiresIn: 3600,
    });
  /** Connects as the sdk does: subscribe to files, then ask from the server's first position (or `since`). */
  const follow = async (token: string, since?: number) => {
    const probe = await SocketProbe.open(wsUrl, { authorization: `Bearer ${token}` });
    const greeting = ChangeBatch.parse(await probe.next(() => true));
    probe.send({ subscribe: { files: true } });
    probe.send({ since: since ?? greeting.last });
    return probe;
  };
  /** Every change received, in order, as `id` or `-id` for a removal. */
  const seen = (probe: SocketProbe, names: Record<string, string>) =>
    probe
      .batches()
      .flatMap((batch) => batch.changes)
      .map((change: Change) => `${change.deleted ? '-' : ''}${names[change.id] ?? change.id}`);
  const ok = async (response: Promise<Response>) => {
    const answer = await response;
    expect(answer.ok, `${answer.status} ${await answer.clone().text()}`).toBe(true);
    return answer;
  };

  it('shows a member what happens inside the folder, a move out as a removal and a move in as an addition', async () => {
    const outsideFolder = await files.folder(ailleurs, 'Brouillons');
    const brouillon = await files.file(outsideFolder.id, 'brouillon.txt');
    const member = await follow(await sharingToken({ verbs: ['read', 'write'], folderId: classe }));
    const names: Record<string, string> = { [outsideFolder.id]: 'brouillons', [brouillon.id]: 'brouillon' };
    /** Waits until the member has heard `expected` (as `seen` writes it) once more: each write is then seen apart. */
    const heard = async (expected: string) => {
      const before = seen(member, names).filter((entry) => entry === expected).length;
      return () => eventually(async () => seen(member, names).filter((entry) => entry === expected).length > before);
    };
    const visible = async (expected: string, write: () => Promise<unknown>) => {
      const wait = await heard(expected);
      await write();
      await wait();
    };

    const lecon = await files.folder(classe, 'Leçon 1');
    names[lecon.id] = 'lecon';
    const secret = await files.file(ailleurs, 'secret.txt');
    const cours = await files.file(lecon.id, 'cours.txt');
    names[cours.id] = 'cours';
    await eventually(async () => seen(member, names).includes('cours'));
    await visible('cours', () => ok(files.patch(cours.id, { name: 'cours-v2.txt' })));
    await visible('cours', () => ok(files.call(`/files/${cours.id}/content`, { method: 'PUT', body: 'nouveau contenu' })));
    await ok(files.patch(secret.id, { name: 'secret-v2.txt' }));
    // Out: the member must drop it; what happens to it out there is none of their business.
    await visible('-cours', () => ok(files.patch(cours.id, { parentId: ailleurs })));
    await ok(files.patch(cours.id, { name: 'cours-perso.txt' }));
    // Back in, under another folder of the sharing.
    await visible('cours', () => ok(files.patch(cours.id, { parentId: classe })));
    // A folder coming in brings what it holds: a later change inside it is shown…
    await visible('brouillons', () => ok(files.patch(outsideFolder.id, { parentId: lecon.id })));
    await visible('brouillon', () => ok(files.patch(brouillon.id, { name: 'brouillon-v2.txt' })));
    // …and leaving takes it away: the member hears of the folder, not of each item in it.
    await visible('-brouillons', () => ok(files.patch(outsideFolder.id, { parentId: ailleurs })));
    await ok(files.patch(brouillon.id, { name: 'brouillon-v3.txt' }));
    // Delete (to the trash) inside, then for good; outside, both unseen.
    await visible('-cours', () => ok(files.trash(cours.id)));
    await ok(files.destroy(cours.id));
    await ok(files.trash(secret.id));
    await ok(files.destroy(secret.id));
    const fin = await files.file(classe, 'fin.txt');
    names[fin.id] = 'fin';
    await member.waitForChange(fin.id);

    expect(seen(member, names)).toEqual([
      'lecon',
      'cours', // created
      'cours', // renamed
      'cours', // overwritten
      '-cours', // moved out
      'cours', // moved back in
      'brouillons', // moved in
      'brouillon', // renamed inside
      '-brouillons', // moved out, with what it holds
      '-cours', // trashed (then destroyed: already gone for the member)
      'fin',
    ]);
    const removal = member.batches().flatMap((batch) => batch.changes).find((change) => change.deleted);
    expect(removal).not.toHaveProperty('parentId');
    const backIn = member.batches().flatMap((batch) => batch.changes).filter((change) => change.id === cours.id && !change.deleted)[3];
    expect(backIn?.parentId).toBe(classe);
    member.close();
  });

  it('shows a « dépôt » member their own items only, not the owner’s nor another member’s', async () => {
    const depot = (await files.folder('root', 'Dépôt')).id;
    const grant = { verbs: ['read', 'write'] as const, folderId: depot, ownOnly: true as const };
    const eleve = fileCalls(s, await sharingToken({ ...grant, verbs: [...grant.verbs] }, 'eleve'));
    const autre = fileCalls(s, await sharingToken({ ...grant, verbs: [...grant.verbs] }, 'autre'));
    const member = await follow(await sharingToken({ ...grant, verbs: [...grant.verbs] }, 'eleve'));

    const consigne = await files.file(depot, 'consigne.txt');
    const theirs = await autre.file(depot, 'copie-autre.txt');
    const mine = await eleve.file(depot, 'copie.txt');
    await ok(files.patch(consigne.id, { name: 'consigne-v2.txt' }));
    await ok(eleve.patch(mine.id, { name: 'copie-v2.txt' }));
    const last = await eleve.file(depot, 'fin.txt');
    await member.waitForChange(last.id);

    expect(seen(member, { [mine.id]: 'copie', [last.id]: 'fin' })).toEqual(['copie', 'copie', 'fin']);
    expect(member.changeIds()).not.toContain(theirs.id);
    member.close();
  });

  it('tells a member who comes back to list the folder again when something may have left it meanwhile', async () => {
    const devoir = await files.file(classe, 'devoir.txt');
    const token = await sharingToken({ verbs: ['read'], folderId: classe });
    const first = await follow(token);
    const marker = await files.file(classe, 'repère.txt');
    await first.waitForChange(marker.id);
    const resumeAt = first.batches().at(-1)?.last ?? 0;
    first.close();
    await first.closed;

    // While away: the item leaves the folder, and the owner works elsewhere.
    await ok(files.patch(devoir.id, { parentId: ailleurs }));
    const elsewhere = await files.file(ailleurs, 'autre.txt');
    const again = await follow(token, resumeAt);
    await again.waitForChange(classe);
    expect(again.changeIds()).not.toContain(elsewhere.id);
    expect(again.changeIds()).not.toContain(devoir.id);
    again.close();
  });

  it('shows the shared folder as removed while the owner has it in the trash, with a folder above it, and back once restored', async () => {
    const annee = await files.folder('root', 'Année 2026');
    const partage = await files.folder(annee.id, 'Classe B');
    const member = await follow(await sharingToken({ verbs: ['read'], folderId: partage.id }));
    const names = { [partage.id]: 'partage' };
    await ok(files.trash(annee.id));
    await eventually(async () => seen(member, names).includes('-partage'));
    await ok(files.restore(annee.id));
    await eventually(async () => seen(member, names).includes('partage'));
    const apres = await files.file(partage.id, 'après.txt');
    await member.waitForChange(apres.id);
    expect(seen(member, { ...names, [apres.id]: 'après' })).toEqual(['-partage', 'partage', 'après']);
    member.close();
  });

  it('refuses tokens that open more than one folder, a « dépôt » without a member, and a shared folder in the trash', async () => {
    const refusal = async (token: string) => (await SocketProbe.refusal(wsUrl, { authorization: `Bearer ${token}` })).status;
    expect(await refusal(await sharingToken({ verbs: ['read'] }))).toBe(403);
    expect(await refusal(await sharingToken({ verbs: ['write'], folderId: classe }))).toBe(403);
    expect(await refusal(await sharingToken({ verbs: ['read'], folderId: classe, ownOnly: true }, null))).toBe(403);
    expect(await refusal(await s.sign('app', { sub: owner.id, app: 'drive', grants: [{ type: FILES_TYPE, verbs: ['read'], folderId: classe }] }))).toBe(403);
    const corbeille = (await files.folder('root', 'Bientôt jeté')).id;
    const dessous = (await files.folder(corbeille, 'Dessous')).id;
    await ok(files.trash(corbeille));
    expect(await refusal(await sharingToken({ verbs: ['read'], folderId: corbeille }))).toBe(404);
    expect(await refusal(await sharingToken({ verbs: ['read'], folderId: dessous }))).toBe(404);
    expect(await refusal(await sharingToken({ verbs: ['read'], folderId: 'nulle-part' }))).toBe(404);
  });
});
