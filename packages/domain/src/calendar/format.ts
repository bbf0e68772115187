/**
 * The one Vietnamese date format: `dd/mm/yyyy`, and `dd/mm/yyyy HH:mm` for an instant, always in
 * Vietnam's time (UTC+7) whatever the zone of the machine. A calendar date (`YYYY-MM-DD`) is only
 * rearranged, never shifted or checked (`2026-02-30` reads `30/02/2026`, for messages saying that
 * date does not exist).
 */
import { VIETNAM_UTC_OFFSET_MS } from './vietnam-time.ts';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The instant as Vietnam's wall clock, `YYYY-MM-DDTHH:mm…`; null when not a date. */
function vietnamLocal(value: string | Date): string | null {
  const ms = typeof value === 'string' ? Date.parse(value) : value.getTime();
  if (Number.isNaN(ms)) return null;
  const local = new Date(ms + VIETNAM_UTC_OFFSET_MS);
  const year = local.getUTCFullYear();
  return year < 0 || year > 9999 ? null : local.toISOString();
}

const reorder = (isoDate: string) => `${isoDate.slice(8, 10)}/${isoDate.slice(5, 7)}/${isoDate.slice(0, 4)}`;

/**
 * `2026-02-03` → `03/02/2026`. A timestamp (a Date or an ISO date-time string) gives its date in
 * Vietnam; '' for null, undefined and what is not a date.
 */
export function formatVietnamDate(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'string' && ISO_DATE.test(value)) return reorder(value);
  const local = vietnamLocal(value);
  return local ? reorder(local) : '';
}

/**
 * An instant as `dd/mm/yyyy HH:mm` in Vietnam: `2026-03-18T01:05:00Z` → `18/03/2026 08:05`. A
 * calendar date alone reads as its midnight (`… 00:00`); '' for null, undefined and what is not a date.
 */
export function formatVietnamDateTime(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'string' && ISO_DATE.test(value)) return `${reorder(value)} 00:00`;
  const local = vietnamLocal(value);
  return local ? `${reorder(local)} ${local.slice(11, 16)}` : '';
}

/** "14:05 ngày 07/12/2026": an instant in Vietnamese prose (notifications, conflict messages). */
export function formatVietnamTimeOfDay(value: Date): string {
  const local = vietnamLocal(value);
  return local ? `${local.slice(11, 16)} ngày ${reorder(local)}` : '';
}
