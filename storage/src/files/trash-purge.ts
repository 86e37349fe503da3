import type { InstanceDatabases } from '../instances/instance-databases.ts';
import type { InstanceRegistry } from '../instances/registry.ts';
import { purgeTrash } from './destroy.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;

export interface TrashPurgeOptions {
  /** Items stay this long in the trash (TRASH_RETENTION_DAYS). */
  olderThanDays: number;
  /** How often every instance is looked at; hourly by default. */
  intervalMs?: number;
  /** Called after an instance lost items (e.g. to wake the changes feed's followers). */
  onPurged?: (instanceId: string, count: number) => void;
  /** One instance failing does not stop the others; it is reported here (no id: the registry failed). */
  onError?: (error: unknown, instanceId?: string) => void;
}

export interface TrashPurge {
  /** Purges every instance once now (what the timer runs); resolves when done. */
  runOnce(): Promise<void>;
  stop(): void;
}

/**
 * Empties, instance by instance, what has been in the trash longer than the retention, now and
 * then every `intervalMs`. Runs never overlap; the timer does not keep the process alive.
 */
export function startTrashPurge(
  databases: InstanceDatabases,
  registry: InstanceRegistry,
  { olderThanDays, intervalMs = HOUR_MS, onPurged = () => undefined, onError = () => undefined }: TrashPurgeOptions,
): TrashPurge {
  let running: Promise<void> | undefined;
  let stopped = false;

  async function purgeAll(): Promise<void> {
    let instances;
    try {
      instances = await registry.list();
    } catch (error) {
      onError(error);
      return;
    }
    for (const instance of instances) {
      if (stopped) return;
      try {
        const count = await purgeTrash(databases, instance.id, olderThanDays * DAY_MS);
        if (count > 0) onPurged(instance.id, count);
      } catch (error) {
        onError(error, instance.id);
      }
    }
  }

  function runOnce(): Promise<void> {
    running ??= purgeAll().finally(() => {
      running = undefined;
    });
    return running;
  }

  const timer = setInterval(() => void runOnce(), intervalMs);
  timer.unref();
  const first = setTimeout(() => void runOnce(), 0);
  first.unref();
  return {
    runOnce,
    stop() {
      stopped = true;
      clearInterval(timer);
      clearTimeout(first);
    },
  };
}
