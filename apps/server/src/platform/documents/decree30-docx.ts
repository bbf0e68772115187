/**
 * The layout of an administrative document under Decree 30/2020/NĐ-CP, Appendix I (thể thức văn bản
 * hành chính), shared by the .docx exports (plans, periodic reports):
 * A4 portrait; margins top/bottom 20 mm, left 30 mm, right 15 mm; Times New Roman; the issuer and the
 * national title side by side in a borderless table, each with a short rule under it; number and
 * symbol under the issuer, italic place and date under the national title; centred bold kind and
 * title with a rule under the title; justified body at 14 pt with a 1.27 cm first-line indent; the
 * signature block on the right and "Nơi nhận" on the left at the foot; page numbers centred in the
 * top margin from page 2 on.
 *
 * Pure: no I/O, no database. Every text passes through {@link clean}, so characters XML forbids never
 * reach the file.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IRunOptions,
  type ISpacingProperties,
} from 'docx';
import { clean, linesOf, upper } from './text.ts';

export const FONT = 'Times New Roman';
/** Half-points, as docx expects. */
export const pt = (points: number): number => points * 2;

/** Millimetres → twips, rounded (docx's own helper truncates: A4 would be 11905 instead of 11906). */
export const mm = (millimetres: number): number => Math.round((millimetres * 1440) / 25.4);

export const PAGE = {
  width: mm(210),
  height: mm(297),
  top: mm(20),
  bottom: mm(20),
  left: mm(30),
  right: mm(15),
};
export const CONTENT_WIDTH = PAGE.width - PAGE.left - PAGE.right; // 165 mm
/** Header and foot tables: issuer / national title, and Nơi nhận / signature. */
const LEFT_COL = mm(65);
const RIGHT_COL = CONTENT_WIDTH - LEFT_COL;
const CELL_MARGIN = mm(0.5);
export const FIRST_LINE_INDENT = mm(12.7);
/** Single line spacing × 1.15, within the decree's "single to 1.5 lines"; at least 6 pt between paragraphs. */
export const BODY_SPACING: ISpacingProperties = { before: 0, after: 120, line: 276, lineRule: LineRuleType.AUTO };
export const TIGHT: ISpacingProperties = { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO };

export const NATIONAL_TITLE = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const NATIONAL_MOTTO = 'Độc lập - Tự do - Hạnh phúc';

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Year, month and day of an ISO date (or datetime); null when malformed. */
function dateParts(date: string | null | undefined): { year: number; month: number; day: number } | null {
  const m = date ? /^(\d{4})-(\d{2})-(\d{2})/.exec(date.trim()) : null;
  if (!m) return null;
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/** Days below 10 and months 1 and 2 take a leading zero (Decree 30/2020, App. I §II.4.b). */
const dayText = (day: number): string => pad2(day);
const monthText = (month: number): string => (month <= 2 ? pad2(month) : String(month));

/**
 * "Số: 45/KH-UBND"; a missing number leaves a blank to be filled in by hand ("Số:      /KH-UBND"),
 * as drafts are printed before the clerk assigns the number.
 */
export function formatDocumentNumber(number: string | null, symbol: string | null): string {
  const n = number?.trim() ? clean(number.trim()) : '';
  const s = symbol?.trim() ? clean(symbol.trim()) : '';
  if (!n) return s ? `Số:      /${s}` : 'Số:      ';
  return s ? `Số: ${n}/${s}` : `Số: ${n}`;
}

/**
 * "Hải Phòng, ngày 05 tháng 3 năm 2024" — days below 10 and months 1 and 2 take a leading zero
 * (Decree 30/2020, App. I §II.4.b). A missing or malformed date leaves blanks: "ngày    tháng    năm 20..".
 */
export function formatPlaceDate(place: string, date: string | null): string {
  const where = clean(place.trim());
  const prefix = where ? `${where}, ` : '';
  const d = dateParts(date);
  if (!d) return `${prefix}ngày    tháng    năm 20..`;
  return `${prefix}ngày ${dayText(d.day)} tháng ${monthText(d.month)} năm ${d.year}`;
}

/**
 * "05/3/2026" — a date inside the text, with the same zero-padding rule as the date line. The input
 * as-is when it is not an ISO date.
 */
export function formatShortDate(date: string): string {
  const d = dateParts(date);
  return d ? `${dayText(d.day)}/${monthText(d.month)}/${d.year}` : clean(date.trim());
}

/** Recipient lines "- X;" with the last one "- Lưu: VT." (kept if given, added otherwise). */
export function formatRecipients(recipients: string[]): string[] {
  const items = recipients
    .flatMap((r) => linesOf(r))
    .map((r) =>
      r
        .replace(/^[-–•+]\s*/, '')
        .replace(/[;.,]+\s*$/, '')
        .trim(),
    )
    .filter((r) => r.length > 0);
  const archiveIndex = items.findIndex((r) => /^lưu\b/i.test(r));
  const archive = archiveIndex >= 0 ? items.splice(archiveIndex, 1)[0]! : 'Lưu: VT';
  return [...items.map((r) => `- ${r};`), `- ${archive}.`];
}

/**
 * One centred, tightly spaced paragraph per line of a multi-line value. Separate paragraphs rather
 * than line breaks, so that text extraction (mammoth, the plan importer) keeps the lines apart.
 */
export function centredLines(lines: string[], style: Omit<IRunOptions, 'text'>, keepNext = false): Paragraph[] {
  return lines.map(
    (text) =>
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: TIGHT,
        ...(keepNext ? { keepNext } : {}),
        children: [new TextRun({ ...style, text })],
      }),
  );
}

