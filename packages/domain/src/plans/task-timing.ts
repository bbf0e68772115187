import type { TaskStatus } from './task-status.ts';

/** How many days ahead a deadline counts as "due soon" (sắp đến hạn). */
export const DUE_SOON_DAYS = 7;

export type TaskTiming = 'overdue' | 'due_soon' | 'on_track' | 'no_deadline' | 'closed';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of an ISO calendar date (UTC, no time of day). */
export function dayNumber(isoDate: string): number {
  const match = ISO_DATE.exec(isoDate);
  if (!match) throw new RangeError(`not an ISO date: ${isoDate}`);
  return Math.floor(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / 86_400_000);
}

export function isoFromDayNumber(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

export function addDays(isoDate: string, days: number): string {
  return isoFromDayNumber(dayNumber(isoDate) + days);
}

/** The calendar date in Vietnam (UTC+7, no daylight saving) at an instant. */
export function vietnamToday(now: Date): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * Overdue and due-soon are derived, never stored: from the due date and a `today`. Work reported
 * done (submitted) waits on the standing office, so it is not the lead's delay; accepted and
 * cancelled tasks are closed.
 */
export function taskTiming(task: { status: TaskStatus; dueDate: string | null }, today: string): TaskTiming {
  if (task.status === 'accepted' || task.status === 'cancelled' || task.status === 'submitted') return 'closed';
  if (!task.dueDate) return 'no_deadline';
  const left = dayNumber(task.dueDate) - dayNumber(today);
  if (left < 0) return 'overdue';
  if (left <= DUE_SOON_DAYS) return 'due_soon';
  return 'on_track';
}

/** The date a task is due: its deadline, else the end of its campaign, else its next open occurrence. */
export function effectiveDueDate(task: {
  deadline: string | null;
  campaignTo?: string | null;
  nextOccurrenceDue?: string | null;
}): string | null {
  return task.deadline ?? task.campaignTo ?? task.nextOccurrenceDue ?? null;
}
