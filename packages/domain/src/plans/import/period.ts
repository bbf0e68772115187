/**
 * Plan period ("giai đoạn 2021-2025 và định hướng đến năm 2030", "năm 2024") and phases
 * ("Giai đoạn 1 (2021-2023): …", "Giai đoạn II: từ năm 2024 đến năm 2025", a "lộ trình" list of
 * "Năm 2021: …" lines).
 */
import { endOfYear, findDateRanges, parseYearRange, startOfYear } from './dates.ts';
import { trimPunct } from './text.ts';

export interface Period {
  from: string | null;
  to: string | null;
  orientationTo: string | null;
}

/** Period stated in a title (or any single phrase naming the plan's own period). */
export function periodFrom(text: string): Period | null {
  const period: Period = { from: null, to: null, orientationTo: null };
  const orient = /(?:định\s+hướng|tầm\s+nhìn)\s+(?:đến|tới)\s+(?:hết\s+)?năm\s+(\d{4})/iu.exec(text);
  if (orient) period.orientationTo = endOfYear(Number(orient[1]));
  const textNoOrient = orient ? text.slice(0, orient.index) : text;
  const range = /giai\s+đoạn\s+(?:từ\s+)?(?:năm\s+)?((?:19|20)\d{2}\s*(?:[-–—]|đến(?:\s+hết)?(?:\s+năm)?)\s*(?:19|20)\d{2})/iu.exec(
    textNoOrient,
  );
  const yr = range?.[1] ? parseYearRange(range[1]) : parseYearRange(textNoOrient);
  if (yr) {
    period.from = startOfYear(yr.from);
    period.to = endOfYear(yr.to);
  } else {
    // Single-year plans: "Kế hoạch phòng, chống mua bán người năm 2024".
    const single = /(?<![\p{L}])năm\s+((?:19|20)\d{2})(?!\s*[-–])/iu.exec(textNoOrient);
    if (single) {
      period.from = startOfYear(Number(single[1]));
      period.to = endOfYear(Number(single[1]));
    }
  }
  return period.from || period.orientationTo ? period : null;
}

export interface Phase {
  label: string;
  from: string | null;
  to: string | null;
}

const PHASE_RE =
  /^(?:[-+•]\s*)?((?:Giai\s+đoạn|Bước|Đợt|Phase)\s+(?:\d{1,2}|[IVX]{1,4}|một|hai|ba|bốn|năm))\s*(?:[:(,\-–]\s*)?\(?\s*(?:từ\s+)?(?:năm\s+)?(.{0,80})/iu;

/** Phases found in a paragraph (at most one per paragraph, at its start). */
export function findPhase(text: string, inSchedule: boolean): Phase | null {
  const m = PHASE_RE.exec(text);
  if (m?.[1]) {
    const rest = m[2] ?? '';
    const days = findDateRanges(`từ ${rest.replace(/^từ\s+/iu, '')}`)[0];
    if (days && days.index === 0) return { label: normLabel(m[1]), from: days.from, to: days.to };
    const yr = parseYearRange(rest);
    if (yr && rest.search(/\d{4}/) < 25) return { label: normLabel(m[1]), from: startOfYear(yr.from), to: endOfYear(yr.to) };
    const single = /^(?:năm\s+)?((?:19|20)\d{2})(?!\s*[-–\d])/iu.exec(rest.trim());
    if (single) return { label: normLabel(m[1]), from: startOfYear(Number(single[1])), to: endOfYear(Number(single[1])) };
    return null;
  }
  if (!inSchedule) return null;
  // Inside a "Lộ trình" part: "Giai đoạn 2021 - 2023: …", "Năm 2021: …", "Từ năm 2021 đến năm 2023: …".
  const g =
    /^(?:[-+•]\s*)?((?:Giai\s+đoạn\s+|Từ\s+)?(?:năm\s+)?(?:19|20)\d{2}(?:\s*(?:[-–—]|đến(?:\s+hết)?(?:\s+năm)?)\s*(?:19|20)\d{2})?)\s*:/iu.exec(
      text,
    );
  if (g?.[1]) {
    const yr = parseYearRange(g[1]);
    const label = trimPunct(g[1]);
    if (yr) return { label, from: startOfYear(yr.from), to: endOfYear(yr.to) };
    const y = /((?:19|20)\d{2})/.exec(g[1]);
    if (y) return { label, from: startOfYear(Number(y[1])), to: endOfYear(Number(y[1])) };
  }
  return null;
}

function normLabel(s: string): string {
  return s.replace(/\s+/g, ' ').replace(/^\p{Ll}/u, (c) => c.toUpperCase());
}
