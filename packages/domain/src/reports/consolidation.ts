/**
 * The standing office's consolidated report (ADR 0003): its tables are the sums of the units'
 * reports and its narratives start from the units' texts, each under the unit's name. Every
 * figure keeps its contributions so that a reviewer can see where a number came from.
 */
import type { ReportStatus } from './report-status.ts';
import { reportCellPath } from './report-validation.ts';
import type { ReportCells, ReportContent, ReportTemplateDefinition } from './template-schema.ts';

/** The unit reports a consolidation sums: those the standing office has accepted (or locked since). */
export const CONSOLIDATED_STATUSES = ['accepted', 'locked'] as const satisfies readonly ReportStatus[];

/** Why a unit's report of the period is in a consolidation, or why it is left out. */
export const CONSOLIDATION_STANDINGS = ['included', 'awaiting_review', 'returned', 'not_submitted'] as const;
export type ConsolidationStanding = (typeof CONSOLIDATION_STANDINGS)[number];

/**
 * Whether a unit's report (its status, null when the unit has none for the period) goes into the
 * consolidation, and if not why: submitted but not yet accepted, returned to the unit, not submitted.
 * The dialog says it before consolidating and the consolidated report after, so nothing is left out silently.
 */
export function consolidationStanding(status: ReportStatus | null): ConsolidationStanding {
  if (status === 'accepted' || status === 'locked') return 'included';
  if (status === 'submitted' || status === 'resubmitted') return 'awaiting_review';
  if (status === 'returned') return 'returned';
  return 'not_submitted';
}

export interface UnitReport {
  unitId: string;
  unitName: string;
  content: ReportContent;
}

export interface CellContribution {
  unitId: string;
  unitName: string;
  value: number;
}

export interface ConsolidatedTables {
  tables: ReportCells;
  /** By cell path (`tables.<table>.<row>.<column>`); only cells some unit entered, only the units that entered them (0 included). */
  contributions: Record<string, CellContribution[]>;
}

function own<T>(record: Record<string, T> | undefined, key: string): T | undefined {
  return record && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Each cell is the sum of the values the units entered; null when no unit entered it. */
export function consolidateTables(definition: ReportTemplateDefinition, reports: readonly UnitReport[]): ConsolidatedTables {
  const tables: ReportCells = {};
  const contributions: Record<string, CellContribution[]> = {};
  for (const table of definition.tables) {
    const rows: Record<string, Record<string, number | null>> = {};
    for (const row of table.rows) {
      const cells: Record<string, number | null> = {};
      for (const column of table.columns) {
        const entered: CellContribution[] = [];
        for (const report of reports) {
          const value = own(own(own(report.content.tables, table.key), row.key), column.key);
          if (typeof value === 'number') entered.push({ unitId: report.unitId, unitName: report.unitName, value });
        }
        cells[column.key] = entered.length ? entered.reduce((sum, item) => sum + item.value, 0) : null;
        if (entered.length) contributions[reportCellPath(table.key, row.key, column.key)] = entered;
      }
      rows[row.key] = cells;
    }
    tables[table.key] = rows;
  }
  return { tables, contributions };
}

/** For each section, "Unit: text" paragraphs of the units that wrote something, separated by a blank line. */
export function gatherNarratives(definition: ReportTemplateDefinition, reports: readonly UnitReport[]): Record<string, string> {
  const narratives: Record<string, string> = {};
  for (const section of definition.sections) {
    narratives[section.key] = reports
      .map((report) => ({ name: report.unitName, text: (own(report.content.narratives, section.key) ?? '').trim() }))
      .filter((item) => item.text !== '')
      .map((item) => `${item.name}: ${item.text}`)
      .join('\n\n');
  }
  return narratives;
}

/** The starting content of a consolidated report: summed tables, gathered narratives, no notes. */
export function consolidatedContent(definition: ReportTemplateDefinition, reports: readonly UnitReport[]): ReportContent {
  return { narratives: gatherNarratives(definition, reports), tables: consolidateTables(definition, reports).tables, notes: {} };
}
