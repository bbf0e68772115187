import type { Executor } from '@atmis/db';
import {
  dueDateFor,
  emptyReportContent,
  parsePeriodId,
  periodContaining,
  type DueRule,
  type PeriodType,
  type PeriodWindow,
  type ReportingPeriod,
  type ReportTemplateDefinition,
} from '@atmis/domain';
import { addDays } from '@atmis/domain/plans/index';
import { workingCalendarOf } from '../../platform/calendar/calendar.repository.ts';
import {
  insertMissingReports,
  scheduleReporterUnits,
  scheduleToMaterialise,
  unitReportKeys,
  type ReportInsert,
} from './reports.repository.ts';

/** More periods than this in one schedule (or one matrix) is refused: 10 years of months. */
export const MAX_SCHEDULE_PERIODS = 120;

export interface SchedulePeriods {
  periodType: PeriodType;
  window: PeriodWindow;
  firstPeriodId: string;
  lastPeriodId: string | null;
}

export function periodOf(id: string, window: PeriodWindow): ReportingPeriod | null {
  const parsed = parsePeriodId(id, window);
  return parsed.ok ? parsed.period : null;
}

/** The period after `period` of the same type (windows are contiguous, so the day after its end opens it). */
export function nextPeriod(period: ReportingPeriod): ReportingPeriod {
  return periodContaining(addDays(period.end, 1), period.type as Exclude<PeriodType, 'ad_hoc'>, period.window);
}

/** The period before `period` of the same type. */
export function previousPeriod(period: ReportingPeriod): ReportingPeriod {
  return periodContaining(addDays(period.start, -1), period.type as Exclude<PeriodType, 'ad_hoc'>, period.window);
}

/** The schedule's period containing `today` (an ad hoc request has only its own). */
export function currentPeriod(schedule: SchedulePeriods, today: string): ReportingPeriod | null {
  if (schedule.periodType === 'ad_hoc') return periodOf(schedule.firstPeriodId, schedule.window);
  return periodContaining(today, schedule.periodType, schedule.window);
}

/**
 * The periods of a schedule from `from` to `to` (inclusive, by start), never before the first nor
 * after the last period; at most `limit` of them.
 */
export function periodsBetween(
  schedule: SchedulePeriods,
  from: ReportingPeriod,
  to: ReportingPeriod,
  limit = MAX_SCHEDULE_PERIODS,
): ReportingPeriod[] {
  const first = periodOf(schedule.firstPeriodId, schedule.window);
  if (!first) return [];
  if (schedule.periodType === 'ad_hoc') return [first];
  const last = schedule.lastPeriodId ? periodOf(schedule.lastPeriodId, schedule.window) : null;
  const end = last && last.start < to.start ? last : to;
  let period = from.start < first.start ? first : from;
  const periods: ReportingPeriod[] = [];
  while (period.start <= end.start && periods.length < limit) {
    periods.push(period);
    period = nextPeriod(period);
  }
  return periods;
}

/** Every period a schedule has reports for by `today`: from the first one up to the current one. */
export function duePeriods(schedule: SchedulePeriods, today: string, limit = MAX_SCHEDULE_PERIODS): ReportingPeriod[] {
  const current = currentPeriod(schedule, today);
  const first = periodOf(schedule.firstPeriodId, schedule.window);
  if (!current || !first) return [];
  return periodsBetween(schedule, first, current, limit);
}

/**
 * Creates the missing unit reports of a schedule (one per period up to today × reporting agency):
 * not started, empty content of the schedule's template, due by the schedule's rule. Idempotent;
 * reports that exist are never touched. Returns how many were created.
 */
export async function materialiseSchedule(executor: Executor, scheduleId: string, today: string, now: Date): Promise<number> {
  const schedule = await scheduleToMaterialise(executor, scheduleId);
  if (!schedule?.active) return 0;
  const reporters = await scheduleReporterUnits(executor, scheduleId);
  const periods = duePeriods(schedule, today);
  if (!reporters.length || !periods.length) return 0;
  const existing = await unitReportKeys(executor, scheduleId);
  const have = new Set(existing.map((row) => `${row.periodId}|${row.agencyId}`));
  const content = emptyReportContent(schedule.definition as unknown as ReportTemplateDefinition);
  const calendar = await workingCalendarOf(executor);
  const rows: ReportInsert[] = [];
  for (const period of periods) {
    const dueDate = dueDateFor(schedule.dueRule as DueRule, period, calendar);
    for (const reporter of reporters) {
      if (have.has(`${period.id}|${reporter.agencyId}`)) continue;
      rows.push({
        kind: 'unit',
        scheduleId,
        templateId: schedule.templateId,
        periodId: period.id,
        periodStart: period.start,
        periodEnd: period.end,
        orgUnitId: reporter.orgUnitId,
        agencyId: reporter.agencyId,
        recipientOrgUnitId: schedule.orgUnitId,
        status: 'not_started',
        content,
        dueDate,
        createdAt: now,
        updatedAt: now,
      });
    }
  }
  return insertMissingReports(executor, rows);
}
