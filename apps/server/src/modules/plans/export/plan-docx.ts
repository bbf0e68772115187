/**
 * Plan → .docx in the official layout of Decree 30/2020/NĐ-CP, Appendix I (thể thức văn bản hành chính):
 * A4 portrait; margins top/bottom 20 mm, left 30 mm, right 15 mm; Times New Roman; the issuer and the
 * national title side by side in a borderless table, each with a short rule under it; number and
 * symbol under the issuer, italic place and date under the national title; centred bold kind and
 * title with a rule under the title; justified body at 14 pt with a 1.27 cm first-line indent; the
 * signature block on the right and "Nơi nhận" on the left at the foot; page numbers centred in the
 * top margin from page 2 on.
 *
 * Pure: no I/O, no database. The caller maps a stored plan into {@link PlanDocumentModel}.
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
import type { PlanDocumentModel, PlanSection } from './plan-document-model.ts';

const FONT = 'Times New Roman';
/** Half-points, as docx expects. */
const pt = (points: number): number => points * 2;

/** Millimetres → twips, rounded (docx's own helper truncates: A4 would be 11905 instead of 11906). */
const mm = (millimetres: number): number => Math.round((millimetres * 1440) / 25.4);

const PAGE = {
  width: mm(210),
  height: mm(297),
  top: mm(20),
  bottom: mm(20),
  left: mm(30),
  right: mm(15),
};
const CONTENT_WIDTH = PAGE.width - PAGE.left - PAGE.right; // 165 mm
/** Header and foot tables: issuer / national title, and Nơi nhận / signature. */
const LEFT_COL = mm(65);
const RIGHT_COL = CONTENT_WIDTH - LEFT_COL;
const CELL_MARGIN = mm(0.5);
const FIRST_LINE_INDENT = mm(12.7);
/** Single line spacing × 1.15, within the decree's "single to 1.5 lines"; at least 6 pt between paragraphs. */
const BODY_SPACING: ISpacingProperties = { before: 0, after: 120, line: 276, lineRule: LineRuleType.AUTO };
const TIGHT: ISpacingProperties = { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO };

/** Characters XML 1.0 forbids; a stray one would make Word refuse to open the file. */
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function clean(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(XML_INVALID, '');
}

function upper(text: string): string {
  return clean(text).toLocaleUpperCase('vi-VN');
}

/** Non-empty lines of a multi-line value. */
function linesOf(text: string | null | undefined): string[] {
  if (!text) return [];
  return clean(text)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}

/**
 * One centred, tightly spaced paragraph per line of a multi-line value. Separate paragraphs rather
 * than line breaks, so that text extraction (mammoth, the plan importer) keeps the lines apart.
 */
function centredLines(lines: string[], style: Omit<IRunOptions, 'text'>, keepNext = false): Paragraph[] {
  return lines.map(
    (text) => new Paragraph({ alignment: AlignmentType.CENTER, spacing: TIGHT, keepNext, children: [new TextRun({ ...style, text })] }),
  );
}

/** A thin centred rule of `width` twips inside a box of `boxWidth` twips (a bordered empty paragraph). */
function rule(boxWidth: number, width: number): Paragraph {
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

function spacer(points: number): Paragraph {
  return new Paragraph({
    spacing: { before: 0, after: 0, line: points * 20, lineRule: LineRuleType.EXACT },
    run: { size: 2 },
    children: [],
  });
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

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
  const m = date ? /^(\d{4})-(\d{2})-(\d{2})/.exec(date.trim()) : null;
  if (!m) return `${prefix}ngày    tháng    năm 20..`;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const monthText = month <= 2 ? pad2(month) : String(month);
  return `${prefix}ngày ${pad2(day)} tháng ${monthText} năm ${year}`;
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

function headerTable(model: PlanDocumentModel): Table {
  const left: Paragraph[] = [];
  const parent = linesOf(model.issuer.parentName);
  if (parent.length > 0) {
    left.push(...centredLines(parent.map(upper), { size: pt(12) }));
  }
  left.push(
    ...centredLines(linesOf(model.issuer.name).map(upper), { size: pt(12), bold: true }),
    rule(LEFT_COL - 2 * CELL_MARGIN, mm(22)),
    spacer(6),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: TIGHT,
      children: [new TextRun({ text: formatDocumentNumber(model.number, model.symbol), size: pt(13) })],
    }),
  );

  const right: Paragraph[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: TIGHT,
      children: [new TextRun({ text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', size: pt(12), bold: true })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: TIGHT,
      children: [new TextRun({ text: 'Độc lập - Tự do - Hạnh phúc', size: pt(13), bold: true })],
    }),
    rule(RIGHT_COL - 2 * CELL_MARGIN, mm(58)),
    spacer(6),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: TIGHT,
      children: [new TextRun({ text: formatPlaceDate(model.place, model.date), size: pt(14), italics: true })],
    }),
  ];
  return twoColumns(left, right, VerticalAlignTable.TOP);
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

