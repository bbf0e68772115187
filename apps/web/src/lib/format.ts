import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import 'dayjs/locale/en';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import customParseFormat from 'dayjs/plugin/customParseFormat';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.extend(customParseFormat);
dayjs.locale('vi');

export const TIME_ZONE = 'Asia/Ho_Chi_Minh';
export const DATE_FORMAT = 'DD/MM/YYYY';
export const DATE_TIME_FORMAT = 'DD/MM/YYYY HH:mm';

/** A calendar date (`YYYY-MM-DD`) or a timestamp, shown dd/MM/yyyy. Calendar dates are not shifted. */
export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return '';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return dayjs(value, 'YYYY-MM-DD').format(DATE_FORMAT);
  const parsed = dayjs(value);
  return parsed.isValid() ? parsed.tz(TIME_ZONE).format(DATE_FORMAT) : '';
}

/** A timestamp shown in Vietnam's time zone, dd/MM/yyyy HH:mm. */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return '';
  const parsed = dayjs(value);
  return parsed.isValid() ? parsed.tz(TIME_ZONE).format(DATE_TIME_FORMAT) : '';
}

/** A validity period "dd/MM/yyyy – dd/MM/yyyy"; an open end reads "nay" / "present". */
export function formatValidity(from: string | null | undefined, to: string | null | undefined, openEnd: string): string {
  if (!from && !to) return '';
  return `${from ? formatDate(from) : '…'} – ${to ? formatDate(to) : openEnd}`;
}

/** A date picked in the UI (dayjs) as the API's calendar date. */
export function toIsoDate(value: { format(template: string): string } | null | undefined): string | undefined {
  return value ? value.format('YYYY-MM-DD') : undefined;
}

export function setDateLocale(language: 'vi' | 'en'): void {
  dayjs.locale(language);
}

export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(language === 'en' ? 'en-US' : 'vi-VN').format(value);
}
