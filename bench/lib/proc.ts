import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** The pid of the process listening on a local TCP port (the services are grandchildren of the bench). */
export function pidListening(port: string): number {
  const line = execFileSync('ss', ['-ltnpH', `sport = :${port}`], { encoding: 'utf8' });
  const pid = Number(/pid=(\d+)/.exec(line)?.[1]);
  if (!pid) throw new Error(`no process listening on ${port}: ${line}`);
  return pid;
}

export function rssKiB(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
}

export type RssPeak = { pid: number; beforeKiB: number; peakKiB: number };

/**
 * Samples the RSS of some processes every `everyMs` while `work` runs: the peak above the level
 * before tells whether memory follows the size of what goes through.
 */
export async function sampleRss<T>(pids: number[], work: () => Promise<T>, everyMs = 100): Promise<{ result: T; peaks: RssPeak[] }> {
  const peaks = pids.map((pid) => {
    const beforeKiB = rssKiB(pid);
    return { pid, beforeKiB, peakKiB: beforeKiB };
  });
  const sample = () => {
    for (const p of peaks) p.peakKiB = Math.max(p.peakKiB, rssKiB(p.pid));
  };
  const timer = setInterval(sample, everyMs);
  try {
    const result = await work();
    sample();
    return { result, peaks };
  } finally {
    clearInterval(timer);
  }
}
