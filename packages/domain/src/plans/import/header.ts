/**
 * The administrative frame of a document (Decree 30/2020/NĐ-CP layout): issuer block, number and
 * symbol ("Số: 45/KH-UBND"), place and date, kind ("KẾ HOẠCH") and title at the top; "Nơi nhận"
 * and the signature block at the bottom.
 */
import { parseAgencyList } from './agencies.ts';
import { isoDate } from './dates.ts';
import type { DocumentKind, PlanImportWarning } from './schema.ts';
import type { Paragraph } from './text.ts';
import { excerpt, trimPunct } from './text.ts';
import { classify } from './structure.ts';

const KIND_HEADINGS: [RegExp, DocumentKind][] = [
  [/^KẾ\s+HOẠCH(?=\s|$|:)/u, 'plan'],
  [/^CHƯƠNG\s+TRÌNH(?=\s|$|:)/u, 'program'],
  [/^QUYẾT\s+ĐỊNH(?=\s|$|:)/u, 'decision'],
  [/^CHỈ\s+THỊ(?=\s|$|:)/u, 'directive'],
  [/^BÁO\s+CÁO(?=\s|$|:)/u, 'report'],
  [/^THÔNG\s+BÁO(?=\s|$|:)/u, 'notice'],
  [/^HƯỚNG\s+DẪN(?=\s|$|:)/u, 'guidance'],
  [/^CÔNG\s+VĂN(?=\s|$|:)/u, 'official_letter'],
];

const MOTTO =
  /CỘNG\s+HÒA\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM|CỘNG\s+HOÀ\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM|Độc\s+lập\s*[-–]\s*Tự\s+do\s*[-–]\s*Hạnh\s+phúc/giu;

export interface KindHeading {
  index: number;
  kind: DocumentKind;
  inlineTitle: string | null;
}

/** First paragraph that is a document-kind heading ("KẾ HOẠCH", "KẾ HOẠCH Phòng, chống…"). */
export function findKindHeading(paras: Paragraph[]): KindHeading | null {
  const limit = Math.min(paras.length, 40);
  for (let i = 0; i < limit; i++) {
    const t = (paras[i]?.text ?? '').replace(MOTTO, '').trim();
    if (t.length > 400) continue;
    for (const [re, kind] of KIND_HEADINGS) {
      const m = re.exec(t);
      if (m) {
        const rest = trimPunct(t.slice(m[0].length));
        return { index: i, kind, inlineTitle: rest || null };
      }
    }
  }
  return null;
}

