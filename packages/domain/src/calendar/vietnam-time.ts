/**
 * Calendar dates and Vietnam's clock.
 *
 * A calendar date is an ISO string `YYYY-MM-DD` with no time of day and no zone. Vietnam keeps
 * UTC+7 all year (Asia/Ho_Chi_Minh, no daylight saving since 1975), so the Vietnamese date and
 * time of an instant is a fixed shift of UTC: no time-zone database is needed.
 */

export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';
/** UTC+7, in milliseconds. */
export const VIETNAM_UTC_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of an ISO calendar date (UTC, no time of day). */
export function dayNumber(isoDate: string): number {
  const match = ISO_DATE.exec(isoDate);
  if (!match) throw new RangeError(`not an ISO date: ${isoDate}`);
  return Math.floor(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS);
}

export function isoFromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(isoDate: string, days: number): string {
  return isoFromDayNumber(dayNumber(isoDate) + days);
}

/** Day of the week of a calendar date: 0 = Sunday … 6 = Saturday. */
export function weekday(isoDate: string): number {
  return (((dayNumber(isoDate) + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

/** The calendar date in Vietnam (UTC+7, no daylight saving) at an instant. */
export function vietnamToday(now: Date): string {
  return new Date(now.getTime() + VIETNAM_UTC_OFFSET_MS).toISOString().slice(0, 10);
}

/** Vietnam's wall clock at an instant: the date, `HH:mm`, and the hour and minute as numbers. */
export function vietnamWallClock(at: Date): { date: string; time: string; hour: number; minute: number } {
  const local = new Date(at.getTime() + VIETNAM_UTC_OFFSET_MS);
  return {
    date: local.toISOString().slice(0, 10),
    time: local.toISOString().slice(11, 16),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
  };
}

/** 00:00 of a calendar date in Vietnam (17:00 UTC the day before). */
export function startOfVietnamDay(isoDate: string): Date {
  return new Date(dayNumber(isoDate) * DAY_MS - VIETNAM_UTC_OFFSET_MS);
}

/** The last instant of a calendar date in Vietnam: 23:59:59.999 at UTC+7 (16:59:59.999 UTC). */
export function endOfVietnamDay(isoDate: string): Date {
  return new Date((dayNumber(isoDate) + 1) * DAY_MS - VIETNAM_UTC_OFFSET_MS - 1);
}
