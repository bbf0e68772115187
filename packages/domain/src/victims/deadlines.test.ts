import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dayNumber } from '../plans/task-timing.ts';
import { addWorkingDays, isWorkingDay } from '../reports/report-timing.ts';
import {
  deadlineDueDate,
  deadlineRuleSchema,
  deadlineStatus,
  DEFAULT_DEADLINE_RULES,
  resolveDeadlineRules,
  type DeadlineRule,
} from './deadlines.ts';

const rule = (code: string) => DEFAULT_DEADLINE_RULES.find((candidate) => candidate.code === code)!;

describe('default deadline rules', () => {
  it('are valid data an administrator could have entered', () => {
    for (const candidate of DEFAULT_DEADLINE_RULES) expect(deadlineRuleSchema.parse(candidate)).toEqual(candidate);
    expect(new Set(DEFAULT_DEADLINE_RULES.map((candidate) => candidate.code)).size).toBe(DEFAULT_DEADLINE_RULES.length);
  });
  it('hold initial verification within 3 days of reception, with its legal reference', () => {
    expect(rule('initial_verification')).toMatchObject({ days: 3, kind: 'calendar', from: 'reception' });
    expect(rule('initial_verification').legalReference).toContain('Điều 27 Luật Phòng, chống mua bán người 2024');
  });
  it('hold the support application within 9 working days', () => {
    expect(rule('support_application')).toMatchObject({ days: 9, kind: 'working', from: 'application' });
  });
  it('every rule without a legal reference says why', () => {
    for (const candidate of DEFAULT_DEADLINE_RULES.filter((c) => c.legalReference === null)) expect(candidate.note).toBeTruthy();
  });
  it('administrators override a rule by its code and may add new ones', () => {
    const override: DeadlineRule = { ...rule('support_application'), days: 7, legalReference: 'Quyết định số 12/QĐ-UBND' };
    const extra: DeadlineRule = {
      code: 'reintegration_visit',
      label: 'Thăm hỏi sau tái hòa nhập',
      labelEn: 'Reintegration follow-up visit',
      days: 30,
      kind: 'calendar',
      from: 'reception',
      legalReference: null,
      note: 'Quy định của tỉnh',
    };
    const rules = resolveDeadlineRules([override, extra]);
    expect(rules.find((c) => c.code === 'support_application')).toEqual(override);
    expect(rules.find((c) => c.code === 'initial_verification')).toEqual(rule('initial_verification'));
    expect(rules.map((c) => c.code)).toContain('reintegration_visit');
    expect(rules).toHaveLength(DEFAULT_DEADLINE_RULES.length + 1);
  });
  it('the rule schema refuses nonsense', () => {
    expect(deadlineRuleSchema.safeParse({ ...rule('initial_verification'), days: -1 }).success).toBe(false);
    expect(deadlineRuleSchema.safeParse({ ...rule('initial_verification'), kind: 'lunar' }).success).toBe(false);
    expect(deadlineRuleSchema.safeParse({ ...rule('initial_verification'), code: 'Bad Code' }).success).toBe(false);
  });
});

