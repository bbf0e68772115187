/**
 * Text normalisation and paragraph assembly.
 *
 * Plans reach us as .docx raw text (one paragraph per line, blank line between paragraphs), as
 * Markdown produced by converters (headings `##`, bold `**…**`, escaped `1\.`), or as text pasted
 * from PDFs (page breaks in the middle of sentences). Everything downstream works on clean
 * paragraphs, so this module removes those differences once.
 */

export interface Paragraph {
  /** Cleaned text: no Markdown markers, single spaces, NFC. */
  text: string;
  /** 0-based index of the first source line (for excerpts/debugging). */
  line: number;
  /** The source line was a Markdown heading (`#…`). */
  mdHeading: boolean;
}

/** NFC, LF line endings, ordinary spaces; removes BOM and zero-width characters. */
export function normalizeText(input: string): string {
  return (
    input
      // Vietnamese typed on macOS or copied from some PDFs is NFD (base letter + combining marks);
      // every regex below is written in NFC.
      .normalize('NFC')
      .replace(/^\uFEFF/, '')
      .replace(/\r\n?/g, '\n')
      .replace(/[\u2028\u2029\v\f]/g, '\n')
      .replace(/[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\t]/g, ' ')
      .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '')
      // Typographic apostrophes/quotes are kept; only the ellipsis character is unified.
      .replace(/\u2026/g, '...')
  );
}

/** Collapses inner whitespace and trims. */
export function squash(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Removes Markdown decoration from one line; reports whether it was a heading. */
export function cleanLine(raw: string): { text: string; mdHeading: boolean } {
  let s = raw.trim();
  let mdHeading = false;
  const h = /^#{1,6}\s+/.exec(s);
  if (h) {
    mdHeading = true;
    s = s.slice(h[0].length);
  }
  s = s.replace(/^>\s?/, '');
  // A Markdown "* item" bullet is a dash bullet for us (must run before emphasis removal).
  s = s.replace(/^\*\s+(?=\S)/, '- ');
  // Bold/italic markers anywhere ("**3. Sở Thông tin và Truyền thông:** tăng cường…").
  s = s.replace(/\*\*|__/g, '');
  s = s.replace(/(^|\s)\*(?=\S)([^*\n]*?\S)\*(?=\s|$|[.,:;])/g, '$1$2');
  s = s.replace(/^\*(\S.*)$/, '$1');
  // Pandoc escapes ("1\.", "\-", "\*").
  s = s.replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1');
  // Table pipes from Markdown tables become separators.
  if (/^\|.*\|$/.test(s)) s = s.replace(/^\||\|$/g, '').replace(/\|/g, ' ; ');
  if (/^[-=_*~.\s]{3,}$/.test(s)) s = ''; // horizontal rules, underline separators
  s = squash(s);
  // A heading line like "#### **4. Sở Giáo dục và Đào tạo**" ends up here as plain text.
  return { text: s, mdHeading };
}

const MARKER_START = /^(?:[-–—+•·▪●○◦➢➤✓]\s*|(?:[IVXLC]{1,6})\s*[.)]\s|\d{1,2}(?:\.\d{1,2}){0,3}[.)]\s|[a-zđ][).]\s)/u;

function isAllCaps(s: string): boolean {
  const letters = s.replace(/[^\p{L}]/gu, '');
  return letters.length > 1 && letters === letters.toUpperCase();
}

/**
 * Splits text into paragraphs. A line starting with a lowercase letter (and not with a list
 * marker such as "a)") continues the previous paragraph even across blank lines: that is how a
 * page break inside a sentence looks ("…là nạn nhân\n\ncủa mua bán người…"). A line following one
 * that ends with "," is also a continuation (wrapped "Nơi nhận" entries).
 */
export function toParagraphs(text: string): Paragraph[] {
  const lines = normalizeText(text).split('\n');
  const out: Paragraph[] = [];
  let current: Paragraph | null = null;
  lines.forEach((raw, idx) => {
    const { text: t, mdHeading } = cleanLine(raw);
    if (!t) return;
    if (current && !mdHeading && !current.mdHeading && !MARKER_START.test(t)) {
      const prev = current.text;
      const lowerStart = /^\p{Ll}/u.test(t);
      const prevOpen = !/[:]$/.test(prev) && !isAllCaps(prev);
      if ((lowerStart && prevOpen) || (/,$/.test(prev) && !isAllCaps(t))) {
        current.text = `${prev} ${t}`;
        return;
      }
    }
    current = { text: t, line: idx, mdHeading };
    out.push(current);
  });
  return out;
}

/** Short excerpt for warnings. */
export function excerpt(s: string, max = 120): string {
  const t = squash(s);
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/** Removes trailing punctuation (".", ";", ",", ":", "./.") and spaces. */
export function trimPunct(s: string): string {
  return s
    .replace(/[\s.;:,/]+$/u, '')
    .replace(/^[\s.;:,]+/u, '')
    .trim();
}

/** Splits a paragraph into sentences (". " followed by an uppercase letter or end). */
export function sentences(s: string): string[] {
  const out: string[] = [];
  const re = /[.!?](?:\/\.)?(?=\s+[\p{Lu}"“(\d]|\s*$)/gu;
  let last = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const end = m.index + m[0].length;
    // Do not split after abbreviations such as "TP." or "v.v." or numbers like "1.".
    const before = s.slice(last, m.index);
    if (/(?:^|\s)(?:TP|TW|Tp|v\.v|St|Q|TM|KT|TL|TUQ|[A-ZĐ])$/u.test(before)) continue;
    const piece = s.slice(last, end).trim();
    if (piece) out.push(piece);
    last = end;
  }
  const tail = s.slice(last).trim();
  if (tail) out.push(tail);
  return out;
}
