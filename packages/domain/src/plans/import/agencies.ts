/**
 * Recognising agency names in running Vietnamese text.
 *
 * The hard part is knowing where a list of agencies ends and the verb phrase begins, and where one
 * agency ends inside a list, because official names themselves contain commas and "và"
 * ("Sở Văn hóa, Thể thao và Du lịch", "Sở Lao động - Thương binh và Xã hội"). The rules:
 *
 * 1. An agency starts with a *head* ("Sở", "Công an", "Ủy ban nhân dân", "UBND", "Ban Chỉ đạo"…) or
 *    with "các" + a collective noun ("các sở", "các cơ quan", "các địa phương").
 * 2. It continues over capitalised words and numbers (proper names: "Công an tỉnh Bắc Giang",
 *    "Ban Chỉ đạo 138/CP") and over a closed list of lowercase words that occur inside names
 *    ("nhân dân", "tỉnh", "thành phố", "có liên quan", "phụ nữ"…). Any other lowercase word is the
 *    verb phrase: the name stops there ("Sở Tư pháp | chủ trì").
 * 3. After "," or "và": a new head starts a new agency; a capitalised non-head word continues the
 *    current proper name ("Văn hóa, Thể thao"); a lowercase collective/administrative word continues
 *    a collective name ("các sở, ban, ngành"; "UBND các huyện, thành phố") — so collective names stay
 *    one entry, as the contract requires.
 * 4. A parenthesis right after a name ("Công an thành phố (Cơ quan thường trực…)") is a note, and
 *    "qua <agency>" (routing) is absorbed into the note.
 *
 * Truncating an unusual name is preferred to swallowing the verb phrase: the data stays "as written",
 * only shorter.
 */

interface Token {
  text: string;
  start: number;
  end: number;
  kind: 'word' | 'punct';
}

const WORD_RE = /[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}/&'’]|[.-](?=[\p{L}\p{N}]))*/uy;

function tokenize(s: string, from: number, maxLen = 600): Token[] {
  const out: Token[] = [];
  const limit = Math.min(s.length, from + maxLen);
  let i = from;
  while (i < limit) {
    const ch = s[i] ?? '';
    if (/\s/u.test(ch)) {
      i++;
      continue;
    }
    WORD_RE.lastIndex = i;
    const m = WORD_RE.exec(s);
    if (m && m.index === i) {
      out.push({ text: m[0], start: i, end: i + m[0].length, kind: 'word' });
      i += m[0].length;
    } else {
      out.push({ text: ch, start: i, end: i + 1, kind: 'punct' });
      i++;
    }
  }
  return out;
}

/** Heads, longest first so "Ủy ban nhân dân" wins over "Ủy ban". Matched case-sensitively on the first word. */
const HEADS: string[][] = [
  'Ủy ban nhân dân',
  'Uỷ ban nhân dân',
  'Ủy ban Nhân dân',
  'Ủy ban Mặt trận Tổ quốc',
  'Uỷ ban Mặt trận Tổ quốc',
  'Tòa án nhân dân',
  'Toà án nhân dân',
  'Viện Kiểm sát nhân dân',
  'Viện kiểm sát nhân dân',
  'Hội đồng nhân dân',
  'Bộ Chỉ huy Quân sự',
  'Bộ Chỉ huy Bộ đội Biên phòng',
  'Bộ chỉ huy Bộ đội Biên phòng',
  'Bộ Chỉ huy',
  'Bộ chỉ huy',
  'Bộ đội Biên phòng',
  'Bộ đội',
  'Ủy ban',
  'Uỷ ban',
  'Công an',
  'Tòa án',
  'Toà án',
  'Viện Kiểm sát',
  'Viện kiểm sát',
  'Văn phòng',
  'Trung tâm',
  'Cơ quan',
  'Chi cục',
  'Tổng cục',
  'Liên đoàn',
  'Mặt trận',
  'Thanh tra',
  'Kho bạc',
  'Ngân hàng',
  'Tỉnh đoàn',
  'Thành đoàn',
  'Huyện đoàn',
  'Tỉnh ủy',
  'Tỉnh uỷ',
  'Thành ủy',
  'Thành uỷ',
  'Huyện ủy',
  'Huyện uỷ',
  'Đảng ủy',
  'Đảng uỷ',
  'Ban Chỉ đạo',
  'Ban chỉ đạo',
  'Hội Liên hiệp',
  'Hội đồng',
  'Phó Chủ tịch',
  'Chủ tịch',
  'Phó Giám đốc',
  'Giám đốc',
  'Thủ trưởng',
  'Thủ tướng',
  'Bộ trưởng',
  'Cảnh sát',
  'Đại sứ quán',
  'Tổng Lãnh sự quán',
  'Học viện',
  'Bệnh viện',
  'Quốc hội',
  'Chính phủ',
  'Thường trực',
  'Lực lượng',
  'Hải quan',
  'Cảng vụ',
  'Bảo hiểm',
  'Bưu điện',
  'Đoàn Thanh niên',
  'Hội Nông dân',
  'Hội Cựu chiến binh',
  'Chi nhánh',
  'Cục',
  'Sở',
  'Đồn',
  'Trạm',
  'Hạt',
  'Bộ',
  'Phòng',
  'Ban',
  'Hội',
  'Đoàn',
  'Viện',
  'Đài',
  'Báo',
  'Trường',
  'Vụ',
  'Tòa',
  'Toà',
].map((h) => h.split(' '));

