/**
 * The layout of a periodic report (ADR 0003): sections, each with a narrative and the tables shown
 * in it, and tables of non-negative integer cells with their consistency rules. A definition is
 * data (stored as JSON in report_templates.definition), so it is checked here before it is
 * published: every key is unique where it must be, and every rule names rows and columns that exist.
 */
import { z } from 'zod';
import { hasInvalidCharacters, normalizeText } from '../text/vietnamese.ts';

/** The largest value a cell may hold (ADR 0003: "more than 10^9" is refused). */
export const MAX_REPORT_CELL_VALUE = 1_000_000_000;
export const MAX_REPORT_NARRATIVE_LENGTH = 100_000;
export const MAX_REPORT_NOTE_LENGTH = 2_000;

/** Keys of sections, tables, rows and columns: stable identifiers, also used in issue paths. */
export const reportKeySchema = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, {
  message: 'Mã chỉ gồm chữ thường không dấu, chữ số và dấu gạch dưới, bắt đầu bằng chữ, tối đa 40 ký tự.',
});

/** A label shown to officials: free of NUL and lone surrogates, NFC, whitespace collapsed. */
function label(max: number) {
  return z
    .string()
    .max(max)
    .refine((value) => !hasInvalidCharacters(value), { message: 'Chuỗi chứa ký tự không hợp lệ.' })
    .transform(normalizeText)
    .pipe(z.string().min(1, { message: 'Không được để trống.' }).max(max));
}

/** Longer text kept as written (line breaks matter): only bounded and free of invalid characters. */
function plainText(max: number, min = 0) {
  return z
    .string()
    .min(min)
    .max(max)
    .refine((value) => !hasInvalidCharacters(value), { message: 'Chuỗi chứa ký tự không hợp lệ.' });
}

/** `total` must not be exceeded by the sum of `parts`; when `complete`, a sum below it is a warning. */
const groupSchema = z.object({
  total: reportKeySchema,
  parts: z.array(reportKeySchema).min(1).max(40),
  complete: z.boolean(),
});

/** In every column, the value of `row` may not be above the value of `notAbove` (identified ≤ received). */
const rowLimitSchema = z.object({ row: reportKeySchema, notAbove: reportKeySchema });

const tableSchema = z.object({
  key: reportKeySchema,
  title: label(300),
  /** The unit of the cells when the same for all (người, vụ, lượt); null when rows differ. */
  unit: label(40).nullable(),
  /** The record source that can prefill the table (tipoffs, cases, victims, prevention); null = none. */
  prefill: plainText(60, 1).nullable(),
  rows: z
    .array(z.object({ key: reportKeySchema, label: label(300) }))
    .min(1)
    .max(80),
  columns: z
    .array(z.object({ key: reportKeySchema, label: label(120) }))
    .min(1)
    .max(40),
  columnGroups: z.array(groupSchema).max(40),
  rowGroups: z.array(groupSchema).max(80),
  rowLimits: z.array(rowLimitSchema).max(80),
});

const sectionSchema = z.object({
  key: reportKeySchema,
  title: label(300),
  guidance: plainText(2000).nullable(),
  tables: z.array(reportKeySchema).max(20),
});

type Issue = { message: string; path: (string | number)[] };

function duplicates<T>(items: readonly T[], keyOf: (item: T) => string): { key: string; index: number }[] {
  const seen = new Set<string>();
  const found: { key: string; index: number }[] = [];
  items.forEach((item, index) => {
    const key = keyOf(item);
    if (seen.has(key)) found.push({ key, index });
    seen.add(key);
  });
  return found;
}

function groupIssues(
  table: z.infer<typeof tableSchema>,
  tableIndex: number,
  kind: 'columnGroups' | 'rowGroups',
  keys: ReadonlySet<string>,
): Issue[] {
  const issues: Issue[] = [];
  const noun = kind === 'columnGroups' ? 'cột' : 'dòng';
  table[kind].forEach((group, groupIndex) => {
    const path = ['tables', tableIndex, kind, groupIndex];
    if (!keys.has(group.total)) {
      issues.push({ message: `Bảng "${table.key}": nhóm có ${noun} tổng "${group.total}" không có trong bảng.`, path: [...path, 'total'] });
    }
    group.parts.forEach((part, partIndex) => {
      if (!keys.has(part)) {
        issues.push({
          message: `Bảng "${table.key}": nhóm có ${noun} thành phần "${part}" không có trong bảng.`,
          path: [...path, 'parts', partIndex],
        });
      }
    });
    if (group.parts.includes(group.total)) {
      issues.push({
        message: `Bảng "${table.key}": ${noun} tổng "${group.total}" không được là thành phần của chính nó.`,
        path: [...path, 'parts'],
      });
    }
    for (const { key, index } of duplicates(group.parts, (part) => part)) {
      issues.push({ message: `Bảng "${table.key}": ${noun} thành phần "${key}" bị lặp trong nhóm.`, path: [...path, 'parts', index] });
    }
  });
  return issues;
}

