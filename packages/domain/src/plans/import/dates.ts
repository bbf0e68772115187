/**
 * Dates, deadlines, recurrences and campaign windows in Vietnamese administrative prose.
 *
 * Forms handled: "09/02/2021", "9-2-2021", "ngày 20 tháng 9 năm 2019", "tháng 6/2022",
 * "quý II/2022", "năm 2022", "6 tháng đầu năm 2024", ranges "từ ngày 01/7 đến 30/9/2024".
 * Only calendar-valid dates are produced; anything else yields null so the caller can warn.
 */
import type { Recurrence } from './schema.ts';

const pad = (n: number): string => String(n).padStart(2, '0');

/** ISO date from parts, or null when the date does not exist (31/02) or is out of range. */
export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1945 || year > 2100) return null;
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export const endOfMonth = (year: number, month: number): string | null =>
  isoDate(year, month, month >= 1 && month <= 12 ? daysInMonth(year, month) : 1);
export const endOfYear = (year: number): string | null => isoDate(year, 12, 31);
export const startOfYear = (year: number): string | null => isoDate(year, 1, 1);

const ROMAN_QUARTER: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

/** Numeric date: d/m/yyyy, d-m-yyyy, d.m.yyyy. */
const NUM_DATE = String.raw`(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})`;
/** Spelled date: "ngày 20 tháng 9 năm 2019" (the word "ngày" optional). */
const WORD_DATE = String.raw`(?:ngày\s+)?(\d{1,2})\s+tháng\s+(\d{1,2})\s*(?:,\s*)?năm\s+(\d{4})`;

/** Parses the first full date (numeric or spelled) at the start of `s`. */
export function parseDateAt(s: string): { iso: string | null; length: number } | null {
  const m = new RegExp(`^(?:ngày\\s+)?(?:${NUM_DATE}|${WORD_DATE})`, 'iu').exec(s);
  if (!m) return null;
  const d = Number(m[1] ?? m[4]);
  const mo = Number(m[2] ?? m[5]);
  const y = Number(m[3] ?? m[6]);
  return { iso: isoDate(y, mo, d), length: m[0].length };
}

/** Finds every full date in a string, with its position. */
export function findDates(s: string): { iso: string | null; index: number; text: string }[] {
  const re = new RegExp(`${NUM_DATE}|${WORD_DATE}`, 'giu');
  const out: { iso: string | null; index: number; text: string }[] = [];
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const d = Number(m[1] ?? m[4]);
    const mo = Number(m[2] ?? m[5]);
    const y = Number(m[3] ?? m[6]);
    out.push({ iso: isoDate(y, mo, d), index: m.index, text: m[0] });
  }
  return out;
}

export interface DeadlineMatch {
  /** ISO date, or null when the phrase has no year ("trước ngày 15/12 hằng năm"). */
  date: string | null;
  text: string;
}

/**
 * Resolves a time expression (the value of "Thời gian: …" or what follows "hoàn thành trong")
 * to the last day it allows.
 */
export function resolveTimeExpression(expr: string, defaultYear: number | null = null): string | null {
  const s = expr.trim();
  let m = new RegExp(`^(?:ngày\\s+)?(?:${NUM_DATE}|${WORD_DATE})`, 'iu').exec(s);
  if (m) return isoDate(Number(m[3] ?? m[6]), Number(m[2] ?? m[5]), Number(m[1] ?? m[4]));
  m = /^(?:ngày\s+)?(\d{1,2})\s*[/.-]\s*(\d{1,2})(?![\d/.-])/u.exec(s);
  if (m) return defaultYear ? isoDate(defaultYear, Number(m[2]), Number(m[1])) : null;
  m = /^(?:trong\s+)?tháng\s+(\d{1,2})\s*(?:[/.-]\s*|\s+năm\s+)(\d{4})/iu.exec(s);
  if (m) return endOfMonth(Number(m[2]), Number(m[1]));
  m = /^(?:trong\s+)?quý\s+(IV|I{1,3}|[1-4])\s*(?:[/.-]\s*|\s+năm\s+)(\d{4})/iu.exec(s);
  if (m) {
    const q = ROMAN_QUARTER[(m[1] ?? '').toUpperCase()];
    return q ? endOfMonth(Number(m[2]), q * 3) : null;
  }
  m = /^(?:trong\s+)?(?:06|6|sáu)\s+tháng\s+đầu\s+năm\s+(\d{4})/iu.exec(s);
  if (m) return isoDate(Number(m[1]), 6, 30);
  m = /^(?:trong\s+)?(?:06|6|sáu)\s+tháng\s+cuối\s+năm\s+(\d{4})/iu.exec(s);
  if (m) return endOfYear(Number(m[1]));
  m = /^(?:trong\s+)?(?:cả\s+)?(?:giai\s+đoạn\s+)?(?:từ\s+)?(?:năm\s+)?(\d{4})\s*(?:[-–—]|đến(?:\s+hết)?(?:\s+năm)?)\s*(\d{4})/iu.exec(s);
  if (m) return endOfYear(Number(m[2]));
  m = /^(?:trong\s+|cả\s+|hết\s+|cuối\s+)?(?:năm\s+)(\d{4})|^(\d{4})(?!\s*[-–/\d])/iu.exec(s);
  if (m) return endOfYear(Number(m[1] ?? m[2]));
  return null;
}

