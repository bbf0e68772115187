import type { Recurrence } from './import/schema.ts';
import { dayNumber } from './task-timing.ts';

export interface TaskOccurrencePlan {
  /** "Tháng 03/2024", "Quý I/2024", "6 tháng đầu năm 2024", "Năm 2024". */
  periodLabel: string;
  periodFrom: string;
  periodTo: string;
  /** The last day of the period (inside the plan period). */
  dueDate: string;
}

/** Safety bound: a monthly task over a 20-year horizon is still within it. */
export const MAX_OCCURRENCES = 240;

const ROMAN = ['I', 'II', 'III', 'IV'];

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Calendar periods of a recurrence, as [label, first month, months long]. */
function periodsOfYear(recurrence: Recurrence, year: number): { label: string; month: number; length: number }[] {
  switch (recurrence) {
    case 'monthly':
      return Array.from({ length: 12 }, (_, i) => ({ label: `Tháng ${String(i + 1).padStart(2, '0')}/${year}`, month: i + 1, length: 1 }));
    case 'quarterly':
      return Array.from({ length: 4 }, (_, i) => ({ label: `Quý ${ROMAN[i]}/${year}`, month: i * 3 + 1, length: 3 }));
    case 'six_monthly':
      return [
        { label: `6 tháng đầu năm ${year}`, month: 1, length: 6 },
        { label: `6 tháng cuối năm ${year}`, month: 7, length: 6 },
      ];
    // A continuous (thường xuyên) task has no due date of its own; it is reviewed once a year.
    case 'continuous':
    case 'yearly':
      return [{ label: `Năm ${year}`, month: 1, length: 12 }];
  }
}

/**
 * One occurrence per calendar period of the recurrence that overlaps the plan period, clipped to it;
 * each is due on its (clipped) last day. No period, or a period that ends before it starts: none.
 */
export function occurrencesFor(recurrence: Recurrence, from: string | null, to: string | null): TaskOccurrencePlan[] {
  if (!from || !to || dayNumber(to) < dayNumber(from)) return [];
  const startYear = Number(from.slice(0, 4));
  const endYear = Number(to.slice(0, 4));
  const result: TaskOccurrencePlan[] = [];
  for (let year = startYear; year <= endYear; year++) {
    for (const period of periodsOfYear(recurrence, year)) {
      const lastMonth = period.month + period.length - 1;
      const periodFrom = iso(year, period.month, 1);
      const periodTo = iso(year, lastMonth, lastDayOfMonth(year, lastMonth));
      if (periodTo < from || periodFrom > to) continue;
      const clippedFrom = periodFrom < from ? from : periodFrom;
      const clippedTo = periodTo > to ? to : periodTo;
      result.push({ periodLabel: period.label, periodFrom: clippedFrom, periodTo: clippedTo, dueDate: clippedTo });
      if (result.length >= MAX_OCCURRENCES) return result;
    }
  }
  return result;
}
