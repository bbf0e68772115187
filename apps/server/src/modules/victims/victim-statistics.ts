import {
  agencies,
  orgUnits,
  victimExploitation,
  victimFiles,
  victimIdentificationEvents,
  victimPersons,
  victimSupportServices,
  type Executor,
} from '@atmis/db';
import {
  ageBand,
  canAccess,
  DEFAULT_SMALL_CELL_THRESHOLD,
  suppressSmallCells,
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
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import type { PrefillCells, PrefillContext } from '../reports/index.ts';
import { ageFactsOf, requireAnyPermission } from './victim-access.ts';
import { fileScope } from './victims.repository.ts';

/**
 * Victim statistics over a unit and a data window, computed from the records with the domain's
 * `victimStatistics` (any past period can be recomputed), and the prefill of the periodic report's
 * victim tables from the same figures.
 */

/** Counts from 1 to threshold − 1 are suppressed below province level; `ATMIS_STATS_MIN_CELL` (default 5). */
export function smallCellThreshold(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.ATMIS_STATS_MIN_CELL ?? DEFAULT_SMALL_CELL_THRESHOLD);
  return Number.isInteger(value) && value >= 1 ? value : DEFAULT_SMALL_CELL_THRESHOLD;
}

const within = (column: SQL | typeof victimFiles.orgUnitId, unit: string) => sql`(${column} = ${unit} or ${column} like ${`${unit}.%`})`;

/**
 * One record per person of the files matching `condition` with something in the window: received
 * in it, a victim decision in it, or a support started in it.
 */
export async function loadStatRecords(executor: Executor, condition: SQL, window: StatWindow): Promise<StatRecord[]> {
  const inWindow = (column: SQL) => sql`${column} between ${window.start}::date and ${window.end}::date`;
  const activity = sql`(
    ${inWindow(sql`${victimFiles.receivedOn}`)}
    or exists (select 1 from ${victimIdentificationEvents} where ${victimIdentificationEvents.id} = ${victimPersons.currentDecisionId} and ${inWindow(sql`${victimIdentificationEvents.decisionDate}`)})
    or exists (select 1 from ${victimSupportServices} where ${victimSupportServices.personId} = ${victimPersons.id} and ${victimSupportServices.status} <> 'cancelled' and ${inWindow(sql`${victimSupportServices.startedOn}`)})
  )`;
  const rows = await executor
    .select({
      personId: victimPersons.id,
      role: victimPersons.role,
      sex: victimPersons.sex,
      dateOfBirth: victimPersons.dateOfBirth,
      birthYear: victimPersons.birthYear,
      estimatedAge: victimPersons.estimatedAge,
      ageEstimatedOn: victimPersons.ageEstimatedOn,
      ageUncertain: victimPersons.ageUncertain,
      receivedOn: victimFiles.receivedOn,
      receptionWay: victimFiles.receptionWay,
      forms: victimExploitation.forms,
      destinationCountry: victimExploitation.destinationCountry,
      decisionDate: victimIdentificationEvents.decisionDate,
      decisionOutcome: victimIdentificationEvents.outcome,
    })
    .from(victimPersons)
    .innerJoin(victimFiles, eq(victimFiles.id, victimPersons.fileId))
    .leftJoin(victimExploitation, eq(victimExploitation.personId, victimPersons.id))
    .leftJoin(victimIdentificationEvents, eq(victimIdentificationEvents.id, victimPersons.currentDecisionId))
    .where(and(condition, sql`${victimFiles.receivedOn} <= ${window.end}::date`, activity));
  const supports = rows.length
    ? await executor
        .select({ personId: victimSupportServices.personId, type: victimSupportServices.type, startedOn: victimSupportServices.startedOn })
        .from(victimSupportServices)
        .where(
          and(
            inArray(
              victimSupportServices.personId,
              rows.map((row) => row.personId),
            ),
            sql`${victimSupportServices.status} <> 'cancelled' and ${victimSupportServices.startedOn} is not null`,
          ),
        )
    : [];
  return rows.map((row) => ({
    receivedOn: row.receivedOn,
    role: row.role as PersonRole,
    sex: row.sex as Sex,
    ageBandOnReception: ageBand(ageFactsOf(row), row.receivedOn),
    exploitationForms: row.forms ?? [],
    destinationCountry: row.destinationCountry ?? null,
    wayOfReturn: row.receptionWay as ReceptionWay,
    identifiedOn: row.decisionOutcome === 'victim' ? row.decisionDate : null,
    supports: supports
      .filter((support) => support.personId === row.personId)
      .map((support) => ({ type: support.type as SupportType, startedOn: support.startedOn! })),
  }));
}

export async function statisticsFor(
  executor: Executor,
  actor: Actor,
  query: { orgUnitId?: string | undefined; start: string; end: string },
  threshold: number = smallCellThreshold(),
) {
  requireAnyPermission(actor, ['read:victims']);
  if (query.start > query.end) {
    throw new AppError('validation.failed', {}, [{ path: 'end', message: 'Ngày kết thúc không được trước ngày bắt đầu.' }]);
  }
  const orgUnitId = query.orgUnitId ?? actor.orgUnitId;
  const [unit] = await executor
    .select({ id: orgUnits.id, name: orgUnits.fullName, level: orgUnits.level })
    .from(orgUnits)
    .where(eq(orgUnits.id, orgUnitId));
  if (!unit || !canAccess(actor, 'read:victims', { orgUnitId })) throw notFound();
  const window = { start: query.start, end: query.end };
  const records = await loadStatRecords(executor, and(fileScope(actor, 'read:victims'), within(victimFiles.orgUnitId, orgUnitId))!, window);
  const statistics = victimStatistics(records, window);
  const suppressed = unit.level !== 'national' && unit.level !== 'province';
  const shown = suppressed ? suppressSmallCells(statistics, threshold) : statistics;
  return { orgUnitId, orgUnitName: unit.name, suppressed, threshold, ...shown, window };
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

/** The 'victims' prefill source: the reporting unit's files (all of them, or the reporting agency's), no suppression (official reporting). */
export async function victimPrefill(executor: Executor, context: PrefillContext): Promise<PrefillCells | null> {
  const [agency] = await executor.select({ type: agencies.type }).from(agencies).where(eq(agencies.id, context.agencyId));
  const conditions: SQL[] = [within(victimFiles.orgUnitId, context.orgUnitId)];
  if (!agency || !AREA_AGENCY_TYPES.includes(agency.type)) conditions.push(eq(victimFiles.agencyId, context.agencyId));
  const records = await loadStatRecords(executor, and(...conditions)!, context.window);
  return prefillCellsFrom(victimStatistics(records, context.window));
}