const DATEISH = String.raw`(?:ngày\s+)?\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{4})?|(?:ngày\s+)?\d{1,2}\s+tháng\s+\d{1,2}(?:\s*,?\s*năm\s+\d{4})?|tháng\s+\d{1,2}(?:\s*[/.-]\s*\d{4}|\s+năm\s+\d{4})?|quý\s+(?:IV|I{1,3}|[1-4])(?:\s*[/.-]\s*\d{4}|\s+năm\s+\d{4})?|(?:06|6|sáu)\s+tháng\s+(?:đầu|cuối)\s+năm\s+\d{4}|năm\s+\d{4}`;

const DEADLINE_RE = new RegExp(
  String.raw`(?<![\p{L}])(trước|chậm\s+nhất(?:\s+(?:là|vào))?|muộn\s+nhất|hạn\s+chót|đến\s+hết|(?:hoàn\s+thành|xong|kết\s+thúc)\s+(?:trong|vào)|trong)\s+(${DATEISH})(?![\d/])(?:\s+(?:hằng|hàng)\s+năm)?`,
  'giu',
);

/**
 * Deadline of a task. Only phrases that clearly set a time limit count ("trước ngày 15/8/2024",
 * "hoàn thành trong tháng 6/2022", "trong năm 2022", "Thời gian: năm 2022"): dates in citations
 * ("Quyết định … ngày 31/12/2015") or effective dates ("có hiệu lực từ ngày 01/01/2018") do not.
 * A phrase without a year ("trước ngày 15/12 hằng năm") gives `date: null` but keeps its text,
 * unless `defaultYear` (a single-year plan) supplies the year.
 */
export function findDeadline(text: string, defaultYear: number | null = null): DeadlineMatch | null {
  // "Thời gian (thực hiện|hoàn thành): …" — the table-like form wins when present.
  const label = /Thời\s+gian(?:\s+(?:thực\s+hiện|hoàn\s+thành|triển\s+khai))?\s*:\s*([^;\n]+?)\s*(?:[.;](?:\s|$)|$)/iu.exec(text);
  if (label?.[1]) {
    const value = label[1].replace(/^(?:hoàn\s+thành\s+)?(?:trước|chậm\s+nhất|trong)\s+/iu, '');
    const date = resolveTimeExpression(value, defaultYear);
    if (date) return { date, text: trimEnd(label[0]) };
  }
  DEADLINE_RE.lastIndex = 0;
  for (let m = DEADLINE_RE.exec(text); m; m = DEADLINE_RE.exec(text)) {
    const kw = (m[1] ?? '').toLowerCase().replace(/\s+/g, ' ');
    const value = (m[2] ?? '').replace(/^ngày\s+/iu, '');
    // "trong ngày 30/7" names an event day, not a limit.
    if (kw === 'trong' && /^\d/.test(value)) continue;
    if (/có\s+hiệu\s+lực\s*(?:từ|kể\s+từ)?\s*$/iu.test(text.slice(Math.max(0, m.index - 25), m.index))) continue;
    let date: string | null = null;
    const month = /^tháng\s+(\d{1,2})\s*(?:[/.-]\s*|\s+năm\s+)(\d{4})$/iu.exec(value);
    const quarter = /^quý\s+(IV|I{1,3}|[1-4])\s*(?:[/.-]\s*|\s+năm\s+)(\d{4})$/iu.exec(value);
    const year = /^năm\s+(\d{4})$/iu.exec(value);
    if (kw === 'trước' && month) {
      // "trước tháng 6/2022" → by the end of May.
      const mo = Number(month[1]);
      const y = Number(month[2]);
      date = mo === 1 ? endOfMonth(y - 1, 12) : endOfMonth(y, mo - 1);
    } else if (kw === 'trước' && quarter) {
      const q = ROMAN_QUARTER[(quarter[1] ?? '').toUpperCase()] ?? 1;
      const y = Number(quarter[2]);
      date = q === 1 ? endOfMonth(y - 1, 12) : endOfMonth(y, (q - 1) * 3);
    } else if (kw === 'trước' && year) {
      date = endOfYear(Number(year[1]) - 1);
    } else {
      date = resolveTimeExpression(value, /hằng\s+năm|hàng\s+năm/iu.test(m[0]) ? null : defaultYear);
    }
    return { date, text: trimEnd(m[0]) };
  }
  return null;
}

