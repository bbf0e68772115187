import { agencies, orgUnits, planSections, planTargets, plans, queryRows, taskAgencies, tasks, type Executor } from '@atmis/db';
import type { ScopeFilter } from '@atmis/domain';
import { and, or, asc, desc, eq, inArray, isNull, lt, ne, sql, type SQL } from 'drizzle-orm';
import { scopeCondition } from '../../platform/access/scope-sql.ts';
import { compareAndSetVersion, currentVersionOf } from '../../platform/commands/versions.repository.ts';
import { toIso } from '../../platform/http/pagination.ts';

/** Plans an actor reaches: the plan's unit is in scope, or it is addressed to one of the actor's agencies. */
export function planScope(filter: ScopeFilter): SQL {
  return scopeCondition(filter, { orgUnitId: plans.orgUnitId, agencyIdsArray: plans.agencyIds });
}

const planColumns = {
  id: plans.id,
  number: plans.number,
  symbol: plans.symbol,
  issuerAgencyId: plans.issuerAgencyId,
  issuerAgencyName: agencies.name,
  issuerName: plans.issuerName,
  place: plans.place,
  issueDate: plans.issueDate,
  title: plans.title,
  periodFrom: plans.periodFrom,
  periodTo: plans.periodTo,
  orientationTo: plans.orientationTo,
  status: plans.status,
  parentPlanId: plans.parentPlanId,
  orgUnitId: plans.orgUnitId,
  orgUnitName: orgUnits.fullName,
  taskCount: sql<number>`(select count(*)::int from ${tasks} where ${tasks.planId} = ${plans.id})`,
  createdAt: plans.createdAt,
  updatedAt: plans.updatedAt,
  version: plans.version,
};

export type PlanRow = Awaited<ReturnType<typeof selectPlans>>[number];

function selectPlans(executor: Executor, where: SQL | undefined) {
  return executor
    .select(planColumns)
    .from(plans)
    .innerJoin(orgUnits, eq(orgUnits.id, plans.orgUnitId))
    .leftJoin(agencies, eq(agencies.id, plans.issuerAgencyId))
    .where(where);
}

export function presentPlanRow(row: PlanRow) {
  return { ...row, taskCount: Number(row.taskCount), createdAt: toIso(row.createdAt) as string, updatedAt: toIso(row.updatedAt) as string };
}

export async function listPlans(
  executor: Executor,
  filter: ScopeFilter,
  query: {
    limit: number;
    after: string | null;
    q?: string | undefined;
    status?: 'draft' | 'issued' | 'superseded' | undefined;
    parentPlanId?: string | undefined;
  },
) {
  const conditions: SQL[] = [planScope(filter)];
  if (query.q) conditions.push(sql`${plans.searchKey} like '%' || vn_fold(${query.q}) || '%'`);
  if (query.status) conditions.push(eq(plans.status, query.status));
  if (query.parentPlanId) conditions.push(eq(plans.parentPlanId, query.parentPlanId));
  const where = and(...conditions);
  const rows = await selectPlans(executor, query.after ? and(where, lt(plans.id, query.after)) : where)
    .orderBy(desc(plans.id))
    .limit(query.limit + 1);
  const [count] = await executor
    .select({ total: sql<number>`count(*)::int` })
    .from(plans)
    .where(where);
  return { rows: rows.slice(0, query.limit), total: count?.total ?? 0, hasMore: rows.length > query.limit };
}

export async function findPlanInScope(executor: Executor, filter: ScopeFilter, id: string) {
  const [row] = await selectPlans(executor, and(eq(plans.id, id), planScope(filter)));
  return row ?? null;
}

/**
 * Plans in the reader's scope that a legal-basis reference names, by number and symbol as written
 * ("45/KH-UBND"), compared case- and accent-insensitively.
 */
export async function findPlansByReference(
  executor: Executor,
  filter: ScopeFilter,
  references: readonly { number: string; symbol: string }[],
) {
  if (references.length === 0) return [];
  const wanted = or(
    ...references.map((ref) =>
      and(sql`vn_fold(${plans.number}) = vn_fold(${ref.number})`, sql`vn_fold(${plans.symbol}) = vn_fold(${ref.symbol})`),
    ),
  );
  return executor
    .select({ id: plans.id, number: plans.number, symbol: plans.symbol, title: plans.title, issueDate: plans.issueDate })
    .from(plans)
    .where(and(planScope(filter), wanted));
}

