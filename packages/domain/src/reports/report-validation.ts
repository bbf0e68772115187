/**
 * Checking what officials enter in a report (ADR 0003).
 *
 * - `parseReportInput` reads what the form sends (numbers or digit strings, '' for an empty cell)
 *   and refuses, with nothing written, anything that is not a non-negative integer up to 10^9 and
 *   any key the template does not have.
 * - `validateReport` checks consistency: parts above their total and rows above their limit are
 *   errors; an incomplete breakdown (parts below the total of a complete group) is a warning.
 * - `submissionBlockers` is what stops a submission: every error, and every warning without a note.
 *
 * Every issue names the table, row and column (or the section) in the official's words.
 */
import { hasInvalidCharacters } from '../text/vietnamese.ts';
import {
  MAX_REPORT_CELL_VALUE,
  MAX_REPORT_NARRATIVE_LENGTH,
  MAX_REPORT_NOTE_LENGTH,
  type ReportContent,
  type ReportGroup,
  type ReportTable,
  type ReportTemplateDefinition,
} from './template-schema.ts';

export const REPORT_ISSUE_CODES = [
  // Input: refused on save.
  'cell_not_number',
  'cell_not_integer',
  'cell_negative',
  'cell_too_large',
  'unknown_section',
  'unknown_table',
  'unknown_row',
  'unknown_column',
  'narrative_not_text',
  'narrative_too_long',
  'note_not_text',
  'note_too_long',
  'unknown_note',
  'text_invalid_characters',
  'invalid_shape',
  // Consistency: errors block submission, warnings need a note.
  'parts_exceed_total',
  'parts_below_total',
  'row_exceeds_limit',
  'warning_without_note',
] as const;
export type ReportIssueCode = (typeof REPORT_ISSUE_CODES)[number];

export type ReportIssueSeverity = 'error' | 'warning';
export type ReportLocale = 'vi' | 'en';

export interface ReportIssue {
  code: ReportIssueCode;
  severity: ReportIssueSeverity;
  /** Where: `tables.<table>.<row>.<column>`, `narratives.<section>`, `notes.<key>`, `tables.<table>` … */
  path: string;
  /** Stable identity; for a warning, the key under which its note is kept in `content.notes`. */
  key: string;
  /** What the message needs: labels (table, row, column, section), keys and values. */
  params: Record<string, string | number>;
}

/** What the form sends; any part may be missing (a missing narrative is '', a missing cell null). */
export interface ReportInput {
  narratives?: Record<string, unknown>;
  tables?: Record<string, Record<string, Record<string, unknown>>>;
  notes?: Record<string, unknown>;
}

export type ReportParseResult = { ok: true; content: ReportContent } | { ok: false; issues: ReportIssue[] };

/** Cells that differ from what the records (tin báo, vụ án, nạn nhân …) give for the period. */
export interface ReportRecordDifference {
  path: string;
  entered: number | null;
  fromRecords: number;
}

export const reportCellPath = (table: string, row: string, column: string) => `tables.${table}.${row}.${column}`;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** An own property only: keys such as "constructor" are valid template keys and must not reach the prototype. */
function own<T>(record: Record<string, T> | undefined, key: string): T | undefined {
  return record && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** A key or text from the request, cut short for a message. */
function shown(value: string, max = 60): string {
  return value.length > max ? `${value.slice(0, max)}…` : value;
}

function describeReceived(value: unknown): string | number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return shown(value.trim());
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  try {
    return shown(JSON.stringify(value) ?? typeof value);
  } catch {
    return typeof value;
  }
}

export type ReportCellIssueCode = 'cell_not_number' | 'cell_not_integer' | 'cell_negative' | 'cell_too_large';
export type ReportCellParseResult = { ok: true; value: number | null } | { ok: false; code: ReportCellIssueCode };

/**
 * One cell as sent: a number, a string of plain digits (spaces around allowed), '' or null.
 * "1.234", "1,5" and "12 345" are refused as not integers: in Vietnamese the dot groups thousands
 * and the comma is the decimal mark, so guessing either way could store a number the official did
 * not mean.
 */
