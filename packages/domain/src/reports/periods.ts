/**
 * Reporting periods and their data windows.
 *
 * Identifiers: `2026` (year), `2026S1`/`2026S2` (6 months), `2026Q1`..`2026Q4` (quarter),
 * `2026-03` (month) and ad hoc ranges `2026-07-01..2026-09-30`.
 *
 * The default window is the data cut-off of Decree 09/2019/NĐ-CP (Art. 12): a month runs from the
 * 15th of the previous month to the 14th of the month; a quarter from the 15th of the month before
 * the quarter to the 14th of its last month; the first 6 months from 15/12 of the previous year to
 * 14/6, the last 6 months from 15/6 to 14/12; a year from 15/12 of the previous year to 14/12.
 * A schedule may choose calendar windows instead (1st to last day).
 */
export const PERIOD_TYPES = ['year', 'half', 'quarter', 'month', 'ad_hoc'] as const;
export type PeriodType = (typeof PERIOD_TYPES)[number];

export const PERIOD_WINDOWS = ['decree09', 'calendar'] as const;
export type PeriodWindow = (typeof PERIOD_WINDOWS)[number];

export interface ReportingPeriod {
  id: string;
  type: PeriodType;
  /** First day of the data window, ISO date. */
  start: string;
  /** Last day of the data window (inclusive), ISO date. */
  end: string;
  label: string;
  labelEn: string;
  window: PeriodWindow;
}

export type PeriodParseResult =
  | { ok: true; period: ReportingPeriod }
  | { ok: false; reason: 'format' | 'year_range' | 'invalid_date' | 'range_order' | 'range_too_long' };

const MIN_YEAR = 1990;
const MAX_YEAR = 2100;
const MAX_AD_HOC_DAYS = 5 * 366;
const ROMAN_QUARTERS = ['I', 'II', 'III', 'IV'];

const pad = (value: number) => String(value).padStart(2, '0');
const iso = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;
/** Last day of a month (month 1–12). */
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
/** The 15th of the month before `month` (wrapping into the previous year). */
const fifteenthBefore = (year: number, month: number) => (month === 1 ? iso(year - 1, 12, 15) : iso(year, month - 1, 15));

function isRealDate(value: string): boolean {
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  return month >= 1 && month <= 12 && day >= 1 && day <= lastDay(year, month);
}

function dayNumberOf(value: string): number {
  return Date.parse(`${value}T00:00:00Z`) / 86_400_000;
}

function formatVietnameseDate(value: string): string {
  const [year, month, day] = value.split('-');
  return `${day}/${month}/${year}`;
}

/** The months (1–12) a period covers, by type and ordinal. */
function monthSpan(type: Exclude<PeriodType, 'ad_hoc'>, ordinal: number): [number, number] {
  switch (type) {
    case 'year':
      return [1, 12];
    case 'half':
      return ordinal === 1 ? [1, 6] : [7, 12];
    case 'quarter':
      return [ordinal * 3 - 2, ordinal * 3];
    case 'month':
      return [ordinal, ordinal];
  }
}

function windowOf(
  type: Exclude<PeriodType, 'ad_hoc'>,
  year: number,
  ordinal: number,
  window: PeriodWindow,
): { start: string; end: string } {
  const [firstMonth, lastMonth] = monthSpan(type, ordinal);
  if (window === 'calendar') return { start: iso(year, firstMonth, 1), end: iso(year, lastMonth, lastDay(year, lastMonth)) };
  return { start: fifteenthBefore(year, firstMonth), end: iso(year, lastMonth, 14) };
}

function labelsOf(type: Exclude<PeriodType, 'ad_hoc'>, year: number, ordinal: number): { label: string; labelEn: string } {
  switch (type) {
    case 'year':
      return { label: `Năm ${year}`, labelEn: `Year ${year}` };
    case 'half':
      return ordinal === 1
        ? { label: `6 tháng đầu năm ${year}`, labelEn: `First half of ${year}` }
        : { label: `6 tháng cuối năm ${year}`, labelEn: `Second half of ${year}` };
    case 'quarter':
      return { label: `Quý ${ROMAN_QUARTERS[ordinal - 1]} năm ${year}`, labelEn: `Q${ordinal} ${year}` };
    case 'month':
      return {
        label: `Tháng ${ordinal} năm ${year}`,
        labelEn: `${['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][ordinal - 1]} ${year}`,
      };
  }
}