/** Abbreviated heads ("UBND tỉnh", "VKSND tỉnh", "BCĐ 138"). */
const ACRONYM_HEAD =
  /^(?:UBND|HĐND|UBMTTQ(?:VN)?|MTTQ(?:VN)?|VKSND|VKS|TAND|BCĐ|BCH|BCHQS|BĐBP|BCA|CAT|CATP|LĐLĐ|LĐTBXH|TTTT|VHTTDL|GDĐT|VPCP|TT|VP|Sở|Bộ)$/u;

/** Nouns that may follow "các" in a collective name (matched on words, longest first). */
const COLLECTIVE = [
  'cơ quan tiến hành tố tụng',
  'cơ quan',
  'đơn vị',
  'địa phương',
  'đoàn thể',
  'tổ chức',
  'lực lượng',
  'doanh nghiệp',
  'nhà mạng',
  'nhà trường',
  'thành viên',
  'cơ sở',
  'trung tâm',
  'chi cục',
  'hội đồng',
  'ủy ban',
  'uỷ ban',
  'thành phố',
  'thị xã',
  'thị trấn',
  'nước',
  'quốc gia',
  'sở',
  'ban',
  'ngành',
  'bộ',
  'hội',
  'đoàn',
  'trường',
  'phòng',
  'huyện',
  'quận',
  'xã',
  'phường',
  'tỉnh',
  'cấp',
  'đài',
  'báo',
].map((w) => w.split(' '));

/** Lowercase words that may appear inside a name (after its head). Longest first. */
const INNER_LOWER = [
  'chính trị - xã hội',
  'chính trị-xã hội',
  'công nghệ thông tin',
  'tiến hành tố tụng',
  'xuất nhập cảnh',
  'phổ biến giáo dục pháp luật',
  'pháp luật',
  'quốc tế',
  'các nước',
  'nước ngoài',
  'có liên quan',
  'nhân dân',
  'thành phố',
  'thị xã',
  'thị trấn',
  'đặc khu',
  'trung ương',
  'địa phương',
  'liên quan',
  'hữu quan',
  'thành viên',
  'chức năng',
  'trực thuộc',
  'chuyên môn',
  'báo chí',
  'truyền thông',
  'phát thanh',
  'truyền hình',
  'truyền thanh',
  'thông tin',
  'dịch vụ',
  'viễn thông',
  'đoàn thể',
  'chính trị',
  'xã hội',
  'nghề nghiệp',
  'tố tụng',
  'kiểm sát',
  'phụ nữ',
  'nông dân',
  'cựu chiến binh',
  'thanh niên',
  'lao động',
  'biên phòng',
  'quân sự',
  'thường trực',
  'liên ngành',
  'đại chúng',
  'cơ sở',
  'cơ quan',
  'đơn vị',
  'doanh nghiệp',
  'nhà mạng',
  'lực lượng',
  'bảo trợ',
  'công an',
  'y tế',
  'giáo dục',
  'tư pháp',
  'tổ quốc',
  'đối ngoại',
  'ngoại vụ',
  'hành chính',
  'sự nghiệp',
  'công lập',
  'tỉnh',
  'huyện',
  'quận',
  'xã',
  'phường',
  'cấp',
  'các',
  'sở',
  'ban',
  'ngành',
  'thuộc',
  'đảng',
  'ủy',
  'uỷ',
].map((w) => w.split(' '));