export function parseCellValue(raw: unknown): ReportCellParseResult {
  if (raw === null || raw === undefined) return { ok: true, value: null };
  let value: number;
  if (typeof raw === 'string') {
    const trimmed = raw.trim();
    if (trimmed === '') return { ok: true, value: null };
    if (/^-?\d+$/.test(trimmed)) value = Number(trimmed);
    else if (/^-?[\d.,\s]*\d[\d.,\s]*$/.test(trimmed) && /[.,\s]/.test(trimmed)) return { ok: false, code: 'cell_not_integer' };
    else return { ok: false, code: 'cell_not_number' };
  } else if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return { ok: false, code: 'cell_not_number' };
    if (!Number.isInteger(raw)) return { ok: false, code: 'cell_not_integer' };
    value = raw;
  } else {
    return { ok: false, code: 'cell_not_number' };
  }
  if (value < 0) return { ok: false, code: 'cell_negative' };
  if (value > MAX_REPORT_CELL_VALUE) return { ok: false, code: 'cell_too_large' };
  return { ok: true, value: value === 0 ? 0 : value }; // no -0
}

/** Stored text: line breaks unified, NFC, trimmed. */
function cleanText(value: string): string {
  return value.replace(/\r\n?/g, '\n').normalize('NFC').trim();
}

const issueOf = (
  code: ReportIssueCode,
  path: string,
  params: Record<string, string | number>,
  severity: ReportIssueSeverity = 'error',
) => ({
  code,
  severity,
  path,
  key: `${code}:${path}`,
  params,
});

// ---------------------------------------------------------------------------------------------
// Warning keys

const columnGroupKey = (table: string, row: string, group: ReportGroup) =>
  `parts_below_total:${table}:${row}:${group.total}:${group.parts.join('+')}`;
/** Row groups carry a `rows` segment (six segments, not five) so that they never collide with a column group's key. */
const rowGroupKey = (table: string, column: string, group: ReportGroup) =>
  `parts_below_total:${table}:rows:${group.total}:${group.parts.join('+')}:${column}`;

/** Every key a note may be kept under: one per complete group and row (column groups) or column (row groups). */
export function reportNoteKeys(definition: ReportTemplateDefinition): string[] {
  const keys: string[] = [];
  for (const table of definition.tables) {
    for (const group of table.columnGroups.filter((g) => g.complete)) {
      for (const row of table.rows) keys.push(columnGroupKey(table.key, row.key, group));
    }
    for (const group of table.rowGroups.filter((g) => g.complete)) {
      for (const column of table.columns) keys.push(rowGroupKey(table.key, column.key, group));
    }
  }
  return keys;
}

// ---------------------------------------------------------------------------------------------
// Parsing input

interface TableIndex {
  table: ReportTable;
  rows: Map<string, string>;
  columns: Map<string, string>;
}

function indexTables(definition: ReportTemplateDefinition): Map<string, TableIndex> {
  return new Map(
    definition.tables.map((table) => [
      table.key,
      {
        table,
        rows: new Map(table.rows.map((row) => [row.key, row.label])),
        columns: new Map(table.columns.map((column) => [column.key, column.label])),
      },
    ]),
  );
}

