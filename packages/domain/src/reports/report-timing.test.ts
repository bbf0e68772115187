import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dayNumber, isoFromDayNumber, vietnamToday } from '../plans/task-timing.ts';
import { parsePeriodId, type PeriodWindow, type ReportingPeriod } from './periods.ts';
import {
  addWorkingDays,
  DEFAULT_DUE_RULE,
  describeDueRule,
  dueDateFor,
  dueRuleSchema,
  endOfDueDate,
  isOnTime,
  isWorkingDay,
  reminderKind,
  REPORT_TIME_ZONE,
  reportingRates,
  submissionState,
  type DueRule,
} from './report-timing.ts';
import { REPORT_STATUSES, type ReportStatus } from './report-status.ts';

function period(id: string, window: PeriodWindow = 'decree09'): ReportingPeriod {
  const result = parsePeriodId(id, window);
  if (!result.ok) throw new Error(result.reason);
  return result.period;
}

/** An instant given as Vietnamese wall-clock time. */
const vn = (local: string) => new Date(`${local}+07:00`);

const isoDate = fc.integer({ min: dayNumber('2000-01-01'), max: dayNumber('2099-12-31') }).map(isoFromDayNumber);

describe('due dates in Vietnamese time', () => {
  it('a due date ends at midnight in Hà Nội, 17:00 UTC', () => {
    expect(REPORT_TIME_ZONE).toBe('Asia/Ho_Chi_Minh');
    expect(endOfDueDate('2026-03-18').toISOString()).toBe('2026-03-18T16:59:59.999Z');
    expect(endOfDueDate('2026-01-01').toISOString()).toBe('2026-01-01T16:59:59.999Z');
    expect(() => endOfDueDate('18/03/2026')).toThrow(RangeError);
  });

  it('a report sent at 23:59 on the due day is on time; one sent at 00:00 the next day is late', () => {
    expect(isOnTime(vn('2026-03-18T23:59:59.999'), '2026-03-18')).toBe(true);
    expect(isOnTime(vn('2026-03-19T00:00:00'), '2026-03-18')).toBe(false);
    // 08:00 on the due day in Vietnam is still the previous evening in UTC: on time.
    expect(isOnTime(new Date('2026-03-18T01:00:00Z'), '2026-03-18')).toBe(true);
    // 18:00 UTC on the due day is already the next morning in Vietnam: late.
    expect(isOnTime(new Date('2026-03-18T18:00:00Z'), '2026-03-18')).toBe(false);
  });

  it('property: on time exactly when the Vietnamese calendar date of the submission is not after the due date', () => {
    // Instants around the end of the due date, many within a few seconds of it.
    const offset = fc.oneof(fc.integer({ min: -2000, max: 2000 }), fc.integer({ min: -2 * 86_400_000, max: 2 * 86_400_000 }));
    fc.assert(
      fc.property(isoDate, offset, (due, ms) => {
        const at = new Date(Date.parse(`${due}T17:00:00Z`) + ms); // 17:00 UTC = midnight after the due day in Vietnam
        expect(isOnTime(at, due)).toBe(vietnamToday(at) <= due);
      }),
    );
  });
});

