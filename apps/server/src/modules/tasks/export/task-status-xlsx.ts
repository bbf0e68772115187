import { formatVietnamDateTime as formatDateTime, VIETNAM_UTC_OFFSET_MS } from '@atmis/domain';
/**
 * Task status table → .xlsx (exceljs). Sheet "Tiến độ nhiệm vụ": merged title, subtitle with the plan
 * number and the generation time (Vietnam time), a bold bordered header row frozen in place with an
 * autofilter, one row per task (deadlines and update times as real Excel dates, progress as a number,
 * overdue rows in light red). Sheet "Tổng hợp": task counts by status and by lead agency.
 *
 * Text that a spreadsheet could take for a formula (starting with = + - @, tab or CR) is written as a
 * string cell prefixed with an apostrophe, so it is never evaluated — not on open, not on re-entry,
 * not after a CSV round-trip.
 *
 * Pure: no I/O, no database.
 */
import ExcelJS from 'exceljs';
import { HEADER_FILL, THIN_BORDER, XLSX_FONT, safeText, workbookBuffer } from '../../../platform/documents/xlsx.ts';
import type { TaskStatusRow } from './plan-document-model.ts';

export { safeText } from '../../../platform/documents/xlsx.ts';

export interface TaskStatusXlsxInput {
  planTitle: string;
  /** '45/KH-UBND'; null for an unnumbered draft. */
  planNumber: string | null;
  /** ISO datetime of the export. */
  generatedAt: string;
  rows: TaskStatusRow[];
}

export const TASK_SHEET_NAME = 'Tiến độ nhiệm vụ';
export const SUMMARY_SHEET_NAME = 'Tổng hợp';

export const TASK_HEADERS = [
  'STT',
  'Phần/mục',
  'Nội dung nhiệm vụ',
  'Cơ quan chủ trì',
  'Cơ quan phối hợp',
  'Cơ quan được đề nghị',
  'Thời hạn',
  'Định kỳ',
  'Trạng thái',
  'Tiến độ (%)',
  'Cập nhật gần nhất',
  'Ghi chú',
] as const;

const COLUMN_WIDTHS = [6, 14, 60, 26, 32, 26, 12, 16, 16, 10, 17, 40];
/** Row of the header in the task sheet (1: title, 2: subtitle, 3: blank). */
export const HEADER_ROW = 4;

export const OVERDUE_FILL_ARGB = 'FFFFC7CE';
const OVERDUE_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: OVERDUE_FILL_ARGB } };

/** 'dd/MM/yyyy HH:mm' in Asia/Ho_Chi_Minh (the domain's one formatter); the input as-is when it is not a date. */
export function formatVietnamDateTime(iso: string): string {
  return formatDateTime(iso) || iso;
}

/** 'YYYY-MM-DD' → a Date at UTC midnight (a whole Excel day serial); null when malformed. */
function excelDate(isoDate: string | null): Date | null {
  if (!isoDate) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate.trim());
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCMonth() === Number(m[2]) - 1 ? d : null;
}

/**
 * ISO datetime → a Date whose UTC fields are the Vietnam wall-clock time, because exceljs writes a
 * Date as its UTC serial and Excel shows serials without a time zone.
 */
function excelDateTime(iso: string | null): Date | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : new Date(ms + VIETNAM_UTC_OFFSET_MS);
}

function joinAgencies(names: string[]): string {
  return names
    .map((n) => n.trim())
    .filter(Boolean)
    .join('; ');
}

function taskSheet(wb: ExcelJS.Workbook, input: TaskStatusXlsxInput): void {
  const ws = wb.addWorksheet(TASK_SHEET_NAME, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW, showGridLines: true }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
    },
    headerFooter: { oddFooter: 'Trang &P/&N' },
  });
  ws.columns = COLUMN_WIDTHS.map((width) => ({ width }));
  const lastCol = TASK_HEADERS.length;

  ws.mergeCells(1, 1, 1, lastCol);
  const title = ws.getCell(1, 1);
  title.value = safeText(`TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ: ${input.planTitle.trim()}`);
  title.font = { name: XLSX_FONT, size: 14, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  ws.getRow(1).height = 36;

  ws.mergeCells(2, 1, 2, lastCol);
  const subtitle = ws.getCell(2, 1);
  const numberPart = input.planNumber?.trim() ? `Số: ${input.planNumber.trim()}` : 'Số: (chưa có số)';
  subtitle.value = safeText(`${numberPart} — Xuất lúc: ${formatVietnamDateTime(input.generatedAt)} (giờ Việt Nam)`);
  subtitle.font = { name: XLSX_FONT, size: 12, italic: true };
  subtitle.alignment = { horizontal: 'center', vertical: 'middle' };

  const header = ws.getRow(HEADER_ROW);
  TASK_HEADERS.forEach((h, i) => {
    const cell = header.getCell(i + 1);
    cell.value = h;
    cell.font = { name: XLSX_FONT, size: 12, bold: true };
    cell.fill = HEADER_FILL;
    cell.border = THIN_BORDER;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  header.height = 32;

  input.rows.forEach((r, index) => {
    const row = ws.getRow(HEADER_ROW + 1 + index);
    const deadline = excelDate(r.deadline);
    const lastUpdate = excelDateTime(r.lastUpdate);
    const progress =
      typeof r.progressPercent === 'number' && Number.isFinite(r.progressPercent) ? Math.max(0, Math.min(100, r.progressPercent)) : null;
    const note = [r.isOverdue ? 'Quá hạn' : '', r.lastUpdateNote?.trim() ?? ''].filter(Boolean).join('. ');
    const values: (string | number | Date | null)[] = [
      index + 1,
      safeText(r.section),
      safeText(r.content),
      safeText(r.lead),
      safeText(joinAgencies(r.coordinating)),
      safeText(joinAgencies(r.requested)),
      deadline ?? (r.deadline ? safeText(r.deadline) : null),
      safeText(r.recurrence),
      safeText(r.status),
      progress,
      lastUpdate ?? (r.lastUpdate ? safeText(r.lastUpdate) : null),
      safeText(note),
    ];
    values.forEach((v, i) => {
      const cell = row.getCell(i + 1);
      cell.value = v === '' ? null : v;
      cell.font = { name: XLSX_FONT, size: 12 };
      cell.border = THIN_BORDER;
      cell.alignment = { vertical: 'top', wrapText: true, horizontal: [0, 6, 9, 10].includes(i) ? 'center' : 'left' };
      if (r.isOverdue) cell.fill = OVERDUE_FILL;
    });
    row.getCell(7).numFmt = 'dd/mm/yyyy';
    row.getCell(10).numFmt = '0';
    row.getCell(11).numFmt = 'dd/mm/yyyy hh:mm';
  });

  const lastRow = HEADER_ROW + Math.max(input.rows.length, 0);
  ws.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: lastRow, column: lastCol } };
}

