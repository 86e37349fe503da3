import { describe, expect, it } from 'vitest';
import { folderPath, searchQueryFrom, sharingPath, sortFromSearch, sortSearch, viewFromPath, withSearchQuery } from './routes.ts';

describe(viewFromPath.name, () => {
  it('opens the folder a link names, the root at /drive, and each side screen at its address', () => {
    expect(viewFromPath('/drive')).toEqual({ kind: 'folder', id: 'root' });
    expect(viewFromPath(folderPath('a b/c'))).toEqual({ kind: 'folder', id: 'a b/c' });
    expect(viewFromPath('/drive/corbeille')).toEqual({ kind: 'trash' });
    expect(viewFromPath('/drive/recents/')).toEqual({ kind: 'recent' });
    expect(viewFromPath('/drive/favoris')).toEqual({ kind: 'favorites' });
    expect(viewFromPath('/drive/partages')).toEqual({ kind: 'shared' });
  });

  it('opens a sharing in place at its item, or at a folder inside it, and reads back what it wrote', () => {
    expect(viewFromPath('/drive/partages/AAAAAAAAAAAAAAAAAAAAAA')).toEqual({ kind: 'sharing', sharingId: 'AAAAAAAAAAAAAAAAAAAAAA', folderId: null });
    expect(viewFromPath(sharingPath('s-1_', 'a b/c'))).toEqual({ kind: 'sharing', sharingId: 's-1_', folderId: 'a b/c' });
    expect(viewFromPath('/drive/partages/s1/dossier/')).toEqual({ kind: 'sharing', sharingId: 's1', folderId: null });
    expect(viewFromPath('/drive/partages/s1/autre/x')).toEqual({ kind: 'sharing', sharingId: 's1', folderId: null });
    expect(viewFromPath('/drive/partages/')).toEqual({ kind: 'shared' });
  });
});

describe(sharingPath.name, () => {
  it('names the sharing alone for its own item, so its root has one address', () => {
    expect(sharingPath('s1')).toBe('/drive/partages/s1');
    expect(sharingPath('s1', 'item', 'item')).toBe('/drive/partages/s1');
    expect(sharingPath('s1', 'sub', 'item')).toBe('/drive/partages/s1/dossier/sub');
  });
});

describe(sortFromSearch.name, () => {
  it('reads back the sort it wrote, and falls back to name ascending on anything else', () => {
    expect(sortFromSearch(sortSearch({ sort: 'size', order: 'desc' }))).toEqual({ sort: 'size', order: 'desc' });
    expect(sortSearch({ sort: 'name', order: 'asc' })).toBe('');
    expect(sortFromSearch('?tri=poids&ordre=haut')).toEqual({ sort: 'name', order: 'asc' });
  });
});

describe(withSearchQuery.name, () => {
  it('puts the search in the address and reads it back, keeping the sort, and leaves no trace once cleared', () => {
    expect(withSearchQuery('', 'paie janvier')).toBe('?q=paie+janvier');
    expect(searchQueryFrom(withSearchQuery('?tri=size&ordre=desc', 'été & 100%'))).toBe('été & 100%');
    expect(withSearchQuery('?tri=size&q=a', 'b')).toBe('?tri=size&q=b');
    expect(withSearchQuery('?q=paie', '')).toBe('');
    expect(withSearchQuery('?tri=size&q=paie', '')).toBe('?tri=size');
    expect(searchQueryFrom('?tri=size')).toBe('');
  });
});