describe('working days', () => {
  it('Saturdays, Sundays and the fixed-date public holidays are not working days', () => {
    expect(isWorkingDay('2026-03-16')).toBe(true); // Monday
    expect(isWorkingDay('2026-03-20')).toBe(true); // Friday
    expect(isWorkingDay('2026-03-14')).toBe(false); // Saturday
    expect(isWorkingDay('2026-03-15')).toBe(false); // Sunday
    expect(isWorkingDay('2026-01-01')).toBe(false); // Tết Dương lịch (Thursday)
    expect(isWorkingDay('2026-04-30')).toBe(false); // Ngày Chiến thắng (Thursday)
    expect(isWorkingDay('2026-05-01')).toBe(false); // Quốc tế Lao động (Friday)
    expect(isWorkingDay('2026-09-02')).toBe(false); // Quốc khánh (Wednesday)
    expect(isWorkingDay('2026-09-01')).toBe(false); // the day next to 2/9 (computed: Tuesday before a Wednesday 2/9)
    expect(isWorkingDay('2026-09-03')).toBe(true);
  });

  it('counts working days forward and backward', () => {
    expect(addWorkingDays('2026-03-14', 3)).toBe('2026-03-18'); // Sat → Mon, Tue, Wed
    expect(addWorkingDays('2026-04-29', 3)).toBe('2026-05-06'); // over 30/4, 1/5 and the weekend
    expect(addWorkingDays('2026-09-01', 1)).toBe('2026-09-03'); // over 2/9
    expect(addWorkingDays('2026-12-31', 3)).toBe('2027-01-06'); // over 1/1 and the weekend
    expect(addWorkingDays('2026-03-16', -1)).toBe('2026-03-13');
    expect(addWorkingDays('2026-03-14', 0)).toBe('2026-03-14');
    expect(() => addWorkingDays('2026-03-14', 1.5)).toThrow(RangeError);
  });

  it('property: n working days later is a working day with exactly n working days since the start', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: 1, max: 60 }), (start, n) => {
        const end = addWorkingDays(start, n);
        expect(isWorkingDay(end)).toBe(true);
        let count = 0;
        for (let date = addDays(start, 1); date <= end; date = addDays(date, 1)) if (isWorkingDay(date)) count += 1;
        expect(count).toBe(n);
        // A week has at most 5 working days, and holidays take away at most two weeks more (Tết with its days in lieu, and 1/1).
        expect(dayNumber(end) - dayNumber(start)).toBeLessThanOrEqual(Math.ceil(n / 5) * 7 + 14);
      }),
    );
  });

  it('property: from a working day, going n working days forward and back returns to it', () => {
    fc.assert(
      fc.property(isoDate.filter(isWorkingDay), fc.integer({ min: 0, max: 60 }), (start, n) => {
        expect(addWorkingDays(addWorkingDays(start, n), -n)).toBe(start);
      }),
    );
  });
});

