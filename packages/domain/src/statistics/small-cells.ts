/**
 * The one small-cell rule of ATMIS: every aggregate shown to a person (statistics pages, exports,
 * indicators, dashboards) passes here. Official reporting upward (report prefill) is not published
 * and keeps exact figures.
 *
 * 1. Primary suppression: a count from 1 to `threshold − 1` is hidden (null, shown as "<5").
 * 2. Complementary suppression: in every additive group (a total and the parts it is the sum of),
 *    one hidden cell is never alone — otherwise the total minus the shown parts gives it back. The
 *    smallest shown positive part is hidden too (or, with nothing left to hide, the total). A group
 *    whose parts do not cover the total (sex: other/unknown are in the total only) has an implicit
 *    remainder part, suppressed like any other. Repeated until nothing changes, since hiding a total
 *    opens the groups it is a part of.
 * 3. Windows: a published window is made of whole reporting months (see `statisticsWindowProblem`),
 *    so two windows a day apart cannot be differenced to one person's day of reception.
 */
export const DEFAULT_SMALL_CELL_THRESHOLD = 5;

/** A flat table of counts by key; null is a hidden cell. */
export type CountTable = Record<string, number | null>;

/** A total and the parts it is the sum of; `complete: false` when parts leave a remainder (counted, not shown). */
export interface AdditiveGroup {
  total: string;
  parts: readonly string[];
  complete: boolean;
}

const isSmall = (value: number, threshold: number) => value >= 1 && value < threshold;

/** Applies the rule to a flat table of exact counts: primary, then complementary suppression over `groups`. */
export function suppressCounts(
  exact: Readonly<Record<string, number>>,
  groups: readonly AdditiveGroup[],
  threshold = DEFAULT_SMALL_CELL_THRESHOLD,
): CountTable {
  const hidden = new Set(Object.keys(exact).filter((key) => isSmall(exact[key]!, threshold)));
  for (let changed = true; changed;) {
    changed = false;
    for (const group of groups) {
      if (hidden.has(group.total)) continue;
      const total = exact[group.total] ?? 0;
      const partsSum = group.parts.reduce((sum, key) => sum + (exact[key] ?? 0), 0);
      const remainder = group.complete ? 0 : total - partsSum;
      // The hidden parts, counting a small remainder as one (its value follows from the shown cells otherwise).
      const hiddenParts = group.parts.filter((key) => hidden.has(key)).length + (isSmall(remainder, threshold) ? 1 : 0);
      if (hiddenParts !== 1) continue;
      const candidates = group.parts.filter((key) => !hidden.has(key) && (exact[key] ?? 0) > 0);
      // A remainder of the group that is not small still hides nothing; with one hidden part, hide one more.
      const next = candidates.sort((a, b) => exact[a]! - exact[b]! || a.localeCompare(b))[0] ?? group.total;
      hidden.add(next);
      changed = true;
    }
  }
  return Object.fromEntries(Object.entries(exact).map(([key, value]) => [key, hidden.has(key) ? null : value]));
}

/**
 * Why a window cannot be published, in Vietnamese; null when it is made of whole reporting months:
 * calendar months (1st to last day) or the data months of Decree 09 (15th to 14th). Two windows can
 * then differ by half a month at the least, never by a day.
 */
export function statisticsWindowProblem(window: { start: string; end: string }): string | null {
  if (window.start > window.end) return 'Ngày bắt đầu sau ngày kết thúc.';
  const startDay = window.start.slice(8, 10);
  if (startDay !== '01' && startDay !== '15')
    return 'Số liệu thống kê chỉ công bố theo tháng trọn vẹn: kỳ phải bắt đầu ngày 01 (tháng dương lịch) hoặc ngày 15 (kỳ số liệu theo Nghị định 09).';
  if (window.end !== lastDayOfMonth(window.end) && window.end.slice(8, 10) !== '14')
    return 'Số liệu thống kê chỉ công bố theo tháng trọn vẹn: kỳ phải kết thúc ngày cuối tháng hoặc ngày 14 (kỳ số liệu theo Nghị định 09).';
  return null;
}

/** The last day of the month of an ISO date. */
export function lastDayOfMonth(isoDate: string): string {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${isoDate.slice(0, 7)}-${String(day).padStart(2, '0')}`;
}