/** The cross-reference checks that a field-by-field schema cannot express. */
function definitionIssues(definition: { sections: z.infer<typeof sectionSchema>[]; tables: z.infer<typeof tableSchema>[] }): Issue[] {
  const issues: Issue[] = [];
  for (const { key, index } of duplicates(definition.sections, (section) => section.key)) {
    issues.push({ message: `Mã mục "${key}" bị trùng.`, path: ['sections', index, 'key'] });
  }
  for (const { key, index } of duplicates(definition.tables, (table) => table.key)) {
    issues.push({ message: `Mã bảng "${key}" bị trùng.`, path: ['tables', index, 'key'] });
  }
  const tableKeys = new Set(definition.tables.map((table) => table.key));
  const placedIn = new Map<string, string[]>();
  definition.sections.forEach((section, sectionIndex) => {
    section.tables.forEach((tableKey, index) => {
      if (!tableKeys.has(tableKey)) {
        issues.push({
          message: `Mục "${section.key}" gắn bảng "${tableKey}" không có trong mẫu.`,
          path: ['sections', sectionIndex, 'tables', index],
        });
        return;
      }
      placedIn.set(tableKey, [...(placedIn.get(tableKey) ?? []), section.key]);
    });
  });
  definition.tables.forEach((table, tableIndex) => {
    const sections = placedIn.get(table.key) ?? [];
    if (sections.length === 0) {
      issues.push({ message: `Bảng "${table.key}" chưa được gắn vào mục nào.`, path: ['tables', tableIndex, 'key'] });
    } else if (sections.length > 1) {
      const where = sections.map((key) => `"${key}"`).join(', ');
      issues.push({
        message: `Bảng "${table.key}" được gắn nhiều lần (mục ${where}); mỗi bảng chỉ thuộc một mục.`,
        path: ['tables', tableIndex, 'key'],
      });
    }
    for (const { key, index } of duplicates(table.rows, (row) => row.key)) {
      issues.push({ message: `Bảng "${table.key}": mã dòng "${key}" bị trùng.`, path: ['tables', tableIndex, 'rows', index, 'key'] });
    }
    for (const { key, index } of duplicates(table.columns, (column) => column.key)) {
      issues.push({ message: `Bảng "${table.key}": mã cột "${key}" bị trùng.`, path: ['tables', tableIndex, 'columns', index, 'key'] });
    }
    const rowKeys = new Set(table.rows.map((row) => row.key));
    const columnKeys = new Set(table.columns.map((column) => column.key));
    issues.push(...groupIssues(table, tableIndex, 'columnGroups', columnKeys));
    issues.push(...groupIssues(table, tableIndex, 'rowGroups', rowKeys));
    table.rowLimits.forEach((limit, limitIndex) => {
      const path = ['tables', tableIndex, 'rowLimits', limitIndex];
      for (const field of ['row', 'notAbove'] as const) {
        if (!rowKeys.has(limit[field])) {
          issues.push({
            message: `Bảng "${table.key}": ràng buộc nêu dòng "${limit[field]}" không có trong bảng.`,
            path: [...path, field],
          });
        }
      }
      if (limit.row === limit.notAbove) {
        issues.push({
          message: `Bảng "${table.key}": dòng "${limit.row}" không thể bị giới hạn bởi chính nó.`,
          path: [...path, 'notAbove'],
        });
      }
    });
  });
  return issues;
}

export const reportTemplateDefinitionSchema = z
  .object({
    sections: z.array(sectionSchema).min(1).max(40),
    tables: z.array(tableSchema).max(60),
  })
  .superRefine((definition, context) => {
    for (const issue of definitionIssues(definition)) context.addIssue({ code: 'custom', ...issue });
  });

export type ReportTemplateDefinition = z.infer<typeof reportTemplateDefinitionSchema>;
export type ReportTable = ReportTemplateDefinition['tables'][number];
export type ReportSection = ReportTemplateDefinition['sections'][number];
export type ReportGroup = ReportTable['columnGroups'][number];
export type ReportRowLimit = ReportTable['rowLimits'][number];

/** A cell: a non-negative integer up to 10^9, or null for "not entered". */
export const reportCellSchema = z.number().int().min(0).max(MAX_REPORT_CELL_VALUE).nullable();

/** Stored content of a report: narratives by section, cells by table/row/column, notes by warning key. */
export const reportContentSchema = z.object({
  narratives: z.record(z.string(), z.string().max(MAX_REPORT_NARRATIVE_LENGTH)),
  tables: z.record(z.string(), z.record(z.string(), z.record(z.string(), reportCellSchema))),
  notes: z.record(z.string(), z.string().max(MAX_REPORT_NOTE_LENGTH)),
});
export type ReportContent = z.infer<typeof reportContentSchema>;
export type ReportCells = ReportContent['tables'];

/** A new report: every section's narrative empty, every cell not entered, no notes. */
export function emptyReportContent(definition: ReportTemplateDefinition): ReportContent {
  const narratives: Record<string, string> = {};
  for (const section of definition.sections) narratives[section.key] = '';
  const tables: ReportCells = {};
  for (const table of definition.tables) {
    const rows: Record<string, Record<string, number | null>> = {};
    for (const row of table.rows) {
      const cells: Record<string, number | null> = {};
      for (const column of table.columns) cells[column.key] = null;
      rows[row.key] = cells;
    }
    tables[table.key] = rows;
  }
  return { narratives, tables, notes: {} };
}
