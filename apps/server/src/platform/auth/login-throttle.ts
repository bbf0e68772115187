/**
 * In-memory guards of the sign-in route that the users table cannot hold:
 *  - a failure budget per client address (password spraying over many accounts from one place);
 *  - the lockout counter of usernames that do not exist, kept exactly like the one of real accounts
 *    (users.failed_login_count / locked_until), so the answers do not tell real from unknown names.
 *
 * Each check reserves its attempt synchronously before the (slow, async) password check, so
 * simultaneous attempts are each counted. Both maps are bounded; the oldest entries go first.
 * The state is per process: one server (as deployed today) sees every attempt.
 */
export interface LoginThrottleLimits {
  failuresPerAddress: number;
  windowMinutes: number;
  maxEntries: number;
}

export const LOGIN_THROTTLE: Readonly<LoginThrottleLimits> = {
  /** Failed sign-ins one address may make per window before every sign-in from it is refused. */
  failuresPerAddress: 50,
  windowMinutes: 15,
  /** Entries kept per map (addresses, unknown usernames): about 100 bytes each. */
  maxEntries: 50_000,
};

export interface LockoutPolicy {
  maxFailures: number;
  minutes: number;
}

export interface LockoutState {
  failures: number;
  lockedUntil: Date | null;
}

/** The same rule as the SQL of real accounts: a lapsed lock starts the count again at 1. */
export function nextLockoutState(state: LockoutState, policy: LockoutPolicy, now: Date): LockoutState {
  const failures = state.lockedUntil ? 1 : state.failures + 1;
  return { failures, lockedUntil: failures >= policy.maxFailures ? new Date(now.getTime() + policy.minutes * 60_000) : null };
}

/** Whole minutes left of a lock, as the refusal names them. */
export function lockMinutesLeft(lockedUntil: Date, now: Date): number {
  return Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 60_000));
}

class BoundedMap<V> {
  private readonly entries = new Map<string, V>();
  constructor(private readonly maxEntries: number) {}
  get(key: string): V | undefined {
    return this.entries.get(key);
  }
  set(key: string, value: V): void {
    // Re-inserting moves the key to the end: eviction takes the least recently written.
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }
  delete(key: string): void {
    this.entries.delete(key);
  }
}

interface AddressWindow {
  startedAt: number;
  failures: number;
  isRefusalReported: boolean;
}

/** `refused_first`: the first refusal of the window, the one worth an audit row. */
export type AddressReservation = 'reserved' | 'refused' | 'refused_first';

export function createLoginThrottle(policy: LockoutPolicy, limits: LoginThrottleLimits = LOGIN_THROTTLE) {
  const addresses = new BoundedMap<AddressWindow>(limits.maxEntries);
  const unknownUsernames = new BoundedMap<LockoutState>(limits.maxEntries);
  const windowMs = limits.windowMinutes * 60_000;

  function currentWindow(address: string, now: Date): AddressWindow {
    const existing = addresses.get(address);
    if (existing && now.getTime() - existing.startedAt < windowMs) return existing;
    return { startedAt: now.getTime(), failures: 0, isRefusalReported: false };
  }

  return {
    /**
     * Counts an attempt from this address as failed until it proves otherwise (`refundAddress`).
     * Refused when the address has used its budget in the current window.
     */
    reserveAddress(address: string, now: Date): AddressReservation {
      const window = currentWindow(address, now);
      if (window.failures >= limits.failuresPerAddress) {
        if (window.isRefusalReported) return 'refused';
        addresses.set(address, { ...window, isRefusalReported: true });
        return 'refused_first';
      }
      addresses.set(address, { ...window, failures: window.failures + 1 });
      return 'reserved';
    },
    /** The attempt succeeded: it does not use the address's budget. */
    refundAddress(address: string, now: Date): void {
      const window = addresses.get(address);
      if (window && now.getTime() - window.startedAt < windowMs && window.failures > 0) {
        addresses.set(address, { ...window, failures: window.failures - 1 });
      }
    },
    /** The lock of an unknown username, if one is running. */
    unknownLockedUntil(username: string, now: Date): Date | null {
      const lockedUntil = unknownUsernames.get(username)?.lockedUntil;
      return lockedUntil && lockedUntil > now ? lockedUntil : null;
    },
    /** A failure on an unknown username, counted as a real account's would be. */
    countUnknownFailure(username: string, now: Date): LockoutState {
      const next = nextLockoutState(unknownUsernames.get(username) ?? { failures: 0, lockedUntil: null }, policy, now);
      unknownUsernames.set(username, next);
      return next;
    },
  };
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