describe('due rules', () => {
  it('by default a report is due three working days after the data window closes', () => {
    expect(DEFAULT_DUE_RULE).toEqual({ kind: 'working_days_after_window', days: 3 });
    expect(dueDateFor(DEFAULT_DUE_RULE, period('2026Q1'))).toBe('2026-03-18'); // window ends Saturday 14/3
    expect(dueDateFor(DEFAULT_DUE_RULE, period('2026Q2'))).toBe('2026-06-17'); // window ends Sunday 14/6
    expect(dueDateFor(DEFAULT_DUE_RULE, period('2026'))).toBe('2026-12-17');
    expect(dueDateFor(DEFAULT_DUE_RULE, period('2026-04', 'calendar'))).toBe('2026-05-06');
    expect(dueDateFor(DEFAULT_DUE_RULE, period('2026-12', 'calendar'))).toBe('2027-01-06');
  });

  it('counts a report deadline across Tết without the Tết days (statutory holidays computed for the year)', () => {
    // The February window of Decree 09 ends Saturday 14/02/2026; Tết Bính Ngọ is Monday 16 – Friday 20/02.
    expect(dueDateFor(DEFAULT_DUE_RULE, period('2026-02'))).toBe('2026-02-25'); // 23, 24, 25
    expect(dueDateFor(DEFAULT_DUE_RULE, period('2026-02'), { statutoryHolidays: false })).toBe('2026-02-18'); // before: Tết counted
    // Tết Ất Tỵ: 28/01–01/02/2025, Saturday 01/02 made up on Monday 03/02.
    expect(dueDateFor(DEFAULT_DUE_RULE, { end: '2025-01-24' })).toBe('2025-02-05'); // 27/01, 04/02, 05/02
    // Giỗ Tổ Hùng Vương 2025 (Monday 07/04).
    expect(dueDateFor({ kind: 'working_days_after_window', days: 1 }, { end: '2025-04-04' })).toBe('2025-04-08');
  });

  it('follows the holidays table and make-up working days when given', () => {
    const rows = [{ date: '2026-02-23', name: 'Nghỉ thêm sau Tết' }];
    expect(dueDateFor(DEFAULT_DUE_RULE, period('2026-02'), rows)).toBe('2026-02-26');
    expect(dueDateFor(DEFAULT_DUE_RULE, period('2026-02'), { extraWorkingDays: ['2026-02-21'] })).toBe('2026-02-24'); // Saturday worked
    expect(addWorkingDays('2026-02-13', 1, rows)).toBe('2026-02-24');
    expect(isWorkingDay('2026-02-23', rows)).toBe(false);
    // Days after the window and fixed dates are not working-day counts: the calendar does not move them.
    expect(dueDateFor({ kind: 'days_after_window', days: 3 }, period('2026-02'), rows)).toBe('2026-02-17');
  });

  it('calendar days and fixed dates', () => {
    expect(dueDateFor({ kind: 'days_after_window', days: 5 }, period('2026Q1'))).toBe('2026-03-19');
    expect(dueDateFor({ kind: 'days_after_window', days: 0 }, period('2026Q1'))).toBe('2026-03-14');
    expect(dueDateFor({ kind: 'fixed', date: '2026-10-05' }, period('2026Q3'))).toBe('2026-10-05');
  });

  it('property: the due date is never before the end of the data window', () => {
    const rule = fc.oneof(
      fc.record({ kind: fc.constant('working_days_after_window' as const), days: fc.integer({ min: 0, max: 60 }) }),
      fc.record({ kind: fc.constant('days_after_window' as const), days: fc.integer({ min: 0, max: 60 }) }),
    );
    const id = fc.tuple(fc.integer({ min: 1991, max: 2099 }), fc.integer({ min: 1, max: 4 })).map(([year, q]) => `${year}Q${q}`);
    fc.assert(
      fc.property(rule, id, fc.constantFrom<PeriodWindow>('decree09', 'calendar'), (r, periodId, window) => {
        const p = period(periodId, window);
        const due = dueDateFor(r, p);
        expect(due >= p.end).toBe(true);
        if (r.kind === 'days_after_window') expect(dayNumber(due) - dayNumber(p.end)).toBe(r.days);
      }),
    );
  });

  it('the schema takes 0 to 60 whole days or a real date, nothing else', () => {
    const ok = (value: unknown) => dueRuleSchema.safeParse(value).success;
    expect(ok({ kind: 'working_days_after_window', days: 0 })).toBe(true);
    expect(ok({ kind: 'days_after_window', days: 60 })).toBe(true);
    expect(ok({ kind: 'fixed', date: '2026-12-20' })).toBe(true);
    expect(ok({ kind: 'days_after_window', days: 61 })).toBe(false);
    expect(ok({ kind: 'days_after_window', days: -1 })).toBe(false);
    expect(ok({ kind: 'working_days_after_window', days: 1.5 })).toBe(false);
    expect(ok({ kind: 'fixed', date: '2026-02-30' })).toBe(false);
    expect(ok({ kind: 'fixed', date: '20/12/2026' })).toBe(false);
    expect(ok({ kind: 'monthly', days: 3 })).toBe(false);
    expect(ok({ kind: 'fixed', days: 3 })).toBe(false);
  });

  it('describes rules to officials', () => {
    const cases: [DueRule, string, string][] = [
      [
        { kind: 'working_days_after_window', days: 3 },
        '3 ngày làm việc sau khi kết thúc kỳ số liệu',
        '3 working days after the data window ends',
      ],
      [
        { kind: 'working_days_after_window', days: 1 },
        '1 ngày làm việc sau khi kết thúc kỳ số liệu',
        '1 working day after the data window ends',
      ],
      [{ kind: 'days_after_window', days: 5 }, '5 ngày sau khi kết thúc kỳ số liệu', '5 days after the data window ends'],
      [{ kind: 'days_after_window', days: 0 }, 'Ngày cuối cùng của kỳ số liệu', 'The last day of the data window'],
      [{ kind: 'fixed', date: '2026-12-20' }, 'Ngày 20/12/2026', 'On 2026-12-20'],
    ];
    for (const [rule, vi, en] of cases) {
      expect(describeDueRule(rule, 'vi')).toBe(vi);
      expect(describeDueRule(rule, 'en')).toBe(en);
    }
  });
});

