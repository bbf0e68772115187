import { describe, expect, it } from 'vitest';
import { formatVietnamDate, formatVietnamDateTime, formatVietnamTimeOfDay } from './format.ts';

describe('the Vietnamese date format', () => {
  it('rearranges calendar dates without shifting or checking them', () => {
    expect(formatVietnamDate('2026-02-03')).toBe('03/02/2026');
    expect(formatVietnamDate('2026-02-30')).toBe('30/02/2026');
  });

  it('shows instants on the date and time of Vietnam', () => {
    expect(formatVietnamDate(new Date('2026-03-18T18:00:00Z'))).toBe('19/03/2026');
    expect(formatVietnamDate('2026-03-18T16:59:00Z')).toBe('18/03/2026');
    expect(formatVietnamDateTime('2026-03-18T01:05:00Z')).toBe('18/03/2026 08:05');
    expect(formatVietnamDateTime('2024-05-20T08:05:00+07:00')).toBe('20/05/2024 08:05');
    expect(formatVietnamDateTime(new Date('2026-12-31T17:30:00Z'))).toBe('01/01/2027 00:30');
    expect(formatVietnamDateTime('2026-03-18')).toBe('18/03/2026 00:00');
    expect(formatVietnamTimeOfDay(new Date('2026-12-07T07:05:00Z'))).toBe('14:05 ngày 07/12/2026');
  });

  it('gives an empty string for nothing and for what is not a date', () => {
    for (const value of [null, undefined, '', 'không rõ', new Date(Number.NaN)]) {
      expect(formatVietnamDate(value)).toBe('');
      expect(formatVietnamDateTime(value)).toBe('');
    }
  });
});
