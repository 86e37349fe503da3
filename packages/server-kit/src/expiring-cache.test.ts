import { describe, expect, it } from 'vitest';
import { ExpiringCache } from './expiring-cache.ts';

describe(ExpiringCache.name, () => {
  it('forgets an entry once it expires', () => {
    const cache = new ExpiringCache<string>(10);
    cache.set('jeton', 'alice', 1_000);
    expect(cache.get('jeton', 999)).toBe('alice');
    expect(cache.get('jeton', 1_000)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('when full, drops expired entries first, then the oldest', () => {
    const now = Date.now();
    const cache = new ExpiringCache<number>(3);
    cache.set('a', 1, now + 60_000);
    cache.set('b', 2, now - 1);
    cache.set('c', 3, now + 60_000);
    cache.set('d', 4, now + 60_000);
    expect(['a', 'b', 'c', 'd'].map((k) => cache.get(k))).toEqual([1, undefined, 3, 4]);
    cache.set('e', 5, now + 60_000);
    expect(['a', 'c', 'd', 'e'].map((k) => cache.get(k))).toEqual([undefined, 3, 4, 5]);
  });
});
