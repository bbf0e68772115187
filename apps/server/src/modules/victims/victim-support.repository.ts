import { victimFacilities, victimFacilityStays, victimSupportRates, victimSupportServices, type Executor } from '@atmis/db';
import type { ScopeFilter } from '@atmis/domain';
import { and, asc, desc, eq, gte, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { scopeCondition, withinUnit } from '../../platform/access/scope-sql.ts';
import { selectStays, type StayJoinedRow } from './victim-files.repository.ts';
import { selectFacilities } from './victims.repository.ts';

// ── Support services ──────────────────────────────────────────────────────────────────────────────
export type SupportServiceRow = typeof victimSupportServices.$inferSelect;
export type NewSupportService = typeof victimSupportServices.$inferInsert;
/** The columns a change of a support service's status writes. */
export type SupportServiceChanges = Pick<NewSupportService, 'status' | 'startedOn' | 'endedOn' | 'amountVnd' | 'notesEnc' | 'updatedAt'>;

/** One support service, or null. */
export async function supportServiceById(executor: Executor, id: string): Promise<SupportServiceRow | null> {
  const [row] = await executor.select().from(victimSupportServices).where(eq(victimSupportServices.id, id));
  return row ?? null;
}

/** Records a support service; the row as written. */
export async function insertSupportService(executor: Executor, values: NewSupportService): Promise<SupportServiceRow> {
  const [row] = await executor.insert(victimSupportServices).values(values).returning();
  return row!;
}

/** Updates a support service if it is still in `status`: the row as written, or null when no row matched (changed meanwhile). */
export async function updateSupportServiceInStatus(
  executor: Executor,
  id: string,
  status: string,
  changes: SupportServiceChanges,
): Promise<SupportServiceRow | null> {
  const [row] = await executor
    .update(victimSupportServices)
    .set(changes)
    .where(and(eq(victimSupportServices.id, id), eq(victimSupportServices.status, status)))
    .returning();
  return row ?? null;
}

// ── Support rates ─────────────────────────────────────────────────────────────────────────────────
export type SupportRateRow = typeof victimSupportRates.$inferSelect;
export type NewSupportRate = typeof victimSupportRates.$inferInsert;

/** One support rate, or null. */
export async function supportRateById(executor: Executor, id: string): Promise<SupportRateRow | null> {
  const [row] = await executor.select().from(victimSupportRates).where(eq(victimSupportRates.id, id));
  return row ?? null;
}

export interface SupportRateFilter {
  type?: string | undefined;
  /** The rates that apply in this unit: its own and those of the units above it. */
  orgUnitId?: string | undefined;
  /** The rates in force on this day. */
  on?: string | undefined;
}

/** Support rates by type, then newest first (at most 500). */
export async function listSupportRates(executor: Executor, filter: SupportRateFilter): Promise<SupportRateRow[]> {
  const conditions: SQL[] = [];
  if (filter.type) conditions.push(eq(victimSupportRates.type, filter.type));
  // A unit's rates are its own and those of the units above it (a province's rate, the national one).
  if (filter.orgUnitId)
    conditions.push(
      sql`(${filter.orgUnitId} = ${victimSupportRates.orgUnitId} or ${filter.orgUnitId} like ${victimSupportRates.orgUnitId} || '.%')`,
    );
  if (filter.on) {
    conditions.push(lte(victimSupportRates.validFrom, filter.on));
    conditions.push(or(isNull(victimSupportRates.validTo), gte(victimSupportRates.validTo, filter.on))!);
  }
  return executor
    .select()
    .from(victimSupportRates)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(victimSupportRates.type), desc(victimSupportRates.validFrom), asc(victimSupportRates.id))
    .limit(500);
}

/** Enters a support rate; the row as written. */
export async function insertSupportRate(executor: Executor, values: NewSupportRate): Promise<SupportRateRow> {
  const [row] = await executor.insert(victimSupportRates).values(values).returning();
  return row!;
}

// ── Facilities ────────────────────────────────────────────────────────────────────────────────────
export type FacilityRow = typeof victimFacilities.$inferSelect;
export type NewFacility = typeof victimFacilities.$inferInsert;
/** A facility with its unit's and agency's names and the persons staying now (`occupied`). */
export type FacilityViewRow = Awaited<ReturnType<ReturnType<typeof selectFacilities>['where']>>[number];

