/**
 * Reporting regime ("chế độ báo cáo"): who reports what, how often, to whom, by when.
 *
 * "… báo cáo định kỳ 6 tháng (trước ngày 15/6) và năm (trước ngày 15/12) về Công an tỉnh (Cơ quan
 * Thường trực Ban Chỉ đạo 138)" gives two entries (six_monthly due "trước ngày 15/6", yearly due
 * "trước ngày 15/12"), recipient "Công an tỉnh", via "Cơ quan Thường trực Ban Chỉ đạo 138".
 * A sentence that sends a plan or report without a frequency ("Kế hoạch của các đơn vị gửi về …",
 * "báo cáo kết quả về UBND tỉnh trước ngày 15/8/2024") is a one-off ('once'); "kịp thời báo cáo"
 * about problems as they arise is 'ad_hoc'.
 */
import { agencyNames, parseAgencyList } from './agencies.ts';
import { resolveTimeExpression } from './dates.ts';
import type { ReportFrequency, ReportingRule } from './schema.ts';
import { sentences, trimPunct } from './text.ts';

const FREQ_TERMS: [ReportFrequency, RegExp][] = [
  ['six_monthly', /(?:định\s+kỳ\s+)?(?:hằng\s+|hàng\s+|mỗi\s+)?(?:0?6|sáu)\s+tháng(?:\s+(?:đầu\s+năm|một\s+lần))?/iuy],
  ['monthly', /(?:định\s+kỳ\s+)?(?:hằng|hàng|mỗi)\s+tháng|tháng(?!\s+\d)/iuy],
  ['quarterly', /(?:định\s+kỳ\s+)?(?:hằng|hàng|mỗi)\s+quý|quý(?!\s+(?:I|V|\d))/iuy],
  ['yearly', /(?:định\s+kỳ\s+)?(?:hằng|hàng|mỗi)\s+năm|(?:0?1|một)\s+năm|cả\s+năm|năm(?!\s+\d)|tổng\s+kết\s+năm/iuy],
  ['ad_hoc', /đột\s+xuất|khi\s+có\s+yêu\s+cầu|theo\s+yêu\s+cầu/iuy],
];

const DUE_RE =
  /^\s*\(?\s*((?:trước|chậm\s+nhất(?:\s+(?:là|vào))?|vào)\s+(?:ngày\s+)?\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{4})?(?:\s+(?:hằng|hàng)\s+năm|\s+của\s+năm\s+\S+)?)\s*\)?/iu;

/** Parses a list of frequency terms starting at `pos`: "hàng tháng, quý, 6 tháng, 01 năm và đột xuất". */
function parseFreqList(s: string, pos: number): { items: { f: ReportFrequency; dueText: string | null }[]; end: number } {
  const items: { f: ReportFrequency; dueText: string | null }[] = [];
  let i = pos;
  for (let guard = 0; guard < 10; guard++) {
    const lead = /^(?:\s*(?:,|và|;|:|hoặc)\s*|\s*)(?:báo\s+cáo\s+)?/iu.exec(s.slice(i));
    const start = i + (lead?.[0].length ?? 0);
    let matched: { f: ReportFrequency; len: number } | null = null;
    for (const [f, re] of FREQ_TERMS) {
      re.lastIndex = start;
      const m = re.exec(s);
      if (m) {
        matched = { f, len: m[0].length };
        break;
      }
    }
    if (!matched) break;
    // Do not read "năm" of "năm 2024" or words inside other phrases: a term must end at a boundary.
    const after = s.slice(start + matched.len);
    if (/^\p{L}/u.test(after)) break;
    i = start + matched.len;
    const due = DUE_RE.exec(s.slice(i));
    let dueText: string | null = null;
    if (due?.[1]) {
      dueText = trimPunct(due[1]);
      i += due[0].length;
    }
    items.push({ f: matched.f, dueText });
  }
  return { items, end: i };
}

