/**
 * The report form's working copy. What the user types is kept exactly as typed, as strings in one
 * flat map keyed by field path — `narratives.<section>`, `tables.<table>.<row>.<column>` and
 * `notes.<warning key>` — which is also the path the server uses in its `errors[]`. Every rule
 * (what a valid cell is, which sums must hold, what blocks a submission) comes from @atmis/domain.
 */
import {
  parseCellValue,
  reportCellPath as cellPath,
  parseReportInput,
  submissionBlockers,
  validateReport,
  type ReportContent,
  type ReportInput,
  type ReportIssue,
  type ReportTemplateDefinition,
  type saveReportBodySchema,
} from '@atmis/domain';
import type { Input } from '../../../lib/contracts.ts';

/** Field path → text as typed. */
export type DraftValues = Readonly<Record<string, string>>;

export type SaveContent = Input<typeof saveReportBodySchema>['content'];

export { cellPath };
export const narrativePath = (section: string) => `narratives.${section}`;
export const notePath = (issueKey: string) => `notes.${issueKey}`;

const NOTE_PREFIX = 'notes.';
export const isNotePath = (path: string) => path.startsWith(NOTE_PREFIX);
export const isCellPath = (path: string) => path.startsWith('tables.');
export const noteKeyOf = (path: string) => path.slice(NOTE_PREFIX.length);

function own<T>(record: Record<string, T> | undefined, key: string): T | undefined {
  return record && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** The stored content as the strings the form shows: a cell not entered is '', 0 is '0'. */
export function draftFromContent(definition: ReportTemplateDefinition, content: ReportContent): Record<string, string> {
  const values: Record<string, string> = {};
  for (const section of definition.sections) values[narrativePath(section.key)] = own(content.narratives, section.key) ?? '';
  for (const table of definition.tables) {
    const rows = own(content.tables, table.key);
    for (const row of table.rows) {
      const cells = own(rows, row.key);
      for (const column of table.columns) {
        const value = own(cells, column.key);
        values[cellPath(table.key, row.key, column.key)] = typeof value === 'number' ? String(value) : '';
      }
    }
  }
  for (const [key, note] of Object.entries(content.notes)) values[notePath(key)] = note;
  return values;
}

/** What the form would save, in the template's shape; a cell left empty is null, empty notes are left out. */
export function saveContentFromDraft(definition: ReportTemplateDefinition, draft: DraftValues): SaveContent {
  const narratives: Record<string, string> = {};
  for (const section of definition.sections) narratives[section.key] = own(draft, narrativePath(section.key)) ?? '';
  const tables: Record<string, Record<string, Record<string, string | null>>> = {};
  for (const table of definition.tables) {
    const rows: Record<string, Record<string, string | null>> = {};
    for (const row of table.rows) {
      const cells: Record<string, string | null> = {};
      for (const column of table.columns) {
        const raw = own(draft, cellPath(table.key, row.key, column.key)) ?? '';
        cells[column.key] = raw.trim() === '' ? null : raw;
      }
      rows[row.key] = cells;
    }
    tables[table.key] = rows;
  }
  const notes: Record<string, string> = {};
  for (const [path, note] of Object.entries(draft)) {
    if (isNotePath(path) && note.trim() !== '') notes[noteKeyOf(path)] = note;
  }
  return { narratives, tables, notes };
}

function withoutPaths(input: SaveContent, paths: ReadonlySet<string>): ReportInput {
  const narratives = { ...input.narratives };
  const notes = { ...input.notes };
  const tables: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const [tableKey, rows] of Object.entries(input.tables ?? {})) {
    tables[tableKey] = {};
    for (const [rowKey, cells] of Object.entries(rows)) {
      tables[tableKey][rowKey] = Object.fromEntries(
        Object.entries(cells).filter(([columnKey]) => !paths.has(cellPath(tableKey, rowKey, columnKey))),
      );
    }
  }
  for (const path of paths) {
    if (path.startsWith('narratives.')) delete narratives[path.slice('narratives.'.length)];
    if (isNotePath(path)) delete notes[noteKeyOf(path)];
  }
  return { narratives, tables, notes };
}

export interface DraftAnalysis {
  /** The content that the valid part of the draft stands for (a refused cell counts as not entered). */
  content: ReportContent;
  /** What a save would refuse: cells that are not non-negative integers, texts too long … */
  inputIssues: ReportIssue[];
  /** Parts above totals, rows above their limits (errors) and incomplete breakdowns (warnings). */
  consistency: ReportIssue[];
  /** What stops a submission: input issues, consistency errors and warnings without a note. */
  blockers: ReportIssue[];
}

/** The domain's checks, run on what is on screen, so the user sees the server's messages while typing. */
export function analyseDraft(definition: ReportTemplateDefinition, draft: DraftValues): DraftAnalysis {
  const input = saveContentFromDraft(definition, draft);
  const first = parseReportInput(definition, input);
  let content: ReportContent;
  let inputIssues: ReportIssue[] = [];
  if (first.ok) {
    content = first.content;
  } else {
    inputIssues = first.issues;
    const second = parseReportInput(definition, withoutPaths(input, new Set(first.issues.map((issue) => issue.path))));
    content = second.ok ? second.content : emptyContentOf(definition);
  }
  const consistency = validateReport(definition, content);
  const blockers = [...inputIssues, ...submissionBlockers(definition, content)];
  return { content, inputIssues, consistency, blockers };
}

function emptyContentOf(definition: ReportTemplateDefinition): ReportContent {
  const parsed = parseReportInput(definition, {});
  return parsed.ok ? parsed.content : { narratives: {}, tables: {}, notes: {} };
}

function normalisedText(value: string): string {
  return value.replace(/\r\n?/g, '\n').normalize('NFC').trim();
}

/**
 * Whether two entries of a field mean the same: for a cell, the same number (" 12" and "12"), else
 * the same text once line breaks, Unicode form and surrounding spaces are set aside — as the server stores them.
 */
export function isSameValue(path: string, a: string | undefined, b: string | undefined): boolean {
  const left = a ?? '';
  const right = b ?? '';
  if (left === right) return true;
  if (isCellPath(path)) {
    const x = parseCellValue(left);
    const y = parseCellValue(right);
    if (x.ok && y.ok) return x.value === y.value;
    return left.trim() === right.trim();
  }
  return normalisedText(left) === normalisedText(right);
}

/** The fields whose value in `draft` differs from `base` (the server copy the draft started from). */
export function changedPaths(base: DraftValues, draft: DraftValues): string[] {
  const paths = new Set([...Object.keys(base), ...Object.keys(draft)]);
  return [...paths].filter((path) => !isSameValue(path, own(base, path), own(draft, path))).sort();
}
