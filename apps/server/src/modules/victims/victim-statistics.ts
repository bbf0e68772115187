import {
  ageBand,
  canAccess,
  DEFAULT_SMALL_CELL_THRESHOLD,
  lastDayOfMonth,
  publishVictimStatistics,
  statisticsWindowProblem,
  victimStatistics,
  type Actor,
  type ExploitationForm,
  type PersonRole,
  type ReceptionWay,
  type Sex,
  type StatRecord,
  type StatWindow,
  type SupportType,
  type VictimStatistics,
} from '@atmis/domain';
import type { Executor } from '@atmis/db';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import type { PrefillCells, PrefillContext } from '../../platform/prefill/prefill-registry.ts';
import { ageFactsOf, requireAnyPermission } from './victim-access.ts';
import { agencyTypeOf, loadStatRows, statisticsUnit, type StatFilesFilter } from './victim-statistics.repository.ts';

/**
 * Victim statistics over a unit and a data window, computed from the records with the domain's
 * `victimStatistics` (any past period can be recomputed), and the prefill of the periodic report's
 * victim tables from the same figures. The SQL is in victim-statistics.repository.ts.
 *
 * What a person is shown passes the one small-cell rule of the domain (`publishVictimStatistics`:
 * small counts and their complementary cells hidden, at every level from commune to nation) over a
 * window of whole reporting months (`statisticsWindowProblem`). The report prefill is official
 * reporting to the superior committee and keeps exact figures.
 */

/** Counts from 1 to threshold − 1 are suppressed at every level, with their complementary cells; `ATMIS_STATS_MIN_CELL` (default 5). */
export function smallCellThreshold(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.ATMIS_STATS_MIN_CELL ?? DEFAULT_SMALL_CELL_THRESHOLD);
  return Number.isInteger(value) && value >= 1 ? value : DEFAULT_SMALL_CELL_THRESHOLD;
}

/**
 * One record per person of the files matching `filter` with something in the window: received
 * in it, a victim decision in it, or a support started in it.
 */
export async function loadStatRecords(executor: Executor, filter: StatFilesFilter, window: StatWindow): Promise<StatRecord[]> {
  const rows = await loadStatRows(executor, filter, window);
  return rows.map((row) => ({
    receivedOn: row.receivedOn,
    role: row.role as PersonRole,
    sex: row.sex as Sex,
    ageBandOnReception: ageBand(ageFactsOf(row), row.receivedOn),
    exploitationForms: row.forms ?? [],
    destinationCountry: row.destinationCountry,
    wayOfReturn: row.receptionWay as ReceptionWay,
    identifiedOn: row.decisionOutcome === 'victim' ? row.decisionDate : null,
    supports: row.supports.map((support) => ({ type: support.type as SupportType, startedOn: support.startedOn })),
  }));
}

/** True when a published table hides at least one cell. */
function hidesAny(value: unknown): boolean {
  if (value === null) return true;
  if (value && typeof value === 'object') return Object.values(value).some(hidesAny);
  return false;
}

/**
 * The statistics of a unit (the actor's by default) over a window of whole reporting months, as
 * the actor may see them: only the files they may read, suppressed at every level.
 */
export async function statisticsFor(
  executor: Executor,
  actor: Actor,
  query: { orgUnitId?: string | undefined; start: string; end: string },
  threshold: number = smallCellThreshold(),
) {
  requireAnyPermission(actor, ['read:victims']);
  const window = { start: query.start, end: query.end };
  const problem = statisticsWindowProblem(window);
  if (problem) {
    // The start is at fault when even the month it starts could not be published; otherwise the end.
    const path = statisticsWindowProblem({ start: window.start, end: lastDayOfMonth(window.start) }) ? 'start' : 'end';
    throw new AppError('validation.failed', {}, [{ path, message: problem }]);
  }
  const orgUnitId = query.orgUnitId ?? actor.orgUnitId;
  const unit = await statisticsUnit(executor, orgUnitId);
  if (!unit || !canAccess(actor, 'read:victims', { orgUnitId })) throw notFound();
  const records = await loadStatRecords(executor, { orgUnitId, readableBy: actor }, window);
  const { window: _window, ...shown } = publishVictimStatistics(victimStatistics(records, window), threshold);
  return { orgUnitId, orgUnitName: unit.name, suppressed: hidesAny(shown), threshold, ...shown, window };
}

