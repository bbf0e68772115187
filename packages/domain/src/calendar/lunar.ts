/**
 * The Vietnamese lunisolar calendar (âm lịch), after Hồ Ngọc Đức's algorithm ("Thuật toán tính âm
 * lịch", astronomical formulas from Jean Meeus, "Astronomical Algorithms", 1998).
 *
 * A lunar month starts on the day (local midnight to midnight) that holds a new moon; month 11
 * holds the winter solstice; a lunar year with 13 months repeats the first month, counted from
 * month 11, that holds no major solar term (trung khí) as a leap month. Days are counted at the
 * meridian of UTC+7, which is what makes the Vietnamese calendar differ from the Chinese one (UTC+8)
 * in some years: Tết 1985 and Tết 2007 were a day (or a month) apart. North Vietnam used UTC+8
 * before 1968, so dates before 1968 may be off; the application only needs recent years.
 *
 * Accuracy: the new-moon formula is good to about a minute for 1900–2100, enough for the day.
 */
import { dayNumber, isoFromDayNumber } from './vietnam-time.ts';

export interface LunarDate {
  day: number;
  month: number;
  /** The lunar year, named after the Gregorian year its first month starts in. */
  year: number;
  /** A leap (nhuận) month repeats the number of the month before it. */
  leap: boolean;
}

/** UTC+7, in days. */
const TIME_ZONE = 7 / 24;
/** Julian Day Number of 1970-01-01. */
const JDN_1970 = 2_440_588;
/** The mean length of a lunar month (synodic month), in days. */
const SYNODIC_MONTH = 29.530588853;
/** Julian Day of the new moon of 1900-01-01 13:52 UTC, the origin of the new-moon count k. */
const NEW_MOON_EPOCH = 2_415_021.076998695;
const RAD = Math.PI / 180;

const julianDayNumber = (isoDate: string) => dayNumber(isoDate) + JDN_1970;
const isoFromJulianDayNumber = (jdn: number) => isoFromDayNumber(jdn - JDN_1970);

/** The Julian Day (UTC) of the k-th new moon after 1900-01-01. */
function newMoon(k: number): number {
  const t = k / 1236.85; // Julian centuries since 1900-01-01 12:00
  const t2 = t * t;
  const t3 = t2 * t;
  let jd = 2_415_020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
  jd += 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * RAD); // mean new moon
  const m = (359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3) * RAD; // Sun's mean anomaly
  const mpr = (306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3) * RAD; // Moon's mean anomaly
  const f = (21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3) * RAD; // Moon's argument of latitude
  const correction =
    (0.1734 - 0.000393 * t) * Math.sin(m) +
    0.0021 * Math.sin(2 * m) -
    0.4068 * Math.sin(mpr) +
    0.0161 * Math.sin(2 * mpr) -
    0.0004 * Math.sin(3 * mpr) +
    0.0104 * Math.sin(2 * f) -
    0.0051 * Math.sin(m + mpr) -
    0.0074 * Math.sin(m - mpr) +
    0.0004 * Math.sin(2 * f + m) -
    0.0004 * Math.sin(2 * f - m) -
    0.0006 * Math.sin(2 * f + mpr) +
    0.001 * Math.sin(2 * f - mpr) +
    0.0005 * Math.sin(2 * mpr + m);
  const deltaT =
    t < -11 ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3 : -0.000278 + 0.000265 * t + 0.000262 * t2;
  return jd + correction - deltaT;
}

/** The Sun's apparent longitude at Julian Day `jd` (UTC), in radians in [0, 2π). */
function sunLongitude(jd: number): number {
  const t = (jd - 2_451_545) / 36_525; // Julian centuries since 2000-01-01 12:00 UTC
  const t2 = t * t;
  const m = (357.5291 + 35_999.0503 * t - 0.0001559 * t2 - 0.00000048 * t * t2) * RAD; // mean anomaly
  const l0 = 280.46645 + 36_000.76983 * t + 0.0003032 * t2; // mean longitude, degrees
  const center =
    (1.9146 - 0.004817 * t - 0.000014 * t2) * Math.sin(m) + (0.019993 - 0.000101 * t) * Math.sin(2 * m) + 0.00029 * Math.sin(3 * m);
  const omega = (125.04 - 1934.136 * t) * RAD;
  const apparent = (l0 + center - 0.00569 - 0.00478 * Math.sin(omega)) * RAD; // nutation and aberration
  return apparent - 2 * Math.PI * Math.floor(apparent / (2 * Math.PI));
}

