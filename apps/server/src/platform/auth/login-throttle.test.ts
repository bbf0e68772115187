import { describe, expect, it } from 'vitest';
import { createLoginThrottle, lockMinutesLeft, nextLockoutState } from './login-throttle.ts';

const policy = { maxFailures: 3, minutes: 15 };
const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 8, 0) + minutes * 60_000);

describe('lockout counter (the rule real accounts follow in SQL)', () => {
  it('locks at the threshold and starts again at 1 once a lock has lapsed', () => {
    let state = { failures: 0, lockedUntil: null as Date | null };
    state = nextLockoutState(state, policy, at(0));
    state = nextLockoutState(state, policy, at(0));
    expect(state).toEqual({ failures: 2, lockedUntil: null });
    state = nextLockoutState(state, policy, at(1));
    expect(state).toEqual({ failures: 3, lockedUntil: at(16) });
    expect(nextLockoutState(state, policy, at(20))).toEqual({ failures: 1, lockedUntil: null });
  });

  it('names the minutes left, rounded up, at least one', () => {
    expect(lockMinutesLeft(at(15), at(0))).toBe(15);
    expect(lockMinutesLeft(at(15), at(14.5))).toBe(1);
  });
});

describe('login throttle', () => {
  const limits = { failuresPerAddress: 2, windowMinutes: 10, maxEntries: 3 };

  it('refuses an address after its failures, reports the first refusal once, and forgets after the window', () => {
    const throttle = createLoginThrottle(policy, limits);
    expect(throttle.reserveAddress('10.0.0.1', at(0))).toBe('reserved');
    expect(throttle.reserveAddress('10.0.0.1', at(0))).toBe('reserved');
    expect(throttle.reserveAddress('10.0.0.1', at(1))).toBe('refused_first');
    expect(throttle.reserveAddress('10.0.0.1', at(2))).toBe('refused');
    expect(throttle.reserveAddress('10.0.0.2', at(2))).toBe('reserved');
    expect(throttle.reserveAddress('10.0.0.1', at(11))).toBe('reserved');
  });

  it('a successful attempt gives its reservation back', () => {
    const throttle = createLoginThrottle(policy, limits);
    for (let i = 0; i < 5; i++) {
      expect(throttle.reserveAddress('10.0.0.1', at(0))).toBe('reserved');
      throttle.refundAddress('10.0.0.1', at(0));
    }
  });

  it('counts unknown usernames like accounts, and keeps a bounded number of them', () => {
    const throttle = createLoginThrottle(policy, limits);
    for (let i = 0; i < 3; i++) throttle.countUnknownFailure('khong.co', at(0));
    expect(throttle.unknownLockedUntil('khong.co', at(1))).toEqual(at(15));
    expect(throttle.unknownLockedUntil('khong.co', at(16))).toBeNull();
    // Three newer names push the oldest out.
    for (const name of ['a', 'b', 'c']) throttle.countUnknownFailure(name, at(2));
    expect(throttle.unknownLockedUntil('khong.co', at(3))).toBeNull();
  });
});
