/**
 * Citations of other documents: "Quyết định số 193/QĐ-TTg ngày 09/02/2021 của Thủ tướng Chính
 * phủ phê duyệt …", "Công văn số 2670/VPCP-QHQT của Văn phòng Chính phủ, ngày 20 tháng 9 năm 2019
 * về việc …", "Luật Phòng, chống mua bán người ngày 29 tháng 3 năm 2011".
 */
import { parseAgencyList } from './agencies.ts';
import { parseDateAt } from './dates.ts';
import type { LegalReference } from './schema.ts';

const KINDS = [
  'Thông tư liên tịch',
  'Nghị quyết liên tịch',
  'Bộ luật',
  'Luật',
  'Pháp lệnh',
  'Nghị quyết',
  'Nghị định',
  'Quyết định',
  'Chỉ thị',
  'Thông tư',
  'Kế hoạch',
  'Công văn',
  'Văn bản',
  'Công điện',
  'Chương trình',
  'Kết luận',
  'Thông báo',
  'Hướng dẫn',
  'Đề án',
  'Thông tri',
  'Quy chế',
  'Quy định',
];

/** Document number/symbol: "193/QĐ-TTg", "09/2019/NĐ-CP", "05-CT/TW", "66/2011/QH12". */
const NUMBER = String.raw`\d{1,5}[a-zA-Z]?(?:[/-](?:\d{4}|[\p{Lu}\p{Ll}\d]+(?:-[\p{Lu}\p{Ll}\d]+)*))*[/-][\p{Lu}][\p{Lu}\p{Ll}\d]*(?:-[\p{Lu}\p{Ll}\d]+)*`;

// Kinds with a number ("số" optional except for words that are also ordinary nouns).
const CITE_RE = new RegExp(String.raw`(?<![\p{L}])(${KINDS.join('|')})\s+(?:(số)\s*:?\s*)?(${NUMBER})`, 'gu');
// Laws cited by name: "Luật Phòng, chống mua bán người năm 2011 / ngày …".
const LAW_RE =
  /(?<![\p{L}])(Bộ luật|Luật|Pháp lệnh|Hiến pháp)\s+(\p{Lu}[^;()]*?)(?:\s+(?:năm\s+(\d{4})|ngày\s+(\d{1,2}(?:\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}|\s+tháng\s+\d{1,2}\s*,?\s*năm\s+\d{4}))))(?=[\s;,.)]|$)/gu;

/** Words that end a citation's title (the next citation, the issuer of the present plan…). */
const TITLE_STOP =
  /;|\.\s|\.$|,\s*(?:(?:Ủy ban|UBND|Uỷ ban|Ban [Cc]hỉ đạo|Sở|Công an|Bộ|Hội đồng)[^,;]{0,80}?\s+(?:xây dựng|ban hành|triển khai|thực hiện|đề ra)\b)|(?:^|\s+)(?:và|,)\s+(?=(?:các\s+)?(?:Quyết định|Kế hoạch|Chỉ thị|Nghị quyết|Nghị định|Thông tư|Công văn|Luật|Kết luận|Chương trình)\s+số)|\s+(?:như sau)|,\s*(?:để|nhằm)\s/u;

function parseAfterNumber(text: string, pos: number): { date: string | null; issuer: string | null; title: string | null } {
  let rest = text.slice(pos);
  let date: string | null = null;
  let issuer: string | null = null;
  // Up to two rounds: "ngày … của …" or "của …, ngày …".
  for (let round = 0; round < 3; round++) {
    const lead = /^[\s,]*/.exec(rest)?.[0].length ?? 0;
    const r = rest.slice(lead);
    const d = /^ngày\s+/iu.test(r) ? parseDateAt(r) : null;
    if (d && !date) {
      date = d.iso;
      rest = r.slice(d.length);
      continue;
    }
    const of = /^của\s+/u.exec(r);
    if (of && !issuer) {
      const list = parseAgencyList(r, of[0].length);
      if (list) {
        issuer = r.slice(of[0].length, list.end).trim();
        rest = r.slice(list.end);
        continue;
      }
    }
    rest = r;
    break;
  }
  const stop = TITLE_STOP.exec(rest);
  let title = (stop ? rest.slice(0, stop.index) : rest).trim();
  title = title
    .replace(/^(?:về\s+việc|V\/v|về)\s+/iu, '')
    .replace(/[\s,;:.]+$/u, '')
    .trim();
  // A "title" that is the start of another clause is not a title.
  if (title.length < 3 || /^(?:và|của|tại|theo)(?![\p{L}])/u.test(title)) title = '';
  return { date, issuer, title: title || null };
}

/** Every citation in `text`, in order. */
export function findReferences(text: string): LegalReference[] {
  const out: (LegalReference & { index: number })[] = [];
  CITE_RE.lastIndex = 0;
  for (let m = CITE_RE.exec(text); m; m = CITE_RE.exec(text)) {
    const kind = m[1] ?? '';
    const hasSo = Boolean(m[2]);
    // "Chương trình 130/CP", "Kế hoạch 15/KH" without "số" are names of programmes in running
    // text, not citations; require "số" for those ambiguous nouns.
    if (!hasSo && /^(?:Chương trình|Kế hoạch|Đề án|Quy định|Quy chế|Hướng dẫn|Văn bản|Thông báo)$/u.test(kind)) continue;
    const number = m[3] ?? '';
    const after = parseAfterNumber(text, m.index + m[0].length);
    out.push({ kind, number, ...after, index: m.index });
  }
  LAW_RE.lastIndex = 0;
  for (let m = LAW_RE.exec(text); m; m = LAW_RE.exec(text)) {
    if (out.some((r) => Math.abs(r.index - m.index) < 3)) continue;
    // "Luật sửa đổi, bổ sung … (năm 2015)" inside a sentence is fine; skip overly long captures.
    const name = (m[2] ?? '').trim();
    if (name.length > 160) continue;
    let date: string | null = null;
    if (m[4]) date = parseDateAt(`ngày ${m[4]}`)?.iso ?? null;
    out.push({ kind: m[1] ?? 'Luật', number: null, date, issuer: null, title: name, index: m.index });
  }
  out.sort((a, b) => a.index - b.index);
  return out.map(({ index: _index, ...r }) => r);
}

/** Deduplicates by kind+number (or title for unnumbered laws), keeping the most complete entry. */
export function dedupeReferences(refs: LegalReference[]): LegalReference[] {
  const map = new Map<string, LegalReference>();
  for (const r of refs) {
    const key = `${r.kind}|${r.number ?? r.title ?? ''}`.toLocaleLowerCase('vi');
    const prev = map.get(key);
    if (!prev) map.set(key, r);
    else
      map.set(key, {
        kind: prev.kind,
        number: prev.number,
        date: prev.date ?? r.date,
        issuer: prev.issuer ?? r.issuer,
        title: prev.title ?? r.title,
      });
  }
  return [...map.values()];
}