/** Reads a save request into complete content (every section, every cell), or says everything that is wrong. */
export function parseReportInput(definition: ReportTemplateDefinition, raw: ReportInput): ReportParseResult {
  const issues: ReportIssue[] = [];
  const content: ReportContent = { narratives: {}, tables: {}, notes: {} };

  // Narratives
  const sections = new Map(definition.sections.map((section) => [section.key, section.title]));
  const rawNarratives: unknown = raw.narratives;
  if (rawNarratives !== undefined && rawNarratives !== null && !isObject(rawNarratives)) {
    issues.push(issueOf('invalid_shape', 'narratives', {}));
  }
  const narratives = isObject(rawNarratives) ? rawNarratives : {};
  for (const key of Object.keys(narratives)) {
    if (!sections.has(key)) issues.push(issueOf('unknown_section', `narratives.${key}`, { sectionKey: shown(key) }));
  }
  for (const section of definition.sections) {
    const value = own(narratives, section.key);
    const path = `narratives.${section.key}`;
    const params = { section: section.title, sectionKey: section.key };
    content.narratives[section.key] = '';
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') {
      issues.push(issueOf('narrative_not_text', path, params));
      continue;
    }
    if (hasInvalidCharacters(value)) {
      issues.push(issueOf('text_invalid_characters', path, params));
      continue;
    }
    const text = cleanText(value);
    if (text.length > MAX_REPORT_NARRATIVE_LENGTH) {
      issues.push(issueOf('narrative_too_long', path, { ...params, length: text.length, max: MAX_REPORT_NARRATIVE_LENGTH }));
      continue;
    }
    content.narratives[section.key] = text;
  }

  // Tables
  const tables = indexTables(definition);
  const rawTables: unknown = raw.tables;
  if (rawTables !== undefined && rawTables !== null && !isObject(rawTables)) issues.push(issueOf('invalid_shape', 'tables', {}));
  const givenTables = isObject(rawTables) ? rawTables : {};
  for (const tableKey of Object.keys(givenTables)) {
    const index = tables.get(tableKey);
    if (!index) {
      issues.push(issueOf('unknown_table', `tables.${tableKey}`, { tableKey: shown(tableKey) }));
      continue;
    }
    const givenRows = givenTables[tableKey];
    if (givenRows === null || givenRows === undefined) continue;
    if (!isObject(givenRows)) {
      issues.push(issueOf('invalid_shape', `tables.${tableKey}`, { table: index.table.title, tableKey }));
      continue;
    }
    for (const rowKey of Object.keys(givenRows)) {
      const rowLabel = index.rows.get(rowKey);
      const tableParams = { table: index.table.title, tableKey };
      if (rowLabel === undefined) {
        issues.push(issueOf('unknown_row', `tables.${tableKey}.${rowKey}`, { ...tableParams, rowKey: shown(rowKey) }));
        continue;
      }
      const givenCells = givenRows[rowKey];
      if (givenCells === null || givenCells === undefined) continue;
      if (!isObject(givenCells)) {
        issues.push(issueOf('invalid_shape', `tables.${tableKey}.${rowKey}`, { ...tableParams, row: rowLabel, rowKey }));
        continue;
      }
      for (const columnKey of Object.keys(givenCells)) {
        const columnLabel = index.columns.get(columnKey);
        const rowParams = { ...tableParams, row: rowLabel, rowKey };
        if (columnLabel === undefined) {
          issues.push(
            issueOf('unknown_column', reportCellPath(tableKey, rowKey, columnKey), { ...rowParams, columnKey: shown(columnKey) }),
          );
          continue;
        }
        const value = givenCells[columnKey];
        const result = parseCellValue(value);
        if (!result.ok) {
          issues.push(
            issueOf(result.code, reportCellPath(tableKey, rowKey, columnKey), {
              ...rowParams,
              column: columnLabel,
              columnKey,
              received: describeReceived(value),
            }),
          );
        }
      }
    }
  }
  for (const { table } of tables.values()) {
    const givenRows = own(givenTables, table.key);
    const rows: Record<string, Record<string, number | null>> = {};
    for (const row of table.rows) {
      const givenCells = isObject(givenRows) ? own(givenRows, row.key) : undefined;
      const cells: Record<string, number | null> = {};
      for (const column of table.columns) {
        const result = parseCellValue(isObject(givenCells) ? own(givenCells, column.key) : undefined);
        cells[column.key] = result.ok ? result.value : null;
      }
      rows[row.key] = cells;
    }
    content.tables[table.key] = rows;
  }

  // Notes (explanations of warnings)
  const noteKeys = new Set(reportNoteKeys(definition));
  const rawNotes: unknown = raw.notes;
  if (rawNotes !== undefined && rawNotes !== null && !isObject(rawNotes)) issues.push(issueOf('invalid_shape', 'notes', {}));
  const notes = isObject(rawNotes) ? rawNotes : {};
  for (const key of Object.keys(notes)) {
    const path = `notes.${key}`;
    if (!noteKeys.has(key)) {
      issues.push(issueOf('unknown_note', path, { noteKey: shown(key) }));
      continue;
    }
    const value = notes[key];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') {
      issues.push(issueOf('note_not_text', path, { noteKey: key }));
      continue;
    }
    if (hasInvalidCharacters(value)) {
      issues.push(issueOf('text_invalid_characters', path, { noteKey: key }));
      continue;
    }
    const text = cleanText(value);
    if (text.length > MAX_REPORT_NOTE_LENGTH) {
      issues.push(issueOf('note_too_long', path, { noteKey: key, length: text.length, max: MAX_REPORT_NOTE_LENGTH }));
      continue;
    }
    if (text !== '') content.notes[key] = text;
  }

  return issues.length ? { ok: false, issues } : { ok: true, content };
}

// ---------------------------------------------------------------------------------------------
// Consistency

function cellReader(content: ReportContent, tableKey: string) {
  const rows = own(content.tables, tableKey);
  return (row: string, column: string): number | null => {
    const value = own(own(rows, row), column);
    return typeof value === 'number' ? value : null;
  };
}

