import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePeriodId, periodContaining, type PeriodWindow, type ReportingPeriod } from './periods.ts';

function period(id: string, window: PeriodWindow = 'decree09'): ReportingPeriod {
  const result = parsePeriodId(id, window);
  if (!result.ok) throw new Error(`${id}: ${result.reason}`);
  return result.period;
}
const window = (id: string, kind: PeriodWindow = 'decree09') => {
  const { start, end } = period(id, kind);
  return [start, end];
};
const dayAfter = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

describe('Decree 09/2019 data windows', () => {
  it('gives the windows the decree sets', () => {
    expect(window('2026Q1')).toEqual(['2025-12-15', '2026-03-14']);
    expect(window('2026Q2')).toEqual(['2026-03-15', '2026-06-14']);
    expect(window('2026Q4')).toEqual(['2026-09-15', '2026-12-14']);
    expect(window('2026-01')).toEqual(['2025-12-15', '2026-01-14']);
    expect(window('2026-03')).toEqual(['2026-02-15', '2026-03-14']);
    expect(window('2026-12')).toEqual(['2026-11-15', '2026-12-14']);
    expect(window('2026')).toEqual(['2025-12-15', '2026-12-14']);
    expect(window('2026S1')).toEqual(['2025-12-15', '2026-06-14']);
    expect(window('2026S2')).toEqual(['2026-06-15', '2026-12-14']);
  });

  it('labels periods in Vietnamese and English', () => {
    expect(period('2026Q3')).toMatchObject({ type: 'quarter', label: 'Quý III năm 2026', labelEn: 'Q3 2026' });
    expect(period('2026S1')).toMatchObject({ type: 'half', label: '6 tháng đầu năm 2026' });
    expect(period('2026S2')).toMatchObject({ label: '6 tháng cuối năm 2026' });
    expect(period('2026-03')).toMatchObject({ type: 'month', label: 'Tháng 3 năm 2026', labelEn: 'March 2026' });
    expect(period('2026')).toMatchObject({ type: 'year', label: 'Năm 2026' });
  });

  it('property: consecutive months, quarters and halves tile the year window with no gap or overlap', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1991, max: 2099 }), (year) => {
        for (const ids of [
          Array.from({ length: 12 }, (_, m) => `${year}-${String(m + 1).padStart(2, '0')}`),
          [1, 2, 3, 4].map((q) => `${year}Q${q}`),
          [`${year}S1`, `${year}S2`],
        ]) {
          const windows = ids.map((id) => window(id));
          expect(windows[0]![0]).toBe(window(`${year}`)[0]);
          expect(windows.at(-1)![1]).toBe(window(`${year}`)[1]);
          for (let i = 1; i < windows.length; i++) expect(windows[i]![0]).toBe(dayAfter(windows[i - 1]![1]!));
        }
        // Years chain too: the next year's window starts the day after this one ends.
        expect(window(`${year + 1}`)[0]).toBe(dayAfter(window(`${year}`)[1]!));
      }),
    );
  });
});

describe('calendar windows', () => {
  it('run from the first to the last day, leap years included', () => {
    expect(window('2024-02', 'calendar')).toEqual(['2024-02-01', '2024-02-29']);
    expect(window('2026-02', 'calendar')).toEqual(['2026-02-01', '2026-02-28']);
    expect(window('2026Q1', 'calendar')).toEqual(['2026-01-01', '2026-03-31']);
    expect(window('2026S2', 'calendar')).toEqual(['2026-07-01', '2026-12-31']);
    expect(window('2026', 'calendar')).toEqual(['2026-01-01', '2026-12-31']);
  });
});

describe('ad hoc periods', () => {
  it('take their own range, such as a crackdown campaign', () => {
    expect(period('2024-07-01..2024-09-30')).toMatchObject({
      type: 'ad_hoc',
      start: '2024-07-01',
      end: '2024-09-30',
      label: 'Đột xuất từ 01/07/2024 đến 30/09/2024',
    });
    expect(period('2024-07-30..2024-07-30')).toMatchObject({ start: '2024-07-30', end: '2024-07-30' });
  });
  it('refuse impossible dates, reversed and overlong ranges', () => {
    expect(parsePeriodId('2024-02-30..2024-03-01')).toEqual({ ok: false, reason: 'invalid_date' });
    expect(parsePeriodId('2024-09-30..2024-07-01')).toEqual({ ok: false, reason: 'range_order' });
    expect(parsePeriodId('2020-01-01..2026-01-01')).toEqual({ ok: false, reason: 'range_too_long' });
  });
});

describe('invalid identifiers', () => {
  it.each([
    '',
    '26',
    '2026Q5',
    '2026Q0',
    '2026S3',
    '2026-13',
    '2026-00',
    '2026-1',
    '2026q1',
    '2026 Q1',
    'Q1-2026',
    '2026-03-01',
    '2026..2027',
    '２０２６',
  ])('refuses %j', (id) => {
    expect(parsePeriodId(id).ok).toBe(false);
  });
  it('refuses years outside 1990–2100', () => {
    expect(parsePeriodId('1989')).toEqual({ ok: false, reason: 'year_range' });
    expect(parsePeriodId('2101Q1')).toEqual({ ok: false, reason: 'year_range' });
  });
  it('property: never throws, and every accepted id has start ≤ end', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (id) => {
        const result = parsePeriodId(id);
        if (result.ok) expect(result.period.start <= result.period.end).toBe(true);
      }),
    );
  });
});

describe('the period containing a date', () => {
  it('follows the cut-off: 20/12/2026 already belongs to the 2027 year and to January 2027', () => {
    expect(periodContaining('2026-12-20', 'year').id).toBe('2027');
    expect(periodContaining('2026-12-20', 'month').id).toBe('2027-01');
    expect(periodContaining('2026-12-14', 'quarter').id).toBe('2026Q4');
    expect(periodContaining('2026-12-15', 'quarter').id).toBe('2027Q1');
    expect(periodContaining('2026-06-15', 'half').id).toBe('2026S2');
    expect(periodContaining('2026-12-20', 'month', 'calendar').id).toBe('2026-12');
  });
});
