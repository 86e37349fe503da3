export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}

/** Polls `condition` every few milliseconds; throws `failure` after `timeoutMs`. */
export async function until(condition: () => boolean, failure: string, timeoutMs = 10_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(failure);
    await sleep(5);
  }
}