/** Counts in first-seen order, then sorted by count descending (stable). */
function countBy(rows: TaskStatusRow[], key: (r: TaskStatusRow) => string): [string, number][] {
  const counts = new Map<string, number>();
  for (const r of rows) {
    const k = key(r).trim() || '(không xác định)';
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1]);
}

function summarySheet(wb: ExcelJS.Workbook, input: TaskStatusXlsxInput): void {
  const ws = wb.addWorksheet(SUMMARY_SHEET_NAME, {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = [{ width: 48 }, { width: 14 }, { width: 14 }];

  ws.mergeCells(1, 1, 1, 3);
  const title = ws.getCell(1, 1);
  title.value = safeText(`TỔNG HỢP NHIỆM VỤ: ${input.planTitle.trim()}`);
  title.font = { name: XLSX_FONT, size: 14, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  ws.getRow(1).height = 36;

  let rowNo = 3;
  const table = (heading: string, firstHeader: string, counts: [string, number][], overdue?: (label: string) => number): void => {
    const h = ws.getCell(rowNo, 1);
    h.value = heading;
    h.font = { name: XLSX_FONT, size: 12, bold: true };
    rowNo += 1;
    const headers = overdue ? [firstHeader, 'Số nhiệm vụ', 'Quá hạn'] : [firstHeader, 'Số nhiệm vụ'];
    headers.forEach((text, i) => {
      const cell = ws.getCell(rowNo, i + 1);
      cell.value = text;
      cell.font = { name: XLSX_FONT, size: 12, bold: true };
      cell.fill = HEADER_FILL;
      cell.border = THIN_BORDER;
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    });
    rowNo += 1;
    const put = (values: (string | number)[], bold: boolean): void => {
      values.forEach((v, i) => {
        const cell = ws.getCell(rowNo, i + 1);
        cell.value = typeof v === 'string' ? safeText(v) : v;
        cell.font = { name: XLSX_FONT, size: 12, bold };
        cell.border = THIN_BORDER;
        cell.alignment = { vertical: 'top', wrapText: true, horizontal: i === 0 ? 'left' : 'center' };
      });
      rowNo += 1;
    };
    for (const [label, count] of counts) put(overdue ? [label, count, overdue(label)] : [label, count], false);
    const total = counts.reduce((s, [, c]) => s + c, 0);
    put(overdue ? ['Tổng cộng', total, counts.reduce((s, [l]) => s + overdue(l), 0)] : ['Tổng cộng', total], true);
    rowNo += 1;
  };

  table(
    '1. Theo trạng thái',
    'Trạng thái',
    countBy(input.rows, (r) => r.status),
  );
  const overdueByLead = new Map<string, number>();
  for (const r of input.rows) {
    if (!r.isOverdue) continue;
    const k = r.lead.trim() || '(không xác định)';
    overdueByLead.set(k, (overdueByLead.get(k) ?? 0) + 1);
  }
  table(
    '2. Theo cơ quan chủ trì',
    'Cơ quan chủ trì',
    countBy(input.rows, (r) => r.lead),
    (label) => overdueByLead.get(label) ?? 0,
  );
}

export async function renderTaskStatusXlsx(input: TaskStatusXlsxInput): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ATMIS';
  const created = Date.parse(input.generatedAt);
  if (!Number.isNaN(created)) {
    wb.created = new Date(created);
    wb.modified = new Date(created);
  }
  wb.title = input.planTitle;
  taskSheet(wb, input);
  summarySheet(wb, input);
  return workbookBuffer(wb);
}
