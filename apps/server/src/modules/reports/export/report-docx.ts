/**
 * Periodic report → .docx in the official layout of Decree 30/2020/NĐ-CP, Appendix I (page, fonts,
 * header and signature block shared with the plan export, see `platform/documents/decree30-docx.ts`):
 * a small 'DỰ THẢO' line while the report is not accepted; issuer and national title; 'BÁO CÁO' and
 * the title (trích yếu); the data window in italics; then each section of the template — its title
 * bold, its narrative justified, and its tables as bordered tables (TT | Nội dung | columns, numbers
 * right-aligned with vi-VN grouping, blanks for cells not entered) under a numbered caption and the
 * unit; then Nơi nhận and the signature block.
 *
 * Pure: no I/O, no database. The caller maps a stored report into {@link ReportDocumentModel}.
 */
import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IBorderOptions,
} from 'docx';
import {
  CONTENT_WIDTH,
  TIGHT,
  bodyParagraph,
  centredLines,
  formatDocumentNumber,
  issuerHeaderTable,
  kindAndTitle,
  mm,
  packDecree30Document,
  pt,
  signatureFootTable,
  spacer,
} from '../../../platform/documents/decree30-docx.ts';
import { clean, linesOf } from '../../../platform/documents/text.ts';
import {
  cellValue,
  draftMark,
  formatCount,
  formatReportWindow,
  placedTables,
  totalRowKeys,
  type PlacedTable,
  type ReportDocumentModel,
} from './report-document-model.ts';

export const EMPTY_NARRATIVE = '(Không có nội dung)';

/**
 * The trích yếu printed under 'BÁO CÁO': the title without a leading 'Báo cáo', capitalised
 * ('Báo cáo kết quả công tác…' → 'Kết quả công tác…'), so the kind is not printed twice.
 */
export function reportSummaryTitle(title: string): string {
  const rest = clean(title)
    .trim()
    .replace(/^báo\s+cáo(?:\s+|$)/iu, '');
  return rest ? rest.charAt(0).toLocaleUpperCase('vi-VN') + rest.slice(1) : '';
}

const LINE: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const GRID = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };
const CELL_SPACING = { ...TIGHT, before: 20, after: 20 };
const TT_WIDTH = mm(10);
const MIN_LABEL_WIDTH = mm(50);
const MAX_VALUE_WIDTH = mm(25);

/** Smaller type as the columns multiply, so a wide table still fits the A4 portrait text width. */
function tableFontSize(columns: number): number {
  if (columns <= 4) return pt(12);
  if (columns <= 7) return pt(11);
  if (columns <= 10) return pt(10);
  return pt(8);
}

function cell(
  text: string,
  width: number,
  size: number,
  alignment: (typeof AlignmentType)[keyof typeof AlignmentType],
  bold = false,
): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    children: [
      new Paragraph({ alignment, spacing: CELL_SPACING, children: [new TextRun({ text: clean(text), size, ...(bold ? { bold } : {}) })] }),
    ],
  });
}

function reportTable({ table, number }: PlacedTable, model: ReportDocumentModel): (Paragraph | Table)[] {
  const n = table.columns.length;
  const available = CONTENT_WIDTH - TT_WIDTH;
  const valueWidth = Math.max(1, Math.min(MAX_VALUE_WIDTH, Math.floor((available - MIN_LABEL_WIDTH) / Math.max(1, n))));
  const labelWidth = available - n * valueWidth;
  const widths = [TT_WIDTH, labelWidth, ...table.columns.map(() => valueWidth)];
  const size = tableFontSize(n);
  const totals = totalRowKeys(table);

  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: ['TT', 'Nội dung', ...table.columns.map((c) => c.label)].map((label, i) =>
      cell(label, widths[i]!, size, AlignmentType.CENTER, true),
    ),
  });
  const rows = table.rows.map((row, index) => {
    const bold = totals.has(row.key);
    return new TableRow({
      cantSplit: true,
      children: [
        cell(String(index + 1), TT_WIDTH, size, AlignmentType.CENTER, bold),
        cell(row.label, labelWidth, size, AlignmentType.LEFT, bold),
        ...table.columns.map((column) =>
          cell(formatCount(cellValue(model.content, table.key, row.key, column.key)), valueWidth, size, AlignmentType.RIGHT, bold),
        ),
      ],
    });
  });

  const out: (Paragraph | Table)[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { ...TIGHT, before: 120, after: 60 },
      keepNext: true,
      children: [new TextRun({ text: `Bảng ${number}. ${clean(table.title).trim()}`, size: pt(13), bold: true })],
    }),
  ];
  if (table.unit?.trim()) {
    out.push(
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        spacing: { ...TIGHT, after: 60 },
        keepNext: true,
        children: [new TextRun({ text: `Đơn vị tính: ${clean(table.unit).trim()}`, size: pt(12), italics: true })],
      }),
    );
  }
  out.push(
    new Table({
      width: { size: CONTENT_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      borders: GRID,
      margins: { left: mm(1), right: mm(1), top: 0, bottom: 0 },
      rows: [header, ...rows],
    }),
    spacer(6),
  );
  return out;
}

function narrativeParagraphs(text: string | undefined): Paragraph[] {
  const lines = linesOf(text);
  if (lines.length === 0) return [bodyParagraph(EMPTY_NARRATIVE, { italics: true })];
  return lines.map((line) => bodyParagraph(line));
}

export async function renderReportDocx(model: ReportDocumentModel): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [];
  const mark = draftMark(model);
  if (mark) {
    children.push(
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        spacing: { ...TIGHT, after: 60 },
        children: [new TextRun({ text: clean(mark), size: pt(10), bold: true })],
      }),
    );
  }
  children.push(
    issuerHeaderTable({
      parentName: model.issuerParent,
      name: model.issuerName,
      number: model.number,
      symbol: model.symbol,
      place: model.place,
      date: model.date,
    }),
    spacer(12),
    ...kindAndTitle('Báo cáo', linesOf(reportSummaryTitle(model.title))),
    spacer(6),
    ...centredLines([formatReportWindow(model.window)], { size: pt(14), italics: true }),
    spacer(12),
  );

  const tables = placedTables(model.definition);
  for (const section of model.definition.sections) {
    for (const line of linesOf(section.title)) children.push(bodyParagraph(line, { bold: true }, true));
    children.push(...narrativeParagraphs(model.content.narratives[section.key]));
    for (const placed of tables) if (placed.sectionKey === section.key) children.push(...reportTable(placed, model));
  }
  for (const placed of tables) if (placed.sectionKey === null) children.push(...reportTable(placed, model));

  children.push(
    spacer(12),
    signatureFootTable({ recipients: model.recipients, signerLines: [model.signer.title ?? ''], signerName: model.signer.name }),
  );

  return packDecree30Document({
    title: clean(model.title),
    description: [formatDocumentNumber(model.number, model.symbol), clean(model.periodLabel).trim()].filter(Boolean).join(' — '),
    children,
  });
}