describe('deadlineDueDate', () => {
  const calendar3 = { days: 3, kind: 'calendar' as const };
  it('counts calendar days from the day after the event', () => {
    // Received Monday 02/03/2026 → due Thursday 05/03.
    expect(deadlineDueDate(calendar3, '2026-03-02')).toBe('2026-03-05');
  });
  it('moves a calendar deadline ending on a weekend to the next working day (khoản 5 Điều 148 BLDS)', () => {
    // Thursday 05/03 + 3 = Sunday 08/03 → Monday 09/03.
    expect(deadlineDueDate(calendar3, '2026-03-05')).toBe('2026-03-09');
  });
  it('moves it past 30/4 and 1/5 and the weekend after', () => {
    // Monday 27/04 + 3 = Thursday 30/04 (holiday), Friday 01/05 (holiday), weekend → Monday 04/05.
    expect(deadlineDueDate(calendar3, '2026-04-27')).toBe('2026-05-04');
  });
  it('counts working days, skipping weekends and 30/4–1/5', () => {
    // From Monday 27/04: 28, 29, (30/4, 1/5, weekend) 4, 5, 6, 7, 8, (weekend) 11, 12 → Tuesday 12/05.
    expect(deadlineDueDate({ days: 9, kind: 'working' }, '2026-04-27')).toBe('2026-05-12');
    // From Friday 28/08: Monday 31, (Quốc khánh: Tuesday 1/9 and Wednesday 2/9) Thursday 3/9, Friday 4/9.
    expect(deadlineDueDate({ days: 3, kind: 'working' }, '2026-08-28')).toBe('2026-09-04');
  });
  it('skips the extra holidays an administrator enters (Tết, the day next to 2/9)', () => {
    expect(deadlineDueDate({ days: 3, kind: 'working' }, '2026-08-28', ['2026-09-01'])).toBe('2026-09-04');
    const tet = ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'];
    // From Thursday 12/02: Friday 13 (1), Tết week, Monday 23 (2), Tuesday 24 (3).
    expect(deadlineDueDate({ days: 3, kind: 'working' }, '2026-02-12', tet)).toBe('2026-02-24');
    // Thursday 12/02 + 3 = Sunday 15/02, then the Tết week → Monday 23/02.
    expect(deadlineDueDate(calendar3, '2026-02-12', tet)).toBe('2026-02-23');
  });
  it('skips Tết and Giỗ Tổ Hùng Vương without an administrator entering them', () => {
    // From Thursday 12/02/2026: Friday 13 (1), Tết 16–20/02, Monday 23 (2), Tuesday 24 (3).
    expect(deadlineDueDate({ days: 3, kind: 'working' }, '2026-02-12')).toBe('2026-02-24');
    expect(deadlineDueDate(calendar3, '2026-02-12')).toBe('2026-02-23');
    // Friday 24/04/2026 + 2 = Sunday 26/04 (Giỗ Tổ), Monday 27/04 in lieu → Tuesday 28/04.
    expect(deadlineDueDate({ days: 2, kind: 'calendar' }, '2026-04-24')).toBe('2026-04-28');
    // Rows of the holidays table are accepted as they are.
    expect(deadlineDueDate({ days: 1, kind: 'working' }, '2026-02-13', [{ date: '2026-02-23', name: 'Nghỉ thêm' }])).toBe('2026-02-24');
  });
  it('zero days is the event day itself', () => {
    expect(deadlineDueDate({ days: 0, kind: 'calendar' }, '2026-03-08')).toBe('2026-03-08');
    expect(deadlineDueDate({ days: 0, kind: 'working' }, '2026-03-08')).toBe('2026-03-08');
  });
  const anyDay = fc.integer({ min: 0, max: 3 * 365 }).map((n) => addDays('2025-01-01', n));
  it('property: a deadline of at least one day ends on a working day, not before the event plus its days', () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: 1, max: 30 }), fc.constantFrom('calendar' as const, 'working' as const), (from, days, kind) => {
        const due = deadlineDueDate({ days, kind }, from);
        expect(isWorkingDay(due)).toBe(true);
        expect(dayNumber(due) - dayNumber(from)).toBeGreaterThanOrEqual(days);
      }),
    );
  });
  it('property: working days agree with reports’ addWorkingDays, and extra holidays only push the date later', () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: 0, max: 30 }), fc.array(anyDay, { maxLength: 5 }), (from, days, extra) => {
        const plain = deadlineDueDate({ days, kind: 'working' }, from);
        expect(plain).toBe(addWorkingDays(from, days));
        expect(deadlineDueDate({ days, kind: 'working' }, from, extra) >= plain).toBe(true);
        expect(deadlineDueDate({ days, kind: 'calendar' }, from, extra) >= deadlineDueDate({ days, kind: 'calendar' }, from)).toBe(true);
      }),
    );
  });
});

describe('deadlineStatus', () => {
  it('is due soon on the due day and the day before, overdue the day after', () => {
    expect(deadlineStatus('2026-03-10', '2026-03-08')).toBe('ok');
    expect(deadlineStatus('2026-03-10', '2026-03-09')).toBe('due_soon');
    expect(deadlineStatus('2026-03-10', '2026-03-10')).toBe('due_soon');
    expect(deadlineStatus('2026-03-10', '2026-03-11')).toBe('overdue');
  });
  it('takes a wider "due soon" window when asked', () => {
    expect(deadlineStatus('2026-03-10', '2026-03-07', 3)).toBe('due_soon');
    expect(deadlineStatus('2026-03-10', '2026-03-06', 3)).toBe('ok');
  });
});
