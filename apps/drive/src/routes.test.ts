import { describe, expect, it } from 'vitest';
import { folderPath, sortFromSearch, sortSearch, viewFromPath } from './routes.ts';

describe(viewFromPath.name, () => {
  it('opens the folder a link names, the root at /drive, and each side screen at its address', () => {
    expect(viewFromPath('/drive')).toEqual({ kind: 'folder', id: 'root' });
    expect(viewFromPath(folderPath('a b/c'))).toEqual({ kind: 'folder', id: 'a b/c' });
    expect(viewFromPath('/drive/corbeille')).toEqual({ kind: 'trash' });
    expect(viewFromPath('/drive/recents/')).toEqual({ kind: 'recent' });
    expect(viewFromPath('/drive/favoris')).toEqual({ kind: 'favorites' });
    expect(viewFromPath('/drive/partages')).toEqual({ kind: 'shared' });
  });
});

describe(sortFromSearch.name, () => {
  it('reads back the sort it wrote, and falls back to name ascending on anything else', () => {
    expect(sortFromSearch(sortSearch({ sort: 'size', order: 'desc' }))).toEqual({ sort: 'size', order: 'desc' });
    expect(sortSearch({ sort: 'name', order: 'asc' })).toBe('');
    expect(sortFromSearch('?tri=poids&ordre=haut')).toEqual({ sort: 'name', order: 'asc' });
  });
});
