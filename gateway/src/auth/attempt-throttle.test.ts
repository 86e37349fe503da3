import { describe, expect, it } from 'vitest';
import { AttemptThrottle } from './attempt-throttle.ts';

const policy = { perClient: 5, perAccount: 50, maxDelayS: 900, knownForS: 3600 };
const NAT = '192.0.2.1';

describe(AttemptThrottle.name, () => {
  it('lets a client mistype a few times, then makes it wait longer after each failure', () => {
    const throttle = new AttemptThrottle(policy);
    const t0 = 1_000_000;
    for (let i = 0; i < 5; i++) throttle.failed('eleve', NAT, t0);
    expect(throttle.waitS('eleve', NAT, t0)).toBe(0);
    const waits = [6, 7, 8, 9].map((attempt) => {
      throttle.failed('eleve', NAT, t0 + attempt);
      return throttle.waitS('eleve', NAT, t0 + attempt);
    });
    expect(waits).toEqual([1, 2, 4, 8]);
  });

  it('never holds back the other people of a school behind the same address', () => {
    const throttle = new AttemptThrottle(policy);
    for (let i = 0; i < 40; i++) throttle.failed('eleve', NAT, 1000);
    expect(throttle.waitS('eleve', NAT, 1000)).toBeGreaterThan(0);
    expect(throttle.waitS('enseignant', NAT, 1000)).toBe(0);
    expect(throttle.waitS('agent', NAT, 1000)).toBe(0);
  });

  it('slows a guess spread over many addresses for unknown clients only: the person’s own devices keep working', () => {
    const throttle = new AttemptThrottle(policy);
    throttle.succeeded('eleve', '198.51.100.7', 0);
    for (let i = 0; i < 60; i++) throttle.failed('eleve', `203.0.113.${i}`, 1000);
    expect(throttle.waitS('eleve', '203.0.113.200', 1000)).toBeGreaterThan(0);
    expect(throttle.waitS('eleve', '198.51.100.7', 1000)).toBe(0);
  });

  it('forgets old failures and caps the wait', () => {
    const throttle = new AttemptThrottle(policy);
    for (let i = 0; i < 30; i++) throttle.failed('eleve', NAT, 0);
    expect(throttle.waitS('eleve', NAT, 0)).toBe(900);
    throttle.failed('eleve', NAT, 2 * 3600 * 1000);
    expect(throttle.waitS('eleve', NAT, 2 * 3600 * 1000)).toBe(0);
    throttle.succeeded('eleve', NAT, 2 * 3600 * 1000);
    expect(throttle.waitS('eleve', NAT, 2 * 3600 * 1000)).toBe(0);
  });

  it('stays the size of current attacks and devices, however many came and went', () => {
    const devices = new AttemptThrottle(policy);
    const guesses = new AttemptThrottle(policy);
    const hour = 3600 * 1000;
    for (let round = 0; round < 5; round++) {
      const now = round * 2 * hour;
      for (let i = 0; i < 12_000; i++) {
        devices.succeeded(`compte${i}`, `198.51.${round}.${i}`, now);
        guesses.failed(`compte${i}`, `203.0.${round}.${i}`, now);
      }
    }
    // Each round's devices are forgotten an hour after (knownForS), its failures an hour after the last.
    expect(devices.size.known).toBeLessThan(30_000);
    expect(guesses.size.failures).toBeLessThan(60_000);
  });
});