/** Inner words allowed only right after a given word ("Ban chỉ đạo", "Cảnh sát điều tra"…). */
const CONTEXTUAL_LOWER: { words: string[]; after: RegExp }[] = [
  { words: ['chỉ', 'đạo'], after: /^[Bb]an$/u },
  { words: ['chỉ', 'huy'], after: /^[Bb]ộ$/u },
  { words: ['điều', 'tra'], after: /^[Ss]át$/u },
  { words: ['tổ', 'chức'], after: /^(?:[Cc]ác|,|và)$/u },
  { words: ['đội'], after: /^Bộ$/u },
  { words: ['án'], after: /^(?:Tòa|Toà)$/u },
  { words: ['hiệp'], after: /^Liên$/u },
];

/** Inner words that only make sense in a collective name ("các sở, ban, ngành"), not after a proper name. */
const COLLECTIVE_ONLY = new Set(['sở', 'ban', 'ngành', 'đơn vị', 'cơ quan', 'doanh nghiệp', 'nhà mạng', 'lực lượng', 'địa phương']);

/** Administrative/collective words that may follow a comma inside a collective name. */
const MERGE_AFTER_COMMA = new Set(
  [
    'ban',
    'ngành',
    'cơ quan',
    'đơn vị',
    'địa phương',
    'đoàn thể',
    'tổ chức',
    'thành phố',
    'thị xã',
    'thị trấn',
    'huyện',
    'quận',
    'xã',
    'phường',
    'tỉnh',
    'đặc khu',
    'doanh nghiệp',
    'dịch vụ',
    'công nghệ thông tin',
    'truyền thông',
    'báo chí',
    'hội',
    'đoàn',
    'trường',
    'lực lượng',
    'sở',
  ].map((w) => w),
);

const DOC_KIND_START =
  /^(?:Quyết định|Kế hoạch|Chỉ thị|Nghị quyết|Nghị định|Thông tư|Công văn|Chương trình|Kết luận|Đề án|Hướng dẫn|Thông báo|Văn bản|Luật \S+)$/u;

const MERGE_WORDS = [...MERGE_AFTER_COMMA].sort((a, b) => b.length - a.length).map((w) => w.split(' '));

const ADMIN_END = /^(?:tỉnh|huyện|quận|xã|phường|thị xã|thành phố|thị trấn|cấp|các cấp|ngành|sở|ban|đơn vị|địa phương|cơ quan)$/u;

/** Lowercase syllables that begin the verb phrase after a name; never absorbed into the name. */
const VERB_START = new Set([
  'chủ',
  'phối',
  'tổ',
  'triển',
  'thực',
  'xây',
  'theo',
  'hướng',
  'chỉ',
  'tham',
  'có',
  'và',
  'các',
  'của',
  'để',
  'trong',
  'về',
  'là',
  'tăng',
  'đẩy',
  'kiểm',
  'làm',
  'giúp',
  'chịu',
  'căn',
  'khẩn',
  'nghiên',
  'rà',
  'tuyên',
  'phổ',
  'đánh',
  'bảo',
  'đảm',
  'quản',
  'lồng',
  'cung',
  'hỗ',
  'tiếp',
  'xử',
  'giải',
  'thường',
  'định',
  'sử',
  'duy',
  'nắm',
  'xác',
  'điều',
  'gửi',
  'tại',
  'trên',
  'cho',
  'từ',
  'đến',
  'khi',
  'với',
  'nghiêm',
  'hoàn',
  'mở',
  'đề',
  'vận',
  'giám',
  'nâng',
  'bố',
  'ưu',
  'kịp',
  'chủ',
  'qua',
  'nhằm',
  'được',
  'đã',
  'sẽ',
  'cần',
  'phải',
  'thì',
  'mà',
  'như',
  'này',
  'đó',
]);

/** "Tư", "Y", "Đối" — one capital then lowercase (not an acronym like "UBND"). */
const isTitleSyllable = (w: string): boolean => /^\p{Lu}\p{Ll}*$/u.test(w);

const isCap = (t: Token): boolean => t.kind === 'word' && /^[\p{Lu}\p{N}]/u.test(t.text);
const isWord = (t: Token | undefined, w: string): boolean => t?.kind === 'word' && t.text === w;