describe('submission state of one report', () => {
  const due = '2026-03-18';
  const before = vn('2026-03-17T10:00:00');
  const after = vn('2026-03-20T10:00:00');

  it('names the state a matrix shows', () => {
    const at = (status: ReportStatus, firstSubmittedAt: Date | null, now = after) =>
      submissionState({ status, firstSubmittedAt, dueDate: due }, now);
    expect(at('not_started', null, before)).toEqual({ state: 'missing', late: false, overdue: false });
    expect(at('not_started', null)).toEqual({ state: 'missing', late: false, overdue: true });
    expect(at('draft', null)).toEqual({ state: 'draft', late: false, overdue: true });
    expect(at('submitted', before)).toEqual({ state: 'submitted', late: false, overdue: false });
    expect(at('submitted', vn('2026-03-19T08:00:00'))).toEqual({ state: 'late', late: true, overdue: false });
    expect(at('returned', before)).toEqual({ state: 'returned', late: false, overdue: false });
    expect(at('accepted', vn('2026-03-19T08:00:00'))).toEqual({ state: 'accepted', late: true, overdue: false });
    expect(at('locked', before)).toEqual({ state: 'accepted', late: false, overdue: false });
  });

  it('the first submission decides lateness: a resubmission after the due date is not late, a late first one stays late', () => {
    const resubmitted = (firstSubmittedAt: Date) => submissionState({ status: 'resubmitted', firstSubmittedAt, dueDate: due }, after);
    expect(resubmitted(before)).toEqual({ state: 'submitted', late: false, overdue: false });
    expect(resubmitted(vn('2026-03-19T00:00:00'))).toEqual({ state: 'late', late: true, overdue: false });
  });

  it('is overdue from the first minute after the due day', () => {
    const state = (now: Date) => submissionState({ status: 'draft', firstSubmittedAt: null, dueDate: due }, now).overdue;
    expect(state(vn('2026-03-18T23:59:59'))).toBe(false);
    expect(state(vn('2026-03-19T00:00:01'))).toBe(true);
  });

  it('property: never both late and overdue; overdue only when never submitted', () => {
    const instant = fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2026, 11, 31) }).map((ms) => new Date(ms));
    fc.assert(
      fc.property(fc.constantFrom(...REPORT_STATUSES), fc.option(instant, { nil: null }), instant, (status, first, now) => {
        const result = submissionState({ status, firstSubmittedAt: first, dueDate: due }, now);
        expect(result.late && result.overdue).toBe(false);
        if (result.overdue) expect(first).toBeNull();
        if (result.state === 'late') expect(result.late).toBe(true);
      }),
    );
  });
});

