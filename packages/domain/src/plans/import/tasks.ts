/**
 * Tasks: every item (bullet, numbered or plain paragraph) of the task parts of the outline, with
 * who leads (chủ trì), coordinates (phối hợp), is requested (đề nghị), by when, how often.
 *
 * Where the lead comes from, in order of precedence:
 * 1. the task text itself — labels ("Cơ quan chủ trì: X"), "Giao X …", "Yêu cầu X …",
 *    "X chủ trì, phối hợp với Y", "(X chủ trì …)", or an agency as the subject at the start
 *    ("Sở Tư pháp chủ trì, phối hợp …", "Công an thành phố phối hợp với …");
 * 2. attribute lines under it ("- Cơ quan chủ trì: …", "- Thời gian thực hiện: …");
 * 3. the "b) Phân công" block that follows an "a) Nội dung" block;
 * 4. the intro bullet it belongs to ("Hội LHPN thành phố triển khai …, trọng tâm là:");
 * 5. the nearest section headed by an agency ("1. Công an tỉnh"); a section "Đề nghị X" makes X
 *    requested, not lead. A task that starts "Phối hợp thực hiện …" (no partner named) gives the
 *    section agency a coordinating role and no lead.
 */
import { abbreviatedNameAt, agencyNames, parseAgencyList, uniq } from './agencies.ts';
import { findDateRanges, findDeadline, findRecurrence } from './dates.ts';
import type { PlanImportWarning, PlanTask } from './schema.ts';
import type { Item, SectionNode } from './structure.ts';
import { excerpt, sentences } from './text.ts';

export interface Assignment {
  lead: string[];
  coordinating: string[];
  requested: string[];
}

const ADVERBS = String.raw`(?:\s+(?:chặt\s+chẽ|tốt|thường\s+xuyên|đồng\s+bộ|hiệu\s+quả|có\s+hiệu\s+quả|cùng|với\s+nhau|cụ\s+thể))*`;
const COORD_RE = new RegExp(String.raw`(?<![\p{L}])phối\s+hợp${ADVERBS}\s+với\s+`, 'giu');

function listAt(text: string, pos: number): string[] {
  const abbr = abbreviatedNameAt(text, pos);
  if (abbr) return [abbr.name];
  return agencyNames(parseAgencyList(text, pos));
}

