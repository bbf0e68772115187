/**
 * Working days (ngày làm việc) of the public service: Monday to Friday, except the statutory days
 * off computed in ./holidays (Tết and Giỗ Tổ Hùng Vương included, with the days in lieu), plus what
 * a year's decision adds or swaps, given as data:
 *   - `extraHolidays`: more days off (the extra Tết days, a different day next to 2/9 …);
 *   - `extraWorkingDays`: days worked although they are a weekend or a computed holiday (ngày làm
 *     bù, or a computed day the year's decision did not give). They win over everything else.
 * Both lists take ISO dates or rows shaped like the `victim_holidays` table (`{ date, name }`), and
 * a plain list of holidays is a calendar too. All dates are ISO calendar dates (`YYYY-MM-DD`).
 */
import { isPublicHoliday } from './holidays.ts';
import { addDays, dayNumber, weekday } from './vietnam-time.ts';

/** An ISO date, or a row of a holidays table. */
export type CalendarDay = string | { readonly date: string; readonly name?: string | null };

export interface WorkingCalendar {
  /** Days off beyond weekends and the computed statutory holidays. */
  readonly extraHolidays?: readonly CalendarDay[];
  /** Days worked even though a weekend or a computed holiday (make-up working days). */
  readonly extraWorkingDays?: readonly CalendarDay[];
  /** false: weekends and the lists above only, no computed holidays. Default true. */
  readonly statutoryHolidays?: boolean;
}

/** A calendar, or just its extra holidays (e.g. the rows of the holidays table). */
export type CalendarInput = WorkingCalendar | readonly CalendarDay[];

/** Weekends and the computed statutory holidays. */
export const STATUTORY_CALENDAR: WorkingCalendar = Object.freeze({});

const dateOf = (day: CalendarDay) => (typeof day === 'string' ? day : day.date);

/** The calendar as a predicate, for loops. */
export function workingDayTest(calendar: CalendarInput = STATUTORY_CALENDAR): (isoDate: string) => boolean {
  const input: WorkingCalendar = isDayList(calendar) ? { extraHolidays: calendar } : calendar;
  const off = new Set((input.extraHolidays ?? []).map(dateOf));
  const on = new Set((input.extraWorkingDays ?? []).map(dateOf));
  const statutory = input.statutoryHolidays !== false;
  return (isoDate) => {
    if (on.has(isoDate)) return true;
    const day = weekday(isoDate); // validates the date too
    if (day === 0 || day === 6 || off.has(isoDate)) return false;
    return !(statutory && isPublicHoliday(isoDate));
  };
}

function isDayList(calendar: CalendarInput): calendar is readonly CalendarDay[] {
  return Array.isArray(calendar);
}

/** Whether a date is a working day under a calendar (default: weekends and statutory holidays). */
export function isWorkingDay(isoDate: string, calendar: CalendarInput = STATUTORY_CALENDAR): boolean {
  return workingDayTest(calendar)(isoDate);
}

/**
 * The date `n` working days after (n < 0: before) a date; the date itself for n = 0, even when it
 * is not a working day.
 */
export function addWorkingDays(isoDate: string, n: number, calendar: CalendarInput = STATUTORY_CALENDAR): string {
  if (!Number.isInteger(n)) throw new RangeError(`not a whole number of days: ${n}`);
  const working = workingDayTest(calendar);
  const step = n < 0 ? -1 : 1;
  let date = isoDate;
  dayNumber(isoDate); // throws on a malformed date even for n = 0
  for (let left = Math.abs(n); left > 0;) {
    date = addDays(date, step);
    if (working(date)) left -= 1;
  }
  return date;
}

/**
 * Working days from `from` to `to`: those after `from` up to and including `to`, so that
 * `workingDaysBetween(a, addWorkingDays(a, n)) === n`; negative when `to` is before `from` (the
 * working days from `to` included up to `from` excluded).
 */
export function workingDaysBetween(from: string, to: string, calendar: CalendarInput = STATUTORY_CALENDAR): number {
  const working = workingDayTest(calendar);
  const start = dayNumber(from);
  const end = dayNumber(to);
  let count = 0;
  if (end >= start) {
    for (let date = addDays(from, 1), i = start + 1; i <= end; i += 1, date = addDays(date, 1)) if (working(date)) count += 1;
    return count;
  }
  for (let date = to, i = end; i < start; i += 1, date = addDays(date, 1)) if (working(date)) count += 1;
  return -count;
}

/** The first working day on or after a date. */
export function nextWorkingDayFrom(isoDate: string, calendar: CalendarInput = STATUTORY_CALENDAR): string {
  const working = workingDayTest(calendar);
  let date = isoDate;
  while (!working(date)) date = addDays(date, 1);
  return date;
}
