import { describe, expect, it } from 'vitest';
import { ChangeNotifier } from './notifier.ts';

describe(ChangeNotifier.name, () => {
  it('wakes the followers of the poked instance only', async () => {
    const notifier = new ChangeNotifier();
    const woken: string[] = [];
    const stop = notifier.listen('a', () => woken.push('a'));
    notifier.listen('b', () => woken.push('b'));
    const next = notifier.next('a', 5000);
    notifier.poke('a');
    expect(await next).toBe(true);
    stop();
    notifier.poke('a');
    expect(woken).toEqual(['a']);
  });

  it('answers false when the time runs out, the caller gives up, or the notifier closes', async () => {
    const notifier = new ChangeNotifier();
    expect(await notifier.next('a', 10)).toBe(false);
    const gone = new AbortController();
    const abandoned = notifier.next('a', 5000, gone.signal);
    gone.abort();
    expect(await abandoned).toBe(false);
    const pending = notifier.next('a', 5000);
    notifier.close();
    expect(await pending).toBe(false);
    expect(await notifier.next('a', 5000)).toBe(false);
  });
});