// ── Prefill of the periodic report (default template, ADR 0003) ───────────────────────────────────
const FORM_ROWS: Record<ExploitationForm, string> = {
  sexual_exploitation: 'sexual_exploitation',
  forced_labour: 'forced_labour',
  forced_marriage: 'forced_marriage',
  organ_removal: 'organ_removal',
  child_sale_adoption: 'child_sale',
  surrogacy: 'surrogacy',
  forced_criminality: 'other',
  forced_begging: 'other',
  other: 'other',
};
const DESTINATION_ROWS: Record<string, string> = {
  CN: 'china',
  KH: 'cambodia',
  LA: 'laos',
  TH: 'thailand',
  MM: 'myanmar',
  MY: 'malaysia',
  VN: 'domestic',
};
const RETURN_ROWS: Record<ReceptionWay, string> = {
  self_returned: 'self_returned',
  rescued: 'rescued',
  handed_over_by_foreign_authority: 'handed_over',
  via_mission: 'via_mission',
  reported_by_family: 'other',
  other: 'other',
};
/** health_insurance has no row in the default template. */
const SUPPORT_ROWS: Partial<Record<SupportType, string>> = {
  essential_needs: 'essential_needs',
  travel: 'travel',
  medical: 'medical',
  psychological: 'psychological',
  legal_aid: 'legal_aid',
  schooling: 'schooling',
  vocational_training: 'vocational',
  initial_hardship: 'hardship_allowance',
  loan: 'loans',
};

function add(table: Record<string, Record<string, number>>, row: string, column: string, value: number) {
  table[row] ??= {};
  table[row][column] = (table[row][column] ?? 0) + value;
}

/**
 * The default template's victim tables from the statistics. Breakdown tables are filled so that
 * their total row is the sum of their rows (a person with two forms of exploitation counts under
 * each; persons whose destination is unknown are in no row of the destination table).
 */
export function prefillCellsFrom(statistics: VictimStatistics): PrefillCells {
  const { received, identified } = statistics;
  const sexAge = (counts: typeof received) => ({
    total: counts.total,
    female: counts.female,
    male: counts.male,
    age_under_16: counts.age_under_16,
    age_16_17: counts.age_16_17,
    age_18_plus: counts.age_18_plus,
  });
  const exploitation: Record<string, Record<string, number>> = {};
  for (const [form, counts] of Object.entries(statistics.byExploitation) as [
    ExploitationForm,
    (typeof statistics.byExploitation)[ExploitationForm],
  ][]) {
    for (const column of ['total', 'female', 'male'] as const) {
      add(exploitation, FORM_ROWS[form], column, counts[column]);
      add(exploitation, 'total', column, counts[column]);
    }
  }
  // Every row is answered: a country nobody was taken to is a 0, not a blank.
  const destination: Record<string, Record<string, number>> = { total: { total: 0 } };
  for (const row of [...Object.values(DESTINATION_ROWS), 'other_countries']) destination[row] = { total: 0 };
  for (const [country, count] of Object.entries(statistics.byDestination)) {
    if (country === 'unknown') continue;
    add(destination, DESTINATION_ROWS[country] ?? 'other_countries', 'total', count);
    add(destination, 'total', 'total', count);
  }
  const byReturn: Record<string, Record<string, number>> = {};
  for (const [way, count] of Object.entries(statistics.byReturn) as [ReceptionWay, number][]) {
    add(byReturn, RETURN_ROWS[way], 'total', count);
    add(byReturn, 'total', 'total', count);
  }
  const supported: Record<string, Record<string, number>> = {};
  for (const [type, count] of Object.entries(statistics.supported) as [SupportType, number][]) {
    const row = SUPPORT_ROWS[type];
    if (row) add(supported, row, 'persons', count);
  }
  return {
    victims_received: { received: sexAge(received), identified: sexAge(identified) },
    victims_by_exploitation: exploitation,
    victims_by_destination: destination,
    victims_by_return: byReturn,
    victims_supported: supported,
  };
}

/** Agencies that report on everything of their area; any other agency reports on the files it received. */
const AREA_AGENCY_TYPES = ['steering_committee', 'standing_office', 'police', 'peoples_committee'];

/**
 * The 'victims' prefill source: the reporting unit's files (all of them, or the reporting agency's).
 * Not suppressed: the prefill is official reporting to the superior committee, which needs the exact
 * figures; every aggregate shown to a person elsewhere passes `publishVictimStatistics`.
 */
export async function victimPrefill(executor: Executor, context: PrefillContext): Promise<PrefillCells | null> {
  const agencyType = await agencyTypeOf(executor, context.agencyId);
  const filter: StatFilesFilter = { orgUnitId: context.orgUnitId };
  if (!agencyType || !AREA_AGENCY_TYPES.includes(agencyType)) filter.agencyId = context.agencyId;
  const records = await loadStatRecords(executor, filter, context.window);
  return prefillCellsFrom(victimStatistics(records, context.window));
}
