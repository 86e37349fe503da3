const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Nextcloud's versions expiry (apps/files_versions `Storage::$max_versions_per_interval`): within
 * `upTo` of now, versions are kept at most one per `step`; beyond the last slot, one a week.
 */
const SLOTS: readonly { upTo: number; step: number }[] = [
  { upTo: 10 * SECOND, step: 2 * SECOND },
  { upTo: MINUTE, step: 10 * SECOND },
  { upTo: HOUR, step: MINUTE },
  { upTo: DAY, step: HOUR },
  { upTo: 30 * DAY, step: DAY },
  { upTo: Infinity, step: 7 * DAY },
];

export interface AgedVersion {
  id: string;
  /** When its content was written, in ms since the epoch. */
  writtenAt: number;
}

/**
 * The versions to drop so that more recent means denser, as Nextcloud's `getAutoExpireList`
 * does: walking from the newest (always kept), a version is kept when it is at least the slot's
 * step older than the last one kept, the slot being the one the last kept version lies in.
 */
export function versionsToThin(versions: readonly AgedVersion[], now: number): string[] {
  const [newest, ...older] = [...versions].sort((a, b) => b.writtenAt - a.writtenAt);
  if (!newest) return [];
  const drop: string[] = [];
  let slot = 0;
  let kept = newest.writtenAt;
  for (const version of older) {
    // A later slot once the last kept version is older than this one's reach.
    while (kept <= now - (SLOTS[slot]?.upTo ?? Infinity)) slot++;
    const step = SLOTS[slot]?.step ?? 0;
    if (version.writtenAt > kept - step) drop.push(version.id);
    else kept = version.writtenAt;
  }
  return drop;
}
