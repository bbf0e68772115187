/**
 * Periodic report → .xlsx (exceljs), for officials who re-use the figures:
 *  - "Thông tin": title, reporting agency, kind, number, date, period, data window and status;
 *  - "Nội dung": one row per section, its title and its narrative (wrapped);
 *  - one sheet per table, in document order, named "<n>. <title>" (cut to Excel's 31 characters,
 *    without the characters Excel forbids, unique): title, agency and period, unit, a bold bordered
 *    header row "TT | Nội dung | columns" frozen with the row labels, then one row per template row
 *    with the cells as numbers (cells not entered stay empty).
 *
 * Text goes through the shared formula-injection guard (`safeText`): text that starts with
 * = + - @ tab or CR is written with a leading apostrophe.
 *
 * Pure: no I/O, no database.
 */
import type { ReportTemplateDefinition } from '@atmis/domain/reports/template-schema';
import ExcelJS from 'exceljs';
import { formatShortDate } from '../../../platform/documents/decree30-docx.ts';
import { clean } from '../../../platform/documents/text.ts';
import { HEADER_FILL, THIN_BORDER, XLSX_FONT, safeText, workbookBuffer } from '../../../platform/documents/xlsx.ts';
import {
  REPORT_KIND_LABELS,
  cellValue,
  formatReportWindow,
  placedTables,
  totalRowKeys,
  type PlacedTable,
  type ReportDocumentModel,
} from './report-document-model.ts';

export const INFO_SHEET_NAME = 'Thông tin';
export const CONTENT_SHEET_NAME = 'Nội dung';
/** Row of the header on a table sheet (1: title, 2: agency and period, 3: unit). */
export const TABLE_HEADER_ROW = 4;

/** Excel's limits: sheet names of at most 31 characters, none of []:*?/\ and not 'History'. */
const SHEET_NAME_MAX = 31;
const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/g;
const RESERVED_SHEET_NAMES = ['history'];
/** Excel shows at most 32,767 characters in a cell; longer narratives continue on the next rows. */
const CELL_TEXT_MAX = 32_767;

/** The longest prefix of `text` that fits in `max` UTF-16 units, never splitting a character. */
function fit(text: string, max: number): string {
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out;
}

/**
 * A valid, unique sheet name made from `base`: forbidden characters and control characters become
 * spaces, apostrophes at either end go, at most 31 characters; a name already in `taken` (compared
 * case-insensitively, as Excel does) gets ' (2)', ' (3)'… The result is added to `taken`.
 */
