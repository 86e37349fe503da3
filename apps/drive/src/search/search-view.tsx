import { useSearch } from '@mytoutatice/sdk/react';
import { useT } from '@mytoutatice/ui';
import type { DriveKey } from '../messages.ts';
import { LocatedList } from '../lists/located-list.tsx';
import { DrivePage } from '../nav/drive-page.tsx';
import type { DriveView } from '../routes.ts';

/** Names containing the words typed, accents and case ignored, from every folder, each with where it is. */
export function SearchView({ query, current }: { query: string; current: DriveView['kind'] }) {
  const t = useT<DriveKey>();
  const results = useSearch(query.trim());
  const title = t('drive.search.title', { q: query.trim() });
  return (
    <DrivePage current={current} title={title}>
      <LocatedList query={results} label={title} empty={t('drive.search.empty', { q: query.trim() })} />
    </DrivePage>
  );
}
