import { parsePeriodId } from '@atmis/domain';
import { describe, expect, it } from 'vitest';
import { checkPeriodId, convertPeriodId, currentPeriodId, periodIdOf, periodPartsOf, withYear } from './period-picker.tsx';

describe('period picker: ids and parts', () => {
  it('composes every kind of id the domain reads', () => {
    expect(periodIdOf({ type: 'year', year: 2026, ordinal: 1 })).toBe('2026');
    expect(periodIdOf({ type: 'half', year: 2026, ordinal: 2 })).toBe('2026S2');
    expect(periodIdOf({ type: 'quarter', year: 2026, ordinal: 1 })).toBe('2026Q1');
    expect(periodIdOf({ type: 'month', year: 2026, ordinal: 3 })).toBe('2026-03');
    expect(periodIdOf({ type: 'ad_hoc', start: '2026-07-01', end: '2026-09-30', year: 2026, ordinal: 1 })).toBe('2026-07-01..2026-09-30');
    for (const id of ['2026', '2026S2', '2026Q1', '2026-03', '2026-07-01..2026-09-30']) expect(parsePeriodId(id).ok).toBe(true);
  });

  it('takes ids apart and back again', () => {
    for (const id of ['1990', '2026S1', '2026S2', '2026Q4', '2026-01', '2026-12', '2024-02-01..2024-02-29']) {
      const parts = periodPartsOf(id);
      expect(parts).not.toBeNull();
      expect(periodIdOf(parts!)).toBe(id);
    }
    expect(periodPartsOf('2026Q3')).toEqual({ type: 'quarter', year: 2026, ordinal: 3 });
    expect(periodPartsOf('2026-11')).toEqual({ type: 'month', year: 2026, ordinal: 11 });
  });

  it('refuses what the domain refuses', () => {
    for (const id of ['', '2026Q5', '2026-13', '26Q1', '2101', '2026-02-30..2026-03-01', '2026-09-30..2026-07-01'])
      expect(periodPartsOf(id)).toBeNull();
    expect(periodPartsOf(undefined)).toBeNull();
  });
});

describe('period picker: choices', () => {
  it('starts at the period whose Decree 09 window holds today', () => {
    // 15/12/2025 – 14/03/2026 is the first quarter of 2026 under Decree 09; 15/03 is already the second.
    expect(currentPeriodId('quarter', 'decree09', '2026-03-14')).toBe('2026Q1');
    expect(currentPeriodId('quarter', 'decree09', '2026-03-15')).toBe('2026Q2');
    expect(currentPeriodId('quarter', 'calendar', '2026-03-15')).toBe('2026Q1');
    expect(currentPeriodId('year', 'decree09', '2025-12-20')).toBe('2026');
    expect(currentPeriodId('month', 'decree09', '2026-01-10')).toBe('2026-01');
    expect(currentPeriodId('half', 'decree09', '2026-06-15')).toBe('2026S2');
  });

  it('keeps the user near their period when the type changes', () => {
    expect(convertPeriodId('2026Q2', 'month', 'decree09')).toBe('2026-04');
    expect(convertPeriodId('2026Q2', 'year', 'decree09')).toBe('2026');
    expect(convertPeriodId('2026Q3', 'half', 'calendar')).toBe('2026S2');
    expect(convertPeriodId('2026-12', 'quarter', 'decree09')).toBe('2026Q4');
    expect(convertPeriodId('2026Q1', 'quarter', 'decree09')).toBe('2026Q1');
    expect(convertPeriodId('bad', 'quarter', 'decree09')).toBeNull();
  });

  it('changes the year and keeps the sub-period', () => {
    expect(withYear({ type: 'quarter', year: 2026, ordinal: 3 }, 2027)).toBe('2027Q3');
    expect(withYear({ type: 'month', year: 2026, ordinal: 12 }, 2025)).toBe('2025-12');
    expect(withYear({ type: 'year', year: 2026, ordinal: 1 }, 2030)).toBe('2030');
    expect(withYear({ type: 'quarter', year: 2026, ordinal: 3 }, 1989)).toBeNull();
    expect(withYear({ type: 'quarter', year: 2026, ordinal: 3 }, 2026.5)).toBeNull();
  });

  it('shows the same window as GET /periods/{id} and the domain messages otherwise', () => {
    const check = checkPeriodId('2026Q1', 'decree09', 'vi');
    expect(check.ok && [check.period.start, check.period.end, check.period.label]).toEqual(['2025-12-15', '2026-03-14', 'Quý I năm 2026']);
    const calendar = checkPeriodId('2026Q1', 'calendar', 'vi');
    expect(calendar.ok && [calendar.period.start, calendar.period.end]).toEqual(['2026-01-01', '2026-03-31']);
    const wrong = checkPeriodId('2026Q9', 'decree09', 'vi');
    expect(!wrong.ok && wrong.message).toMatch(/^Mã kỳ báo cáo không hợp lệ/);
    const backwards = checkPeriodId('2026-09-30..2026-07-01', 'decree09', 'en');
    expect(!backwards.ok && backwards.message).toBe('The start must not be after the end.');
  });
});
