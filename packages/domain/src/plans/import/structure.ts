/**
 * Document outline: Roman-numeral parts (I., II.), numbered sections (1., 1.1.), lettered
 * subsections (a), b)), and the items (bullets "-", "+", "•", numbered or plain paragraphs) under
 * them. Markdown heading levels are ignored on purpose: converters assign them inconsistently
 * (the seeds use "##", "###" and "####" for the same level), the numbering is what the author meant.
 */
import { parseAgencyHeading } from './agencies.ts';
import type { Paragraph } from './text.ts';
import { trimPunct } from './text.ts';

export type Role = 'objectives' | 'background' | 'tasks' | 'funding' | 'schedule';

export interface Item {
  text: string;
  marker: 'dash' | 'plus' | 'numbered' | 'lettered' | 'plain';
  label: string | null;
  children: Item[];
  line: number;
}

export interface SectionNode {
  kind: 'root' | 'part' | 'numbered' | 'lettered';
  /** Full path: "III.2.a". */
  path: string;
  /** Own label: "III", "2", "a", "1.1". */
  label: string;
  heading: string;
  /** Dot depth for numbered sections ("1" → 1, "1.1" → 2). */
  depth: number;
  role: Role;
  /** Agencies named by the heading ("1. Công an tỉnh", "9. Đề nghị Viện Kiểm sát…"). */
  agencies: string[];
  requested: boolean;
  items: Item[];
  children: SectionNode[];
  parent: SectionNode | null;
  line: number;
}

type Classified =
  | { type: 'part'; label: string; text: string }
  | { type: 'numbered'; label: string; text: string }
  | { type: 'lettered'; label: string; text: string }
  | { type: 'bullet'; level: 1 | 2; text: string }
  | { type: 'plain'; text: string };

const ROMAN_VALUES: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };

