/**
 * Deadlines, timeliness and reporting rates (ADR 0003).
 *
 * Due dates are calendar dates in Vietnam (Asia/Ho_Chi_Minh, UTC+7 all year: no daylight saving).
 * A report is on time when its first submission happened by the end of its due date there; a
 * later resubmission after a return does not make it late. Rates count distinct reporting units,
 * so they can never exceed 100%.
 */
import { z } from 'zod';
import { addDays, dayNumber } from '../plans/task-timing.ts';
import type { ReportingPeriod } from './periods.ts';
import { isEditableReportStatus, type ReportStatus } from './report-status.ts';
import type { ReportLocale } from './report-validation.ts';

export const REPORT_TIME_ZONE = 'Asia/Ho_Chi_Minh';
const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

/** The last instant of a due date in Vietnam: 23:59:59.999 at UTC+7 (16:59:59.999 UTC). */
export function endOfDueDate(dueDate: string): Date {
  return new Date((dayNumber(dueDate) + 1) * DAY_MS - VIETNAM_OFFSET_MS - 1);
}

export function isOnTime(submittedAt: Date, dueDate: string): boolean {
  return submittedAt.getTime() <= endOfDueDate(dueDate).getTime();
}

export const DUE_RULE_KINDS = ['working_days_after_window', 'days_after_window', 'fixed'] as const;

export const dueRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('working_days_after_window'), days: z.number().int().min(0).max(60) }),
  z.object({ kind: z.literal('days_after_window'), days: z.number().int().min(0).max(60) }),
  z.object({ kind: z.literal('fixed'), date: z.iso.date() }),
]);
export type DueRule = z.infer<typeof dueRuleSchema>;

/** Three working days after the data window closes (the window of Decree 09/2019 ends on the 14th). */
export const DEFAULT_DUE_RULE: DueRule = { kind: 'working_days_after_window', days: 3 };

/**
 * The fixed-date public holidays of the Labour Code 2019 (Bộ luật Lao động 2019), Art. 112:
 * Tết Dương lịch (1/1), Ngày Chiến thắng (30/4), Quốc tế Lao động (1/5), Quốc khánh (2/9).
 * Not modelled: the lunar holidays (Tết Nguyên đán, Giỗ Tổ Hùng Vương 10/3 âm lịch), the extra day
 * next to 2/9 that is chosen each year, days off in lieu when a holiday falls on a weekend, and
 * the working-day swaps the Government announces each year. A deadline near them may therefore be
 * a day or two earlier than the one an official would count; a reviewer can extend it.
 */
export const FIXED_PUBLIC_HOLIDAYS: readonly string[] = ['01-01', '04-30', '05-01', '09-02'];

