import type { Sharing } from '@mytoutatice/contract';
import { describe, expect, it } from 'vitest';
import { viewFromPath } from '../routes.ts';
import { placeOfSharing } from './drive-place.tsx';

const sharing: Sharing = {
  id: 'AAAAAAAAAAAAAAAAAAAAAA',
  item: { id: 'shared-folder', kind: 'folder', name: 'Sortie' },
  owner: { slug: 'enseignant', name: 'Annabel Bourde' },
  access: 'read',
  members: [{ slug: 'eleve', name: 'Jordan Abiven', role: 'read', addedAt: '' }],
  createdAt: '',
};

describe(placeOfSharing.name, () => {
  it('links the shared folder to the sharing’s own address and folders inside it below, never to one’s own Drive', () => {
    const place = placeOfSharing(sharing);
    expect(place.folderHref('shared-folder')).toBe('/drive/partages/AAAAAAAAAAAAAAAAAAAAAA');
    expect(viewFromPath(place.folderHref('sub'))).toEqual({ kind: 'sharing', sharingId: sharing.id, folderId: 'sub' });
    expect(place.rootId).toBe('shared-folder');
  });

  it('takes its rights from one’s part in the sharing, and keeps the shared item the owner’s', () => {
    const place = placeOfSharing(sharing);
    expect(place.can.write).toBe(false);
    expect(placeOfSharing({ ...sharing, access: 'write' }).can.write).toBe(true);
    expect(place.isSharedItem('shared-folder')).toBe(true);
    expect(place.isSharedItem('sub')).toBe(false);
  });
});
