/**
 * Cell styles and the formula-injection guard shared by the .xlsx exports (exceljs).
 */
import type ExcelJS from 'exceljs';
import { XML_INVALID } from './text.ts';

export const XLSX_FONT = 'Times New Roman';
export const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
export const THIN_BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/**
 * Cell text safe from formula injection: text starting with = + - @ tab or CR gets a leading
 * apostrophe. The caller writes it as a plain string value (never `{ formula }`), so it is never
 * evaluated — not on open, not on re-entry, not after a CSV round-trip. Characters XML forbids are
 * removed.
 */
export function safeText(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = value.replace(XML_INVALID, '');
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** The workbook serialised as a Node buffer. */
export async function workbookBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}