function matchSeq(tokens: Token[], i: number, seq: string[], caseInsensitive = false): boolean {
  for (let k = 0; k < seq.length; k++) {
    const t = tokens[i + k];
    const w = seq[k] ?? '';
    if (t === undefined) return false;
    if (w === '-') {
      if (!(t.text === '-' || t.text === '–')) return false;
      continue;
    }
    if (t.kind !== 'word') return false;
    if (caseInsensitive ? t.text.toLowerCase() !== w.toLowerCase() : t.text !== w) return false;
  }
  return true;
}

function matchList(tokens: Token[], i: number, list: string[][], ci = false): number {
  for (const seq of list) {
    // "chính trị - xã hội": the dash is its own token.
    const parts = seq.flatMap((w) => (w.includes('-') && w !== '-' ? w.split(/(-)/).filter(Boolean) : [w]));
    if (matchSeq(tokens, i, parts, ci)) return parts.length;
  }
  return 0;
}

/** Length (in tokens) of a head at i, or 0. */
function headAt(tokens: Token[], i: number): number {
  const t = tokens[i];
  if (!t || t.kind !== 'word') return 0;
  const n = matchList(tokens, i, HEADS);
  if (n) return n;
  if (ACRONYM_HEAD.test(t.text)) return 1;
  // "UBND" glued with a dash or slash variants such as "UBND-" are rare; ignore.
  return 0;
}

/** Length of "các" + collective noun at i, or 0. */
function collectiveAt(tokens: Token[], i: number): number {
  const t = tokens[i];
  if (!t || t.kind !== 'word' || !/^[Cc]ác$/u.test(t.text)) return 0;
  const n = matchList(tokens, i + 1, COLLECTIVE, true);
  if (n) return 1 + n;
  const h = headAt(tokens, i + 1);
  return h ? 1 + h : 0;
}

export interface AgencyMatch {
  name: string;
  start: number;
  end: number;
  /** Parenthetical or "qua …" routing note following the name. */
  note: string | null;
}