describe('reporting rates', () => {
  const due = '2026-03-18';
  const onTime = vn('2026-03-18T20:00:00');
  const late = vn('2026-03-21T09:00:00');

  it('counts units that submitted, on time or late, and those that did not', () => {
    const rates = reportingRates([
      { unitKey: 'so-yte', firstSubmittedAt: onTime, dueDate: due },
      { unitKey: 'so-noivu', firstSubmittedAt: onTime, dueDate: due },
      { unitKey: 'xa-a', firstSubmittedAt: late, dueDate: due },
      { unitKey: 'xa-b', firstSubmittedAt: null, dueDate: due },
    ]);
    expect(rates).toEqual({ expected: 4, submitted: 3, onTime: 2, late: 1, missing: 1, submittedRate: 75, onTimeRate: 50 });
  });

  it('counts a unit listed twice once, by its earliest submission', () => {
    const rates = reportingRates([
      { unitKey: 'xa-a', firstSubmittedAt: late, dueDate: due },
      { unitKey: 'xa-a', firstSubmittedAt: onTime, dueDate: due },
      { unitKey: 'xa-a', firstSubmittedAt: null, dueDate: due },
      { unitKey: 'xa-b', firstSubmittedAt: null, dueDate: due },
      { unitKey: 'xa-b', firstSubmittedAt: null, dueDate: due },
    ]);
    expect(rates).toEqual({ expected: 2, submitted: 1, onTime: 1, late: 0, missing: 1, submittedRate: 50, onTimeRate: 50 });
  });

  it('rounds to one decimal, and has no rate when nobody is expected to report', () => {
    const three = ['a', 'b', 'c'].map((unitKey, index) => ({ unitKey, firstSubmittedAt: index === 0 ? onTime : null, dueDate: due }));
    expect(reportingRates(three)).toMatchObject({ submittedRate: 33.3, onTimeRate: 33.3 });
    expect(reportingRates([])).toEqual({
      expected: 0,
      submitted: 0,
      onTime: 0,
      late: 0,
      missing: 0,
      submittedRate: null,
      onTimeRate: null,
    });
  });

  it('property: rates stay within 0–100% and on time ≤ submitted ≤ expected, however units repeat', () => {
    const row = fc.record({
      unitKey: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
      firstSubmittedAt: fc.option(
        fc.integer({ min: Date.UTC(2026, 2, 1), max: Date.UTC(2026, 3, 1) }).map((ms) => new Date(ms)),
        { nil: null },
      ),
      dueDate: fc.constantFrom('2026-03-10', '2026-03-18', '2026-03-25'),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 20 }), (rows) => {
        const rates = reportingRates(rows);
        expect(rates.expected).toBe(new Set(rows.map((r) => r.unitKey)).size);
        expect(rates.onTime).toBeLessThanOrEqual(rates.submitted);
        expect(rates.submitted).toBeLessThanOrEqual(rates.expected);
        expect(rates.onTime + rates.late + rates.missing).toBe(rates.expected);
        for (const rate of [rates.submittedRate, rates.onTimeRate]) {
          if (rates.expected === 0) expect(rate).toBeNull();
          else {
            expect(rate).toBeGreaterThanOrEqual(0);
            expect(rate).toBeLessThanOrEqual(100);
          }
        }
        expect(rates.onTimeRate ?? 0).toBeLessThanOrEqual(rates.submittedRate ?? 0);
      }),
    );
  });
});

describe('reminders', () => {
  const due = '2026-03-18';
  it('reminds a report not yet sent that it is due soon, and then that it is late', () => {
    const kind = (today: string, status: ReportStatus = 'draft') => reminderKind({ status, dueDate: due }, today);
    expect(kind('2026-03-10')).toBeNull();
    expect(kind('2026-03-14')).toBeNull();
    expect(kind('2026-03-15')).toBe('due_soon');
    expect(kind('2026-03-18')).toBe('due_soon');
    expect(kind('2026-03-19')).toBe('late');
    expect(kind('2026-03-19', 'not_started')).toBe('late');
    expect(kind('2026-03-17', 'returned')).toBe('due_soon');
  });

  it('never reminds about a report already sent, accepted or locked', () => {
    for (const status of ['submitted', 'resubmitted', 'accepted', 'locked'] as const) {
      expect(reminderKind({ status, dueDate: due }, '2026-03-17')).toBeNull();
      expect(reminderKind({ status, dueDate: due }, '2026-04-17')).toBeNull();
    }
  });

  it('the "due soon" horizon can be changed', () => {
    expect(reminderKind({ status: 'draft', dueDate: due }, '2026-03-11', 7)).toBe('due_soon');
    expect(reminderKind({ status: 'draft', dueDate: due }, '2026-03-17', 0)).toBeNull();
    expect(reminderKind({ status: 'draft', dueDate: due }, '2026-03-18', 0)).toBe('due_soon');
  });
});
