const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Nextcloud's versions expiry table (apps/files_versions `Storage::$max_versions_per_interval`):
 * a version younger than `upTo` is kept at most one per `step`; beyond the last slot, one a week.
 * Each step divides the next, so the periods of a coarser slot are unions of finer ones.
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

function stepFor(age: number): number {
  return (SLOTS.find((slot) => age < slot.upTo) ?? SLOTS[SLOTS.length - 1])?.step ?? DAY;
}

/**
 * The versions to drop so that more recent means denser: a version goes when a newer one was
 * written in the same period of its age's step (periods fixed in time: the same 2-second, minute,
 * hour, UTC day or week since the epoch). So the newest version of each period stays.
 *
 * Not Nextcloud's own walk (`getAutoExpireList`, whose periods start at the newest version):
 * run after every save, its periods shift with each one and drop what they kept before — saves
 * every 5 minutes for 120 days leave 13 versions, none older than a day. Fixed, nested periods
 * give the same answer whether thinning runs once or after every save.
 */
export function versionsToThin(versions: readonly AgedVersion[], now: number): string[] {
  const newestFirst = [...versions].sort((a, b) => b.writtenAt - a.writtenAt);
  const drop: string[] = [];
  newestFirst.forEach((version, index) => {
    const newer = newestFirst[index - 1];
    if (!newer) return;
    const step = stepFor(now - version.writtenAt);
    // The newer versions in this version's period come right before it in this order.
    if (Math.floor(newer.writtenAt / step) === Math.floor(version.writtenAt / step)) drop.push(version.id);
  });
  return drop;
}
