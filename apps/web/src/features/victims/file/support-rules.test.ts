import { describe, expect, it } from 'vitest';
import { amountFromRate, parseVnd, rateDayOf } from './support-rules.ts';

describe('support rules', () => {
  it('takes the rate day from the start, the application, or today', () => {
    expect(rateDayOf({ startedOn: '2026-03-02', appliedOn: '2026-03-01' }, '2026-04-01')).toBe('2026-03-02');
    expect(rateDayOf({ startedOn: null, appliedOn: '2026-03-01' }, '2026-04-01')).toBe('2026-03-01');
    expect(rateDayOf({}, '2026-04-01')).toBe('2026-04-01');
  });

  it('fills the amount from a per-person rate only', () => {
    expect(amountFromRate({ amountVnd: 1_500_000, per: 'person' })).toBe(1_500_000);
    expect(amountFromRate({ amountVnd: 40_000, per: 'day' })).toBeNull();
    expect(amountFromRate({ amountVnd: 900_000, per: 'month' })).toBeNull();
  });

  it('reads whole đồng whatever the separators', () => {
    expect(parseVnd('1.500.000')).toBe(1_500_000);
    expect(parseVnd('1,500,000 đ')).toBe(1_500_000);
    expect(parseVnd('1500000')).toBe(1_500_000);
    expect(parseVnd('')).toBeNull();
    expect(parseVnd(undefined)).toBeNull();
  });
});