const TITLE_STOP =
  /^(?:Căn\s+cứ|Thực\s+hiện\s+(?:Quyết\s+định|Kế\s+hoạch|Chỉ\s+thị|Nghị\s+quyết|Công\s+văn|Chương\s+trình|Nghị\s+định|Thông\s+tư|Luật|văn\s+bản)\s+(?:số\s*)?\d|Kính\s+gửi|\(?(?:Ban\s+hành\s+)?kèm\s+theo)/iu;

/** Title paragraphs after the kind heading. Returns the title and the index after it. */
export function readTitle(paras: Paragraph[], kh: KindHeading): { title: string | null; next: number } {
  const parts: string[] = [];
  if (kh.inlineTitle) parts.push(kh.inlineTitle);
  let i = kh.index + 1;
  const isTitleLike = (t: string): boolean =>
    t.length <= 400 && !TITLE_STOP.test(t) && !/:$/.test(t) && !/(?:số|Số)\s+\d+\/\S+/u.test(t) && classify(t).type === 'plain';
  if (parts.length === 0) {
    const p = paras[i];
    if (p && isTitleLike(p.text)) {
      parts.push(p.text);
      i++;
    }
  }
  // An all-caps title may be split over several lines ("PHÒNG, CHỐNG MUA BÁN NGƯỜI" / "NĂM 2024").
  while (parts.length > 0 && parts.length < 4) {
    const p = paras[i];
    const prev = parts[parts.length - 1] ?? '';
    if (!p || !isTitleLike(p.text) || !isUpper(prev) || !isUpper(p.text)) break;
    parts.push(p.text);
    i++;
  }
  // "(Ban hành kèm theo …)" right after the title stays in the preamble.
  const title = parts.length ? trimPunct(parts.join(' ')) : null;
  return { title: title || null, next: i };
}

function isUpper(s: string): boolean {
  const letters = s.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase();
}

export interface HeaderInfo {
  number: string | null;
  symbol: string | null;
  issuer: string | null;
  place: string | null;
  date: string | null;
  dateText: string | null;
  year: number | null;
}

/** Number, symbol, place/date and issuer block from the paragraphs above the kind heading. */
export function readHeader(paras: Paragraph[], warnings: PlanImportWarning[]): HeaderInfo {
  const info: HeaderInfo = { number: null, symbol: null, issuer: null, place: null, date: null, dateText: null, year: null };
  let sawNumber = false;
  const issuerLines: string[] = [];
  for (const p of paras) {
    let t = p.text.replace(MOTTO, ' ').replace(/\s+/g, ' ').trim();
    const num = /(?:^|\s)(?:Số|SỐ|số)\s*[:.]?\s*([0-9.…_]*)\s*\/\s*([\p{L}\d][\p{L}\d\-/.]*[\p{L}\d])/u.exec(t);
    if (num && !sawNumber) {
      sawNumber = true;
      const n = (num[1] ?? '').replace(/[.…_]/g, '');
      info.number = n || null;
      info.symbol = num[2] ?? null;
      if (!info.number) {
        warnings.push({
          code: 'number_blank',
          message: 'Văn bản chưa ghi số (chỉ có ký hiệu); cần bổ sung số khi văn bản được ban hành chính thức.',
          excerpt: excerpt(num[0]),
        });
      }
      t = (t.slice(0, num.index) + ' ' + t.slice(num.index + num[0].length)).trim();
    }
    const dm = /(?:^|\s)(?:([\p{Lu}][\p{L}\s.-]{0,40}?)\s*,\s*)?ngày\s*([0-9.…_\s]*?)\s*tháng\s*([0-9.…_\s]*?)\s*năm\s*([0-9.…_]*)/u.exec(
      t,
    );
    if (dm && info.dateText === null) {
      info.dateText = trimPunct(dm[0]);
      info.place = dm[1] ? trimPunct(dm[1]) || null : null;
      const d = Number((dm[2] ?? '').trim());
      const m = Number((dm[3] ?? '').trim());
      const y = Number((dm[4] ?? '').trim());
      if (/^\d{4}$/.test((dm[4] ?? '').trim())) info.year = y;
      const iso = /^\d{1,2}$/.test((dm[2] ?? '').trim()) && /^\d{1,2}$/.test((dm[3] ?? '').trim()) && info.year ? isoDate(y, m, d) : null;
      info.date = iso;
      if (!iso) {
        const blank = !/^\d{1,2}$/.test((dm[2] ?? '').trim()) || !/^\d{1,2}$/.test((dm[3] ?? '').trim()) || !info.year;
        warnings.push({
          code: blank ? 'date_blank' : 'date_invalid',
          message: blank
            ? 'Ngày ban hành bị bỏ trống (văn bản dự thảo hoặc chưa ghi ngày); không xác định được ngày ban hành.'
            : 'Ngày ban hành không hợp lệ.',
          excerpt: info.dateText,
        });
      }
      t = (t.slice(0, dm.index) + ' ' + t.slice(dm.index + dm[0].length)).trim();
    }
    t = trimPunct(t.replace(/^[-–_\s]+|[-–_\s]+$/g, ''));
    if (t && isUpper(t) && t.length <= 120) issuerLines.push(t);
  }
  if (!sawNumber) {
    warnings.push({ code: 'number_missing', message: 'Không tìm thấy số, ký hiệu văn bản ("Số: …/KH-…").' });
  }
  if (info.dateText === null) {
    warnings.push({ code: 'date_missing', message: 'Không tìm thấy địa danh, ngày tháng năm ban hành.' });
  }
  info.issuer = composeIssuer(issuerLines);
  return info;
}

/**
 * Issuer block: "ỦY BAN NHÂN DÂN" / "TỈNH BẮC GIANG" is one name split over two lines, while
 * "UBND TỈNH BẮC GIANG" / "BAN CHỈ ĐẠO 138" is a parent body and the actual issuer (the last line).
 */
function composeIssuer(lines: string[]): string | null {
  if (lines.length === 0) return null;
  let current = lines[0] ?? '';
  for (const l of lines.slice(1)) {
    if (/^(?:TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN|ĐẶC KHU)\b/u.test(l)) current = `${current} ${l}`;
    else current = l;
  }
  return current || null;
}

/** "…, UBND tỉnh xây dựng kế hoạch như sau:" → "UBND tỉnh". */
export function issuerFromPreamble(text: string): string | null {
  const re =
    /(?:^|[,;.]\s*)((?:Ủy|Uỷ|UBND|Ban|Sở|Công|Bộ|Hội|Cơ|Văn|Thường)[^,;.]{1,150}?)\s+(?:xây\s+dựng|ban\s+hành|triển\s+khai)\s+(?:kế\s+hoạch|Kế\s+hoạch)/gu;
  let found: string | null = null;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const cand = m[1] ?? '';
    const list = parseAgencyList(cand, 0);
    if (list) found = cand.slice(0, list.end).trim();
  }
  return found;
}