function bodyParagraph(text: string, style: Omit<IRunOptions, 'text'> = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: FIRST_LINE_INDENT },
    spacing: BODY_SPACING,
    children: [new TextRun({ ...style, text, size: pt(14) })],
  });
}

function sectionParagraphs(section: PlanSection, depth: number): Paragraph[] {
  const out: Paragraph[] = [];
  const headingStyle = depth <= 1 ? { bold: true } : { bold: true, italics: true };
  for (const line of linesOf(section.heading)) {
    out.push(
      new Paragraph({
        alignment: AlignmentType.JUSTIFIED,
        indent: { firstLine: FIRST_LINE_INDENT },
        spacing: BODY_SPACING,
        keepNext: true,
        children: [new TextRun({ ...headingStyle, text: line, size: pt(14) })],
      }),
    );
  }
  for (const p of section.paragraphs) for (const line of linesOf(p)) out.push(bodyParagraph(line));
  for (const sub of section.subsections ?? []) out.push(...sectionParagraphs(sub, depth + 1));
  return out;
}

function footTable(model: PlanDocumentModel): Table {
  const recipients = formatRecipients(model.recipients);
  const left: Paragraph[] = [
    new Paragraph({ spacing: TIGHT, children: [new TextRun({ text: 'Nơi nhận:', size: pt(12), bold: true, italics: true })] }),
    ...recipients.map((r) => new Paragraph({ spacing: TIGHT, children: [new TextRun({ text: r, size: pt(11) })] })),
  ];

  const signerLines = [...linesOf(model.signer.authority), ...linesOf(model.signer.position)].map(upper);
  const right: Paragraph[] = [];
  if (signerLines.length > 0) {
    right.push(...centredLines(signerLines, { size: pt(14), bold: true }, true));
  }
  // Room for the handwritten signature and the seal.
  for (let i = 0; i < 4; i++)
    right.push(new Paragraph({ spacing: TIGHT, keepNext: true, children: [new TextRun({ text: '', size: pt(14) })] }));
  right.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: TIGHT,
      children: [new TextRun({ text: model.signer.name?.trim() ? clean(model.signer.name.trim()) : '', size: pt(14), bold: true })],
    }),
  );
  return twoColumns(left, right, VerticalAlignTable.TOP);
}

function pageNumberHeader(): Header {
  return new Header({
    children: [
      new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size: pt(14) })] }),
    ],
  });
}

export async function renderPlanDocx(model: PlanDocumentModel): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [headerTable(model), spacer(12)];

  children.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 240, after: 0 },
      keepNext: true,
      children: [new TextRun({ text: upper(model.kind), size: pt(14), bold: true })],
    }),
    ...centredLines(linesOf(model.title), { size: pt(14), bold: true }, true),
    rule(CONTENT_WIDTH, mm(40)),
    spacer(12),
  );

  for (const line of linesOf(model.preamble)) children.push(bodyParagraph(line));
  for (const section of model.sections) children.push(...sectionParagraphs(section, 1));

  children.push(spacer(12), footTable(model));

  const doc = new Document({
    creator: 'ATMIS',
    title: [upper(model.kind), clean(model.title)].filter(Boolean).join(' '),
    description: formatDocumentNumber(model.number, model.symbol),
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
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