const labelsOf = (lines: readonly { key: string; label: string }[]) => new Map(lines.map((line) => [line.key, line.label]));
const quoted = (labels: readonly string[]) => labels.map((label) => `"${label}"`).join(', ');

/**
 * One group checked along one line: the parts' sum may not exceed the total (when the total and at
 * least one part are entered); in a complete group, a sum below the total is a warning once every
 * part is entered (a breakdown still being filled in is not flagged).
 */
function checkGroup(
  table: ReportTable,
  group: ReportGroup,
  direction: 'columns' | 'rows',
  line: { key: string; label: string },
  valueOf: (key: string) => number | null,
  labelOf: (key: string) => string,
): ReportIssue | null {
  const total = valueOf(group.total);
  const parts = group.parts.map(valueOf);
  const entered = parts.filter((value): value is number => value !== null);
  if (total === null || entered.length === 0) return null;
  const sum = entered.reduce((a, b) => a + b, 0);
  const path =
    direction === 'columns' ? reportCellPath(table.key, line.key, group.total) : reportCellPath(table.key, group.total, line.key);
  const params = {
    table: table.title,
    tableKey: table.key,
    direction,
    line: line.label,
    lineKey: line.key,
    total: labelOf(group.total),
    totalKey: group.total,
    parts: quoted(group.parts.map(labelOf)),
    partKeys: group.parts.join('+'),
    totalValue: total,
    sum,
  };
  if (sum > total) return issueOf('parts_exceed_total', path, params);
  if (group.complete && entered.length === parts.length && sum < total) {
    const key = direction === 'columns' ? columnGroupKey(table.key, line.key, group) : rowGroupKey(table.key, line.key, group);
    return { code: 'parts_below_total', severity: 'warning', path, key, params };
  }
  return null;
}

/** Consistency of entered figures: parts against totals, rows against their limits. Cells not entered are skipped. */
export function validateReport(definition: ReportTemplateDefinition, content: ReportContent): ReportIssue[] {
  const issues: ReportIssue[] = [];
  for (const table of definition.tables) {
    const cell = cellReader(content, table.key);
    const rowLabels = labelsOf(table.rows);
    const columnLabels = labelsOf(table.columns);
    const rowLabel = (key: string) => rowLabels.get(key) ?? key;
    const columnLabel = (key: string) => columnLabels.get(key) ?? key;
    for (const group of table.columnGroups) {
      for (const row of table.rows) {
        const issue = checkGroup(table, group, 'columns', row, (column) => cell(row.key, column), columnLabel);
        if (issue) issues.push(issue);
      }
    }
    for (const group of table.rowGroups) {
      for (const column of table.columns) {
        const issue = checkGroup(table, group, 'rows', column, (row) => cell(row, column.key), rowLabel);
        if (issue) issues.push(issue);
      }
    }
    for (const limit of table.rowLimits) {
      for (const column of table.columns) {
        const value = cell(limit.row, column.key);
        const limitValue = cell(limit.notAbove, column.key);
        if (value === null || limitValue === null || value <= limitValue) continue;
        issues.push(
          issueOf('row_exceeds_limit', reportCellPath(table.key, limit.row, column.key), {
            table: table.title,
            tableKey: table.key,
            row: rowLabel(limit.row),
            rowKey: limit.row,
            column: column.label,
            columnKey: column.key,
            limitRow: rowLabel(limit.notAbove),
            limitRowKey: limit.notAbove,
            value,
            limitValue,
          }),
        );
      }
    }
  }
  return issues;
}

/** What stops a submission: every consistency error, and every warning that has no note explaining it. */
export function submissionBlockers(definition: ReportTemplateDefinition, content: ReportContent): ReportIssue[] {
  const blockers: ReportIssue[] = [];
  for (const issue of validateReport(definition, content)) {
    if (issue.severity === 'error') blockers.push(issue);
    else if (!own(content.notes, issue.key)?.trim()) {
      blockers.push({
        code: 'warning_without_note',
        severity: 'error',
        path: issue.path,
        key: issue.key,
        params: { ...issue.params, warningCode: issue.code },
      });
    }
  }
  return blockers;
}

