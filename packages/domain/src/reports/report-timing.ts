/**
 * Deadlines, timeliness and reporting rates (ADR 0003).
 *
 * Due dates are calendar dates in Vietnam (Asia/Ho_Chi_Minh, UTC+7 all year: no daylight saving).
 * A report is on time when its first submission happened by the end of its due date there; a
 * later resubmission after a return does not make it late. Rates count distinct reporting units,
 * so they can never exceed 100%.
 *
 * Working days come from the one calendar (../calendar): weekends, the statutory holidays of the
 * Labour Code 2019 computed for the year (Tết and Giỗ Tổ Hùng Vương included, with the days in
 * lieu), and the extra holidays / make-up working days a caller passes.
 */
import { z } from 'zod';
import { formatVietnamDate } from '../calendar/format.ts';
import { VIETNAM_TIME_ZONE, addDays, dayNumber, endOfVietnamDay } from '../calendar/vietnam-time.ts';
import { addWorkingDays, type CalendarInput, STATUTORY_CALENDAR } from '../calendar/working-days.ts';
import type { ReportingPeriod } from './periods.ts';
import { isEditableReportStatus, type ReportStatus } from './report-status.ts';
import type { ReportLocale } from './report-validation.ts';

export const REPORT_TIME_ZONE = VIETNAM_TIME_ZONE;

/** The last instant of a due date in Vietnam: 23:59:59.999 at UTC+7 (16:59:59.999 UTC). */
export function endOfDueDate(dueDate: string): Date {
  return endOfVietnamDay(dueDate);
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
 * @deprecated Working days now count every statutory holiday, lunar ones included: see
 * `publicHolidays` and `isWorkingDay` of ../calendar.
 */
export const FIXED_PUBLIC_HOLIDAYS: readonly string[] = ['01-01', '04-30', '05-01', '09-02'];

// The working-day functions of the one calendar, re-exported where report code has always found them.
export { addWorkingDays, isWorkingDay } from '../calendar/working-days.ts';

/**
 * The due date of a period under a rule: counted from the last day of the data window, or a fixed
 * date. Working days follow `calendar`: by default weekends and the statutory holidays computed
 * for the year; pass the holidays table (or a calendar with make-up working days) to follow the
 * year's decisions too.
 */
export function dueDateFor(rule: DueRule, period: Pick<ReportingPeriod, 'end'>, calendar: CalendarInput = STATUTORY_CALENDAR): string {
  switch (rule.kind) {
    case 'working_days_after_window':
      return addWorkingDays(period.end, rule.days, calendar);
    case 'days_after_window':
      return addDays(period.end, rule.days);
    case 'fixed':
      return rule.date;
  }
}

export function describeDueRule(rule: DueRule, locale: ReportLocale): string {
  if (rule.kind === 'fixed') return locale === 'vi' ? `Ngày ${formatVietnamDate(rule.date)}` : `On ${rule.date}`;
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
