import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lunarNewYear, lunarToSolar, solarToLunar } from './lunar.ts';
import { dayNumber, isoFromDayNumber } from './vietnam-time.ts';

describe('the Vietnamese lunar calendar (UTC+7)', () => {
  it('Tết Nguyên đán falls on the known dates', () => {
    expect(lunarNewYear(2020)).toBe('2020-01-25');
    expect(lunarNewYear(2021)).toBe('2021-02-12');
    expect(lunarNewYear(2022)).toBe('2022-02-01');
    expect(lunarNewYear(2023)).toBe('2023-01-22');
    expect(lunarNewYear(2024)).toBe('2024-02-10');
    expect(lunarNewYear(2025)).toBe('2025-01-29');
    expect(lunarNewYear(2026)).toBe('2026-02-17');
    expect(lunarNewYear(2027)).toBe('2027-02-06');
  });

  it('counts days at UTC+7, not at the Chinese calendar’s UTC+8', () => {
    expect(lunarNewYear(1985)).toBe('1985-01-21'); // China: 20/02/1985 (a different month 11)
    expect(lunarNewYear(2007)).toBe('2007-02-17'); // China: 18/02/2007
    expect(lunarNewYear(2030)).toBe('2030-02-02'); // China: 03/02/2030 (new moon 23:07 in Hà Nội)
  });

  it('Giỗ Tổ Hùng Vương (10/3 âm lịch) falls on the known dates', () => {
    const hungKings = (year: number) => lunarToSolar({ day: 10, month: 3, year });
    expect(hungKings(2022)).toBe('2022-04-10');
    expect(hungKings(2023)).toBe('2023-04-29'); // after the leap second month of 2023
    expect(hungKings(2024)).toBe('2024-04-18');
    expect(hungKings(2025)).toBe('2025-04-07');
    expect(hungKings(2026)).toBe('2026-04-26');
  });

  it('converts solar dates, leap months included', () => {
    expect(solarToLunar('2026-02-17')).toEqual({ day: 1, month: 1, year: 2026, leap: false });
    expect(solarToLunar('2026-02-16')).toEqual({ day: 29, month: 12, year: 2025, leap: false }); // no "30 Tết" in 2026
    expect(solarToLunar('2025-10-06')).toEqual({ day: 15, month: 8, year: 2025, leap: false }); // Tết Trung thu 2025
    expect(solarToLunar('2023-03-22')).toEqual({ day: 1, month: 2, year: 2023, leap: true }); // tháng 2 nhuận Quý Mão
    expect(solarToLunar('2025-07-25')).toEqual({ day: 1, month: 6, year: 2025, leap: true }); // tháng 6 nhuận Ất Tỵ
    expect(solarToLunar('2025-06-25')).toEqual({ day: 1, month: 6, year: 2025, leap: false });
  });

  it('converts lunar dates, and refuses leap months a year does not have', () => {
    expect(lunarToSolar({ day: 1, month: 6, year: 2025, leap: true })).toBe('2025-07-25');
    expect(lunarToSolar({ day: 1, month: 6, year: 2025 })).toBe('2025-06-25');
    expect(lunarToSolar({ day: 1, month: 5, year: 2025, leap: true })).toBeNull();
    expect(lunarToSolar({ day: 1, month: 2, year: 2024, leap: true })).toBeNull(); // 2024 has 12 months
    expect(() => lunarToSolar({ day: 31, month: 1, year: 2025 })).toThrow(RangeError);
    expect(() => lunarToSolar({ day: 1, month: 13, year: 2025 })).toThrow(RangeError);
  });

  const anyDate = fc.integer({ min: dayNumber('1970-01-01'), max: dayNumber('2099-12-31') }).map(isoFromDayNumber);

  it('property: solar → lunar → solar is the identity, and lunar dates are well formed', () => {
    fc.assert(
      fc.property(anyDate, (date) => {
        const lunar = solarToLunar(date);
        expect(lunar.day).toBeGreaterThanOrEqual(1);
        expect(lunar.day).toBeLessThanOrEqual(30);
        expect(lunar.month).toBeGreaterThanOrEqual(1);
        expect(lunar.month).toBeLessThanOrEqual(12);
        expect(lunarToSolar(lunar)).toBe(date);
      }),
      { numRuns: 300 },
    );
  });

  it('Tết is always between 21 January and 20 February, and every lunar year has 353–385 days', () => {
    for (let year = 1970; year <= 2099; year += 1) {
      const tet = lunarNewYear(year);
      expect(tet >= `${year}-01-21` && tet <= `${year}-02-20`).toBe(true);
      const length = dayNumber(lunarNewYear(year + 1)) - dayNumber(tet);
      expect(length === 353 || length === 354 || length === 355 || (length >= 383 && length <= 385)).toBe(true);
    }
  });
});
