import { describe, expect, it } from 'vitest';
import { movedRange, ratesText, shiftPeriodId } from './submission-matrix.tsx';

const t = (key: string, options?: Record<string, unknown>) =>
  key === 'reportSetup.matrix.rates'
    ? `Đã nộp ${options?.submitted}/${options?.expected} (${options?.submittedRate}) · Đúng hạn ${options?.onTime}/${options?.expected} (${options?.onTimeRate})`
    : key;

describe('submission matrix', () => {
  it('moves between periods by the domain windows', () => {
    expect(shiftPeriodId('2026Q1', -1, 'decree09')).toBe('2025Q4');
    expect(shiftPeriodId('2026Q4', 1, 'decree09')).toBe('2027Q1');
    expect(shiftPeriodId('2026-01', -3, 'calendar')).toBe('2025-10');
    expect(shiftPeriodId('2026S2', 2, 'decree09')).toBe('2027S2');
    expect(shiftPeriodId('2026-07-01..2026-09-30', 1, 'decree09')).toBeNull();
  });

  it('pages earlier down to the first period and later up to the current one', () => {
    const schedule = { firstPeriodId: '2025Q1', lastPeriodId: null, periodType: 'quarter' as const, window: 'decree09' as const };
    const shown = ['2025Q4', '2026Q1', '2026Q2', '2026Q3'].map((id) => ({ id }));
    expect(movedRange(schedule, shown, -1, '2026-08-01')).toEqual({ from: '2025Q1', to: '2025Q3' });
    expect(movedRange(schedule, shown, 1, '2026-08-01')).toBeNull();
    const earlier = ['2025Q1', '2025Q2'].map((id) => ({ id }));
    expect(movedRange(schedule, earlier, -1, '2026-08-01')).toBeNull();
    expect(movedRange(schedule, earlier, 1, '2026-08-01')).toEqual({ from: '2025Q3', to: '2025Q4' });
    expect(movedRange(schedule, [{ id: '2026Q1' }], 1, '2026-08-01')).toEqual({ from: '2026Q2', to: '2026Q2' });
  });

  it('writes the rates with Vietnamese decimals', () => {
    const rates = { expected: 3, submitted: 2, onTime: 1, late: 1, missing: 1, submittedRate: 66.7, onTimeRate: 33.3 };
    expect(ratesText(rates, t, 'vi')).toBe('Đã nộp 2/3 (66,7%) · Đúng hạn 1/3 (33,3%)');
    expect(ratesText({ ...rates, expected: 0, submitted: 0, onTime: 0, submittedRate: null, onTimeRate: null }, t, 'vi')).toBe(
      'Đã nộp 0/0 (—) · Đúng hạn 0/0 (—)',
    );
  });
});