export async function loadPlanExtras(executor: Executor, id: string) {
  const [plan] = await executor
    .select({
      legalBasis: plans.legalBasis,
      phases: plans.phases,
      reporting: plans.reporting,
      signer: plans.signer,
      recipients: plans.recipients,
      importWarnings: plans.importWarnings,
    })
    .from(plans)
    .where(eq(plans.id, id));
  const targets = await executor
    .select({
      id: planTargets.id,
      text: planTargets.text,
      comparator: planTargets.comparator,
      value: planTargets.value,
      unit: planTargets.unit,
      noun: planTargets.noun,
      sectionPath: planTargets.sectionPath,
    })
    .from(planTargets)
    .where(eq(planTargets.planId, id))
    .orderBy(asc(planTargets.position));
  const sections = await executor
    .select({ id: planSections.id, path: planSections.path, heading: planSections.heading })
    .from(planSections)
    .where(eq(planSections.planId, id))
    .orderBy(asc(planSections.position));
  return { ...plan!, targets, sections };
}

/** A task's due date: deadline, else end of campaign, else its next open occurrence. */
export const taskDueDate = sql<
  string | null
>`coalesce(${tasks.deadline}, ${tasks.campaignTo}, (select min(o.due_date) from task_occurrences o where o.task_id = ${tasks.id} and o.status = 'pending'))`;
export const OPEN_TASK_STATUSES = ['not_started', 'in_progress', 'returned'] as const;

export async function taskSummaryOf(executor: Executor, planId: string, today: string, soon: string) {
  const rows = await executor
    .select({ status: tasks.status, count: sql<number>`count(*)::int` })
    .from(tasks)
    .where(eq(tasks.planId, planId))
    .groupBy(tasks.status);
  const open = sql`${tasks.status} in ('not_started','in_progress','returned')`;
  const [timing] = await executor
    .select({
      overdue: sql<number>`count(*) filter (where ${open} and ${taskDueDate} < ${today}::date)::int`,
      dueSoon: sql<number>`count(*) filter (where ${open} and ${taskDueDate} between ${today}::date and ${soon}::date)::int`,
    })
    .from(tasks)
    .where(eq(tasks.planId, planId));
  const byStatus = Object.fromEntries(rows.map((row) => [row.status, Number(row.count)]));
  return {
    byStatus,
    overdue: Number(timing?.overdue ?? 0),
    dueSoon: Number(timing?.dueSoon ?? 0),
    total: rows.reduce((sum, row) => sum + Number(row.count), 0),
  };
}

/**
 * The cascade of a plan: every member agency its tasks name (lead or coordinating) and the
 * People's Committee of each subordinate unit must issue an implementing plan; which have.
 */
export async function cascadeOf(executor: Executor, plan: { id: string; orgUnitId: string; issuerAgencyId: string | null }) {
  const members = await executor
    .selectDistinct({ agencyId: agencies.id, agencyName: agencies.name })
    .from(taskAgencies)
    .innerJoin(tasks, eq(tasks.id, taskAgencies.taskId))
    .innerJoin(agencies, eq(agencies.id, taskAgencies.agencyId))
    .where(
      and(
        eq(tasks.planId, plan.id),
        inArray(taskAgencies.role, ['lead', 'coordinating']),
        plan.issuerAgencyId ? ne(agencies.id, plan.issuerAgencyId) : undefined,
      ),
    );
  const localities = await queryRows<{ agencyId: string; agencyName: string }>(
    executor,
    sql`select a.id as "agencyId", a.name as "agencyName" from ${agencies} a join ${orgUnits} u on u.id = a.org_unit_id
        where u.parent_id = ${plan.orgUnitId} and u.valid_to is null and a.valid_to is null and a.type = 'peoples_committee'
        order by u.id`,
  );
  const children = await executor
    .select({
      id: plans.id,
      number: plans.number,
      symbol: plans.symbol,
      title: plans.title,
      status: plans.status,
      issueDate: plans.issueDate,
      issuerAgencyId: plans.issuerAgencyId,
    })
    .from(plans)
    .where(eq(plans.parentPlanId, plan.id))
    .orderBy(asc(plans.id));
  const expected = [
    ...members.sort((a, b) => a.agencyName.localeCompare(b.agencyName, 'vi')).map((m) => ({ ...m, kind: 'member' as const })),
    ...localities.filter((l) => !members.some((m) => m.agencyId === l.agencyId)).map((l) => ({ ...l, kind: 'locality' as const })),
  ].map((unit) => {
    const implementingPlans = children
      .filter((child) => child.issuerAgencyId === unit.agencyId)
      .map(({ issuerAgencyId: _issuer, ...child }) => child);
    return { ...unit, implementingPlans, hasIssued: implementingPlans.some((child) => child.status === 'issued') };
  });
  return { expected, expectedCount: expected.length, issuedCount: expected.filter((unit) => unit.hasIssued).length };
}

