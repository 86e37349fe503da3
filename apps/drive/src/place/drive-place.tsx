import type { Sharing } from '@mytoutatice/contract';
import { ROOT_ID } from '@mytoutatice/sdk';
import { createContext, use } from 'react';
import { folderPath, sharingPath } from '../routes.ts';
import { capabilitiesOf } from './capabilities.ts';
import type { Capabilities } from './capabilities.ts';

/**
 * Where the Drive's views are: one's own space, or what a sharing opens (the same views, under a
 * `FilesScopeProvider`). Says where folders link to and what may be done there.
 */
export type DrivePlace = {
  /** null: one's own space. */
  sharing: Sharing | null;
  /** The top of the place: the Drive's root, or the shared item (nothing above it is reachable). */
  rootId: string;
  folderHref: (id: string) => string;
  can: Capabilities;
  /** The shared item itself: only its owner may rename, move or trash it. */
  isSharedItem: (id: string) => boolean;
};

export const OWN_PLACE: DrivePlace = {
  sharing: null,
  rootId: ROOT_ID,
  folderHref: folderPath,
  can: capabilitiesOf('own'),
  isSharedItem: () => false,
};

export function placeOfSharing(sharing: Sharing): DrivePlace {
  return {
    sharing,
    rootId: sharing.item.id,
    folderHref: (id) => sharingPath(sharing.id, id, sharing.item.id),
    can: capabilitiesOf(sharing.access),
    isSharedItem: (id) => id === sharing.item.id,
  };
}

const PlaceContext = createContext<DrivePlace>(OWN_PLACE);

export const PlaceProvider = PlaceContext;

export function useDrivePlace(): DrivePlace {
  return use(PlaceContext);
}
