import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber, isoFromDayNumber } from './vietnam-time.ts';
import { addWorkingDays, isWorkingDay, nextWorkingDayFrom, workingDaysBetween, type WorkingCalendar } from './working-days.ts';

describe('working days', () => {
  it('by default skip weekends and every statutory day off, the lunar ones included', () => {
    expect(isWorkingDay('2026-02-13')).toBe(true); // Friday before Tết
    for (const date of ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']) expect(isWorkingDay(date)).toBe(false);
    expect(isWorkingDay('2026-02-23')).toBe(true);
    expect(isWorkingDay('2025-04-07')).toBe(false); // Giỗ Tổ Hùng Vương 2025 (Monday)
    expect(isWorkingDay('2026-04-27')).toBe(false); // in lieu of Giỗ Tổ on Sunday 26/04/2026
    expect(isWorkingDay('2026-03-14')).toBe(false); // Saturday
    expect(() => isWorkingDay('14/03/2026')).toThrow(RangeError);
  });

  it('take extra holidays as ISO dates or as rows of the holidays table', () => {
    expect(isWorkingDay('2026-02-23', ['2026-02-23'])).toBe(false);
    expect(isWorkingDay('2026-02-23', [{ date: '2026-02-23', name: 'Nghỉ thêm Tết' }])).toBe(false);
    expect(isWorkingDay('2026-02-24', [{ date: '2026-02-23', name: 'Nghỉ thêm Tết' }])).toBe(true);
    expect(isWorkingDay('2026-02-23', { extraHolidays: [{ date: '2026-02-23', name: null }] })).toBe(false);
  });

  it('make-up working days win over weekends and computed holidays', () => {
    const decision: WorkingCalendar = {
      extraHolidays: ['2025-01-27'],
      extraWorkingDays: ['2025-02-08', { date: '2025-02-03', name: 'Đi làm' }],
    };
    expect(isWorkingDay('2025-02-08', decision)).toBe(true); // a Saturday worked
    expect(isWorkingDay('2025-02-03', decision)).toBe(true); // a computed day in lieu the decision did not give
    expect(isWorkingDay('2025-01-27', decision)).toBe(false);
    expect(isWorkingDay('2025-02-08')).toBe(false);
  });

  it('can leave out the computed holidays', () => {
    expect(isWorkingDay('2026-02-17', { statutoryHolidays: false })).toBe(true);
    expect(isWorkingDay('2026-02-21', { statutoryHolidays: false })).toBe(false);
  });

  it('count across Tết', () => {
    expect(addWorkingDays('2026-02-13', 1)).toBe('2026-02-23');
    expect(addWorkingDays('2026-02-23', -1)).toBe('2026-02-13');
    expect(addWorkingDays('2026-02-12', 3)).toBe('2026-02-24');
    expect(addWorkingDays('2026-02-12', 3, { statutoryHolidays: false })).toBe('2026-02-17');
    expect(addWorkingDays('2026-02-17', 0)).toBe('2026-02-17');
    expect(() => addWorkingDays('2026-02-17', 0.5)).toThrow(RangeError);
    expect(workingDaysBetween('2026-02-13', '2026-02-23')).toBe(1);
    expect(workingDaysBetween('2026-02-01', '2026-02-28')).toBe(15); // 20 weekdays, 5 of them Tết
    expect(workingDaysBetween('2026-02-28', '2026-02-01')).toBe(-15);
    expect(workingDaysBetween('2026-02-17', '2026-02-17')).toBe(0);
    expect(nextWorkingDayFrom('2026-02-14')).toBe('2026-02-23');
    expect(nextWorkingDayFrom('2026-02-23')).toBe('2026-02-23');
  });

  const anyDate = fc.integer({ min: dayNumber('2000-01-01'), max: dayNumber('2099-12-31') }).map(isoFromDayNumber);
  const anyDates = fc.array(anyDate, { maxLength: 5 });

  it('property: workingDaysBetween counts what addWorkingDays steps over, both ways', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -60, max: 60 }), anyDates, anyDates, (from, n, off, on) => {
        const calendar: WorkingCalendar = { extraHolidays: off, extraWorkingDays: on };
        const to = addWorkingDays(from, n, calendar);
        expect(workingDaysBetween(from, to, calendar)).toBe(n);
        if (n !== 0) expect(isWorkingDay(to, calendar)).toBe(true);
      }),
    );
  });

  it('property: extra holidays only push a date later, make-up days only earlier', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 0, max: 40 }), anyDates, (from, n, extra) => {
        const plain = addWorkingDays(from, n);
        expect(addWorkingDays(from, n, extra) >= plain).toBe(true);
        expect(addWorkingDays(from, n, { extraWorkingDays: extra }) <= plain).toBe(true);
      }),
    );
  });
});