export interface SignerInfo {
  title: string | null;
  name: string | null;
  authority: string[];
  positions: string[];
}

const POSITION_START =
  /^(?:PHÓ\s+|Q\.\s*)?(?:CHỦ\s+TỊCH|GIÁM\s+ĐỐC|TRƯỞNG|BỘ\s+TRƯỞNG|THỨ\s+TRƯỞNG|CHÁNH|THỦ\s+TRƯỞNG|TỔNG|CỤC\s+TRƯỞNG|VỤ\s+TRƯỞNG|CHỈ\s+HUY|BÍ\s+THƯ|PHÓ)/u;

/** Reads "Nơi nhận" entries and the signature block from the tail paragraphs. */
export function readTail(
  paras: Paragraph[],
  warnings: PlanImportWarning[],
): { recipients: string[]; archive: string | null; signer: SignerInfo } {
  const recipients: string[] = [];
  let archive: string | null = null;
  const signer: SignerInfo = { title: null, name: null, authority: [], positions: [] };
  const rest: string[] = [];
  let inRecipients = false;
  for (const p of paras) {
    const t = p.text;
    const nn = /^Nơi\s+nhận\s*:?\s*(.*)$/iu.exec(t);
    if (nn) {
      inRecipients = true;
      const inline = nn[1]?.trim();
      if (inline) for (const e of inline.split(/\s+[-–]\s+|^[-–]\s*/u)) addRecipient(e);
      continue;
    }
    const c = classify(t);
    if (inRecipients && c.type === 'bullet') {
      addRecipient(c.text);
      continue;
    }
    inRecipients = false;
    rest.push(t);
  }

  function addRecipient(raw: string): void {
    const e = trimPunct(raw.replace(/^[-–+•\s]+/u, ''));
    if (!e) return;
    const lu = /^Lưu\s*:?\s*(.*)$/iu.exec(e);
    if (lu) {
      archive = trimPunct(lu[1] ?? '') || null;
      return;
    }
    recipients.push(e);
  }

  // Signature block.
  const nameLike = (s: string): boolean => s.length <= 50 && /^(?:\p{Lu}\p{Ll}*)(?:\s+\p{Lu}\p{Ll}*){1,5}$/u.test(s);
  const candidates: string[] = [];
  let lastPosition = -1;
  for (const t of rest) {
    if (/^\(?\s*(?:đã\s+ký|ký|ký\s+tên|ký,\s*ghi\s+rõ|đóng\s+dấu)[^)]*\)?$/iu.test(t)) continue;
    if (/^(?:TM|KT|TL|TUQ|Q)\.\s*\S/u.test(t) && isUpper(t.replace(/^(?:TM|KT|TL|TUQ|Q)\./u, '') || 'X')) {
      signer.authority.push(t);
      continue;
    }
    if (isUpper(t) && t.length <= 120) {
      if (
        signer.positions.length > 0 &&
        !POSITION_START.test(t) &&
        lastPosition === signer.positions.length - 1 &&
        candidates.length === 0
      ) {
        // Continuation of the previous position line ("PHÓ CHỦ TỊCH THƯỜNG TRỰC" / "ỦY BAN NHÂN DÂN THÀNH PHỐ").
        signer.positions[signer.positions.length - 1] = `${signer.positions[signer.positions.length - 1] ?? ''} ${t}`;
      } else if (POSITION_START.test(t) || signer.positions.length === 0) {
        signer.positions.push(t);
        lastPosition = signer.positions.length - 1;
      } else {
        candidates.push(t);
      }
      continue;
    }
    candidates.push(t);
  }
  // The name is the last name-like line; an all-caps name is accepted when nothing else fits.
  let nameIdx = -1;
  for (let i = candidates.length - 1; i >= 0; i--) {
    if (nameLike(candidates[i] ?? '')) {
      nameIdx = i;
      break;
    }
  }
  if (nameIdx >= 0) signer.name = candidates[nameIdx] ?? null;
  else {
    const lastCaps = [...candidates].reverse().find((c) => isUpper(c) && c.split(/\s+/).length >= 2 && c.split(/\s+/).length <= 6);
    if (lastCaps) {
      signer.name = lastCaps;
      nameIdx = candidates.indexOf(lastCaps);
    }
  }
  signer.title = signer.positions[0] ?? null;
  candidates.forEach((c, i) => {
    if (i !== nameIdx) {
      warnings.push({
        code: 'unrecognised_line',
        message: 'Dòng ở phần cuối văn bản không thuộc nơi nhận hoặc khối chữ ký; đã bỏ qua.',
        excerpt: excerpt(c),
      });
    }
  });
  return { recipients, archive, signer };
}
