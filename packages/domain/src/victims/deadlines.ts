import { z } from 'zod';
import { addDays, dayNumber } from '../calendar/vietnam-time.ts';
import { addWorkingDays, type CalendarInput, nextWorkingDayFrom } from '../calendar/working-days.ts';

/**
 * Legal deadlines of victim work, as data: administrators may override the days (and add the days
 * off a year's decision gives beyond the statutory ones), every rule keeps its legal reference.
 *
 * Counting (Bộ luật Dân sự 2015, Điều 147–148): a deadline counted from an event starts the day
 * after it. `working` deadlines count the working days of the one calendar (../calendar): Monday–
 * Friday except the statutory holidays computed for the year (1/1, Tết, Giỗ Tổ Hùng Vương, 30/4,
 * 1/5, 2/9 and the day next to it, days in lieu) and any `extraHolidays`. A `calendar` deadline
 * whose last day is not a working day ends on the next working day (khoản 5 Điều 148 BLDS 2015).
 */
export const DEADLINE_KINDS = ['calendar', 'working'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/** The event a deadline is counted from. */
export const DEADLINE_STARTS = ['reception', 'application', 'referral', 'request'] as const;
export type DeadlineStart = (typeof DEADLINE_STARTS)[number];

export const deadlineRuleSchema = z.strictObject({
  code: z.string().regex(/^[a-z][a-z0-9_]{1,49}$/),
  label: z.string().min(1).max(200),
  labelEn: z.string().min(1).max(200),
  days: z.number().int().min(0).max(365),
  kind: z.enum(DEADLINE_KINDS),
  from: z.enum(DEADLINE_STARTS),
  legalReference: z.string().min(1).max(300).nullable(),
  note: z.string().max(500).nullable().optional(),
});
export type DeadlineRule = z.infer<typeof deadlineRuleSchema>;

export const DEFAULT_DEADLINE_RULES: readonly DeadlineRule[] = [
  {
    code: 'initial_verification',
    label: 'Xác minh thông tin ban đầu với cơ quan Công an',
    labelEn: 'Initial verification with the police',
    days: 3,
    kind: 'calendar',
    from: 'reception',
    legalReference: 'Khoản 2 Điều 27 Luật Phòng, chống mua bán người 2024 (sửa đổi, bổ sung năm 2025)',
  },
  {
    code: 'support_application',
    label: 'Giải quyết hồ sơ đề nghị hỗ trợ nạn nhân',
    labelEn: 'Decision on a support application',
    days: 9,
    kind: 'working',
    from: 'application',
    legalReference: null,
    note: 'Thời hạn theo văn bản hướng dẫn chế độ hỗ trợ nạn nhân; quản trị viên đối chiếu và ghi căn cứ trước khi áp dụng.',
  },
  {
    code: 'referral_response',
    label: 'Trả lời đề nghị chuyển tuyến',
    labelEn: 'Answer to a referral',
    days: 3,
    kind: 'working',
    from: 'referral',
    legalReference: null,
    note: 'Quy định nội bộ của hệ thống; có thể điều chỉnh.',
  },
];

/** The default rules with administrators' overrides (matched by code; new codes are added). */
export function resolveDeadlineRules(
  overrides: readonly DeadlineRule[],
  defaults: readonly DeadlineRule[] = DEFAULT_DEADLINE_RULES,
): DeadlineRule[] {
  const byCode = new Map(defaults.map((rule) => [rule.code, rule]));
  for (const rule of overrides) byCode.set(rule.code, rule);
  return [...byCode.values()];
}

/**
 * The last day to act under `rule` for an event on `fromDate`. `extraHolidays` are the non-working
 * days beyond the computed statutory ones (ISO dates or rows of the holidays table: the extra Tết
 * days of a year's decision, days off in lieu it moves); a calendar with make-up working days
 * (`extraWorkingDays`) is accepted too.
 */
export function deadlineDueDate(rule: Pick<DeadlineRule, 'days' | 'kind'>, fromDate: string, extraHolidays: CalendarInput = []): string {
  if (rule.kind === 'working') return addWorkingDays(fromDate, rule.days, extraHolidays);
  const date = addDays(fromDate, rule.days);
  return rule.days === 0 ? date : nextWorkingDayFrom(date, extraHolidays);
}

export type DeadlineStatus = 'overdue' | 'due_soon' | 'ok';

/** Short legal deadlines: "due soon" is the due day itself and the day before. */
export const DEADLINE_DUE_SOON_DAYS = 1;

/** Overdue the day after the due date; due soon within `soonDays` days before it (the due day included). */
export function deadlineStatus(due: string, today: string, soonDays: number = DEADLINE_DUE_SOON_DAYS): DeadlineStatus {
  const left = dayNumber(due) - dayNumber(today);
  if (left < 0) return 'overdue';
  return left <= soonDays ? 'due_soon' : 'ok';
}