function closingParen(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length && i < open + 400; i++) {
    if (s[i] === '(') depth++;
    else if (s[i] === ')') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** Parses one agency starting at token i. */
function parseOne(s: string, tokens: Token[], i: number): { match: AgencyMatch; next: number } | null {
  const first = tokens[i];
  if (!first || first.kind !== 'word') return null;
  let collective = false;
  let k: number;
  const c = collectiveAt(tokens, i);
  const h = c ? 0 : headAt(tokens, i);
  if (c) {
    collective = true;
    k = i + c;
  } else if (h) {
    k = i + h;
  } else {
    return null;
  }
  const headLen = c || h;
  let endTok = k - 1;
  let note: string | null = null;
  let guard = 0;
  while (k < tokens.length && guard++ < 80) {
    const t = tokens[k];
    if (!t) break;
    const prev = tokens[k - 1];
    if (t.text === ',' || isWord(t, 'và')) {
      let j = k + 1;
      if (t.text === ',' && isWord(tokens[j], 'và')) j++;
      const nx = tokens[j];
      if (!nx || nx.kind !== 'word') break;
      if (headAt(tokens, j) || collectiveAt(tokens, j)) break; // a new agency: handled by the list loop
      // "… của Thủ tướng Chính phủ và Kế hoạch số 15/KH-BCĐ": the next citation, not a name part.
      if (DOC_KIND_START.test(`${nx.text} ${tokens[j + 1]?.text ?? ''}`) && /^(?:số|\d)/u.test(tokens[j + 2]?.text ?? '')) break;
      if (isCap(nx) && !/^[Cc]ác$/u.test(nx.text) && !collective) {
        // Inside a proper name: "Sở Văn hóa, Thể thao và Du lịch". Only when the name so far has a
        // capitalised word after its head, which is what such names look like.
        const nameHasCap = tokens.slice(i + 1, endTok + 1).some(isCap) || headLen === 1;
        if (nameHasCap) {
          k = j;
          continue;
        }
        break;
      }
      const lastWord = tokens[endTok]?.text ?? '';
      const n2 = matchList(tokens, j, MERGE_WORDS);
      const phrase = tokens
        .slice(j, j + n2)
        .map((x) => x.text)
        .join(' ');
      if (n2 && MERGE_AFTER_COMMA.has(phrase) && (collective || ADMIN_END.test(lastWord))) {
        k = j;
        continue;
      }
      break;
    }
    if (t.kind === 'word') {
      if (isCap(t)) {
        const hk = headAt(tokens, k);
        if (hk) {
          k += hk;
        } else {
          k += 1;
          // Vietnamese capitalises only the first syllable of each word in a name ("Sở Y tế",
          // "Sở Tư pháp", "Cục Đối ngoại"), so a lone Title-case syllable takes one lowercase
          // syllable with it. Not after a run of capitals ("Bắc Giang | chủ trì") nor after an
          // acronym ("UBND | phối hợp"), and never a syllable that starts a verb phrase.
          const nx = tokens[k];
          const prevCap = prev !== undefined && k - 2 >= i + headLen && isCap(prev);
          if (
            nx &&
            nx.kind === 'word' &&
            /^\p{Ll}/u.test(nx.text) &&
            isTitleSyllable(t.text) &&
            !prevCap &&
            !VERB_START.has(nx.text) &&
            !matchList(tokens, k, INNER_LOWER)
          ) {
            k += 1;
          }
        }
        endTok = k - 1;
        continue;
      }
      const ctx = CONTEXTUAL_LOWER.find((cl) => matchSeq(tokens, k, cl.words) && prev && cl.after.test(prev.text));
      if (ctx) {
        k += ctx.words.length;
        endTok = k - 1;
        if (ctx.words[0] === 'tổ') collective = true;
        continue;
      }
      const n = matchList(tokens, k, INNER_LOWER);
      const innerPhrase = tokens
        .slice(k, k + n)
        .map((x) => x.text)
        .join(' ');
      if (n && (collective || !COLLECTIVE_ONLY.has(innerPhrase))) {
        if (t.text === 'các') {
          // "các" inside a name must introduce a collective/admin noun ("UBND các huyện").
          const cn = matchList(tokens, k + 1, COLLECTIVE, true);
          if (!cn) break;
          collective = true;
          k += 1 + cn;
        } else {
          k += n;
        }
        endTok = k - 1;
        continue;
      }
      if (t.text === 'qua' && tokens[k + 1]) {
        // Routing: "Cục Đối ngoại Bộ Công an qua Văn phòng Interpol Việt Nam".
        const sub = parseOne(s, tokens, k + 1);
        if (sub) {
          note = s.slice(t.start, sub.match.end);
          k = sub.next;
          endTok = Math.max(endTok, -1);
          continue;
        }
      }
      break;
    }
    // punctuation
    if (t.text === '(') {
      const close = closingParen(s, t.start);
      if (close < 0) break;
      const inner = s.slice(t.start + 1, close).trim();
      if (/^(?:gọi\s+tắt|sau\s+đây\s+gọi|viết\s+tắt)/iu.test(inner)) {
        // "(gọi tắt là Ban Chỉ đạo tỉnh)" — the name was the full text before the parenthesis.
        note = inner;
      } else {
        note = note ? `${note}; ${inner}` : inner;
      }
      while (k < tokens.length && (tokens[k]?.start ?? 0) <= close) k++;
      continue;
    }
    if ((t.text === '-' || t.text === '–') && prev?.kind === 'word') {
      const nx = tokens[k + 1];
      if (nx && (isCap(nx) || matchList(tokens, k + 1, INNER_LOWER))) {
        k += 1;
        continue;
      }
      break;
    }
    break;
  }
  // Trim trailing dangling words that cannot end a name.
  while (endTok > i && /^(?:các|của|và|thuộc)$/u.test(tokens[endTok]?.text ?? '')) endTok--;
  const startTok = tokens[i];
  const lastTok = tokens[endTok];
  if (!startTok || !lastTok) return null;
  const tokenCount = endTok - i + 1;
  // A bare single-word head ("Phòng", "Ban", "Hội") is a verb or common noun ("Phòng ngừa…").
  if (tokenCount < 2 && !ACRONYM_HEAD.test(startTok.text)) return null;
  if (tokenCount === 1 && /^(?:Sở|Bộ|TT|VP)$/u.test(startTok.text)) return null;
  const name = cleanName(s.slice(startTok.start, lastTok.end));
  // A generic head alone ("Hội đồng", "Công an", "Cơ quan") names nobody in particular.
  if (!collective && GENERIC_HEADS.has(name)) return null;
  if (!name) return null;
  return { match: { name, start: startTok.start, end: lastTok.end, note }, next: Math.max(k, endTok + 1) };
}

const GENERIC_HEADS = new Set([
  'Hội đồng',
  'Cơ quan',
  'Trung tâm',
  'Lực lượng',
  'Công an',
  'Văn phòng',
  'Ủy ban',
  'Uỷ ban',
  'Bộ đội',
  'Cảnh sát',
  'Thường trực',
  'Chủ tịch',
  'Giám đốc',
  'Ngân hàng',
  'Bảo hiểm',
  'Thanh tra',
  'Mặt trận',
  'Liên đoàn',
  'Hội Liên hiệp',
]);

export function cleanName(s: string): string {
  return s
    .replace(/\s+/g, ' ')
    .replace(/[\s.;:,]+$/u, '')
    .replace(/^[\s.;:,]+/u, '')
    .trim();
}

export interface AgencyListMatch {
  agencies: AgencyMatch[];
  /** Offset just after the last agency (and its note). */
  end: number;
}

/**
 * Parses a list of agencies starting at `from` (leading spaces skipped). Returns null when the
 * text there does not start with an agency.
 */
export function parseAgencyList(s: string, from = 0): AgencyListMatch | null {
  const tokens = tokenize(s, from);
  const agencies: AgencyMatch[] = [];
  let i = 0;
  let end = from;
  while (i < tokens.length) {
    const one = parseOne(s, tokens, i);
    if (!one) break;
    // "… (gọi tắt là X)" means the whole text up to the parenthesis is the name.
    agencies.push(one.match);
    i = one.next;
    const lastTok = tokens[i - 1];
    end = Math.max(one.match.end, lastTok ? lastTok.end : one.match.end);
    const sep = tokens[i];
    if (!sep) break;
    if (sep.text === ',' || sep.text === ';' || isWord(sep, 'và') || isWord(sep, 'cùng')) {
      let j = i + 1;
      if ((sep.text === ',' || sep.text === ';') && (isWord(tokens[j], 'và') || isWord(tokens[j], 'cùng'))) j++;
      if (parseOne(s, tokens, j)) {
        i = j;
        continue;
      }
    }
    break;
  }
  if (agencies.length === 0) return null;
  return { agencies, end };
}

/** Names only, deduplicated, in order. */
export function agencyNames(list: AgencyListMatch | null): string[] {
  return uniq(list?.agencies.map((a) => a.name) ?? []);
}

export function uniq(xs: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const x of xs) {
    const key = x.toLocaleLowerCase('vi');
    if (!seen.has(key)) {
      seen.add(key);
      out.push(x);
    }
  }
  return out;
}