/** Monday to Friday and not a fixed-date public holiday. */
export function isWorkingDay(isoDate: string): boolean {
  const weekday = (((dayNumber(isoDate) + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
  if (weekday === 0 || weekday === 6) return false;
  return !FIXED_PUBLIC_HOLIDAYS.includes(isoDate.slice(5));
}

/**
 * The date `n` working days after (n < 0: before) a date; the date itself for n = 0, even when it
 * is not a working day.
 */
export function addWorkingDays(isoDate: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`not a whole number of days: ${n}`);
  const step = n < 0 ? -1 : 1;
  let date = isoDate;
  for (let left = Math.abs(n); left > 0;) {
    date = addDays(date, step);
    if (isWorkingDay(date)) left -= 1;
  }
  return date;
}

/** The due date of a period under a rule: counted from the last day of the data window, or a fixed date. */
export function dueDateFor(rule: DueRule, period: Pick<ReportingPeriod, 'end'>): string {
  switch (rule.kind) {
    case 'working_days_after_window':
      return addWorkingDays(period.end, rule.days);
    case 'days_after_window':
      return addDays(period.end, rule.days);
    case 'fixed':
      return rule.date;
  }
}

const vietnameseDate = (isoDate: string) => isoDate.split('-').reverse().join('/');

export function describeDueRule(rule: DueRule, locale: ReportLocale): string {
  if (rule.kind === 'fixed') return locale === 'vi' ? `Ngày ${vietnameseDate(rule.date)}` : `On ${rule.date}`;
  const working = rule.kind === 'working_days_after_window';
  if (rule.days === 0) return locale === 'vi' ? 'Ngày cuối cùng của kỳ số liệu' : 'The last day of the data window';
  if (locale === 'vi') return `${rule.days} ngày ${working ? 'làm việc ' : ''}sau khi kết thúc kỳ số liệu`;
  return `${rule.days} ${working ? 'working ' : ''}day${rule.days === 1 ? '' : 's'} after the data window ends`;
}

export const REPORT_SUBMISSION_STATES = ['missing', 'draft', 'submitted', 'late', 'returned', 'accepted'] as const;
export type SubmissionStateKind = (typeof REPORT_SUBMISSION_STATES)[number];

export interface SubmissionState {
  state: SubmissionStateKind;
  /** The first submission came after the end of the due date. */
  late: boolean;
  /** Never submitted, and the due date is over. */
  overdue: boolean;
}

/** How a report stands for the matrix of a period (a cell per unit). */
export function submissionState(
  report: { status: ReportStatus; firstSubmittedAt: Date | null; dueDate: string },
  now: Date,
): SubmissionState {
  const late = report.firstSubmittedAt !== null && !isOnTime(report.firstSubmittedAt, report.dueDate);
  const overdue = report.firstSubmittedAt === null && now.getTime() > endOfDueDate(report.dueDate).getTime();
  const state: SubmissionStateKind = (() => {
    switch (report.status) {
      case 'not_started':
        return 'missing';
      case 'draft':
        return 'draft';
      case 'submitted':
      case 'resubmitted':
        return late ? 'late' : 'submitted';
      case 'returned':
        return 'returned';
      case 'accepted':
      case 'locked':
        return 'accepted';
    }
  })();
  return { state, late, overdue };
}

export interface ReportingRates {
  /** Distinct units expected to report. */
  expected: number;
  /** Units that submitted at least once. */
  submitted: number;
  /** Units whose first submission was on time. */
  onTime: number;
  late: number;
  missing: number;
  /** submitted / expected, in percent with one decimal; null when nobody is expected to report. */
  submittedRate: number | null;
  /** onTime / expected, in percent with one decimal; null when nobody is expected to report. */
  onTimeRate: number | null;
}

const percent = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);

/**
 * Rates over distinct units. A unit listed more than once counts once, by its earliest submission
 * (judged against the due date of the row that carries it).
 */
export function reportingRates(rows: readonly { unitKey: string; firstSubmittedAt: Date | null; dueDate: string }[]): ReportingRates {
  const earliest = new Map<string, { firstSubmittedAt: Date | null; dueDate: string }>();
  for (const row of rows) {
    const seen = earliest.get(row.unitKey);
    if (!seen || (row.firstSubmittedAt && (!seen.firstSubmittedAt || row.firstSubmittedAt.getTime() < seen.firstSubmittedAt.getTime()))) {
      earliest.set(row.unitKey, row);
    }
  }
  let submitted = 0;
  let onTime = 0;
  for (const unit of earliest.values()) {
    if (!unit.firstSubmittedAt) continue;
    submitted += 1;
    if (isOnTime(unit.firstSubmittedAt, unit.dueDate)) onTime += 1;
  }
  const expected = earliest.size;
  return {
    expected,
    submitted,
    onTime,
    late: submitted - onTime,
    missing: expected - submitted,
    submittedRate: percent(submitted, expected),
    onTimeRate: percent(onTime, expected),
  };
}

/** How many days ahead of the due date a reminder says "due soon". */
export const REPORT_DUE_SOON_DAYS = 3;

/**
 * Which reminder a report awaiting (re)submission (not started, draft, returned) calls for on
 * `today` (a Vietnamese calendar date: `vietnamToday(now)` from plans/task-timing): due within `soonDays` (today included),
 * late once the due date is past, otherwise none.
 */
export function reminderKind(
  report: { status: ReportStatus; dueDate: string },
  today: string,
  soonDays: number = REPORT_DUE_SOON_DAYS,
): 'due_soon' | 'late' | null {
  if (!isEditableReportStatus(report.status)) return null;
  const left = dayNumber(report.dueDate) - dayNumber(today);
  if (left < 0) return 'late';
  return left <= soonDays ? 'due_soon' : null;
}
