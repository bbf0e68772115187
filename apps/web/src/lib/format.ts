import { formatVietnamDate, formatVietnamDateTime, VIETNAM_TIME_ZONE } from '@atmis/domain';
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

export const TIME_ZONE = VIETNAM_TIME_ZONE;
/** dayjs templates of the date pickers; what they show matches the domain's formatter below. */
export const DATE_FORMAT = 'DD/MM/YYYY';
export const DATE_TIME_FORMAT = 'DD/MM/YYYY HH:mm';

/**
 * A calendar date (`YYYY-MM-DD`) or a timestamp, shown dd/MM/yyyy. Calendar dates are not shifted;
 * timestamps show their date in Vietnam. The one formatter of the domain (@atmis/domain calendar).
 */
export function formatDate(value: string | Date | null | undefined): string {
  return formatVietnamDate(value);
}

/** A timestamp shown in Vietnam's time zone, dd/MM/yyyy HH:mm (the domain's formatter). */
export function formatDateTime(value: string | Date | null | undefined): string {
  return formatVietnamDateTime(value);
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