export function uniqueSheetName(base: string, taken: Set<string>): string {
  const cleaned =
    clean(base)
      .normalize('NFC')
      .replace(SHEET_NAME_FORBIDDEN, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^'+|'+$/g, '')
      .trim() || 'Bảng';
  const key = (name: string): string => name.toLocaleLowerCase('vi-VN');
  const tidy = (name: string): string => name.trimEnd().replace(/'+$/, '').trimEnd();
  let name = tidy(fit(cleaned, SHEET_NAME_MAX));
  for (let n = 2; taken.has(key(name)) || RESERVED_SHEET_NAMES.includes(key(name)); n++) {
    const suffix = ` (${n})`;
    name = tidy(fit(cleaned, SHEET_NAME_MAX - suffix.length)) + suffix;
  }
  taken.add(key(name));
  return name;
}

/** Sheet name of each table (by table key), as {@link renderReportXlsx} names them. */
export function tableSheetNames(definition: ReportTemplateDefinition): Map<string, string> {
  const taken = new Set([INFO_SHEET_NAME, CONTENT_SHEET_NAME].map((n) => n.toLocaleLowerCase('vi-VN')));
  return new Map(placedTables(definition).map(({ table, number }) => [table.key, uniqueSheetName(`${number}. ${table.title}`, taken)]));
}

const font = (extra: Partial<ExcelJS.Font> = {}): Partial<ExcelJS.Font> => ({ name: XLSX_FONT, size: 12, ...extra });

function styleHeader(cell: ExcelJS.Cell): void {
  cell.font = font({ bold: true });
  cell.fill = HEADER_FILL;
  cell.border = THIN_BORDER;
  cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
}

/** Text cell value: guarded, line breaks normalised, null when blank. */
function text(value: string | null | undefined): string | null {
  const t = safeText(clean(value ?? '').trim());
  return t === '' ? null : t;
}

function infoSheet(wb: ExcelJS.Workbook, model: ReportDocumentModel): void {
  const ws = wb.addWorksheet(INFO_SHEET_NAME, {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = [{ width: 28 }, { width: 90 }];
  ws.mergeCells(1, 1, 1, 2);
  const title = ws.getCell(1, 1);
  title.value = text(model.title);
  title.font = font({ size: 14, bold: true });
  title.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  ws.getRow(1).height = 40;

  const number = [model.number?.trim(), model.symbol?.trim()].filter(Boolean).join('/');
  const rows: [string, string | null][] = [
    ['Cơ quan chủ quản', model.issuerParent],
    ['Cơ quan báo cáo', model.issuerName],
    ['Loại báo cáo', REPORT_KIND_LABELS[model.kind]],
    ['Số, ký hiệu', model.number?.trim() ? number : '(chưa có số)'],
    ['Ngày báo cáo', model.date ? formatShortDate(model.date) : null],
    ['Kỳ báo cáo', model.periodLabel],
    ['Thời gian số liệu', formatReportWindow(model.window)],
    ['Trạng thái', model.statusLabel],
  ];
  let r = 3;
  for (const [label, value] of rows) {
    if (label === 'Cơ quan chủ quản' && !value?.trim()) continue;
    const l = ws.getCell(r, 1);
    l.value = label;
    l.font = font({ bold: true });
    l.alignment = { vertical: 'top' };
    const v = ws.getCell(r, 2);
    v.value = text(value);
    v.font = font();
    v.alignment = { vertical: 'top', wrapText: true };
    r++;
  }
}

/** `value` in pieces of at most `max` UTF-16 units, never splitting a character. */
function chunks(value: string, max: number): string[] {
  const out: string[] = [];
  let rest = value;
  while (rest.length > max) {
    const piece = fit(rest, max);
    out.push(piece);
    rest = rest.slice(piece.length);
  }
  out.push(rest);
  return out;
}

function contentSheet(wb: ExcelJS.Workbook, model: ReportDocumentModel): void {
  const ws = wb.addWorksheet(CONTENT_SHEET_NAME, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
  });
  ws.columns = [{ width: 40 }, { width: 110 }];
  ['Mục', 'Nội dung'].forEach((label, i) => {
    const cell = ws.getCell(1, i + 1);
    cell.value = label;
    styleHeader(cell);
  });
  let r = 2;
  for (const section of model.definition.sections) {
    // The guard's apostrophe can add one character, so leave room for it.
    const narrative = clean(model.content.narratives[section.key] ?? '').trim();
    chunks(narrative, CELL_TEXT_MAX - 1).forEach((piece, index) => {
      const title = ws.getCell(r, 1);
      title.value = text(index === 0 ? section.title : `${section.title} (tiếp)`);
      title.font = font({ bold: true });
      title.border = THIN_BORDER;
      title.alignment = { vertical: 'top', wrapText: true };
      const body = ws.getCell(r, 2);
      body.value = text(piece);
      body.font = font();
      body.border = THIN_BORDER;
      body.alignment = { vertical: 'top', wrapText: true };
      r++;
    });
  }
}

function tableSheet(wb: ExcelJS.Workbook, model: ReportDocumentModel, placed: PlacedTable, name: string): void {
  const { table, number } = placed;
  const lastCol = 2 + table.columns.length;
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: 2, ySplit: TABLE_HEADER_ROW }],
    pageSetup: {
      paperSize: 9,
      orientation: table.columns.length > 4 ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${TABLE_HEADER_ROW}:${TABLE_HEADER_ROW}`,
    },
  });
  ws.columns = [
    { width: 6 },
    { width: 50 },
    ...table.columns.map((c) => ({ width: Math.min(24, Math.max(12, Math.ceil(c.label.length / 2) + 2)) })),
  ];

  ws.mergeCells(1, 1, 1, lastCol);
  const title = ws.getCell(1, 1);
  title.value = text(`Bảng ${number}. ${table.title}`);
  title.font = font({ size: 13, bold: true });
  title.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  ws.getRow(1).height = 34;

  ws.mergeCells(2, 1, 2, lastCol);
  const context = ws.getCell(2, 1);
  context.value = text(
    [model.issuerName, model.periodLabel]
      .map((s) => clean(s).replace(/\s+/g, ' ').trim())
      .filter(Boolean)
      .join(' — '),
  );
  context.font = font({ italic: true });
  context.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };

  if (table.unit?.trim()) {
    ws.mergeCells(3, 1, 3, lastCol);
    const unit = ws.getCell(3, 1);
    unit.value = text(`Đơn vị tính: ${table.unit.trim()}`);
    unit.font = font({ italic: true });
    unit.alignment = { horizontal: 'right', vertical: 'middle' };
  }

  const header = ws.getRow(TABLE_HEADER_ROW);
  ['TT', 'Nội dung', ...table.columns.map((c) => c.label)].forEach((label, i) => {
    const cell = header.getCell(i + 1);
    cell.value = text(label);
    styleHeader(cell);
  });
  header.height = 32;

  const totals = totalRowKeys(table);
  table.rows.forEach((row, index) => {
    const bold = totals.has(row.key);
    const line = ws.getRow(TABLE_HEADER_ROW + 1 + index);
    const tt = line.getCell(1);
    tt.value = index + 1;
    tt.alignment = { horizontal: 'center', vertical: 'top' };
    const label = line.getCell(2);
    label.value = text(row.label);
    label.alignment = { vertical: 'top', wrapText: true };
    table.columns.forEach((column, i) => {
      const cell = line.getCell(3 + i);
      const value = cellValue(model.content, table.key, row.key, column.key);
      cell.value = value;
      cell.numFmt = value === null || Number.isInteger(value) ? '#,##0' : '#,##0.##';
      cell.alignment = { horizontal: 'right', vertical: 'top' };
    });
    for (let c = 1; c <= lastCol; c++) {
      const cell = line.getCell(c);
      cell.font = font(bold ? { bold } : {});
      cell.border = THIN_BORDER;
    }
  });
}

export async function renderReportXlsx(model: ReportDocumentModel): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ATMIS';
  wb.title = clean(model.title);
  infoSheet(wb, model);
  contentSheet(wb, model);
  const names = tableSheetNames(model.definition);
  for (const placed of placedTables(model.definition)) tableSheet(wb, model, placed, names.get(placed.table.key)!);
  return workbookBuffer(wb);
}
