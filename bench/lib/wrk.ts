import { execFileSync } from 'node:child_process';

export type WrkResult = { rps: number; p50: string; p99: string };

/** Runs wrk (Debian's) with 2 threads and 64 connections; parses req/s and the latency percentiles. */
export function runWrk(url: string, bearer: string, duration: string): WrkResult {
  const out = execFileSync('wrk', ['-t2', '-c64', `-d${duration}`, '--latency', '-H', `Authorization: Bearer ${bearer}`, url], {
    encoding: 'utf8',
  });
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]);
  const p50 = /^\s+50%\s+(\S+)/m.exec(out)?.[1] ?? '?';
  const p99 = /^\s+99%\s+(\S+)/m.exec(out)?.[1] ?? '?';
  const errors = /Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1];
  if (errors) throw new Error(`wrk saw ${errors} error responses for ${url}`);
  return { rps, p50, p99 };
}