export async function agencyExists(executor: Executor, id: string): Promise<{ id: string; orgUnitId: string; name: string } | null> {
  const [row] = await executor
    .select({ id: agencies.id, orgUnitId: agencies.orgUnitId, name: agencies.name })
    .from(agencies)
    .where(eq(agencies.id, id));
  return row ?? null;
}

export async function missingAgencyIds(executor: Executor, ids: readonly string[]): Promise<string[]> {
  if (!ids.length) return [];
  const found = await executor
    .select({ id: agencies.id })
    .from(agencies)
    .where(and(inArray(agencies.id, [...ids]), isNull(agencies.validTo)));
  const set = new Set(found.map((row) => row.id));
  return [...new Set(ids)].filter((id) => !set.has(id));
}

/** Compare-and-set on the plan's version (the command pipeline's versioned write). */
export const bumpPlanVersion = (executor: Executor, id: string, expectedVersion: number) =>
  compareAndSetVersion(executor, plans, id, expectedVersion);

/** The plan's current version and when it was last saved (for the 409 of a stale edit). */
export const planVersionOf = (executor: Executor, id: string) => currentVersionOf(executor, plans, id);

/** The plan's open tasks by lead agency, in plan order (who is handed what when the plan is issued). */
export async function taskLeadsOfPlan(executor: Executor, planId: string) {
  const rows = await executor
    .select({ id: tasks.id, leadAgencyId: tasks.leadAgencyId, content: tasks.content })
    .from(tasks)
    .where(and(eq(tasks.planId, planId), sql`${tasks.leadAgencyId} is not null`, ne(tasks.status, 'cancelled')))
    .orderBy(asc(tasks.position));
  const leads = new Map<string, { agencyId: string; taskIds: string[]; firstTaskContent: string }>();
  for (const row of rows) {
    const lead = leads.get(row.leadAgencyId!) ?? { agencyId: row.leadAgencyId!, taskIds: [], firstTaskContent: row.content };
    lead.taskIds.push(row.id);
    leads.set(row.leadAgencyId!, lead);
  }
  return [...leads.values()];
}

/** The contents of a plan's tasks (not cancelled) that have no lead agency, in plan order. */
export async function tasksWithoutLeadOfPlan(executor: Executor, planId: string): Promise<string[]> {
  const rows = await executor
    .select({ content: tasks.content })
    .from(tasks)
    .where(and(eq(tasks.planId, planId), sql`${tasks.leadAgencyId} is null`, ne(tasks.status, 'cancelled')))
    .orderBy(asc(tasks.position));
  return rows.map((row) => row.content);
}

/** Issues a draft plan: its tasks are in force from now. */
export async function markPlanIssued(executor: Executor, id: string, now: Date): Promise<void> {
  await executor.update(plans).set({ status: 'issued', issuedAt: now, updatedAt: now }).where(eq(plans.id, id));
}

/** Whether an administrative unit of that id exists. */
export async function orgUnitExists(executor: Executor, id: string): Promise<boolean> {
  const [unit] = await executor.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.id, id));
  return Boolean(unit);
}

/** The editable columns of a plan, as an edit writes them. */
export type PlanChanges = Partial<typeof plans.$inferInsert>;

/** Writes a plan's edited fields and marks it saved now (the version is bumped by the caller). */
export async function updatePlanFields(executor: Executor, id: string, changes: PlanChanges, now: Date): Promise<void> {
  await executor
    .update(plans)
    .set({ ...changes, updatedAt: now })
    .where(eq(plans.id, id));
}

/** Marks a plan saved now and bumps its version unconditionally (after its files changed). */
export async function touchPlan(executor: Executor, id: string, now: Date): Promise<void> {
  await executor
    .update(plans)
    .set({ updatedAt: now, version: sql`${plans.version} + 1` })
    .where(eq(plans.id, id));
}