/**
 * The whole string is (only) a list of agencies, e.g. a section heading "Công an tỉnh" or
 * "Sở Văn hóa, Thể thao và Du lịch". A trailing ":" is allowed.
 */
export function parseAgencyHeading(heading: string): { agencies: string[]; requested: boolean } | null {
  let h = heading
    .trim()
    .replace(/[:.]+$/u, '')
    .trim();
  let requested = false;
  const req = /^(?:Đề\s+nghị|đề\s+nghị|Kính\s+đề\s+nghị)\s+/u.exec(h);
  if (req) {
    requested = true;
    h = h.slice(req[0].length);
  }
  const list = parseAgencyList(h, 0);
  if (!list) return null;
  const rest = h.slice(list.end).trim();
  if (rest !== '' && !/^\(.*\)$/u.test(rest)) return null;
  return { agencies: agencyNames(list), requested };
}

/**
 * Long names that are introduced with an abbreviation: "Ban Chỉ đạo phòng, chống tội phạm, …
 * Tổ quốc tỉnh (gọi tắt là Ban Chỉ đạo tỉnh)". The generic grammar stops at the first lowercase
 * verb-like word ("phòng"), so here the whole span head…"(gọi tắt" is taken as the name.
 */
export function abbreviatedNameAt(s: string, from: number): { name: string; end: number } | null {
  const tokens = tokenize(s, from, 300);
  if (!tokens.length || !(headAt(tokens, 0) || collectiveAt(tokens, 0))) return null;
  const rest = s.slice(from, from + 300);
  const m = /^([^.;()]{3,250}?)\s*\((?:gọi\s+tắt|sau\s+đây\s+gọi(?:\s+tắt)?|viết\s+tắt)\s+(?:là\s+)?[^)]*\)/iu.exec(rest);
  if (!m?.[1]) return null;
  return { name: cleanName(m[1]), end: from + m[0].length };
}
