import { describe, expect, it } from 'vitest';
import {
  addDays,
  dayNumber,
  endOfVietnamDay,
  isoFromDayNumber,
  startOfVietnamDay,
  VIETNAM_TIME_ZONE,
  vietnamToday,
  vietnamWallClock,
  weekday,
} from './vietnam-time.ts';

describe("Vietnam's clock (UTC+7, no daylight saving)", () => {
  it('the Vietnamese date turns at 17:00 UTC', () => {
    expect(VIETNAM_TIME_ZONE).toBe('Asia/Ho_Chi_Minh');
    expect(vietnamToday(new Date('2026-02-16T16:59:59.999Z'))).toBe('2026-02-16');
    expect(vietnamToday(new Date('2026-02-16T17:00:00Z'))).toBe('2026-02-17');
    expect(vietnamWallClock(new Date('2026-12-07T07:05:00Z'))).toEqual({ date: '2026-12-07', time: '14:05', hour: 14, minute: 5 });
    expect(startOfVietnamDay('2026-02-17').toISOString()).toBe('2026-02-16T17:00:00.000Z');
    expect(endOfVietnamDay('2026-02-17').toISOString()).toBe('2026-02-17T16:59:59.999Z');
  });

  it('calendar-date arithmetic', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(isoFromDayNumber(dayNumber('2028-02-29'))).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(weekday('2026-02-17')).toBe(2); // Tuesday
    expect(weekday('2026-02-15')).toBe(0); // Sunday
    expect(() => dayNumber('2026-2-17')).toThrow(RangeError);
  });
});