/** Cells whose entered value differs from the records' count; an empty cell differs only from a count above 0. */
export function compareWithRecords(
  content: ReportContent,
  prefilled: Record<string, Record<string, Record<string, number>>>,
): ReportRecordDifference[] {
  const differences: ReportRecordDifference[] = [];
  for (const [tableKey, rows] of Object.entries(prefilled)) {
    const cell = cellReader(content, tableKey);
    for (const [rowKey, columns] of Object.entries(rows)) {
      for (const [columnKey, fromRecords] of Object.entries(columns)) {
        const entered = cell(rowKey, columnKey);
        if (entered === null ? fromRecords > 0 : entered !== fromRecords) {
          differences.push({ path: reportCellPath(tableKey, rowKey, columnKey), entered, fromRecords });
        }
      }
    }
  }
  return differences;
}

// ---------------------------------------------------------------------------------------------
// Messages

/** 1234567 → "1.234.567" (vi) or "1,234,567" (en). */
export function formatReportCount(value: number, locale: ReportLocale): string {
  const [whole, fraction] = String(Math.abs(value)).split('.') as [string, string | undefined];
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, locale === 'vi' ? '.' : ',');
  return `${value < 0 ? '-' : ''}${grouped}${fraction ? (locale === 'vi' ? ',' : '.') + fraction : ''}`;
}

type Messages = Record<Exclude<ReportIssueCode, 'warning_without_note'>, (p: Params) => string>;
type Params = { s: (name: string) => string; n: (name: string) => string; received: () => string; rows: boolean };

const VI: Messages = {
  cell_not_number: (p) => `${cellVi(p)}: phải là số nguyên không âm (nhận được ${p.received()}).`,
  cell_not_integer: (p) =>
    `${cellVi(p)}: phải là số nguyên, không có phần thập phân hay dấu phân cách hàng nghìn (nhận được ${p.received()}).`,
  cell_negative: (p) => `${cellVi(p)}: không được là số âm (nhận được ${p.received()}).`,
  cell_too_large: (p) => `${cellVi(p)}: không được lớn hơn ${formatReportCount(MAX_REPORT_CELL_VALUE, 'vi')} (nhận được ${p.received()}).`,
  unknown_section: (p) => `Mục "${p.s('sectionKey')}" không có trong mẫu báo cáo.`,
  unknown_table: (p) => `Bảng "${p.s('tableKey')}" không có trong mẫu báo cáo.`,
  unknown_row: (p) => `Bảng "${p.s('table')}": dòng "${p.s('rowKey')}" không có trong mẫu báo cáo.`,
  unknown_column: (p) => `Bảng "${p.s('table')}", dòng "${p.s('row')}": cột "${p.s('columnKey')}" không có trong mẫu báo cáo.`,
  narrative_not_text: (p) => `Mục "${p.s('section')}": nội dung phải là văn bản.`,
  narrative_too_long: (p) => `Mục "${p.s('section')}": nội dung dài ${p.n('length')} ký tự, vượt quá ${p.n('max')} ký tự cho phép.`,
  note_not_text: () => 'Ghi chú giải thích phải là văn bản.',
  note_too_long: (p) => `Ghi chú giải thích dài ${p.n('length')} ký tự, vượt quá ${p.n('max')} ký tự cho phép.`,
  unknown_note: () => 'Ghi chú không gắn với cảnh báo nào của mẫu báo cáo.',
  text_invalid_characters: (p) => `${p.s('section') ? `Mục "${p.s('section')}"` : 'Ghi chú giải thích'}: nội dung chứa ký tự không hợp lệ.`,
  invalid_shape: (p) => `Dữ liệu ${p.s('table') ? `của bảng "${p.s('table')}"` : 'gửi lên'} không đúng cấu trúc của mẫu báo cáo.`,
  parts_exceed_total: (p) =>
    `${lineVi(p)}: tổng các ${p.rows ? 'dòng' : 'cột'} ${p.s('parts')} là ${p.n('sum')}, lớn hơn ${p.rows ? 'dòng' : 'cột'} "${p.s('total')}" (${p.n('totalValue')}).`,
  parts_below_total: (p) => `${belowTotalVi(p)}. Cần ghi chú lý do (ví dụ: trường hợp chưa xác định được) trước khi gửi.`,
  row_exceeds_limit: (p) =>
    `Bảng "${p.s('table')}", cột "${p.s('column')}": dòng "${p.s('row')}" (${p.n('value')}) lớn hơn dòng "${p.s('limitRow')}" (${p.n('limitValue')}).`,
};

