import type { FileDoc } from '@mytoutatice/contract';
import { describe, expect, it } from 'vitest';
import { capabilitiesOf } from '../place/capabilities.ts';
import type { Access } from '../place/capabilities.ts';
import { driveMenu } from './item-menu.ts';
import type { MenuHandlers } from './item-menu.ts';

const doc = (id: string, type: FileDoc['type'] = 'file'): FileDoc => ({
  id,
  type,
  name: `${id}.txt`,
  parentId: 'shared',
  size: 1,
  mime: 'text/plain',
  sha256: null,
  createdAt: '',
  updatedAt: '',
  uploadedAt: null,
  trashedAt: null,
  favorite: false,
  createdBy: null,
  tags: [],
  metadata: {},
});

function menuIds(access: Access, targets: readonly FileDoc[], sharedItem = 'shared'): string[] {
  const noop = () => undefined;
  const handlers = {
    t: (key: string) => key,
    actions: {},
    place: { can: capabilitiesOf(access), isSharedItem: (id: string) => access !== 'own' && id === sharedItem },
    open: noop,
    rename: noop,
    pickFolder: noop,
    confirmDestroy: noop,
    showVersions: noop,
    share: noop,
  } as unknown as MenuHandlers;
  return driveMenu(targets, handlers).map((item) => item.id);
}

describe(driveMenu.name, () => {
  it('offers « Partager » on one of one’s own items, not on a selection', () => {
    expect(menuIds('own', [doc('a')])).toContain('share');
    expect(menuIds('own', [doc('a'), doc('b')])).not.toContain('share');
  });

  it('offers no write in a « Peut consulter » sharing: download and « Ajouter à mon espace » only', () => {
    expect(menuIds('read', [doc('a')])).toEqual(['open', 'download', 'mine']);
  });

  it('lets « Peut modifier » write inside, but never re-share nor touch the shared item itself', () => {
    const inside = menuIds('write', [doc('a')]);
    expect(inside).toEqual(expect.arrayContaining(['rename', 'move', 'copy', 'trash', 'mine']));
    expect(inside).not.toContain('share');
    expect(inside).not.toContain('favorite');
    const itself = menuIds('write', [doc('shared', 'directory')]);
    expect(itself).not.toContain('rename');
    expect(itself).not.toContain('move');
    expect(itself).not.toContain('trash');
  });
});