/** The day (Julian Day Number) that holds the k-th new moon, at UTC+7. */
const newMoonDay = (k: number) => Math.floor(newMoon(k) + 0.5 + TIME_ZONE);

/** Which twelfth of the ecliptic (0–11, 30° each) the Sun is in at the start of a day, at UTC+7. */
const sunSector = (jdn: number) => Math.floor((sunLongitude(jdn - 0.5 - TIME_ZONE) / Math.PI) * 6);

/** The first day of lunar month 11 (the month of the winter solstice) before the end of Gregorian year `year`. */
function month11Start(year: number): number {
  const k = Math.floor((julianDayNumber(`${String(year).padStart(4, '0')}-12-31`) - 2_415_021) / SYNODIC_MONTH);
  const start = newMoonDay(k);
  return sunSector(start) >= 9 ? newMoonDay(k - 1) : start; // the Sun past 270° already: the solstice is in the month before
}

/** In a 13-month year starting with month 11 on `a11`, how many months after it the leap month comes. */
function leapMonthOffset(a11: number): number {
  const k = Math.floor((a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let arc = sunSector(newMoonDay(k + i));
  let last: number;
  do {
    last = arc;
    i += 1;
    arc = sunSector(newMoonDay(k + i));
  } while (arc !== last && i < 14); // a month in which the Sun enters no new sector holds no major solar term
  return i - 1;
}

/** The lunar date of a Gregorian calendar date. */
export function solarToLunar(isoDate: string): LunarDate {
  const jdn = julianDayNumber(isoDate);
  const year = Number(isoDate.slice(0, 4));
  const k = Math.floor((jdn - NEW_MOON_EPOCH) / SYNODIC_MONTH);
  let monthStart = newMoonDay(k + 1);
  if (monthStart > jdn) monthStart = newMoonDay(k);
  let a11 = month11Start(year);
  let b11 = a11;
  let lunarYear: number;
  if (a11 >= monthStart) {
    lunarYear = year;
    a11 = month11Start(year - 1);
  } else {
    lunarYear = year + 1;
    b11 = month11Start(year + 1);
  }
  const diff = Math.floor((monthStart - a11) / 29);
  let month = diff + 11;
  let leap = false;
  if (b11 - a11 > 365) {
    const leapOffset = leapMonthOffset(a11);
    if (diff >= leapOffset) {
      month = diff + 10;
      leap = diff === leapOffset;
    }
  }
  if (month > 12) month -= 12;
  if (month >= 11 && diff < 4) lunarYear -= 1;
  return { day: jdn - monthStart + 1, month, year: lunarYear, leap };
}

/**
 * The Gregorian date of a lunar date; null for a leap month the year does not have. A day past the
 * end of the month (30 in a 29-day month) runs into the next month.
 */
export function lunarToSolar(lunar: { day: number; month: number; year: number; leap?: boolean }): string | null {
  const { day, month, year } = lunar;
  if (![day, month, year].every(Number.isInteger) || month < 1 || month > 12 || day < 1 || day > 30) {
    throw new RangeError(`not a lunar date: ${day}/${month}/${year}`);
  }
  const a11 = month < 11 ? month11Start(year - 1) : month11Start(year);
  const b11 = month < 11 ? month11Start(year) : month11Start(year + 1);
  const k = Math.floor(0.5 + (a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH);
  let offset = (month - 11 + 12) % 12;
  if (b11 - a11 > 365) {
    const leapOffset = leapMonthOffset(a11);
    const leapMonth = (leapOffset - 2 + 12) % 12;
    if (lunar.leap && month !== leapMonth) return null;
    if (lunar.leap || offset >= leapOffset) offset += 1;
  } else if (lunar.leap) {
    return null;
  }
  return isoFromJulianDayNumber(newMoonDay(k + offset) + day - 1);
}

/** The Gregorian date of Tết Nguyên đán (lunar 1/1) in a Gregorian year. */
export function lunarNewYear(year: number): string {
  return lunarToSolar({ day: 1, month: 1, year })!;
}
