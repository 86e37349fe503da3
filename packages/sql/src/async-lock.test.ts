import { describe, expect, it } from 'vitest';
import { KeyedLock } from './async-lock.ts';

describe('KeyedLock', () => {
  it('lets one holder per key in at a time, in arrival order, and other keys through', async () => {
    const locks = new KeyedLock();
    const order: string[] = [];
    const first = await locks.acquire('a');
    const second = locks.acquire('a').then((release) => {
      order.push('a2');
      release();
    });
    const other = await locks.acquire('b');
    order.push('b');
    other();
    order.push('a1');
    first();
    await second;
    expect(order).toEqual(['b', 'a1', 'a2']);
  });

  it('forgets a key once nobody holds or awaits it', async () => {
    const locks = new KeyedLock();
    const release = await locks.acquire('instance');
    const waiting = locks.acquire('instance');
    expect(locks.size).toBe(1);
    release();
    (await waiting)();
    expect(locks.size).toBe(0);
  });
});