/** A thin centred rule of `width` twips inside a box of `boxWidth` twips (a bordered empty paragraph). */
export function rule(boxWidth: number, width: number): Paragraph {
  const side = Math.max(0, Math.round((boxWidth - width) / 2));
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    indent: { left: side, right: side },
    spacing: { before: 0, after: 0, line: 40, lineRule: LineRuleType.EXACT },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    run: { size: 2 },
    children: [],
  });
}

/** Vertical space of `points` points. */
export function spacer(points: number): Paragraph {
  return new Paragraph({
    spacing: { before: 0, after: 0, line: points * 20, lineRule: LineRuleType.EXACT },
    run: { size: 2 },
    children: [],
  });
}

/** A justified 14 pt body paragraph with the first-line indent. Pass text already split into lines. */
export function bodyParagraph(text: string, style: Omit<IRunOptions, 'text'> = {}, keepNext = false): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: FIRST_LINE_INDENT },
    spacing: BODY_SPACING,
    ...(keepNext ? { keepNext } : {}),
    children: [new TextRun({ ...style, text: clean(text), size: pt(14) })],
  });
}

function twoColumns(
  left: Paragraph[],
  right: Paragraph[],
  verticalAlign: (typeof VerticalAlignTable)[keyof typeof VerticalAlignTable],
): Table {
  const cell = (children: Paragraph[], width: number): TableCell =>
    new TableCell({ children, width: { size: width, type: WidthType.DXA }, verticalAlign, borders: TableBorders.NONE });
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: [LEFT_COL, RIGHT_COL],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    margins: { left: CELL_MARGIN, right: CELL_MARGIN, top: 0, bottom: 0 },
    rows: [new TableRow({ cantSplit: true, children: [cell(left, LEFT_COL), cell(right, RIGHT_COL)] })],
  });
}

export interface DocumentIssuer {
  /** Governing body printed above the issuer (App. I §II.2), e.g. 'UBND THÀNH PHỐ HẢI PHÒNG'; null when none. */
  parentName: string | null;
  /** Issuing body; printed bold upper-case, one line per `\n`. */
  name: string;
  number: string | null;
  symbol: string | null;
  place: string;
  /** ISO date; null leaves blanks. */
  date: string | null;
}

