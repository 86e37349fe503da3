import { execFileSync, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';

/** The pids of the processes listening on a local TCP port (nginx: its master and workers). */
export function pidsListening(port: string): number[] {
  const line = execFileSync('ss', ['-ltnpH', `sport = :${port}`], { encoding: 'utf8' });
  const pids = [...new Set([...line.matchAll(/pid=(\d+)/g)].map((m) => Number(m[1])))];
  if (!pids.length) throw new Error(`no process listening on ${port}: ${line}`);
  return pids;
}

/** The pid of the process listening on a local TCP port (the services are grandchildren of the bench). */
export function pidListening(port: string): number {
  return pidsListening(port)[0] as number;
}

export function rssKiB(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
}

const TICKS_PER_SECOND = 100; // USER_HZ, `getconf CLK_TCK` on Linux

/** User + system CPU time a process has used so far. */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which may hold spaces: state is field 3, utime 14, stime 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

export type ProcessUsage = { beforeKiB: number; peakKiB: number; cpuSeconds: number };

/**
 * Watches groups of processes while `work` runs: RSS sampled every `everyMs` (the peak above the
 * level before tells whether memory follows the size of what goes through; summed over a group)
 * and the CPU time used (which, on a shared machine, says more than wall time).
 */
export async function watchProcesses<T>(groups: number[][], work: () => Promise<T>, everyMs = 100): Promise<{ result: T; usage: ProcessUsage[] }> {
  const rss = (pids: number[]) => pids.reduce((sum, pid) => sum + rssKiB(pid), 0);
  const cpu = (pids: number[]) => pids.reduce((sum, pid) => sum + cpuSeconds(pid), 0);
  const usage = groups.map((pids) => {
    const beforeKiB = rss(pids);
    return { pids, beforeKiB, peakKiB: beforeKiB, cpuBefore: cpu(pids) };
  });
  const sample = () => {
    for (const u of usage) u.peakKiB = Math.max(u.peakKiB, rss(u.pids));
  };
  const timer = setInterval(sample, everyMs);
  try {
    const result = await work();
    sample();
    return {
      result,
      usage: usage.map((u) => ({ beforeKiB: u.beforeKiB, peakKiB: u.peakKiB, cpuSeconds: cpu(u.pids) - u.cpuBefore })),
    };
  } finally {
    clearInterval(timer);
  }
}

/** Stops a reference server started for a run (SIGTERM, waiting for it) and removes its folder. */
export async function stopServer(child: ChildProcess, dir: string): Promise<void> {
  if (child.exitCode === null) {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
  rmSync(dir, { recursive: true, force: true });
}
