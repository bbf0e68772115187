import type { Executor } from '@atmis/db';
import { compareWithRecords, type ReportContent, type ReportTemplateDefinition } from '@atmis/domain';

/**
 * Prefill of report tables from the records the system holds (tin báo, vụ án, nạn nhân, phòng
 * ngừa…). A table names its source in the template (`prefill: 'victims'`); a record module
 * registers a provider for that source in the app's registry (`deps.prefill`, one per app, injected
 * like the outbox), which counts its records for the reporting unit, agency and data window. Until
 * a module registers, its tables simply have no prefill.
 *
 * A provider answers the cells it can count, by table key, row and column (keys the template does
 * not have are ignored), or null when it has nothing for that unit.
 */
export interface PrefillContext {
  orgUnitId: string;
  agencyId: string;
  /** The period's data window, ISO dates, end inclusive. */
  window: { start: string; end: string };
  /** The tables of the report that name this source. */
  tables: ReportTemplateDefinition['tables'];
}
export type PrefillCells = Record<string, Record<string, Record<string, number>>>;
export type PrefillProvider = (executor: Executor, context: PrefillContext) => Promise<PrefillCells | null>;

interface Registration {
  /** What the UI shows as the origin of the figures: "Hồ sơ nạn nhân". */
  label: string;
  provide: PrefillProvider;
}

export interface PrefillRegistry {
  /**
   * Registers the provider of a source (replacing any before it); returns a function that removes it
   * again and puts back the one it replaced.
   */
  register(source: string, label: string, provide: PrefillProvider): () => void;
  /** The sources that have a provider now. */
  sources(): string[];
  /** What the registered providers give for a report (see `prefillFrom`). */
  prefillFor(
    executor: Executor,
    definition: ReportTemplateDefinition,
    content: ReportContent,
    context: Omit<PrefillContext, 'tables'>,
  ): Promise<ReportPrefill>;
}

/** A registry of prefill providers: one per app, so two apps in one process (tests) never share one. */
export function createPrefillRegistry(): PrefillRegistry {
  const providers = new Map<string, Registration>();
  return {
    register(source, label, provide) {
      const registration = { label, provide };
      const replaced = providers.get(source);
      providers.set(source, registration);
      return () => {
        if (providers.get(source) !== registration) return;
        if (replaced) providers.set(source, replaced);
        else providers.delete(source);
      };
    },
    sources: () => [...providers.keys()].sort(),
    prefillFor: (executor, definition, content, context) => prefillFrom(providers, executor, definition, content, context),
  };
}

export interface ReportPrefill {
  tables: PrefillCells;
  sources: { table: string; source: string; label: string }[];
  differences: { path: string; entered: number | null; fromRecords: number }[];
}

export const EMPTY_PREFILL: ReportPrefill = { tables: {}, sources: [], differences: [] };

/**
 * The figures the records give for a report's tables, which sources they came from, and the
 * cells where what was entered differs from them (compareWithRecords, in the domain).
 */
async function prefillFrom(
  providers: ReadonlyMap<string, Registration>,
  executor: Executor,
  definition: ReportTemplateDefinition,
  content: ReportContent,
  context: Omit<PrefillContext, 'tables'>,
): Promise<ReportPrefill> {
  const bySource = new Map<string, ReportTemplateDefinition['tables']>();
  for (const table of definition.tables) {
    if (table.prefill && providers.has(table.prefill)) bySource.set(table.prefill, [...(bySource.get(table.prefill) ?? []), table]);
  }
  if (!bySource.size) return EMPTY_PREFILL;
  const tables: PrefillCells = {};
  const sources: ReportPrefill['sources'] = [];
  for (const [source, sourceTables] of bySource) {
    const registration = providers.get(source)!;
    const cells = await registration.provide(executor, { ...context, tables: sourceTables });
    for (const table of sourceTables) {
      sources.push({ table: table.key, source, label: registration.label });
      const given = cells?.[table.key];
      if (!given) continue;
      // Only the rows and columns the template has, and only whole non-negative counts.
      const rows: Record<string, Record<string, number>> = {};
      for (const row of table.rows) {
        const columns: Record<string, number> = {};
        for (const column of table.columns) {
          const value = given[row.key]?.[column.key];
          if (typeof value === 'number' && Number.isInteger(value) && value >= 0) columns[column.key] = value;
        }
        if (Object.keys(columns).length) rows[row.key] = columns;
      }
      if (Object.keys(rows).length) tables[table.key] = rows;
    }
  }
  return { tables, sources, differences: compareWithRecords(content, tables) };
}
