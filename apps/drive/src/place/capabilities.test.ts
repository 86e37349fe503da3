import { describe, expect, it } from 'vitest';
import { capabilitiesOf } from './capabilities.ts';

describe(capabilitiesOf.name, () => {
  it('offers no write to « Peut consulter », but download-side copies to one’s own space', () => {
    expect(capabilitiesOf('read')).toMatchObject({ upload: false, write: false, addToMine: true, onlyOwn: false });
  });

  it('lets « Dépôt » upload only, and says the listing is one’s own files', () => {
    expect(capabilitiesOf('drop')).toMatchObject({ upload: true, write: false, share: false, addToMine: false, onlyOwn: true });
  });

  it('lets « Peut modifier » write inside, never re-share nor mark the owner’s favourites', () => {
    expect(capabilitiesOf('write')).toMatchObject({ upload: true, write: true, share: false, favorite: false, addToMine: true });
  });

  it('keeps everything in one’s own space', () => {
    expect(capabilitiesOf('own')).toEqual(capabilitiesOf('owner'));
    expect(capabilitiesOf('own')).toMatchObject({ upload: true, write: true, share: true, favorite: true, addToMine: false });
  });
});
