import type { Sharing } from '@mytoutatice/contract';

/** What the person may do where they are: their own space (`own`), or their part in a sharing. */
export type Access = 'own' | Sharing['access'];

export type Capabilities = {
  /** Import files (button, drop zone). */
  upload: boolean;
  /** New folder, rename, move, copy inside, trash, versions. */
  write: boolean;
  /** Marks are the owner's: a member's would change the owner's favourites. */
  favorite: boolean;
  /** « Partager »: only one's own items (re-sharing is impossible by construction). */
  share: boolean;
  /** « Ajouter à mon espace ». */
  addToMine: boolean;
  /** « Dépôt »: the listing holds only what one added oneself. */
  onlyOwn: boolean;
};

const ALL: Capabilities = { upload: true, write: true, favorite: true, share: true, addToMine: false, onlyOwn: false };

/**
 * The UI offers only what the storage would accept: « Peut consulter » no write at all, « Dépôt »
 * uploads only (and copying out would take others' files: the server refuses, so no offer), the
 * owner looking through their own sharing acts as in their own space.
 */
export function capabilitiesOf(access: Access): Capabilities {
  switch (access) {
    case 'own':
    case 'owner':
      return ALL;
    case 'write':
      return { ...ALL, favorite: false, share: false, addToMine: true };
    case 'read':
      return { upload: false, write: false, favorite: false, share: false, addToMine: true, onlyOwn: false };
    case 'drop':
      return { upload: true, write: false, favorite: false, share: false, addToMine: false, onlyOwn: true };
  }
}