/** One facility as stored, or null. */
export async function facilityById(executor: Executor, id: string): Promise<FacilityRow | null> {
  const [row] = await executor.select().from(victimFacilities).where(eq(victimFacilities.id, id));
  return row ?? null;
}

export interface ReachableFacilityFilter {
  /** The facilities in this scope… */
  scope: ScopeFilter;
  /** …and those of the units above these units (the reader's assignments). */
  belowOrgUnitIds: readonly string[];
  /** Only the facilities of this unit and the units under it. */
  orgUnitId?: string | undefined;
}

/** Facilities in a scope or above some units, by unit, then name (at most 500). */
export async function listReachableFacilities(executor: Executor, filter: ReachableFacilityFilter): Promise<FacilityViewRow[]> {
  const own = scopeCondition(filter.scope, { orgUnitId: victimFacilities.orgUnitId, agencyId: victimFacilities.agencyId });
  const above = sql.join(
    filter.belowOrgUnitIds.map((unit) => sql`${unit} like ${victimFacilities.orgUnitId} || '.%'`),
    sql` or `,
  );
  const conditions: SQL[] = [sql`(${own} or ${above})`];
  if (filter.orgUnitId) conditions.push(withinUnit(victimFacilities.orgUnitId, filter.orgUnitId));
  return selectFacilities(executor)
    .where(and(...conditions))
    .orderBy(asc(victimFacilities.orgUnitId), asc(victimFacilities.name), asc(victimFacilities.id))
    .limit(500);
}

/** Enters a facility; its id. */
export async function insertFacility(executor: Executor, values: NewFacility): Promise<string> {
  const [row] = await executor.insert(victimFacilities).values(values).returning({ id: victimFacilities.id });
  return row!.id;
}

/**
 * Locks a facility's row until the end of the transaction: admissions and edits of one facility
 * take it in turn, so the occupancy each counts cannot change before it writes.
 */
export async function lockFacility(executor: Executor, id: string): Promise<void> {
  await executor.execute(sql`select id from ${victimFacilities} where ${victimFacilities.id} = ${id} for update`);
}

/** The persons staying in a facility now (stays without a discharge day). */
export async function countOpenStays(executor: Executor, facilityId: string): Promise<number> {
  const [count] = await executor
    .select({ occupied: sql<number>`count(*)::int` })
    .from(victimFacilityStays)
    .where(and(eq(victimFacilityStays.facilityId, facilityId), isNull(victimFacilityStays.dischargedOn)));
  return count?.occupied ?? 0;
}

// ── Stays ─────────────────────────────────────────────────────────────────────────────────────────
export type NewStay = typeof victimFacilityStays.$inferInsert;

/** One stay with its facility's name, or null. */
export async function stayById(executor: Executor, id: string): Promise<StayJoinedRow | null> {
  const [row] = await selectStays(executor).where(eq(victimFacilityStays.id, id));
  return row ?? null;
}

/** A person's stay not yet ended (in any facility), with its facility's name, or null. */
export async function openStayOfPerson(executor: Executor, personId: string): Promise<StayJoinedRow | null> {
  const [row] = await selectStays(executor).where(
    and(eq(victimFacilityStays.personId, personId), isNull(victimFacilityStays.dischargedOn)),
  );
  return row ?? null;
}

/** Records an admission; the stay's id. */
export async function insertStay(executor: Executor, values: NewStay): Promise<string> {
  const [row] = await executor.insert(victimFacilityStays).values(values).returning({ id: victimFacilityStays.id });
  return row!.id;
}

/** Ends a stay if it is not yet ended: false when no row matched (discharged meanwhile, or gone). */
export async function dischargeStayIfOpen(
  executor: Executor,
  id: string,
  changes: Pick<NewStay, 'dischargedOn' | 'notesEnc' | 'updatedAt'>,
): Promise<boolean> {
  const changed = await executor
    .update(victimFacilityStays)
    .set(changes)
    .where(and(eq(victimFacilityStays.id, id), isNull(victimFacilityStays.dischargedOn)))
    .returning({ id: victimFacilityStays.id });
  return changed.length > 0;
}
