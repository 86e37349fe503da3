/** Failures past which a key waits, and how long at most. */
export interface ThrottlePolicy {
  /** Wrong passwords allowed for one account from one client before it must wait. */
  perClient: number;
  /** Wrong passwords allowed for one account from everywhere before unknown clients must wait. */
  perAccount: number;
  maxDelayS: number;
  /** How long a client that signed in stays known to the account. */
  knownForS: number;
}

export const DEFAULT_THROTTLE: ThrottlePolicy = { perClient: 5, perAccount: 50, maxDelayS: 900, knownForS: 30 * 24 * 3600 };

type Failures = { count: number; until: number; last: number };

/** A wrong password older than this is forgotten: last month's typos do not slow today's. */
const FORGET_AFTER_MS = 3600 * 1000;
const SWEEP_FROM = 10_000;

/**
 * Slows down wrong passwords per account and per (account, client address), never per address
 * alone: a school behind one NAT address shares it, and one pupil mistyping must not lock out
 * the others. Past the free attempts each failure doubles the wait (1 s, 2 s, 4 s… up to
 * `maxDelayS`). The account-wide count (a guess from many addresses) makes only unknown clients
 * wait: an address that signed in to the account recently keeps working, so an attacker cannot
 * lock a person out of their own devices.
 */
export class AttemptThrottle {
  readonly #policy: ThrottlePolicy;
  readonly #failures = new Map<string, Failures>();
  readonly #known = new Map<string, number>();
  readonly #sweepAt = { failures: SWEEP_FROM, known: SWEEP_FROM };

  constructor(policy: ThrottlePolicy = DEFAULT_THROTTLE) {
    this.#policy = policy;
  }

  /** Seconds the client must still wait before trying this account again; 0 when it may try now. */
  waitS(account: string, client: string, now = Date.now()): number {
    const pair = this.#failures.get(pairKey(account, client));
    const accountWide = this.#isKnown(account, client, now) ? undefined : this.#failures.get(account);
    const until = Math.max(pair?.until ?? 0, accountWide?.until ?? 0);
    return until > now ? Math.ceil((until - now) / 1000) : 0;
  }

  failed(account: string, client: string, now = Date.now()): void {
    this.#count(pairKey(account, client), this.#policy.perClient, now);
    this.#count(account, this.#policy.perAccount, now);
    this.#prune(now);
  }

  succeeded(account: string, client: string, now = Date.now()): void {
    this.#failures.delete(pairKey(account, client));
    this.#known.set(pairKey(account, client), now + this.#policy.knownForS * 1000);
    this.#prune(now);
  }

  #isKnown(account: string, client: string, now: number): boolean {
    return (this.#known.get(pairKey(account, client)) ?? 0) > now;
  }

  #count(key: string, free: number, now: number): void {
    const previous = this.#failures.get(key);
    const count = previous && now - previous.last < FORGET_AFTER_MS ? previous.count + 1 : 1;
    const delayS = count > free ? Math.min(2 ** (count - free - 1), this.#policy.maxDelayS) : 0;
    this.#failures.set(key, { count, until: now + delayS * 1000, last: now });
  }

  /**
   * Forgets failures old enough to have been forgiven and clients no longer known, so the maps
   * stay the size of current attacks and current devices. A sweep runs once a map has doubled
   * since the last, so its cost per call stays constant.
   */
  #prune(now: number): void {
    if (this.#failures.size >= this.#sweepAt.failures) {
      for (const [key, entry] of this.#failures) if (entry.until < now && now - entry.last >= FORGET_AFTER_MS) this.#failures.delete(key);
      this.#sweepAt.failures = Math.max(SWEEP_FROM, this.#failures.size * 2);
    }
    if (this.#known.size >= this.#sweepAt.known) {
      for (const [key, until] of this.#known) if (until < now) this.#known.delete(key);
      this.#sweepAt.known = Math.max(SWEEP_FROM, this.#known.size * 2);
    }
  }

  /** Entries in each map (for tests). */
  get size(): { failures: number; known: number } {
    return { failures: this.#failures.size, known: this.#known.size };
  }
}

const pairKey = (account: string, client: string) => `${account}\u0000${client}`;
