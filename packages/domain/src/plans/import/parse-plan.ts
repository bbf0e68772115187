/**
 * Entry point: text of a Vietnamese plan (kế hoạch phòng, chống mua bán người) → structured JSON.
 *
 * Pure and total: no I/O, never throws (an unexpected failure becomes an 'internal_error' warning
 * on an empty result), and everything it is unsure about is reported in `warnings` instead of
 * being guessed.
 */
import { findDateRanges } from './dates.ts';
import { findKindHeading, issuerFromPreamble, readHeader, readTail, readTitle } from './header.ts';
import { dedupeReferences, findReferences } from './legal.ts';
import { findPhase, periodFrom } from './period.ts';
import type { Phase } from './period.ts';
import { findReporting } from './reporting.ts';
import type { DocumentKind, PlanImportResult, PlanImportWarning, PlanTarget, ReportingRule } from './schema.ts';
import { buildOutline, classify } from './structure.ts';
import type { Item, SectionNode } from './structure.ts';
import { buildTasks } from './tasks.ts';
import { findTargets } from './targets.ts';
import type { Paragraph } from './text.ts';
import { excerpt, normalizeText, sentences, toParagraphs } from './text.ts';

export function emptyResult(): PlanImportResult {
  return {
    document: { number: null, symbol: null, issuer: null, place: null, date: null, dateText: null, title: null, kind: 'unknown' },
    legalBasis: [],
    references: [],
    period: { from: null, to: null, orientationTo: null },
    phases: [],
    targets: [],
    sections: [],
    tasks: [],
    reporting: [],
    campaigns: [],
    signer: { title: null, name: null, authority: [], positions: [] },
    recipients: [],
    archive: null,
    warnings: [],
  };
}

/**
 * Heuristic: does the result describe a plan? True when the document calls itself a plan (kind
 * heading "KẾ HOẠCH" or symbol "KH-…") and has some content, or when, without that marker, it
 * still has an outline with several tasks of which at least one names a responsible body.
 */
export function isLikelyPlan(result: PlanImportResult): boolean {
  const marked = result.document.kind === 'plan' || /^KH(?:-|$)/u.test(result.document.symbol ?? '');
  const content = result.tasks.length > 0 || result.sections.length > 0;
  if (marked) return content;
  return result.tasks.length >= 3 && result.sections.length >= 2 && result.tasks.some((t) => t.lead.length > 0 || t.requested.length > 0);
}

const FOREIGN =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Cyrillic}\p{Script=Arabic}\p{Script=Thai}\p{Script=Khmer}\p{Script=Lao}]+/gu;

const SYMBOL_KIND: [RegExp, DocumentKind][] = [
  [/^KH(?:-|$)/u, 'plan'],
  [/^CTr(?:-|$)/u, 'program'],
  [/^QĐ(?:-|$)/u, 'decision'],
  [/^CT(?:-|$)/u, 'directive'],
  [/^BC(?:-|$)/u, 'report'],
  [/^TB(?:-|$)/u, 'notice'],
  [/^HD(?:-|$)/u, 'guidance'],
];

function isSignerLike(t: string): boolean {
  const letters = t.replace(/[^\p{L}]/gu, '');
  const caps = letters.length >= 2 && letters === letters.toUpperCase() && t.length <= 100;
  return (
    caps ||
    /^(?:TM|KT|TL|TUQ|Q)\.\s*\S/u.test(t) ||
    /^\(?\s*(?:đã\s+ký|ký\s+tên)[^)]*\)?$/iu.test(t) ||
    (t.length <= 50 && /^(?:\p{Lu}\p{Ll}*)(?:\s+\p{Lu}\p{Ll}*){1,5}$/u.test(t))
  );
}

const isStructural = (p: Paragraph): boolean => {
  const c = classify(p.text);
  return c.type === 'part' || c.type === 'numbered' || c.type === 'lettered' || p.mdHeading;
};

export function parsePlan(input: string): PlanImportResult {
  try {
    return parseUnsafe(typeof input === 'string' ? input : '');
  } catch (err) {
    const r = emptyResult();
    r.warnings.push({
      code: 'internal_error',
      message: 'Lỗi không mong muốn khi phân tích văn bản; kết quả rỗng, cần nhập thủ công.',
      excerpt: excerpt(err instanceof Error ? err.message : String(err)),
    });
    return r;
  }
}