export function romanToInt(r: string): number | null {
  if (!/^[IVXLC]+$/.test(r)) return null;
  let total = 0;
  for (let i = 0; i < r.length; i++) {
    const v = ROMAN_VALUES[r[i] ?? ''] ?? 0;
    const next = ROMAN_VALUES[r[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  // Reject non-canonical forms such as "IIII" or "VV" (likely not numbering).
  return total > 0 && total <= 40 && intToRoman(total) === r ? total : null;
}

function intToRoman(n: number): string {
  const table: [number, string][] = [
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  let x = n;
  for (const [v, s] of table) {
    while (x >= v) {
      out += s;
      x -= v;
    }
  }
  return out;
}

const isAllCaps = (s: string): boolean => {
  const letters = s.replace(/[^\p{L}]/gu, '');
  return letters.length >= 3 && letters === letters.toUpperCase();
};

export function classify(text: string): Classified {
  let m = /^(?:PHẦN|Phần)\s+([IVXLC]{1,6})\b\s*[.:\-–]?\s*(.*)$/u.exec(text);
  if (m?.[1] && romanToInt(m[1])) return { type: 'part', label: m[1], text: m[2] ?? '' };
  m = /^([IVXLC]{1,6})\s*[.):\-–]\s*(\S.*)$/u.exec(text);
  if (m?.[1] && m[2] && romanToInt(m[1])) return { type: 'part', label: m[1], text: m[2] };
  // "A. NHIỆM VỤ CHUNG" (capital letter parts, only with an all-caps heading).
  m = /^([A-HK-NP-UWYZ])\.\s+(\S.*)$/u.exec(text);
  if (m?.[1] && m[2] && isAllCaps(m[2]) && m[2].length <= 160) return { type: 'part', label: m[1], text: m[2] };
  m = /^(\d{1,2}(?:\.\d{1,2}){0,3})\s*[.)](?:\s+|(?=\p{L}))(\S.*)$/u.exec(text);
  if (m?.[1] && m[2]) return { type: 'numbered', label: m[1], text: m[2] };
  m = /^(\d{1,2}(?:\.\d{1,2}){1,3})\s+(\S.*)$/u.exec(text);
  if (m?.[1] && m[2]) return { type: 'numbered', label: m[1], text: m[2] };
  m = /^([a-zđ])\s*\)\s*(\S.*)$/u.exec(text) ?? /^([a-zđ])\.\s+(?!\S*\.)(\S.*)$/u.exec(text);
  if (m?.[1] && m[2]) return { type: 'lettered', label: m[1], text: m[2] };
  m = /^([-–—−•·▪■●►➢➤✓❖*+○◦□])\s*(?:[-+]\s+)?(\S.*)$/u.exec(text);
  if (m?.[1] && m[2]) {
    return { type: 'bullet', level: /[+○◦□]/u.test(m[1]) ? 2 : 1, text: m[2] };
  }
  return { type: 'plain', text };
}

/** Role of a part from its heading; null when the heading says nothing about it. */
export function roleOf(heading: string): Role | null {
  const h = heading.toLocaleUpperCase('vi');
  if (/NHIỆM VỤ|GIẢI PHÁP|PHÂN CÔNG|TỔ CHỨC THỰC HIỆN|TRÁCH NHIỆM|HOẠT ĐỘNG|CÔNG TÁC|CHẾ ĐỘ BÁO CÁO/u.test(h)) return 'tasks';
  if (/LỘ TRÌNH|TIẾN ĐỘ|PHÂN KỲ|CÁC GIAI ĐOẠN/u.test(h)) return 'schedule';
  if (/KINH PHÍ|NGUỒN LỰC|NGÂN SÁCH/u.test(h)) return 'funding';
  if (/MỤC ĐÍCH|MỤC TIÊU|YÊU CẦU|QUAN ĐIỂM|CHỈ TIÊU/u.test(h)) return 'objectives';
  if (/TÌNH HÌNH|KẾT QUẢ|THỰC TRẠNG|ĐÁNH GIÁ|SỰ CẦN THIẾT|CĂN CỨ/u.test(h)) return 'background';
  return null;
}

const INLINE_HEADING_WORDS =
  /^(?:Nội\s+dung|Phân\s+công(?:\s+thực\s+hiện|\s+trách\s+nhiệm)?|Trách\s+nhiệm(?:\s+thực\s+hiện)?|Tổ\s+chức\s+thực\s+hiện|Giải\s+pháp|Mục\s+tiêu(?:\s+\S+)?|Mục\s+đích|Yêu\s+cầu|Chỉ\s+tiêu)$/iu;

/** Heading text vs. a numbered sentence. */
function looksLikeHeading(text: string, md: boolean): boolean {
  if (md && text.length <= 250) return true;
  if (text.length > 170) return false;
  if (/:$/.test(text)) return true;
  if (/\.\/\.$/.test(text)) return false;
  if (/[.;,]$/.test(text)) return text.length <= 60 && !/[,;]$/.test(text) && !/[;.]\s/.test(text);
  // A heading is one phrase: more than one sentence inside means a paragraph.
  return !/[.;]\s+\p{Lu}/u.test(text);
}

/** "Sở Ngoại vụ: chủ động …" → heading "Sở Ngoại vụ" + content. */
function splitInlineHeading(text: string): { heading: string; rest: string } | null {
  const m = /^([^:]{2,120}?)\s*:\s+(\S.*)$/u.exec(text);
  if (!m?.[1] || !m[2]) return null;
  const prefix = m[1].trim();
  if (INLINE_HEADING_WORDS.test(prefix) || parseAgencyHeading(prefix)) return { heading: prefix, rest: m[2] };
  return null;
}

export interface Outline {
  root: SectionNode;
  /** All sections in document order (root excluded). */
  sections: SectionNode[];
}

function newNode(
  kind: SectionNode['kind'],
  label: string,
  heading: string,
  parent: SectionNode | null,
  line: number,
  depth = 0,
): SectionNode {
  const path = parent && parent.path ? `${parent.path}.${label}` : label;
  const ag = kind === 'root' ? null : parseAgencyHeading(heading);
  return {
    kind,
    path,
    label,
    heading,
    depth,
    role: parent?.role ?? 'tasks',
    agencies: ag?.agencies ?? [],
    requested: ag?.requested ?? false,
    items: [],
    children: [],
    parent,
    line,
  };
}

/**
 * Builds the outline of the body paragraphs (after the preamble, before "Nơi nhận").
 * `defaultRole` is the role of text outside any part.
 */
export function buildOutline(paras: Paragraph[], defaultRole: Role = 'tasks'): Outline {
  const root = newNode('root', '', '', null, 0);
  root.role = defaultRole;
  let stack: SectionNode[] = [root];
  const top = (): SectionNode => stack[stack.length - 1] ?? root;
  let unnumberedParts = 0;

  const pushSection = (node: SectionNode): void => {
    const parent = node.parent ?? root;
    parent.children.push(node);
    stack.push(node);
  };

  const addItem = (node: SectionNode, item: Item): void => {
    const last = node.items[node.items.length - 1];
    if (item.marker === 'plus' && last && (last.marker === 'dash' || /:$/.test(last.text))) {
      last.children.push(item);
      return;
    }
    node.items.push(item);
  };

  for (const p of paras) {
    const c = classify(p.text);
    if (c.type === 'part') {
      const inline = splitInlineHeading(c.text);
      stack = [root];
      const node = newNode('part', c.label, trimPunct(inline?.heading ?? c.text), root, p.line);
      node.role = roleOf(node.heading) ?? 'tasks';
      pushSection(node);
      if (inline) addItem(node, { text: inline.rest, marker: 'plain', label: null, children: [], line: p.line });
      continue;
    }
    if (c.type === 'plain' && (p.mdHeading || (isAllCaps(c.text) && c.text.length <= 120)) && !/[.;]$/.test(c.text)) {
      // Unnumbered heading ("## NHIỆM VỤ VÀ GIẢI PHÁP"): a part of its own, numbered §1, §2…
      stack = [root];
      unnumberedParts++;
      const node = newNode('part', `§${unnumberedParts}`, trimPunct(c.text), root, p.line);
      node.role = roleOf(node.heading) ?? 'tasks';
      pushSection(node);
      continue;
    }
    if (c.type === 'numbered') {
      const depth = c.label.split('.').length;
      while (stack.length > 1) {
        const t = top();
        if (t.kind === 'lettered' || (t.kind === 'numbered' && t.depth >= depth)) stack.pop();
        else break;
      }
      const inline = splitInlineHeading(c.text);
      if (inline || looksLikeHeading(c.text, p.mdHeading)) {
        const parent = top();
        // "1.1" under a part whose "1" is missing still gets the path "II.1.1".
        const node = newNode('numbered', c.label, trimPunct(inline?.heading ?? c.text), parent, p.line, depth);
        if (parent.kind === 'root') node.role = roleOf(node.heading) ?? parent.role;
        pushSection(node);
        if (inline) addItem(node, { text: inline.rest, marker: 'plain', label: null, children: [], line: p.line });
      } else {
        addItem(top(), { text: c.text, marker: 'numbered', label: c.label, children: [], line: p.line });
      }
      continue;
    }
    if (c.type === 'lettered') {
      while (stack.length > 1 && top().kind === 'lettered') stack.pop();
      const inline = splitInlineHeading(c.text);
      if (inline || looksLikeHeading(c.text, p.mdHeading)) {
        const parent = top();
        const node = newNode('lettered', c.label, trimPunct(inline?.heading ?? c.text), parent, p.line);
        if (parent.kind === 'root') node.role = roleOf(node.heading) ?? parent.role;
        pushSection(node);
        if (inline) addItem(node, { text: inline.rest, marker: 'plain', label: null, children: [], line: p.line });
      } else {
        addItem(top(), { text: c.text, marker: 'lettered', label: c.label, children: [], line: p.line });
      }
      continue;
    }
    if (c.type === 'bullet') {
      addItem(top(), { text: c.text, marker: c.level === 2 ? 'plus' : 'dash', label: null, children: [], line: p.line });
      continue;
    }
    // Plain paragraph. After a run of bullets inside a numbered/lettered section, an unbulleted
    // paragraph is the author stepping back out (a closing instruction such as "Yêu cầu các sở…
    // Giao Công an tỉnh theo dõi…./."), so it belongs to the enclosing section.
    let node = top();
    while (stack.length > 1 && (node.kind === 'numbered' || node.kind === 'lettered') && node.items.some((i) => i.marker === 'dash')) {
      stack.pop();
      node = top();
    }
    addItem(node, { text: c.text, marker: 'plain', label: null, children: [], line: p.line });
  }

  // Numbered/lettered "headings" with nothing under them were short numbered sentences.
  const demote = (node: SectionNode): void => {
    for (const child of [...node.children]) demote(child);
    const kept: SectionNode[] = [];
    for (const child of node.children) {
      if (child.kind !== 'part' && child.items.length === 0 && child.children.length === 0) {
        node.items.push({
          text: child.heading,
          marker: child.kind === 'numbered' ? 'numbered' : 'lettered',
          label: child.label,
          children: [],
          line: child.line,
        });
      } else {
        kept.push(child);
      }
    }
    node.children = kept;
    node.items.sort((a, b) => a.line - b.line);
  };
  demote(root);

  const sections: SectionNode[] = [];
  const walk = (n: SectionNode): void => {
    for (const ch of n.children) {
      sections.push(ch);
      walk(ch);
    }
  };
  walk(root);
  return { root, sections };
}
