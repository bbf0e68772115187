/**
 * Input of the periodic report exports (.docx and .xlsx). Independent of the database schema: the
 * reports API maps a stored report instance (its template version, content, period and agency) into
 * {@link ReportDocumentModel} and hands it to the pure generators in `report-docx.ts` and
 * `report-xlsx.ts`.
 *
 * Every string is rendered as-is (UTF-8, Vietnamese with diacritics); multi-line values use `\n`.
 */
import type { ReportStatus } from '@atmis/domain/reports/report-status';
import type { ReportContent, ReportTable, ReportTemplateDefinition } from '@atmis/domain/reports/template-schema';
import { formatShortDate } from '../../../platform/documents/decree30-docx.ts';

export interface ReportDocumentModel {
  /** Governing body (cơ quan chủ quản) printed above the issuer, e.g. 'UBND THÀNH PHỐ HẢI PHÒNG'; null when none. */
  issuerParent: string | null;
  /** Reporting agency, e.g. 'CÔNG AN THÀNH PHỐ HẢI PHÒNG'. Printed bold upper-case, one line per `\n`. */
  issuerName: string;
  /** Sequence number ('12'); null while unnumbered (printed as a blank to fill in by hand). */
  number: string | null;
  /** Symbol after the slash, e.g. 'BC-CAHP'; null when unknown. */
  symbol: string | null;
  /** Place name for the date line, e.g. 'Hải Phòng'. */
  place: string;
  /** Report date, ISO `YYYY-MM-DD` (a datetime is cut to its date); null prints 'ngày    tháng    năm 20..'. */
  date: string | null;
  /**
   * Full title, e.g. 'Báo cáo kết quả công tác phòng, chống mua bán người quý I năm 2026'. The .docx
   * prints 'BÁO CÁO' above it and drops a leading 'Báo cáo' from the trích yếu; the .xlsx prints it whole.
   */
  title: string;
  /** Period label, e.g. 'Quý I năm 2026' (ReportingPeriod.label). */
  periodLabel: string;
  /** Data window, ISO dates, end inclusive (ReportingPeriod.start/end). */
  window: { start: string; end: string };
  /** A reporting agency's own report, or the standing office's consolidated report. */
  kind: 'unit' | 'consolidated';
  /** Workflow status; until the report is accepted the documents are marked 'DỰ THẢO'. */
  status: ReportStatus;
  /** Status in Vietnamese, e.g. 'Đã gửi' (REPORT_STATUS_LABELS[status].vi). */
  statusLabel: string;
  /** The template version the report was created with. */
  definition: ReportTemplateDefinition;
  content: ReportContent;
  /** Nơi nhận, one recipient per entry; '- Lưu: VT.' is added unless an entry starts with 'Lưu'. */
  recipients: string[];
  signer: {
    /** 'GIÁM ĐỐC', 'KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC', 'TM. BAN CHỈ ĐẠO\nTRƯỞNG BAN'; null when unknown. */
    title: string | null;
    /** Signer's full name; null leaves the line blank. */
    name: string | null;
  };
}

export const REPORT_KIND_LABELS: Record<ReportDocumentModel['kind'], string> = {
  unit: 'Báo cáo của cơ quan, đơn vị',
  consolidated: 'Báo cáo tổng hợp',
};

/** Accepted and locked reports are final; every other status prints as a draft. */
export function isDraftReport(status: ReportStatus): boolean {
  return status !== 'accepted' && status !== 'locked';
}

/** 'DỰ THẢO (Đã gửi)' for a report not yet accepted; null once it is. */
export function draftMark(model: Pick<ReportDocumentModel, 'status' | 'statusLabel'>): string | null {
  if (!isDraftReport(model.status)) return null;
  const label = model.statusLabel.trim();
  return label ? `DỰ THẢO (${label})` : 'DỰ THẢO';
}

/** 'Số liệu tính từ ngày 15/12/2025 đến ngày 14/3/2026'. */
export function formatReportWindow(window: { start: string; end: string }): string {
  return `Số liệu tính từ ngày ${formatShortDate(window.start)} đến ngày ${formatShortDate(window.end)}`;
}

/** A table as printed: numbered in the order it appears, with the section it belongs to. */
export interface PlacedTable {
  table: ReportTable;
  /** 1-based, in document order. */
  number: number;
  /** The section it is shown in; null for a table no section names (printed after the last section). */
  sectionKey: string | null;
}

/**
 * The tables in document order: each section's tables in turn, then any table no section names (a
 * published definition has none, but nothing is dropped if one slips through). Unknown keys are
 * skipped and a table named twice is printed once, where it first appears.
 */
export function placedTables(definition: ReportTemplateDefinition): PlacedTable[] {
  const byKey = new Map(definition.tables.map((t) => [t.key, t]));
  const out: PlacedTable[] = [];
  const seen = new Set<string>();
  const place = (table: ReportTable, sectionKey: string | null): void => {
    if (seen.has(table.key)) return;
    seen.add(table.key);
    out.push({ table, number: out.length + 1, sectionKey });
  };
  for (const section of definition.sections) {
    for (const key of section.tables) {
      const table = byKey.get(key);
      if (table) place(table, section.key);
    }
  }
  for (const table of definition.tables) place(table, null);
  return out;
}

/** A cell as a finite number, or null when not entered (or not a number at all). */
export function cellValue(content: ReportContent, tableKey: string, rowKey: string, columnKey: string): number | null {
  const value: unknown = content.tables[tableKey]?.[rowKey]?.[columnKey];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** Rows that are the total of a row group (printed bold). */
export function totalRowKeys(table: ReportTable): Set<string> {
  return new Set(table.rowGroups.map((g) => g.total));
}

const numberFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

/** '1.234' (vi-VN grouping); '' for null. */
export function formatCount(value: number | null): string {
  return value === null ? '' : numberFormat.format(value);
}
