/**
 * Numeric targets ("chỉ tiêu"): percentages anywhere in the body, and counts when a comparator or a
 * commitment word makes them a target ("ít nhất 02 lớp tập huấn", "10/10 huyện").
 *
 * Comparator rules (documented choice):
 * - "trên", "hơn", "vượt", "cao hơn" → '>'
 * - "ít nhất", "tối thiểu", "không dưới", "không thấp hơn", "không ít hơn", "… trở lên" → '>='
 * - "dưới", "thấp hơn", "chưa đến" → '<';  "tối đa", "không quá", "không vượt quá", "… trở xuống" → '<='
 * - "phấn đấu 95%" → '>=' : an aspiration is met by reaching or exceeding it, which is how the
 *   indicator would be evaluated; the exact wording stays in `text`.
 * - otherwise ("100% … được tiếp nhận", "95% số vụ án") → '='.
 */
import type { Comparator, PlanTarget } from './schema.ts';

const BEFORE: [RegExp, Comparator][] = [
  [/(?:ít\s+nhất|tối\s+thiểu|không\s+dưới|không\s+thấp\s+hơn|không\s+ít\s+hơn)(?:\s+(?:là|đạt|bằng))?\s*$/iu, '>='],
  [/(?:tối\s+đa|không\s+quá|không\s+vượt\s+quá|không\s+vượt)(?:\s+(?:là|mức))?\s*$/iu, '<='],
  [/(?<!không\s)(?:trên|hơn|vượt|cao\s+hơn)\s*$/iu, '>'],
  [/(?<!không\s)(?:dưới|thấp\s+hơn|chưa\s+đến|chưa\s+tới)\s*$/iu, '<'],
];

/** Splits a paragraph into clauses at ";" and sentence ends, keeping offsets. */
function clauses(text: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  const re = /;|\.(?=\s+[\p{Lu}\d]|\s*$)/gu;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({ text: text.slice(last, m.index), start: last });
    last = m.index + 1;
  }
  if (last < text.length) out.push({ text: text.slice(last), start: last });
  return out.filter((c) => c.text.trim() !== '');
}

function comparatorFor(clauseBefore: string, after: string): Comparator {
  if (/^\s*%?\s*trở\s+lên/iu.test(after)) return '>=';
  if (/^\s*%?\s*trở\s+xuống/iu.test(after)) return '<=';
  const near = clauseBefore.slice(-40);
  for (const [re, c] of BEFORE) if (re.test(near)) return c;
  if (/phấn\s+đấu/iu.test(clauseBefore)) return '>=';
  return '=';
}

function directionFor(clauseBefore: string): PlanTarget['direction'] {
  const near = clauseBefore.slice(-40);
  if (/(?:giảm|kéo\s+giảm|hạ)(?:\s+\S+){0,3}\s*$/iu.test(near)) return 'decrease';
  if (/(?:tăng)(?:\s+\S+){0,3}\s*$/iu.test(near)) return 'increase';
  return null;
}

const COUNT_NOUNS =
  'lớp tập huấn|lớp|buổi|đợt|cuộc|mô hình|lượt|tin bài|tin, bài|tin|bài|phóng sự|chuyên mục|chương trình|hội nghị|hội thảo|đoàn kiểm tra|đoàn|cán bộ|người|vụ|đối tượng|nạn nhân|xã|phường|huyện|câu lạc bộ|tổ|nhóm|tài liệu|ấn phẩm|tờ rơi|pano|phiên tòa|phiên|lần|điểm|cơ sở|trường|đơn vị';

const COUNT_RE = new RegExp(
  String.raw`(?<![\p{L}])(ít\s+nhất|tối\s+thiểu|không\s+dưới|không\s+ít\s+hơn|tối\s+đa|không\s+quá|phấn\s+đấu(?:\s+(?:đạt|có|tổ\s+chức|xây\s+dựng))?)\s+(?:(?:có|đạt|tổ\s+chức|xây\s+dựng|là)\s+)?(\d{1,6})\s+(${COUNT_NOUNS})(?![\p{L}])`,
  'giu',
);

const FRACTION_RE =
  /(?<![\d/])(\d{1,4})\s*\/\s*(\d{1,4})\s+(huyện|xã|phường|thị trấn|quận|thị xã|đơn vị|tỉnh|thành phố|trường|cơ sở|địa phương|sở|ngành|cơ quan)(?![\p{L}])/giu;

/** Targets stated in one paragraph. */
export function findTargets(text: string, section: string | null): PlanTarget[] {
  const out: PlanTarget[] = [];
  for (const cl of clauses(text)) {
    const clauseText = cl.text.trim().replace(/^(?:và|,)\s+/u, '');
    const PCT = /(?<![\d.,])(\d{1,3}(?:[.,]\d{1,2})?)\s*%/gu;
    for (let m = PCT.exec(cl.text); m; m = PCT.exec(cl.text)) {
      const value = Number((m[1] ?? '').replace(',', '.'));
      if (!Number.isFinite(value) || value > 100) continue;
      const before = cl.text.slice(0, m.index);
      const after = cl.text.slice(m.index + m[0].length);
      out.push({
        text: clauseText,
        comparator: comparatorFor(before, after),
        value,
        unit: '%',
        noun: null,
        outOf: null,
        direction: directionFor(before),
        section,
      });
    }
    COUNT_RE.lastIndex = 0;
    for (let m = COUNT_RE.exec(cl.text); m; m = COUNT_RE.exec(cl.text)) {
      const word = (m[1] ?? '').toLowerCase();
      const comparator: Comparator = /tối\s+đa|không\s+quá/u.test(word) ? '<=' : '>=';
      out.push({
        text: clauseText,
        comparator,
        value: Number(m[2]),
        unit: 'count',
        noun: m[3] ?? null,
        outOf: null,
        direction: null,
        section,
      });
    }
    FRACTION_RE.lastIndex = 0;
    for (let m = FRACTION_RE.exec(cl.text); m; m = FRACTION_RE.exec(cl.text)) {
      const n = Number(m[1]);
      const d = Number(m[2]);
      // "15/12" is a date, not a fraction: a fraction never has numerator > denominator.
      if (n > d || d === 0) continue;
      out.push({
        text: clauseText,
        comparator: '=',
        value: n,
        unit: 'count',
        noun: m[3] ?? null,
        outOf: d,
        direction: null,
        section,
      });
    }
  }
  return out;
}