function parseUnsafe(input: string): PlanImportResult {
  const result = emptyResult();
  const warnings: PlanImportWarning[] = [];
  const text = normalizeText(input);
  if (text.trim() === '') {
    result.warnings.push(
      { code: 'empty_input', message: 'Văn bản rỗng, không có nội dung để phân tích.' },
      { code: 'not_a_plan', message: 'Văn bản không phải là kế hoạch hoặc không nhận dạng được cấu trúc kế hoạch.' },
    );
    return result;
  }
  if (text.includes('\uFFFD')) {
    warnings.push({ code: 'encoding', message: 'Văn bản có ký tự lỗi mã hóa (�); một số chữ có thể bị sai.' });
  }
  FOREIGN.lastIndex = 0;
  for (let m = FOREIGN.exec(text); m; m = FOREIGN.exec(text)) {
    warnings.push({
      code: 'foreign_script',
      message: 'Văn bản có ký tự không phải tiếng Việt (có thể do lỗi sao chép hoặc dịch máy); cần kiểm tra lại đoạn này.',
      excerpt: excerpt(text.slice(Math.max(0, m.index - 40), m.index + m[0].length + 40)),
    });
  }

  const paras = toParagraphs(text);

  // --- Header and title -----------------------------------------------------------------------
  const kh = findKindHeading(paras);
  let headerEnd: number;
  let bodyStart: number;
  let title: string | null = null;
  if (kh) {
    headerEnd = kh.index;
    const t = readTitle(paras, kh);
    title = t.title;
    bodyStart = t.next;
  } else {
    const firstBody = paras.findIndex(
      (p, i) => i < 12 && (isStructural(p) || /^(?:Căn\s+cứ|Thực\s+hiện|Triển\s+khai|Để|Nhằm)\s/iu.test(p.text) || p.text.length > 200),
    );
    headerEnd = firstBody >= 0 ? firstBody : Math.min(paras.length, 0);
    bodyStart = headerEnd;
  }
  const header = readHeader(paras.slice(0, headerEnd), warnings);

  // --- Tail: "Nơi nhận" and signature ---------------------------------------------------------
  let nn = -1;
  for (let i = bodyStart; i < paras.length; i++) {
    if (/^Nơi\s+nhận\s*:?/iu.test(paras[i]?.text ?? '')) {
      nn = i;
      break;
    }
  }
  let dot = -1;
  for (let i = nn >= 0 ? nn - 1 : paras.length - 1; i >= bodyStart; i--) {
    if (/\.\s*\/\s*\.\s*$/u.test(paras[i]?.text ?? '')) {
      dot = i;
      break;
    }
  }
  let tailStart = Math.min(nn >= 0 ? nn : Infinity, dot >= 0 ? dot + 1 : Infinity);
  if (!Number.isFinite(tailStart)) {
    // No "Nơi nhận" and no closing "./.": a signature block is the trailing run of signer-like lines.
    let i = paras.length;
    while (i > bodyStart && isSignerLike(paras[i - 1]?.text ?? '') && !isStructural(paras[i - 1] as Paragraph)) i--;
    const run = paras.slice(i);
    tailStart = run.length > 0 && run.length <= 8 && run.some((p) => /\p{Lu}{3}/u.test(p.text)) ? i : paras.length;
  }
  const body = paras.slice(bodyStart, tailStart);
  const tail = readTail(paras.slice(tailStart), warnings);

  // --- Preamble and legal basis ---------------------------------------------------------------
  let firstStruct = body.findIndex(isStructural);
  let preamble: Paragraph[];
  if (firstStruct >= 0) {
    preamble = body.slice(0, firstStruct);
  } else {
    let n = 0;
    while (
      n < body.length &&
      (/^(?:[-+]\s*)?(?:Căn\s+cứ|Thực\s+hiện|Theo|Triển\s+khai\s+thực\s+hiện)\s/iu.test(body[n]?.text ?? '') ||
        /như\s+sau\s*:$/u.test(body[n]?.text ?? ''))
    )
      n++;
    preamble = body.slice(0, n);
    firstStruct = n;
  }
  const preambleText = preamble.map((p) => p.text).join('\n');
  result.legalBasis = dedupeReferences(findReferences(preambleText));

  // --- Outline, tasks -------------------------------------------------------------------------
  const outline = buildOutline(body.slice(firstStruct));

  const periodFromTitle = title ? periodFrom(title) : null;
  let period = periodFromTitle;
  if (!period) {
    // "…, UBND tỉnh ban hành Kế hoạch … giai đoạn 2021 - 2025 như sau:" — only the clause that
    // introduces this plan, never the cited documents (they carry their own periods).
    const own = /(?:xây\s+dựng|ban\s+hành)\s+(?:kế\s+hoạch|Kế\s+hoạch)([^:]*)/u.exec(preambleText.split('\n').pop() ?? '');
    if (own?.[1]) period = periodFrom(own[1]);
  }
  if (period) result.period = period;
  const defaultYear =
    result.period.from && result.period.to && result.period.from.slice(0, 4) === result.period.to.slice(0, 4)
      ? Number(result.period.from.slice(0, 4))
      : null;

  const built = buildTasks(outline.root, { defaultYear });
  result.tasks = built.tasks;
  result.sections = outline.sections.map((s) => ({ path: s.path, heading: s.heading }));

  // --- Targets, phases, references, campaigns (all body text) ----------------------------------
  const targets: PlanTarget[] = [];
  const phases: Phase[] = [];
  const bodyTexts: { text: string; node: SectionNode }[] = [];
  const visit = (node: SectionNode): void => {
    if (node.kind !== 'root') bodyTexts.push({ text: node.heading, node });
    const items: Item[] = [];
    const flat = (it: Item): void => {
      items.push(it);
      it.children.forEach(flat);
    };
    node.items.forEach(flat);
    for (const it of items) bodyTexts.push({ text: it.text, node });
    node.children.forEach(visit);
  };
  visit(outline.root);
  for (const { text: t, node } of bodyTexts) {
    targets.push(...findTargets(t, node.path || null));
    const ph = findPhase(t, node.role === 'schedule' || /lộ\s+trình|giai\s+đoạn|phân\s+kỳ|tiến\s+độ/iu.test(node.heading));
    if (ph && !phases.some((p) => p.label === ph.label && p.from === ph.from)) phases.push(ph);
  }
  result.targets = targets;
  result.phases = phases;

  const basisKeys = new Set(result.legalBasis.map((r) => `${r.kind}|${r.number ?? r.title ?? ''}`.toLocaleLowerCase('vi')));
  result.references = dedupeReferences(bodyTexts.flatMap((b) => findReferences(b.text))).filter(
    (r) => !basisKeys.has(`${r.kind}|${r.number ?? r.title ?? ''}`.toLocaleLowerCase('vi')),
  );

  const reporting: ReportingRule[] = [];
  for (const t of result.tasks) {
    for (const r of findReporting(t.text, t.lead.length ? t.lead : t.requested)) {
      if (!reporting.some((x) => JSON.stringify(x) === JSON.stringify(r))) reporting.push(r);
    }
  }
  result.reporting = reporting;

  const campaigns: PlanImportResult['campaigns'] = [];
  for (const t of result.tasks) {
    if (!t.campaign) continue;
    const sentence = sentences(t.text).find((s) => findDateRanges(s).length > 0) ?? t.text;
    if (!campaigns.some((c) => c.from === t.campaign?.from && c.to === t.campaign?.to)) {
      campaigns.push({ from: t.campaign.from, to: t.campaign.to, text: sentence });
    }
  }
  result.campaigns = campaigns;

  // --- Document -------------------------------------------------------------------------------
  const symbolKind = SYMBOL_KIND.find(([re]) => re.test(header.symbol ?? ''))?.[1];
  result.document = {
    number: header.number,
    symbol: header.symbol,
    issuer: header.issuer ?? issuerFromPreamble(preambleText),
    place: header.place,
    date: header.date,
    dateText: header.dateText,
    title,
    kind: kh?.kind ?? symbolKind ?? 'unknown',
  };
  result.signer = tail.signer;
  result.recipients = tail.recipients;
  result.archive = tail.archive;

  // --- Completeness warnings ------------------------------------------------------------------
  if (!kh) warnings.push({ code: 'kind_missing', message: 'Không tìm thấy tên loại văn bản (ví dụ "KẾ HOẠCH").' });
  if (!title) warnings.push({ code: 'title_missing', message: 'Không xác định được trích yếu (tên) của văn bản.' });
  if (!result.document.issuer) warnings.push({ code: 'issuer_missing', message: 'Không xác định được cơ quan ban hành.' });
  if (result.legalBasis.length === 0) {
    warnings.push({ code: 'legal_basis_missing', message: 'Không tìm thấy căn cứ ban hành (các văn bản được "Căn cứ", "Thực hiện").' });
  }
  if (!result.period.from && !result.period.orientationTo) {
    warnings.push({ code: 'period_missing', message: 'Không xác định được thời kỳ (giai đoạn/năm) của kế hoạch.' });
  }
  if (result.tasks.length === 0) warnings.push({ code: 'no_tasks', message: 'Không nhận dạng được nhiệm vụ nào.' });
  if (!result.signer.name) warnings.push({ code: 'signer_missing', message: 'Không xác định được người ký.' });
  if (result.recipients.length === 0) warnings.push({ code: 'recipients_missing', message: 'Không tìm thấy "Nơi nhận".' });
  for (const d of result.tasks) {
    if (d.deadlineText && !d.deadline && !d.recurrence && !/hằng\s+năm|hàng\s+năm/iu.test(d.deadlineText)) {
      warnings.push({
        code: 'deadline_unresolved',
        message: 'Thời hạn không ghi đủ ngày/tháng/năm; cần xác định năm khi nhập.',
        excerpt: excerpt(d.deadlineText),
      });
    }
  }
  warnings.push(...built.warnings);
  result.warnings = warnings;
  if (!isLikelyPlan(result)) {
    result.warnings.push({ code: 'not_a_plan', message: 'Văn bản không phải là kế hoạch hoặc không nhận dạng được cấu trúc kế hoạch.' });
  }
  return result;
}