/** Assignment stated in the text itself (rule 1). */
export function extractAssignment(text: string): Assignment {
  const lead: string[] = [];
  const coordinating: string[] = [];
  const requested: string[] = [];

  // Labels: "Cơ quan chủ trì: X", "Đơn vị phối hợp: Y", "Chủ trì: X".
  const LABEL = /(?:(?:Cơ\s+quan|Đơn\s+vị)\s+)?(chủ\s+trì|phối\s+hợp|thực\s+hiện)\s*:\s*/giu;
  for (let m = LABEL.exec(text); m; m = LABEL.exec(text)) {
    const names = listAt(text, m.index + m[0].length);
    if (/phối/iu.test(m[1] ?? '')) coordinating.push(...names);
    else if (/chủ\s+trì/iu.test(m[1] ?? '') || /(?:Cơ\s+quan|Đơn\s+vị)/iu.test(m[0])) lead.push(...names);
  }

  // "Giao X …", "giao cho X", "giao nhiệm vụ cho X".
  const GIAO = /(?<![\p{L}])[Gg]iao\s+(?:nhiệm\s+vụ\s+)?(?:cho\s+)?/gu;
  for (let m = GIAO.exec(text); m; m = GIAO.exec(text)) lead.push(...listAt(text, m.index + m[0].length));

  // "Yêu cầu X thực hiện …" (not "theo yêu cầu", "đáp ứng yêu cầu").
  const YC = /(?<![\p{L}])[Yy]êu\s+cầu\s+/gu;
  for (let m = YC.exec(text); m; m = YC.exec(text)) {
    const before = text.slice(Math.max(0, m.index - 12), m.index);
    if (/(?:theo|đáp\s+ứng|có|các|những)\s*$/iu.test(before)) continue;
    lead.push(...listAt(text, m.index + m[0].length));
  }

  // "đề nghị X …" → requested.
  const DN = /(?<![\p{L}])(?:[Kk]ính\s+)?[Đđ]ề\s+nghị\s+/gu;
  for (let m = DN.exec(text); m; m = DN.exec(text)) requested.push(...listAt(text, m.index + m[0].length));

  // Subject at the start: "Sở Tư pháp chủ trì …", "Công an thành phố phối hợp với …".
  const startList = listAt(text, 0);
  if (startList.length) lead.push(...startList);

  // "X chủ trì" elsewhere, e.g. in a parenthesis "(Công an tỉnh chủ trì, phối hợp với …)".
  const CT = /\s(?:là\s+(?:cơ\s+quan|đơn\s+vị)\s+)?(?:chịu\s+trách\s+nhiệm\s+)?chủ\s+trì(?![\p{L}])/gu;
  for (let m = CT.exec(text); m; m = CT.exec(text)) {
    const windowStart = Math.max(0, m.index - 200);
    const starts: number[] = [];
    const SEP = /[(;:.,]\s*|(?<![\p{L}])(?:giao|Giao|và)\s+/gu;
    SEP.lastIndex = windowStart;
    for (let s = SEP.exec(text); s && s.index < m.index; s = SEP.exec(text)) starts.push(s.index + s[0].length);
    if (windowStart === 0) starts.unshift(0);
    // Nearest start whose agency list ends exactly before "chủ trì".
    for (const st of starts.reverse()) {
      const list = parseAgencyList(text, st);
      if (list && text.slice(list.end, m.index).trim() === '') {
        lead.push(...agencyNames(list));
        break;
      }
    }
  }

  for (let m = COORD_RE.exec(text); m; m = COORD_RE.exec(text)) coordinating.push(...listAt(text, m.index + m[0].length));
  COORD_RE.lastIndex = 0;

  const l = uniq(lead);
  const r = uniq(requested).filter((x) => !l.includes(x));
  const c = uniq(coordinating).filter((x) => !l.includes(x) && !r.includes(x));
  return { lead: l, coordinating: c, requested: r };
}

const ATTRIBUTE_LINE =
  /^(?:(?:Cơ\s+quan|Đơn\s+vị)\s+(?:chủ\s+trì|phối\s+hợp|thực\s+hiện)|Chủ\s+trì|Phối\s+hợp|Thời\s+gian(?:\s+(?:thực\s+hiện|hoàn\s+thành|triển\s+khai))?|Tiến\s+độ|Sản\s+phẩm(?:\s+đầu\s+ra)?|Kết\s+quả(?:\s+(?:đầu\s+ra|dự\s+kiến))?|Kinh\s+phí)\s*:/iu;

export const isAttributeLine = (text: string): boolean => ATTRIBUTE_LINE.test(text);

const ASSIGNMENT_HEADING =
  /^(?:Phân\s+công(?:\s+thực\s+hiện|\s+trách\s+nhiệm)?|Trách\s+nhiệm(?:\s+thực\s+hiện)?|Tổ\s+chức\s+thực\s+hiện|Cơ\s+quan\s+(?:chủ\s+trì|thực\s+hiện)|Đơn\s+vị\s+(?:chủ\s+trì|thực\s+hiện))$/iu;
const CONTENT_HEADING = /^(?:Nội\s+dung|Nhiệm\s+vụ|Giải\s+pháp)(?:\s+(?:thực\s+hiện|cụ\s+thể|chủ\s+yếu))?$/iu;

export interface TaskContext {
  defaultYear: number | null;
}

interface Draft extends PlanTask {
  /** Assignment came from the text/attributes (rules 1–2), not inherited. */
  explicit: boolean;
}

function sectionLabel(node: SectionNode): string {
  return node.path ? `${node.path}. ${node.heading}` : '';
}

function sectionAgency(node: SectionNode): { agencies: string[]; requested: boolean } | null {
  for (let n: SectionNode | null = node; n && n.kind !== 'root'; n = n.parent) {
    if (n.agencies.length) return { agencies: n.agencies, requested: n.requested };
  }
  return null;
}

/** Splits "Yêu cầu A … . Giao B …" into one task per addressed body. */
function splitByAddressee(text: string): string[] {
  const parts: string[] = [];
  for (const s of sentences(text)) {
    const starts =
      /^(?:Giao|Yêu\s+cầu|Đề\s+nghị)\s/u.test(s) && listAt(s.replace(/^(?:Giao|Yêu\s+cầu|Đề\s+nghị)\s+(?:cho\s+)?/u, ''), 0).length > 0;
    if (starts && parts.length > 0) parts.push(s);
    else if (parts.length === 0) parts.push(s);
    else parts[parts.length - 1] = `${parts[parts.length - 1] ?? ''} ${s}`;
  }
  return parts.length ? parts : [text];
}

function draftFrom(text: string, node: SectionNode, ctx: TaskContext, context: string | null): Draft {
  const a = extractAssignment(text);
  const deadline = findDeadline(text, ctx.defaultYear);
  const range = findDateRanges(text).find((r) => !/số\s+liệu|kỳ\s+báo\s+cáo/iu.test(text.slice(Math.max(0, r.index - 40), r.index)));
  return {
    section: sectionLabel(node),
    sectionPath: node.path,
    text,
    context,
    lead: a.lead,
    coordinating: a.coordinating,
    requested: a.requested,
    deadline: deadline?.date ?? null,
    deadlineText: deadline?.text ?? null,
    recurrence: findRecurrence(text),
    campaign: range ? { from: range.from, to: range.to } : null,
    explicit: a.lead.length > 0 || a.requested.length > 0,
  };
}

/** Applies attribute lines ("Cơ quan chủ trì: …", "Thời gian thực hiện: …") to a task. */
function applyAttributes(task: Draft, line: string, ctx: TaskContext): void {
  const a = extractAssignment(line);
  if (/^(?:(?:Cơ\s+quan|Đơn\s+vị)\s+(?:chủ\s+trì|thực\s+hiện)|Chủ\s+trì)/iu.test(line)) {
    task.lead = uniq([...task.lead, ...a.lead]);
    task.explicit = task.explicit || a.lead.length > 0;
  }
  task.coordinating = uniq([...task.coordinating, ...a.coordinating]).filter((x) => !task.lead.includes(x));
  task.requested = uniq([...task.requested, ...a.requested]);
  if (/^Thời\s+gian|^Tiến\s+độ/iu.test(line)) {
    const d = findDeadline(line.replace(/^Tiến\s+độ/iu, 'Thời gian'), ctx.defaultYear);
    if (d && !task.deadline) {
      task.deadline = d.date;
      task.deadlineText = d.text;
    }
    task.recurrence = task.recurrence ?? findRecurrence(line);
    const range = findDateRanges(line)[0];
    if (range && !task.campaign) task.campaign = { from: range.from, to: range.to };
  }
}

function inherit(task: Draft, from: Assignment, coordOnly: boolean): void {
  if (task.explicit) return;
  if (coordOnly) {
    task.coordinating = uniq([...from.lead, ...task.coordinating]);
    task.requested = uniq([...from.requested, ...task.requested]);
    return;
  }
  task.lead = uniq([...from.lead, ...task.lead]);
  task.requested = uniq([...from.requested, ...task.requested]);
  task.coordinating = uniq([...task.coordinating, ...from.coordinating]).filter(
    (x) => !task.lead.includes(x) && !task.requested.includes(x),
  );
}

const COORD_ONLY = (text: string): boolean =>
  /^Phối\s+hợp(?![\p{L}])/iu.test(text) && !new RegExp(String.raw`^Phối\s+hợp${ADVERBS}\s+với\s`, 'iu').test(text);

export interface TaskBuildResult {
  tasks: PlanTask[];
  warnings: PlanImportWarning[];
}

/** Builds tasks from the outline (task and funding parts only). */
export function buildTasks(root: SectionNode, ctx: TaskContext): TaskBuildResult {
  const drafts: Draft[] = [];
  const warnings: PlanImportWarning[] = [];
  const hasStructure = root.children.length > 0;

  const fromItem = (item: Item, node: SectionNode, context: string | null, parentAssign: Assignment | null): Draft[] => {
    const out: Draft[] = [];
    const isIntro = item.children.length > 0 && /:$/.test(item.text);
    if (isIntro) {
      const intro = draftFrom(item.text, node, ctx, context);
      const introAssign = resolveAssignment(intro, node, parentAssign);
      for (const ch of item.children) out.push(...fromItem(ch, node, item.text, introAssign));
      return out;
    }
    for (const piece of splitByAddressee(item.text)) {
      const d = draftFrom(piece, node, ctx, context);
      if (parentAssign) inherit(d, parentAssign, COORD_ONLY(piece));
      out.push(d);
    }
    const self = out[0];
    for (const ch of item.children) {
      out.push(
        ...fromItem(
          ch,
          node,
          item.text,
          self ? { lead: self.lead, coordinating: self.coordinating, requested: self.requested } : parentAssign,
        ),
      );
    }
    return out;
  };

  /** Section-agency fallback (rule 5) applied to an intro so children can inherit it. */
  function resolveAssignment(d: Draft, node: SectionNode, parentAssign: Assignment | null): Assignment {
    if (parentAssign) inherit(d, parentAssign, COORD_ONLY(d.text));
    applySection(d, node);
    return { lead: d.lead, coordinating: d.coordinating, requested: d.requested };
  }

  function applySection(d: Draft, node: SectionNode): void {
    if (d.lead.length || d.requested.length) return;
    const sa = sectionAgency(node);
    if (!sa) return;
    if (sa.requested) d.requested = uniq([...sa.agencies]);
    else if (COORD_ONLY(d.text)) d.coordinating = uniq([...sa.agencies, ...d.coordinating]);
    else d.lead = uniq([...sa.agencies]);
    d.coordinating = d.coordinating.filter((x) => !d.lead.includes(x) && !d.requested.includes(x));
  }

  const walk = (node: SectionNode): void => {
    if (node.kind !== 'root' && node.role !== 'tasks' && node.role !== 'funding') return;
    // "a) Nội dung" + "b) Phân công": the assignment block applies to the content block.
    const blockAssign = new Map<SectionNode, Assignment & { deadline: string | null; deadlineText: string | null }>();
    const assignmentNodes = new Set<SectionNode>();
    node.children.forEach((ch, idx) => {
      // Only inside a numbered/lettered section ("1. Tuyên truyền" → "a) Nội dung", "b) Phân công"):
      // at part level "II. NHIỆM VỤ" / "III. TỔ CHỨC THỰC HIỆN" are independent parts.
      if (node.kind !== 'numbered' && node.kind !== 'lettered') return;
      if (!ASSIGNMENT_HEADING.test(ch.heading)) return;
      const content = [...node.children.slice(0, idx)].reverse().find((s) => CONTENT_HEADING.test(s.heading));
      const text = [...ch.items.flatMap((i) => [i.text, ...i.children.map((c) => c.text)])].join(' ');
      if (!content || !text) return;
      const a = extractAssignment(text);
      const dl = findDeadline(text, ctx.defaultYear);
      blockAssign.set(content, { ...a, deadline: dl?.date ?? null, deadlineText: dl?.text ?? null });
      assignmentNodes.add(ch);
    });

    type Entry = { line: number; item?: Item; child?: SectionNode };
    const entries: Entry[] = [
      ...node.items.map((item) => ({ line: item.line, item })),
      ...node.children.map((child) => ({ line: child.line, child })),
    ].sort((a, b) => a.line - b.line);

    let lastOwn: Draft | null = null;
    for (const e of entries) {
      if (e.child) {
        if (assignmentNodes.has(e.child)) continue;
        const before = drafts.length;
        walk(e.child);
        const ba = blockAssign.get(e.child);
        if (ba) {
          for (const d of drafts.slice(before)) {
            inherit(d, ba, COORD_ONLY(d.text));
            if (!d.deadline && ba.deadline) {
              d.deadline = ba.deadline;
              d.deadlineText = ba.deadlineText;
            }
          }
        }
        continue;
      }
      const item = e.item;
      if (!item) continue;
      if (isAttributeLine(item.text)) {
        if (!lastOwn) {
          // Attribute lines directly under a heading: the heading is the task.
          lastOwn = draftFrom(node.heading, node, ctx, null);
          drafts.push(lastOwn);
        }
        applyAttributes(lastOwn, item.text, ctx);
        continue;
      }
      // Outside any section, only paragraphs that assign something are tasks (a bare text is not a plan).
      const made = fromItem(item, node, null, null);
      for (const d of made) {
        if (node.kind === 'root' && !hasStructure && !d.explicit && d.coordinating.length === 0) continue;
        drafts.push(d);
      }
      lastOwn = made[made.length - 1] ?? lastOwn;
    }
  };
  walk(root);

  for (const d of drafts) {
    const node = findNode(root, d.sectionPath);
    if (node) applySection(d, node);
  }

  // Warn once per section about tasks without any responsible body.
  const missing = new Map<string, number>();
  for (const d of drafts) {
    if (d.lead.length === 0 && d.requested.length === 0) missing.set(d.section, (missing.get(d.section) ?? 0) + 1);
  }
  for (const [section, n] of missing) {
    warnings.push({
      code: 'task_without_lead',
      message: `${n} nhiệm vụ tại mục "${section || '(không có mục)'}" không xác định được cơ quan chủ trì; cần phân công khi nhập.`,
      excerpt: excerpt(section),
    });
  }

  return { tasks: drafts.map(({ explicit: _explicit, ...t }) => t), warnings };
}

function findNode(root: SectionNode, path: string): SectionNode | null {
  if (root.path === path) return root;
  for (const ch of root.children) {
    const f = findNode(ch, path);
    if (f) return f;
  }
  return null;
}