/** Reads a period identifier and computes its data window; never throws. */
export function parsePeriodId(id: string, window: PeriodWindow = 'decree09'): PeriodParseResult {
  const adHoc = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(id);
  if (adHoc) {
    const [, start, end] = adHoc as unknown as [string, string, string];
    if (!isRealDate(start) || !isRealDate(end)) return { ok: false, reason: 'invalid_date' };
    const years = [Number(start.slice(0, 4)), Number(end.slice(0, 4))];
    if (years.some((year) => year < MIN_YEAR || year > MAX_YEAR)) return { ok: false, reason: 'year_range' };
    if (start > end) return { ok: false, reason: 'range_order' };
    if (dayNumberOf(end) - dayNumberOf(start) + 1 > MAX_AD_HOC_DAYS) return { ok: false, reason: 'range_too_long' };
    const text = `từ ${formatVietnameseDate(start)} đến ${formatVietnameseDate(end)}`;
    return {
      ok: true,
      period: { id, type: 'ad_hoc', start, end, label: `Đột xuất ${text}`, labelEn: `Ad hoc, ${start} to ${end}`, window },
    };
  }
  const match = /^(\d{4})(?:(S)([12])|(Q)([1-4])|-(0[1-9]|1[0-2]))?$/.exec(id);
  if (!match) return { ok: false, reason: 'format' };
  const year = Number(match[1]);
  if (year < MIN_YEAR || year > MAX_YEAR) return { ok: false, reason: 'year_range' };
  const [type, ordinal]: [Exclude<PeriodType, 'ad_hoc'>, number] = match[2]
    ? ['half', Number(match[3])]
    : match[4]
      ? ['quarter', Number(match[5])]
      : match[6]
        ? ['month', Number(match[6])]
        : ['year', 1];
  return { ok: true, period: { id, type, ...windowOf(type, year, ordinal, window), ...labelsOf(type, year, ordinal), window } };
}

export const PERIOD_ID_ERRORS: Record<Exclude<PeriodParseResult, { ok: true }>['reason'], { vi: string; en: string }> = {
  format: {
    vi: 'Mã kỳ báo cáo không hợp lệ. Dùng dạng 2026, 2026S1, 2026Q1, 2026-03 hoặc 2026-07-01..2026-09-30.',
    en: 'Invalid period id. Use 2026, 2026S1, 2026Q1, 2026-03 or 2026-07-01..2026-09-30.',
  },
  year_range: {
    vi: `Năm của kỳ báo cáo phải từ ${MIN_YEAR} đến ${MAX_YEAR}.`,
    en: `The year must be between ${MIN_YEAR} and ${MAX_YEAR}.`,
  },
  invalid_date: { vi: 'Ngày trong kỳ báo cáo đột xuất không có thật.', en: 'A date of the ad hoc period does not exist.' },
  range_order: { vi: 'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.', en: 'The start must not be after the end.' },
  range_too_long: { vi: 'Kỳ báo cáo đột xuất không được dài quá 5 năm.', en: 'An ad hoc period may not exceed 5 years.' },
};

/** The period of a type whose data window contains a date (the current report for "today"). */
export function periodContaining(date: string, type: Exclude<PeriodType, 'ad_hoc'>, window: PeriodWindow = 'decree09'): ReportingPeriod {
  const year = Number(date.slice(0, 4));
  for (const candidateYear of [year, year + 1]) {
    const ids =
      type === 'year'
        ? [`${candidateYear}`]
        : type === 'half'
          ? [`${candidateYear}S1`, `${candidateYear}S2`]
          : type === 'quarter'
            ? [1, 2, 3, 4].map((q) => `${candidateYear}Q${q}`)
            : Array.from({ length: 12 }, (_, m) => `${candidateYear}-${pad(m + 1)}`);
    for (const id of ids) {
      const parsed = parsePeriodId(id, window);
      if (parsed.ok && parsed.period.start <= date && date <= parsed.period.end) return parsed.period;
    }
  }
  throw new Error(`no ${type} period contains ${date}`);
}
