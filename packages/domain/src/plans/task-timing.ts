import { dayNumber } from '../calendar/vietnam-time.ts';
import type { TaskStatus } from './task-status.ts';

// The calendar-date helpers live in the one calendar (../calendar); re-exported for existing importers.
export { addDays, dayNumber, isoFromDayNumber, vietnamToday } from '../calendar/vietnam-time.ts';

/** How many days ahead a deadline counts as "due soon" (sắp đến hạn). */
export const DUE_SOON_DAYS = 7;

export type TaskTiming = 'overdue' | 'due_soon' | 'on_track' | 'no_deadline' | 'closed';

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
