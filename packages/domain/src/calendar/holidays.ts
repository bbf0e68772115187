/**
 * Public holidays (ngày nghỉ lễ, tết) of the Labour Code 2019 (Bộ luật Lao động số 45/2019/QH14),
 * computed for any year, lunar ones included.
 *
 * Điều 112 khoản 1:
 *   a) Tết Dương lịch: 1 day, 1/1;
 *   b) Tết Âm lịch: 5 days;
 *   c) Ngày Chiến thắng: 1 day, 30/4;
 *   d) Ngày Quốc tế lao động: 1 day, 1/5;
 *   đ) Quốc khánh: 2 days, 2/9 and one day next to it, before or after;
 *   e) Giỗ Tổ Hùng Vương: 1 day, 10/3 âm lịch.
 * Điều 112 khoản 3: the Prime Minister fixes each year which days b) and đ) are. Until a year's
 * decision is entered, this module uses a fixed choice:
 *   - Tết: the last day of the lunar year (29 or 30 tháng Chạp) and 1, 2, 3 and 4 tháng Giêng —
 *     the arrangement most years' decisions are close to (one day before, four after).
 *   - Quốc khánh: the neighbour of 2/9 that is a weekday; when both are, the one next to a weekend
 *     (Tuesday 2/9 → Monday 1/9, Thursday 2/9 → Friday 3/9), else (Wednesday) the day before.
 *     This reproduces 2021–2025 (3/9/2021, 1/9/2022, 1/9/2023, 3/9/2024, 1/9/2025).
 * Điều 111 khoản 3: a holiday on the weekly rest day (Saturday, Sunday for the public service) is
 * made up on the next working day (nghỉ bù); two holidays on the same day give one day only.
 *
 * The days off a year's decision swaps in (e.g. the extra Tết days civil servants take against a
 * Saturday worked later) and any departure from the choices above are not computable: they are the
 * `extraHolidays` and `extraWorkingDays` of a working calendar (./working-days).
 */
import { lunarNewYear, lunarToSolar } from './lunar.ts';
import { addDays, weekday } from './vietnam-time.ts';

export type PublicHolidayKind = 'new_year' | 'tet' | 'hung_kings' | 'reunification' | 'labour' | 'national' | 'compensatory';

export interface PublicHoliday {
  /** ISO calendar date. */
  date: string;
  kind: PublicHolidayKind;
  /** Vietnamese name as shown to users. */
  name: string;
}

export const PUBLIC_HOLIDAY_LEGAL_REFERENCE = 'Điều 111 khoản 3, Điều 112 Bộ luật Lao động 2019';

const isWeekend = (isoDate: string) => {
  const day = weekday(isoDate);
  return day === 0 || day === 6;
};

const byDate = (a: { date: string }, b: { date: string }) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);
const pad = (n: number) => String(n).padStart(2, '0');
const solar = (year: number, month: number, day: number) => `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;

/** The day next to 2/9 the Quốc khánh holiday takes (see above). */
function nationalDayNeighbour(year: number): string {
  const nationalDay = solar(year, 9, 2);
  const before = addDays(nationalDay, -1);
  const after = addDays(nationalDay, 1);
  if (isWeekend(before)) return after;
  if (isWeekend(after)) return before;
  return isWeekend(addDays(after, 1)) ? after : before;
}

/** The statutory holidays of a year, without the days made up for those on a weekend. */
function holidaysOf(year: number): PublicHoliday[] {
  const tet = lunarNewYear(year);
  const tetNames = [
    'Tết Nguyên đán (ngày cuối năm Âm lịch)',
    'Tết Nguyên đán (mùng 1)',
    'Tết Nguyên đán (mùng 2)',
    'Tết Nguyên đán (mùng 3)',
    'Tết Nguyên đán (mùng 4)',
  ];
  const holidays: PublicHoliday[] = [
    { date: solar(year, 1, 1), kind: 'new_year', name: 'Tết Dương lịch' },
    ...tetNames.map((name, i): PublicHoliday => ({ date: addDays(tet, i - 1), kind: 'tet', name })),
    { date: lunarToSolar({ day: 10, month: 3, year })!, kind: 'hung_kings', name: 'Giỗ Tổ Hùng Vương' },
    { date: solar(year, 4, 30), kind: 'reunification', name: 'Ngày Chiến thắng' },
    { date: solar(year, 5, 1), kind: 'labour', name: 'Ngày Quốc tế Lao động' },
    { date: solar(year, 9, 2), kind: 'national', name: 'Quốc khánh' },
    { date: nationalDayNeighbour(year), kind: 'national', name: 'Quốc khánh (ngày liền kề)' },
  ];
  return holidays.sort(byDate);
}

const cache = new Map<number, readonly PublicHoliday[]>();
const dates = new Map<number, ReadonlySet<string>>();

/**
 * The days off of a year under the Labour Code: the holidays of Điều 112 and, after them, a day in
 * lieu (nghỉ bù) for each that falls on a Saturday or Sunday. Sorted by date.
 */
export function publicHolidays(year: number): readonly PublicHoliday[] {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`not a year: ${year}`);
  const cached = cache.get(year);
  if (cached) return cached;
  const holidays = holidaysOf(year);
  const taken = new Set(holidays.map((holiday) => holiday.date));
  const madeUp = new Set<string>();
  const compensatory: PublicHoliday[] = [];
  for (const holiday of holidays) {
    if (!isWeekend(holiday.date) || madeUp.has(holiday.date)) continue;
    madeUp.add(holiday.date);
    let date = addDays(holiday.date, 1);
    while (isWeekend(date) || taken.has(date)) date = addDays(date, 1);
    taken.add(date);
    compensatory.push({ date, kind: 'compensatory', name: `Nghỉ bù ${holiday.name}` });
  }
  const all = Object.freeze([...holidays, ...compensatory].sort(byDate).map((holiday) => Object.freeze(holiday)));
  dates.set(year, taken);
  cache.set(year, all);
  return all;
}

/** Whether a date is a statutory day off: a holiday or a day in lieu. */
export function isPublicHoliday(isoDate: string): boolean {
  const year = Number(isoDate.slice(0, 4));
  if (!dates.has(year)) publicHolidays(year);
  return dates.get(year)!.has(isoDate);
}

/** The statutory days off on a date (two when holidays coincide), none on an ordinary day. */
export function publicHolidaysOn(isoDate: string): PublicHoliday[] {
  return publicHolidays(Number(isoDate.slice(0, 4))).filter((holiday) => holiday.date === isoDate);
}