const trimEnd = (s: string): string => s.replace(/[\s.;,:]+$/u, '').trim();

/** Recurrence words, in the order they are tested at each position. */
const RECURRENCE_PATTERNS: [Recurrence, RegExp][] = [
  ['six_monthly', /(?:định\s+kỳ|hằng|hàng|mỗi)\s+(?:0?6|sáu)\s+tháng|(?:0?6|sáu)\s+tháng\s+(?:một|01|1)\s+lần/giu],
  ['quarterly', /(?:hằng|hàng|mỗi)\s+quý|định\s+kỳ\s+(?:hằng\s+|hàng\s+)?quý|quý\s+(?:một|01|1)\s+lần/giu],
  ['monthly', /(?:hằng|hàng|mỗi)\s+tháng|định\s+kỳ\s+(?:hằng\s+|hàng\s+)?tháng|tháng\s+(?:một|01|1)\s+lần/giu],
  [
    'yearly',
    /(?:hằng|hàng|mỗi)\s+năm|định\s+kỳ\s+(?:hằng\s+|hàng\s+)?(?:(?:0?1|một)\s+)?năm(?!\s+\d)|(?:0?1|một)\s+năm\s+(?:một|01|1)\s+lần/giu,
  ],
  ['continuous', /thường\s+xuyên|liên\s+tục|hằng\s+ngày|hàng\s+ngày/giu],
];

/**
 * The first recurrence stated in the text. "Thời gian: thường xuyên" (the labelled form) wins over
 * incidental words elsewhere in the sentence.
 */
export function findRecurrence(text: string): Recurrence | null {
  const label = /Thời\s+gian(?:\s+(?:thực\s+hiện|hoàn\s+thành|triển\s+khai))?\s*:\s*([^;.\n]+)/iu.exec(text);
  if (label?.[1]) {
    const r = firstRecurrence(label[1]);
    if (r) return r;
  }
  return firstRecurrence(text);
}

function firstRecurrence(text: string): Recurrence | null {
  let best: { r: Recurrence; index: number } | null = null;
  for (const [r, re] of RECURRENCE_PATTERNS) {
    re.lastIndex = 0;
    const m = re.exec(text);
    if (m && (best === null || m.index < best.index)) best = { r, index: m.index };
  }
  return best?.r ?? null;
}

export interface DateRange {
  from: string;
  to: string;
  index: number;
  text: string;
}

/**
 * Explicit day-level ranges: "từ ngày 01/7/2024 đến 30/9/2024", "từ 01/7 đến hết ngày 30/9/2024",
 * "từ ngày 1 tháng 7 đến ngày 30 tháng 9 năm 2024". A missing first year is taken from the second
 * (previous year when the start would fall after the end).
 */
export function findDateRanges(text: string): DateRange[] {
  const re =
    /(?:từ|bắt\s+đầu\s+từ)\s+(?:ngày\s+)?(\d{1,2})(?:\s*[/.-]\s*|\s+tháng\s+)(\d{1,2})(?:(?:\s*[/.-]\s*|\s+năm\s+)(\d{4}))?\s*(?:đến|tới|[-–—])\s*(?:hết\s+)?(?:ngày\s+)?(\d{1,2})(?:\s*[/.-]\s*|\s+tháng\s+)(\d{1,2})(?:\s*[/.-]\s*|\s+năm\s+)(\d{4})/giu;
  const out: DateRange[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const y2 = Number(m[6]);
    const to = isoDate(y2, Number(m[5]), Number(m[4]));
    let y1 = m[3] ? Number(m[3]) : y2;
    let from = isoDate(y1, Number(m[2]), Number(m[1]));
    if (!m[3] && from && to && from > to) {
      y1 -= 1;
      from = isoDate(y1, Number(m[2]), Number(m[1]));
    }
    if (from && to && from <= to) out.push({ from, to, index: m.index, text: m[0] });
  }
  return out;
}

/** Year ranges "2021-2025", "2021 – 2025", "từ năm 2021 đến năm 2025". */
export function parseYearRange(s: string): { from: number; to: number } | null {
  const m = /(?:từ\s+)?(?:năm\s+)?((?:19|20)\d{2})\s*(?:[-–—]|đến(?:\s+hết)?(?:\s+năm)?)\s*((?:19|20)\d{2})/iu.exec(s);
  if (!m) return null;
  const from = Number(m[1]);
  const to = Number(m[2]);
  return from <= to ? { from, to } : null;
}
