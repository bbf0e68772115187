import {
  agencies,
  orgUnits,
  plans,
  queryRows,
  reportEvents,
  reportInstances,
  reportScheduleReporters,
  reportSchedules,
  reportTemplates,
  users,
  type Executor,
} from '@atmis/db';
import { parseSort, reviewerUnitsOf, scopeFilterFor, type Actor, type Permission, type ReportStatus } from '@atmis/domain';
import { actingAgencyIds } from '@atmis/domain/plans/index';
import { aliasedTable, and, asc, eq, inArray, isNull, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { scopeCondition } from '../../platform/access/scope-sql.ts';
import { keysetAfter, keysetOrder, textSortExpression, type KeysetSort } from '../../platform/http/pagination.ts';
import { searchCondition } from '../../platform/http/search.ts';
import { compareAndSetVersion } from '../../platform/commands/versions.repository.ts';

/**
 * SQL of the report policy (packages/domain/src/reports/report-policy.ts), applied by every list,
 * detail, matrix and count: a report is visible to the reviewers of its recipient unit, and to
 * whoever holds read:reports (or submit:reports) over its unit while acting for its agency.
 */
/** The reviewer half of the policy (reviewerUnitsOf): reports addressed exactly to a unit the actor reviews at. */
export function reviewerCondition(actor: Actor, recipientColumn: AnyColumn): SQL {
  const units = reviewerUnitsOf(actor);
  if (units.all) return sql`true`;
  if (!units.orgUnitIds.length) return sql`false`;
  return inArray(recipientColumn, units.orgUnitIds);
}

export function reportScope(actor: Actor): SQL {
  const reviewer = reviewerCondition(actor, reportInstances.recipientOrgUnitId);
  const actsFor = (permission: Permission): SQL => {
    const agencyIds = [...actingAgencyIds(actor, permission)];
    if (!agencyIds.length) return sql`false`;
    return and(
      scopeCondition(scopeFilterFor(actor, permission), { orgUnitId: reportInstances.orgUnitId, agencyId: reportInstances.agencyId }),
      inArray(reportInstances.agencyId, agencyIds),
    ) as SQL;
  };
  return or(reviewer, actsFor('read:reports'), actsFor('submit:reports')) as SQL;
}

/**
 * Schedules an actor reaches: they review reports of the schedule's unit, or an agency they act
 * for (with read:reports over it) reports under it.
 */
export function scheduleScope(actor: Actor): SQL {
  const reviewer = reviewerCondition(actor, reportSchedules.orgUnitId);
  const agencyIds = [...actingAgencyIds(actor, 'read:reports')];
  if (!agencyIds.length) return reviewer;
  const reporterScope = scopeCondition(scopeFilterFor(actor, 'read:reports'), {
    orgUnitId: reportScheduleReporters.orgUnitId,
    agencyId: reportScheduleReporters.agencyId,
  });
  // Outer columns are qualified by hand: drizzle leaves them bare in a single-table query.
  const reports = sql`exists (select 1 from ${reportScheduleReporters} where ${reportScheduleReporters.scheduleId} = report_schedules.id
    and ${inArray(reportScheduleReporters.agencyId, agencyIds)} and ${reporterScope})`;
  return or(reviewer, reports) as SQL;
}

/**
 * The order of a list sorted by name (folded) or creation time, ties broken by id (the keyset of its
 * pages).
 */
export function nameOrCreatedSort(
  sortParam: 'name' | '-name' | 'createdAt' | '-createdAt',
  columns: { name: AnyColumn; createdAt: AnyColumn; id: AnyColumn },
): KeysetSort {
  const { key, isDescending } = parseSort(sortParam);
  return {
    key,
    expression: key === 'createdAt' ? sql`${columns.createdAt}` : textSortExpression(columns.name, true),
    idColumn: columns.id,
    isDescending,
    isTimestamp: key === 'createdAt',
  };
}

// ── Templates ─────────────────────────────────────────────────────────────────────────────────────

/** Qualified by hand: inside the subquery a bare "id" would be the report's. */
export const templateReportCount = sql<number>`(select count(*)::int from ${reportInstances} r where r.template_id = report_templates.id)`;

export const templateColumns = {
  id: reportTemplates.id,
  code: reportTemplates.code,
  version: reportTemplates.version,
  name: reportTemplates.name,
  description: reportTemplates.description,
  status: reportTemplates.status,
  createdAt: reportTemplates.createdAt,
  reportCount: templateReportCount,
};

export async function findTemplate(executor: Executor, id: string) {
  const [row] = await executor
    .select({ ...templateColumns, definition: reportTemplates.definition })
    .from(reportTemplates)
    .where(eq(reportTemplates.id, id));
  return row ?? null;
}
export type TemplateRow = NonNullable<Awaited<ReturnType<typeof findTemplate>>>;

// ── Schedules ─────────────────────────────────────────────────────────────────────────────────────

const scheduleUnit = aliasedTable(orgUnits, 'schedule_unit');
const recipientAgency = aliasedTable(agencies, 'recipient_agency');

export const scheduleColumns = {
  id: reportSchedules.id,
  name: reportSchedules.name,
  kind: reportSchedules.kind,
  templateId: reportSchedules.templateId,
  templateName: reportTemplates.name,
  templateVersion: reportTemplates.version,
  periodType: reportSchedules.periodType,
  window: reportSchedules.window,
  dueRule: reportSchedules.dueRule,
  upwardDueRule: reportSchedules.upwardDueRule,
  firstPeriodId: reportSchedules.firstPeriodId,
  lastPeriodId: reportSchedules.lastPeriodId,
  orgUnitId: reportSchedules.orgUnitId,
  orgUnitName: scheduleUnit.fullName,
  orgUnitParentId: scheduleUnit.parentId,
  recipientAgencyId: reportSchedules.recipientAgencyId,
  recipientAgencyName: recipientAgency.name,
  planId: reportSchedules.planId,
  planTitle: plans.title,
  planReportingIndex: reportSchedules.planReportingIndex,
  instructions: reportSchedules.instructions,
  active: reportSchedules.active,
  reporterCount: sql<number>`(select count(*)::int from ${reportScheduleReporters} r where r.schedule_id = report_schedules.id)`,
  createdAt: reportSchedules.createdAt,
  updatedAt: reportSchedules.updatedAt,
};

export function selectSchedules<Extra extends Record<string, SQL> = Record<never, never>>(executor: Executor, extra: Extra = {} as Extra) {
  return executor
    .select({ ...scheduleColumns, ...extra })
    .from(reportSchedules)
    .innerJoin(reportTemplates, eq(reportTemplates.id, reportSchedules.templateId))
    .innerJoin(scheduleUnit, eq(scheduleUnit.id, reportSchedules.orgUnitId))
    .innerJoin(recipientAgency, eq(recipientAgency.id, reportSchedules.recipientAgencyId))
    .leftJoin(plans, eq(plans.id, reportSchedules.planId));
}
export type ScheduleRow = Awaited<ReturnType<ReturnType<typeof selectSchedules<Record<never, never>>>['where']>>[number];

export async function findSchedule(executor: Executor, id: string, scope?: SQL): Promise<ScheduleRow | null> {
  const [row] = await selectSchedules(executor).where(and(eq(reportSchedules.id, id), scope));
  return row ?? null;
}

export async function reportersOf(executor: Executor, scheduleId: string) {
  return executor
    .select({
      agencyId: reportScheduleReporters.agencyId,
      agencyName: agencies.name,
      orgUnitId: reportScheduleReporters.orgUnitId,
      orgUnitName: orgUnits.fullName,
    })
    .from(reportScheduleReporters)
    .innerJoin(agencies, eq(agencies.id, reportScheduleReporters.agencyId))
    .innerJoin(orgUnits, eq(orgUnits.id, reportScheduleReporters.orgUnitId))
    .where(eq(reportScheduleReporters.scheduleId, scheduleId))
    .orderBy(asc(reportScheduleReporters.position), asc(agencies.name));
}

/** Agencies by id with what a schedule needs to check them: existence, validity and unit. */
export async function agenciesById(executor: Executor, ids: readonly string[]) {
  if (!ids.length) return new Map<string, { id: string; name: string; orgUnitId: string; validTo: string | null }>();
  const rows = await executor
    .select({ id: agencies.id, name: agencies.name, orgUnitId: agencies.orgUnitId, validTo: agencies.validTo })
    .from(agencies)
    .where(inArray(agencies.id, [...new Set(ids)]));
  return new Map(rows.map((row) => [row.id, row]));
}

export async function findOrgUnit(executor: Executor, id: string) {
  const [row] = await executor
    .select({ id: orgUnits.id, name: orgUnits.fullName, parentId: orgUnits.parentId })
    .from(orgUnits)
    .where(eq(orgUnits.id, id));
  return row ?? null;
}

/**
 * The standing office of a unit, as an agency: the one registered as a standing office there, else
 * the unit's police (the programme's standing office in the provinces); null when neither exists.
 */
export async function standingOfficeAgencyOf(executor: Executor, orgUnitId: string): Promise<string | null> {
  const rows = await executor
    .select({ id: agencies.id, type: agencies.type })
    .from(agencies)
    .where(and(eq(agencies.orgUnitId, orgUnitId), inArray(agencies.type, ['standing_office', 'police']), isNull(agencies.validTo)))
    .orderBy(asc(agencies.code));
  return (rows.find((row) => row.type === 'standing_office') ?? rows.find((row) => row.type === 'police'))?.id ?? null;
}

// ── Instances ─────────────────────────────────────────────────────────────────────────────────────

const reportUnit = aliasedTable(orgUnits, 'report_unit');
const recipientUnit = aliasedTable(orgUnits, 'recipient_unit');

export const reportColumns = {
  id: reportInstances.id,
  kind: reportInstances.kind,
  scheduleId: reportInstances.scheduleId,
  scheduleName: reportSchedules.name,
  window: reportSchedules.window,
  templateId: reportInstances.templateId,
  templateName: reportTemplates.name,
  templateVersion: reportTemplates.version,
  periodId: reportInstances.periodId,
  orgUnitId: reportInstances.orgUnitId,
  orgUnitName: reportUnit.fullName,
  agencyId: reportInstances.agencyId,
  agencyName: agencies.name,
  recipientOrgUnitId: reportInstances.recipientOrgUnitId,
  recipientOrgUnitName: recipientUnit.fullName,
  status: reportInstances.status,
  dueDate: reportInstances.dueDate,
  dueDateExtended: reportInstances.dueDateExtended,
  firstSubmittedAt: reportInstances.firstSubmittedAt,
  submittedAt: reportInstances.submittedAt,
  version: reportInstances.version,
  updatedAt: reportInstances.updatedAt,
  updatedBy: reportInstances.updatedBy,
};

export function selectReports<Extra extends Record<string, SQL | typeof reportInstances.content> = Record<never, never>>(
  executor: Executor,
  extra: Extra = {} as Extra,
) {
  return executor
    .select({ ...reportColumns, ...extra })
    .from(reportInstances)
    .innerJoin(reportSchedules, eq(reportSchedules.id, reportInstances.scheduleId))
    .innerJoin(reportTemplates, eq(reportTemplates.id, reportInstances.templateId))
    .innerJoin(reportUnit, eq(reportUnit.id, reportInstances.orgUnitId))
    .innerJoin(recipientUnit, eq(recipientUnit.id, reportInstances.recipientOrgUnitId))
    .innerJoin(agencies, eq(agencies.id, reportInstances.agencyId));
}

export type ReportListSortParam = 'dueDate' | '-dueDate' | 'updatedAt' | '-updatedAt' | 'period' | '-period';

/** The filters of a report list (GET /reports). */
export interface ReportListQuery {
  limit: number;
  cursor?: string | undefined;
  q?: string | undefined;
  scheduleId?: string | undefined;
  periodId?: string | undefined;
  kind?: 'unit' | 'consolidated' | undefined;
  status?: ReportStatus | undefined;
  view: 'all' | 'mine' | 'addressed';
  sort: ReportListSortParam;
}

/**
 * The order of a report list and the keyset condition after `cursor` (a bad cursor is refused
 * here, before anything else is done).
 */
export function reportListPage(sortParam: ReportListSortParam, cursor: string | undefined) {
  const { key, isDescending } = parseSort(sortParam);
  const sort: KeysetSort = {
    key,
    expression:
      key === 'updatedAt'
        ? sql`${reportInstances.updatedAt}`
        : textSortExpression(key === 'dueDate' ? reportInstances.dueDate : reportInstances.periodStart),
    idColumn: reportInstances.id,
    isDescending,
    isTimestamp: key === 'updatedAt',
  };
  return { sort, after: keysetAfter(sort, cursor) };
}

/** `mine`: the reports the reader's agencies must write (submit:reports, acting for the agency). */
function mineCondition(actor: Actor): SQL {
  const ids = [...actingAgencyIds(actor, 'submit:reports')];
  if (!ids.length) return sql`false`;
  return inArray(reportInstances.agencyId, ids);
}

/** `addressed`: reports sent to a unit where the reader reviews reports (its own level, not below). */
function addressedCondition(actor: Actor): SQL {
  const { orgUnitIds } = reviewerUnitsOf(actor);
  return orgUnitIds.length ? inArray(reportInstances.recipientOrgUnitId, orgUnitIds) : sql`false`;
}

/**
 * A page of the reports the actor sees (reportScope) with the list's filters, in the page's order,
 * one more than `limit` to tell whether another page follows; with the total.
 */
export async function listReports(executor: Executor, actor: Actor, page: ReturnType<typeof reportListPage>, query: ReportListQuery) {
  const conditions: SQL[] = [reportScope(actor)];
  const search = searchCondition(sql`vn_fold(${agencies.name} || ' ' || ${reportSchedules.name})`, query.q);
  if (search) conditions.push(search);
  if (query.scheduleId) conditions.push(eq(reportInstances.scheduleId, query.scheduleId));
  if (query.periodId) conditions.push(eq(reportInstances.periodId, query.periodId));
  if (query.kind) conditions.push(eq(reportInstances.kind, query.kind));
  if (query.status) conditions.push(eq(reportInstances.status, query.status));
  if (query.view === 'mine') conditions.push(mineCondition(actor));
  if (query.view === 'addressed') conditions.push(addressedCondition(actor));
  const where = and(...conditions);
  const rows = await selectReports(executor, { sortValue: sql<string | Date>`${page.sort.expression}` })
    .where(and(where, page.after))
    .orderBy(...keysetOrder(page.sort))
    .limit(query.limit + 1);
  const [count] = await executor
    .select({ total: sql<number>`count(*)::int` })
    .from(reportInstances)
    .innerJoin(reportSchedules, eq(reportSchedules.id, reportInstances.scheduleId))
    .innerJoin(agencies, eq(agencies.id, reportInstances.agencyId))
    .where(where);
  return { rows, total: count?.total ?? 0 };
}

/** The reports with these ids (list rows, no content), in no particular order. */
export async function reportsByIds(executor: Executor, ids: readonly string[]) {
  return selectReports(executor).where(
    sql`${reportInstances.id} in (${sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`,
  );
}

/** The unit reports of a schedule's period (every reporter has one once the period is materialised). */
export async function unitReportsOfPeriod(executor: Executor, scheduleId: string, periodId: string) {
  return selectReports(executor).where(
    and(eq(reportInstances.scheduleId, scheduleId), eq(reportInstances.periodId, periodId), eq(reportInstances.kind, 'unit')),
  );
}

export async function findReport(executor: Executor, id: string, scope?: SQL) {
  const [row] = await selectReports(executor, { content: reportInstances.content }).where(and(eq(reportInstances.id, id), scope));
  return row ?? null;
}
export type ReportRow = NonNullable<Awaited<ReturnType<typeof findReport>>>;

export async function eventsOf(executor: Executor, instanceId: string) {
  return executor
    .select({
      id: reportEvents.id,
      action: reportEvents.action,
      fromStatus: reportEvents.fromStatus,
      toStatus: reportEvents.toStatus,
      comment: reportEvents.comment,
      details: reportEvents.details,
      actorName: users.fullName,
      createdAt: reportEvents.createdAt,
    })
    .from(reportEvents)
    .leftJoin(users, eq(users.id, reportEvents.actorUserId))
    .where(eq(reportEvents.instanceId, instanceId))
    .orderBy(asc(reportEvents.id));
}

export async function userName(executor: Executor, id: string | null): Promise<string | null> {
  if (!id) return null;
  const [row] = await executor.select({ name: users.fullName }).from(users).where(eq(users.id, id));
  return row?.name ?? null;
}

/** The last consolidation of a consolidated report: when, from which unit reports, and who gave what. */
export async function lastConsolidation(executor: Executor, instanceId: string) {
  const rows = await queryRows<{ details: Record<string, unknown>; createdAt: Date | string }>(
    executor,
    sql`select details, created_at as "createdAt" from ${reportEvents}
        where instance_id = ${instanceId} and action = 'consolidate' order by created_at desc, id desc limit 1`,
  );
  return rows[0] ?? null;
}

export type ReportInsert = typeof reportInstances.$inferInsert;
export type ReportChanges = Partial<ReportInsert>;

/** Compare-and-set on the report's version (the command pipeline's versioned write). */
export const bumpReportVersion = (executor: Executor, id: string, expectedVersion: number) =>
  compareAndSetVersion(executor, reportInstances, id, expectedVersion);

/** Who saved the report last and when (the 409 of a stale write names them). */
export async function reportLastSaved(executor: Executor, id: string) {
  const [row] = await executor
    .select({ updatedBy: reportInstances.updatedBy, updatedAt: reportInstances.updatedAt, version: reportInstances.version })
    .from(reportInstances)
    .where(eq(reportInstances.id, id));
  return row ?? null;
}

/** The report's new state and content, by whom and when. */
export async function applyReportChange(
  executor: Executor,
  id: string,
  changes: ReportChanges,
  by: { userId: string; at: Date },
): Promise<void> {
  await executor
    .update(reportInstances)
    .set({ ...changes, updatedBy: by.userId, updatedAt: by.at })
    .where(eq(reportInstances.id, id));
}

/** A line of the report's history. */
export async function insertReportEvent(executor: Executor, values: typeof reportEvents.$inferInsert): Promise<void> {
  await executor.insert(reportEvents).values(values);
}

/** The agency a schedule's unit reports go to (null when the schedule names none). */
export async function scheduleRecipientAgency(executor: Executor, scheduleId: string): Promise<string | null> {
  const [row] = await executor
    .select({ recipientAgencyId: reportSchedules.recipientAgencyId })
    .from(reportSchedules)
    .where(eq(reportSchedules.id, scheduleId));
  return row?.recipientAgencyId ?? null;
}

// ── Export ────────────────────────────────────────────────────────────────────────────────────────

const parentAgency = alias(agencies, 'parent_agency');

/** An agency's name and its governing body's (null when it has none); null when the agency does not exist. */
export async function agencyWithParent(executor: Executor, id: string) {
  const [row] = await executor
    .select({ name: agencies.name, parentName: parentAgency.name })
    .from(agencies)
    .leftJoin(parentAgency, eq(parentAgency.id, agencies.parentId))
    .where(eq(agencies.id, id));
  return row ?? null;
}

/** A unit's short name (null when it does not exist). */
export async function orgUnitName(executor: Executor, id: string): Promise<string | null> {
  const [row] = await executor.select({ name: orgUnits.name }).from(orgUnits).where(eq(orgUnits.id, id));
  return row?.name ?? null;
}

/** An agency's name (null when it does not exist). */
export async function agencyName(executor: Executor, id: string): Promise<string | null> {
  const [row] = await executor.select({ name: agencies.name }).from(agencies).where(eq(agencies.id, id));
  return row?.name ?? null;
}

// ── Materialising ─────────────────────────────────────────────────────────────────────────────────

/** What creating a schedule's reports needs: its periods, rule, unit and template definition; null when it does not exist. */
export async function scheduleToMaterialise(executor: Executor, scheduleId: string) {
  const [schedule] = await executor
    .select({
      id: reportSchedules.id,
      active: reportSchedules.active,
      templateId: reportSchedules.templateId,
      definition: reportTemplates.definition,
      periodType: reportSchedules.periodType,
      window: reportSchedules.window,
      firstPeriodId: reportSchedules.firstPeriodId,
      lastPeriodId: reportSchedules.lastPeriodId,
      dueRule: reportSchedules.dueRule,
      orgUnitId: reportSchedules.orgUnitId,
    })
    .from(reportSchedules)
    .innerJoin(reportTemplates, eq(reportTemplates.id, reportSchedules.templateId))
    .where(eq(reportSchedules.id, scheduleId));
  return schedule ?? null;
}

/** The reporting agencies of a schedule, each with the unit it reports for. */
export async function scheduleReporterUnits(executor: Executor, scheduleId: string) {
  return executor
    .select({ agencyId: reportScheduleReporters.agencyId, orgUnitId: reportScheduleReporters.orgUnitId })
    .from(reportScheduleReporters)
    .where(eq(reportScheduleReporters.scheduleId, scheduleId));
}

/** The (period, agency) of every unit report a schedule already has. */
export async function unitReportKeys(executor: Executor, scheduleId: string) {
  return executor
    .select({ periodId: reportInstances.periodId, agencyId: reportInstances.agencyId })
    .from(reportInstances)
    .where(and(eq(reportInstances.scheduleId, scheduleId), eq(reportInstances.kind, 'unit')));
}

/** Inserts reports in batches of 500, skipping any that exist; how many were inserted. */
export async function insertMissingReports(executor: Executor, rows: readonly ReportInsert[]): Promise<number> {
  let created = 0;
  for (let index = 0; index < rows.length; index += 500) {
    const inserted = await executor
      .insert(reportInstances)
      .values(rows.slice(index, index + 500))
      .onConflictDoNothing()
      .returning({ id: reportInstances.id });
    created += inserted.length;
  }
  return created;
}

/** The ids of the active schedules, all of them or those in `scope`. */
export async function activeScheduleIds(executor: Executor, scope?: SQL): Promise<string[]> {
  const rows = await executor
    .select({ id: reportSchedules.id })
    .from(reportSchedules)
    .where(and(eq(reportSchedules.active, true), scope));
  return rows.map((row) => row.id);
}
