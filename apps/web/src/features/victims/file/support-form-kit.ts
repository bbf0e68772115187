import { foldVietnamese } from '@atmis/domain';
import dayjs, { type Dayjs } from 'dayjs';
import { TIME_ZONE } from '../../../lib/format.ts';

/**
 * Small pieces shared by the care tabs' forms (consents, referrals, support, stays, follow-up,
 * repatriation): accent-insensitive option search, dates, optional texts. Pure, so it is unit-tested.
 */

/** Every word typed must appear in the label, accents and case aside ("tam ly" finds "Hỗ trợ tâm lý"). */
export function matchesSearch(label: string, input: string): boolean {
  const folded = foldVietnamese(label);
  return foldVietnamese(input)
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => folded.includes(word));
}

/** `showSearch` of a Select whose options carry a text label. */
export const foldedSearch = {
  filterOption: (input: string, option?: { label?: unknown }) => matchesSearch(String(option?.label ?? ''), input),
};

/** Today in Vietnam, as the API's calendar date. */
export function todayIso(): string {
  return dayjs().tz(TIME_ZONE).format('YYYY-MM-DD');
}

/** For `disabledDate`: the server refuses records dated after today. */
export function isAfterToday(day: Dayjs): boolean {
  return day.format('YYYY-MM-DD') > todayIso();
}

/** An optional text field as the API takes it: trimmed, or null when empty. */
export function textOrNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}