const EN: Messages = {
  cell_not_number: (p) => `${cellEn(p)}: must be a whole number, 0 or more (received ${p.received()}).`,
  cell_not_integer: (p) => `${cellEn(p)}: must be a whole number without decimals or thousands separators (received ${p.received()}).`,
  cell_negative: (p) => `${cellEn(p)}: must not be negative (received ${p.received()}).`,
  cell_too_large: (p) => `${cellEn(p)}: must not exceed ${formatReportCount(MAX_REPORT_CELL_VALUE, 'en')} (received ${p.received()}).`,
  unknown_section: (p) => `Section "${p.s('sectionKey')}" is not in the report template.`,
  unknown_table: (p) => `Table "${p.s('tableKey')}" is not in the report template.`,
  unknown_row: (p) => `Table "${p.s('table')}": row "${p.s('rowKey')}" is not in the report template.`,
  unknown_column: (p) => `Table "${p.s('table')}", row "${p.s('row')}": column "${p.s('columnKey')}" is not in the report template.`,
  narrative_not_text: (p) => `Section "${p.s('section')}": the narrative must be text.`,
  narrative_too_long: (p) =>
    `Section "${p.s('section')}": the narrative has ${p.n('length')} characters, more than the ${p.n('max')} allowed.`,
  note_not_text: () => 'An explanatory note must be text.',
  note_too_long: (p) => `An explanatory note has ${p.n('length')} characters, more than the ${p.n('max')} allowed.`,
  unknown_note: () => 'A note does not belong to any warning of the report template.',
  text_invalid_characters: (p) =>
    `${p.s('section') ? `Section "${p.s('section')}"` : 'An explanatory note'}: the text contains invalid characters.`,
  invalid_shape: (p) => `The data ${p.s('table') ? `of table "${p.s('table')}"` : 'sent'} does not match the report template.`,
  parts_exceed_total: (p) =>
    `${lineEn(p)}: the ${p.rows ? 'rows' : 'columns'} ${p.s('parts')} add up to ${p.n('sum')}, more than ${p.rows ? 'row' : 'column'} "${p.s('total')}" (${p.n('totalValue')}).`,
  parts_below_total: (p) => `${belowTotalEn(p)}. A note must explain why (e.g. cases not yet determined) before submission.`,
  row_exceeds_limit: (p) =>
    `Table "${p.s('table')}", column "${p.s('column')}": row "${p.s('row')}" (${p.n('value')}) is more than row "${p.s('limitRow')}" (${p.n('limitValue')}).`,
};

function cellVi(p: Params): string {
  return `Bảng "${p.s('table')}", dòng "${p.s('row')}", cột "${p.s('column')}"`;
}
function cellEn(p: Params): string {
  return `Table "${p.s('table')}", row "${p.s('row')}", column "${p.s('column')}"`;
}
function lineVi(p: Params): string {
  return `Bảng "${p.s('table')}", ${p.rows ? 'cột' : 'dòng'} "${p.s('line')}"`;
}
function belowTotalVi(p: Params): string {
  const noun = p.rows ? 'dòng' : 'cột';
  return `${lineVi(p)}: tổng các ${noun} ${p.s('parts')} là ${p.n('sum')}, nhỏ hơn ${noun} "${p.s('total')}" (${p.n('totalValue')})`;
}
function belowTotalEn(p: Params): string {
  return `${lineEn(p)}: the ${p.rows ? 'rows' : 'columns'} ${p.s('parts')} add up to ${p.n('sum')}, less than ${p.rows ? 'row' : 'column'} "${p.s('total')}" (${p.n('totalValue')})`;
}
function lineEn(p: Params): string {
  return `Table "${p.s('table')}", ${p.rows ? 'column' : 'row'} "${p.s('line')}"`;
}

/** The message an official reads for an issue, naming the table, row and column (or section). */
export function describeReportIssue(issue: ReportIssue, locale: ReportLocale): string {
  const messages = locale === 'vi' ? VI : EN;
  const raw = issue.params;
  const p: Params = {
    s: (name) => (raw[name] === undefined ? '' : String(raw[name])),
    n: (name) => {
      const value = raw[name];
      return typeof value === 'number' ? formatReportCount(value, locale) : String(value ?? '');
    },
    received: () => {
      const value = raw.received;
      return typeof value === 'number' ? formatReportCount(value, locale) : `"${value ?? ''}"`;
    },
    rows: raw.direction === 'rows',
  };
  if (issue.code === 'warning_without_note') {
    // The only warning so far is an incomplete breakdown.
    return locale === 'vi'
      ? `${belowTotalVi(p)}. Chưa có ghi chú lý do nên chưa gửi được báo cáo.`
      : `${belowTotalEn(p)}. The report cannot be submitted until a note explains why.`;
  }
  return messages[issue.code](p);
}