/** Issuer, number and symbol on the left; national title, motto and place/date on the right. */
export function issuerHeaderTable(issuer: DocumentIssuer): Table {
  const left: Paragraph[] = [];
  const parent = linesOf(issuer.parentName);
  if (parent.length > 0) left.push(...centredLines(parent.map(upper), { size: pt(12) }));
  left.push(
    ...centredLines(linesOf(issuer.name).map(upper), { size: pt(12), bold: true }),
    rule(LEFT_COL - 2 * CELL_MARGIN, mm(22)),
    spacer(6),
    ...centredLines([formatDocumentNumber(issuer.number, issuer.symbol)], { size: pt(13) }),
  );

  const right: Paragraph[] = [
    ...centredLines([NATIONAL_TITLE], { size: pt(12), bold: true }),
    ...centredLines([NATIONAL_MOTTO], { size: pt(13), bold: true }),
    rule(RIGHT_COL - 2 * CELL_MARGIN, mm(58)),
    spacer(6),
    ...centredLines([formatPlaceDate(issuer.place, issuer.date)], { size: pt(14), italics: true }),
  ];
  return twoColumns(left, right, VerticalAlignTable.TOP);
}

/** The centred bold document kind ('KẾ HOẠCH', 'BÁO CÁO'), the title (trích yếu) and the rule under it. */
export function kindAndTitle(kind: string, titleLines: string[]): Paragraph[] {
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 240, after: 0 },
      keepNext: true,
      children: [new TextRun({ text: upper(kind), size: pt(14), bold: true })],
    }),
    ...centredLines(titleLines, { size: pt(14), bold: true }, true),
    rule(CONTENT_WIDTH, mm(40)),
  ];
}

export interface DocumentFoot {
  /** Nơi nhận, see {@link formatRecipients}. */
  recipients: string[];
  /** Authority and position lines above the signature ('TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', …); upper-cased. */
  signerLines: string[];
  /** Signer's full name; null or blank leaves the line empty. */
  signerName: string | null;
}

/** "Nơi nhận" on the left; the signature block (titles, room to sign and seal, name) on the right. */
export function signatureFootTable(foot: DocumentFoot): Table {
  const left: Paragraph[] = [
    new Paragraph({ spacing: TIGHT, children: [new TextRun({ text: 'Nơi nhận:', size: pt(12), bold: true, italics: true })] }),
    ...formatRecipients(foot.recipients).map((r) => new Paragraph({ spacing: TIGHT, children: [new TextRun({ text: r, size: pt(11) })] })),
  ];

  const signerLines = foot.signerLines.flatMap((l) => linesOf(l)).map(upper);
  const right: Paragraph[] = [];
  if (signerLines.length > 0) right.push(...centredLines(signerLines, { size: pt(14), bold: true }, true));
  // Room for the handwritten signature and the seal.
  for (let i = 0; i < 4; i++)
    right.push(new Paragraph({ spacing: TIGHT, keepNext: true, children: [new TextRun({ text: '', size: pt(14) })] }));
  right.push(...centredLines([foot.signerName?.trim() ? clean(foot.signerName.trim()) : ''], { size: pt(14), bold: true }));
  return twoColumns(left, right, VerticalAlignTable.TOP);
}

function pageNumberHeader(): Header {
  return new Header({
    children: [
      new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size: pt(14) })] }),
    ],
  });
}

/**
 * The document packed as .docx: A4 with the decree's margins, Times New Roman 14 pt (vi-VN), page
 * numbers from page 2. `title` and `description` go to the file's properties.
 */
export async function packDecree30Document(input: {
  title: string;
  description: string;
  children: (Paragraph | Table)[];
}): Promise<Buffer> {
  const doc = new Document({
    creator: 'ATMIS',
    title: clean(input.title),
    description: clean(input.description),
    styles: {
      default: {
        document: {
          run: { font: { ascii: FONT, hAnsi: FONT, cs: FONT, eastAsia: FONT }, size: pt(14), language: { value: 'vi-VN' } },
          paragraph: { spacing: TIGHT },
        },
      },
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, header: mm(10), footer: mm(10) },
          },
        },
        headers: { default: pageNumberHeader(), first: new Header({ children: [new Paragraph({ children: [] })] }) },
        children: input.children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