function dueIso(dueText: string | null): string | null {
  if (!dueText || /hằng\s+năm|hàng\s+năm/iu.test(dueText)) return null;
  const v = dueText.replace(/^(?:trước|chậm\s+nhất(?:\s+(?:là|vào))?|vào)\s+(?:ngày\s+)?/iu, '');
  // Only a full date is a concrete due date ("15/8/2024"); "15/6" is a rule.
  return /\d{4}/.test(v) ? resolveTimeExpression(v) : null;
}

/** Recipient: first "về/gửi (về)/cho <agency>" after `from`. */
function findRecipient(s: string, from: number): { name: string; via: string | null; index: number; end: number } | null {
  const re = /(?<![\p{L}])(?:gửi\s+về|gửi\s+cho|gửi|về|cho|lên)\s+/giu;
  re.lastIndex = from;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const list = parseAgencyList(s, m.index + m[0].length);
    const first = list?.agencies[0];
    if (list && first) {
      return { name: first.name, via: first.note ? first.note.replace(/^qua\s+/iu, 'qua ') : null, index: m.index, end: list.end };
    }
  }
  return null;
}

/** Subject: "về <not an agency> …" or "báo cáo <kết quả|tình hình> …", up to the recipient/due. */
function findSubject(s: string, from: number, stop: number): string | null {
  const seg = s.slice(from, stop);
  let m = /(?<![\p{L}])về\s+((?:tình\s+hình|kết\s+quả|việc|công\s+tác)[^;()]*?)\s*(?=$|gửi|\(|trước\s+ngày|,\s*gửi)/iu.exec(seg);
  if (m?.[1]) return trimPunct(m[1]);
  m = /^\s*(?:định\s+kỳ\s*)?(?::\s*)?((?:kết\s+quả|tình\s+hình|sơ\s+kết|tổng\s+kết)[^;()]*?)\s*(?=$|gửi|về\s|\(|trước\s+ngày)/iu.exec(seg);
  if (m?.[1]) return trimPunct(m[1]);
  return null;
}

/**
 * Reporting rules stated in a task text. `reporters` are the task's lead/requested bodies, used
 * when the sentence does not name who reports.
 */
export function findReporting(text: string, reporters: string[]): ReportingRule[] {
  const out: ReportingRule[] = [];
  for (const sent of sentences(text)) {
    // The "báo cáo" that carries the regime is the one followed by frequencies ("Chế độ báo cáo:
    // các đơn vị báo cáo định kỳ 6 tháng …" → the second one).
    const BC = /(?<![\p{L}])báo\s+cáo(?:\s+định\s+kỳ)?/giu;
    let bc: RegExpExecArray | null = null;
    let freq: { items: { f: ReportFrequency; dueText: string | null }[]; end: number } = { items: [], end: 0 };
    for (let m = BC.exec(sent); m; m = BC.exec(sent)) {
      const f = parseFreqList(sent, m.index + m[0].length);
      if (!bc || (freq.items.length === 0 && f.items.length > 0)) {
        bc = m;
        freq = f;
      }
    }
    const sendPlan = /(?:kế\s+hoạch|báo\s+cáo)[^.;]*?\s(?:gửi\s+về|gửi)\s/iu.exec(sent);
    if (!bc && !sendPlan) continue;
    if (!bc) freq = { items: [], end: sendPlan?.index ?? 0 };
    // Frequencies may also come before "báo cáo": "Định kỳ 6 tháng, hằng năm, các đơn vị báo cáo…".
    if (bc && freq.items.length === 0) {
      const pre = /^(?:Định\s+kỳ|định\s+kỳ)\s+/u.exec(sent);
      if (pre) {
        const f2 = parseFreqList(sent, pre[0].length);
        if (f2.items.length) freq.items.push(...f2.items);
      }
    }
    let recipient = findRecipient(sent, bc ? freq.end : (sendPlan?.index ?? 0));
    // "báo cáo kết quả thực hiện hằng năm (trước ngày 10/12) về …": frequency after the subject.
    let subjectStop = recipient ? recipient.index : sent.length;
    if (bc && freq.items.length === 0) {
      const FW = /(?<![\p{L}])(?:định\s+kỳ|hằng|hàng|mỗi)\s/giu;
      FW.lastIndex = freq.end;
      const fw = FW.exec(sent);
      if (fw && fw.index < subjectStop) {
        const f3 = parseFreqList(sent, fw.index);
        if (f3.items.length) {
          freq.items.push(...f3.items);
          subjectStop = fw.index;
          recipient = findRecipient(sent, f3.end) ?? recipient;
        }
      }
    }
    // Sentence-level due date ("… trước ngày 15/8/2024").
    const dueAll =
      /(?:trước|chậm\s+nhất(?:\s+(?:là|vào))?)\s+(?:ngày\s+)?\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{4})?(?:\s+(?:hằng|hàng)\s+năm)?/iu.exec(
        sent,
      );
    const sentenceDue = dueAll ? trimPunct(dueAll[0]) : null;
    let subject = bc ? findSubject(sent, freq.end, subjectStop) : null;
    if (!subject && bc && recipient) subject = findSubject(sent, recipient.end, sent.length);
    if (sendPlan && !bc) {
      const head = sent.slice(0, sent.search(/,?\s(?:gửi\s+về|gửi)\s/u));
      // The last "kế hoạch …" before "gửi" is the document being sent ("… căn cứ Kế hoạch này xây
      // dựng kế hoạch thực hiện, gửi về …" → "kế hoạch thực hiện").
      const lower = head.toLocaleLowerCase('vi');
      const at = Math.max(lower.lastIndexOf('kế hoạch'), lower.lastIndexOf('báo cáo'));
      subject = /^(?:Kế\s+hoạch|Báo\s+cáo)/u.test(head) ? trimPunct(head) : at >= 0 ? trimPunct(head.slice(at)) : null;
    }
    const who = whoReports(sent, bc ? bc.index : -1, reporters);

    let items = freq.items;
    if (items.length === 0) {
      if (!recipient) continue; // "tổng hợp báo cáo theo quy định": nothing actionable to record
      if (/kịp\s+thời|đột\s+xuất|ngay/iu.test(sent)) items = [{ f: 'ad_hoc', dueText: null }];
      else if (sentenceDue || sendPlan) items = [{ f: 'once', dueText: null }];
      else continue;
    }
    for (const it of items) {
      const dueText = it.dueText ?? (items.length === 1 || it.f === 'once' ? sentenceDue : null);
      out.push({
        frequency: it.f,
        from: who,
        recipient: recipient?.name ?? null,
        via: recipient?.via ?? null,
        due: it.f === 'ad_hoc' ? null : dueIso(dueText),
        dueText: it.f === 'ad_hoc' ? null : dueText,
        subject,
      });
    }
  }
  return out;
}

/**
 * Who reports: the agencies right before "báo cáo" ("…: các cơ quan, đơn vị báo cáo định kỳ …"),
 * else the sentence subject, else the task's responsible bodies.
 */
function whoReports(sentence: string, bcIndex: number, reporters: string[]): string[] {
  const starts: number[] = [];
  if (bcIndex > 0) {
    starts.push(0);
    const SEP = /[\s,:;(]+/gu;
    for (let m = SEP.exec(sentence); m && m.index < bcIndex; m = SEP.exec(sentence)) starts.push(m.index + m[0].length);
  }
  for (const st of starts) {
    const list = parseAgencyList(sentence, st);
    if (list && sentence.slice(list.end, bcIndex).trim() === '') return agencyNames(list);
  }
  const lead = parseAgencyList(sentence.replace(/^(?:Định\s+kỳ[^,]*,\s*)/u, ''), 0);
  const names = agencyNames(lead);
  return names.length ? names : reporters;
}
