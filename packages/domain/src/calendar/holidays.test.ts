import { describe, expect, it } from 'vitest';
import { isPublicHoliday, publicHolidays, publicHolidaysOn } from './holidays.ts';
import { weekday } from './vietnam-time.ts';

const datesOf = (year: number, kind?: string) =>
  publicHolidays(year)
    .filter((holiday) => !kind || holiday.kind === kind)
    .map((holiday) => holiday.date);

describe('statutory days off (Labour Code 2019, Art. 111–112)', () => {
  it('2026: Tết is the last day of the lunar year and mùng 1–4; Giỗ Tổ on a Sunday is made up on Monday', () => {
    expect(datesOf(2026, 'tet')).toEqual(['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']);
    expect(datesOf(2026, 'hung_kings')).toEqual(['2026-04-26']);
    expect(publicHolidaysOn('2026-04-27')).toEqual([{ date: '2026-04-27', kind: 'compensatory', name: 'Nghỉ bù Giỗ Tổ Hùng Vương' }]);
    expect(datesOf(2026)).toEqual([
      '2026-01-01',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-04-26',
      '2026-04-27',
      '2026-04-30',
      '2026-05-01',
      '2026-09-01',
      '2026-09-02',
    ]);
  });

  it('2025: Tết 28/01–01/02, its Saturday made up on Monday 03/02; Giỗ Tổ 07/04', () => {
    expect(datesOf(2025, 'tet')).toEqual(['2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01']);
    expect(datesOf(2025, 'compensatory')).toEqual(['2025-02-03']);
    expect(datesOf(2025, 'hung_kings')).toEqual(['2025-04-07']);
  });

  it('2024: Tết around Saturday 10/02', () => {
    expect(datesOf(2024, 'tet')).toEqual(['2024-02-09', '2024-02-10', '2024-02-11', '2024-02-12', '2024-02-13']);
    expect(datesOf(2024, 'compensatory')).toEqual(['2024-02-14', '2024-02-15']);
  });

  it('makes up holidays on a weekend on the next working days, as 2022 and 2023 were', () => {
    // 2022: 1/1 Saturday → Monday 3/1; Giỗ Tổ Sunday 10/4 → Monday 11/4; 30/4 and 1/5 on the weekend → 2/5 and 3/5.
    expect(datesOf(2022, 'compensatory')).toEqual(['2022-01-03', '2022-04-11', '2022-05-02', '2022-05-03']);
    // 2023: 1/1 Sunday → 2/1; Giỗ Tổ Saturday 29/4 and 30/4 Sunday → 2/5 and 3/5 (1/5 is itself a holiday); 2/9 Saturday → 4/9.
    expect(datesOf(2023, 'compensatory')).toEqual(['2023-01-02', '2023-01-26', '2023-01-27', '2023-05-02', '2023-05-03', '2023-09-04']);
  });

  it('takes the day next to 2/9 that the decisions of 2021–2025 took', () => {
    expect(datesOf(2021, 'national')).toEqual(['2021-09-02', '2021-09-03']); // Thursday → Friday
    expect(datesOf(2022, 'national')).toEqual(['2022-09-01', '2022-09-02']); // Friday → Thursday
    expect(datesOf(2023, 'national')).toEqual(['2023-09-01', '2023-09-02']); // Saturday → Friday
    expect(datesOf(2024, 'national')).toEqual(['2024-09-02', '2024-09-03']); // Monday → Tuesday
    expect(datesOf(2025, 'national')).toEqual(['2025-09-01', '2025-09-02']); // Tuesday → Monday
    expect(datesOf(2026, 'national')).toEqual(['2026-09-01', '2026-09-02']); // Wednesday → the day before
  });

  it('every year has the 11 days of Art. 112, and days in lieu only on otherwise working weekdays', () => {
    for (let year = 2000; year <= 2100; year += 1) {
      const holidays = publicHolidays(year);
      const statutory = holidays.filter((holiday) => holiday.kind !== 'compensatory');
      expect(statutory).toHaveLength(11);
      const onWeekend = new Set(statutory.filter((holiday) => weekday(holiday.date) % 6 === 0).map((holiday) => holiday.date));
      const compensatory = holidays.filter((holiday) => holiday.kind === 'compensatory');
      expect(compensatory).toHaveLength(onWeekend.size);
      for (const day of compensatory) {
        expect(weekday(day.date) % 6).not.toBe(0);
        expect(statutory.some((holiday) => holiday.date === day.date)).toBe(false);
      }
      expect(new Set(compensatory.map((day) => day.date)).size).toBe(compensatory.length);
      expect(holidays.map((holiday) => holiday.date)).toEqual(holidays.map((holiday) => holiday.date).sort());
      for (const holiday of holidays) expect(isPublicHoliday(holiday.date)).toBe(true);
    }
  });

  it('names the days in Vietnamese', () => {
    expect(publicHolidaysOn('2026-02-17')[0]?.name).toBe('Tết Nguyên đán (mùng 1)');
    expect(publicHolidaysOn('2026-09-02')[0]?.name).toBe('Quốc khánh');
    expect(publicHolidaysOn('2026-03-02')).toEqual([]);
    expect(isPublicHoliday('2026-03-02')).toBe(false);
    expect(() => publicHolidays(1.5)).toThrow(RangeError);
  });
});
