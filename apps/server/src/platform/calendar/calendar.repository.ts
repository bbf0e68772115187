import { victimHolidays, type Executor } from '@atmis/db';
import type { WorkingCalendar } from '@atmis/domain';
import { asc } from 'drizzle-orm';

/**
 * The one working calendar of the deployment: weekends and the statutory holidays the domain computes
 * (Tết and Giỗ Tổ from the lunar calendar), plus the days off an administrator adds for the year
 * (the holidays table, kept under its first name `victim_holidays`). Report deadlines and every legal
 * deadline of victim files count working days on it.
 */
export async function workingCalendarOf(executor: Executor): Promise<WorkingCalendar> {
  const rows = await executor
    .select({ date: victimHolidays.date, name: victimHolidays.name })
    .from(victimHolidays)
    .orderBy(asc(victimHolidays.date));
  return { extraHolidays: rows };
}
