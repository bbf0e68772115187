import { plans, reportScheduleReporters, reportSchedules, reportTemplates, type Executor } from '@atmis/db';
import type { Actor } from '@atmis/domain';
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { keysetAfter, keysetOrder } from '../../platform/http/pagination.ts';
import { searchCondition } from '../../platform/http/search.ts';
import { nameOrCreatedSort, scheduleScope, selectSchedules } from './reports.repository.ts';
import { withinUnit } from '../../platform/access/scope-sql.ts';

export interface ScheduleListQuery {
  limit: number;
  cursor?: string | undefined;
  q?: string | undefined;
  orgUnitId?: string | undefined;
  active?: 'true' | 'false' | undefined;
  sort: 'name' | '-name' | 'createdAt' | '-createdAt';
}

/**
 * A page of the schedules the actor reaches (scheduleScope; search, unit subtree, active), in the
 * asked order after the cursor, one more than `limit` to tell whether another page follows; with
 * the total and the sort (for the next cursor).
 */
export async function listSchedules(executor: Executor, actor: Actor, query: ScheduleListQuery) {
  const conditions: SQL[] = [scheduleScope(actor)];
  const search = searchCondition(reportSchedules.searchKey, query.q);
  if (search) conditions.push(search);
  if (query.orgUnitId) conditions.push(withinUnit(reportSchedules.orgUnitId, query.orgUnitId));
  if (query.active) conditions.push(eq(reportSchedules.active, query.active === 'true'));
  const where = and(...conditions);
  const sort = nameOrCreatedSort(query.sort, { name: reportSchedules.name, createdAt: reportSchedules.createdAt, id: reportSchedules.id });
  const rows = await selectSchedules(executor, { sortValue: sql<string | Date>`${sort.expression}` })
    .where(and(where, keysetAfter(sort, query.cursor)))
    .orderBy(...keysetOrder(sort))
    .limit(query.limit + 1);
  const [count] = await executor
    .select({ total: sql<number>`count(*)::int` })
    .from(reportSchedules)
    .where(where);
  return { rows, total: count?.total ?? 0, sort };
}

/** A template version with what a new schedule checks (status, name, version); null when it does not exist. */
export async function templateForSchedule(executor: Executor, id: string) {
  const [template] = await executor
    .select({ id: reportTemplates.id, status: reportTemplates.status, name: reportTemplates.name, version: reportTemplates.version })
    .from(reportTemplates)
    .where(eq(reportTemplates.id, id));
  return template ?? null;
}

/** A plan's reporting regime, addressed agencies and period (what schedules are proposed from); null when it does not exist. */
export async function planReportingOf(executor: Executor, planId: string) {
  const [extras] = await executor
    .select({ reporting: plans.reporting, agencyIds: plans.agencyIds, periodFrom: plans.periodFrom, periodTo: plans.periodTo })
    .from(plans)
    .where(eq(plans.id, planId));
  return extras ?? null;
}

/** The schedules made from these rules of a plan's reporting regime (by the rule's position). */
export async function schedulesFromPlanRules(executor: Executor, planId: string, indexes: readonly number[]) {
  return executor
    .select({ id: reportSchedules.id, index: reportSchedules.planReportingIndex })
    .from(reportSchedules)
    .where(and(eq(reportSchedules.planId, planId), inArray(reportSchedules.planReportingIndex, [...indexes])));
}

/** Inserts a schedule; its id. */
export async function insertSchedule(executor: Executor, values: typeof reportSchedules.$inferInsert): Promise<string> {
  const [row] = await executor.insert(reportSchedules).values(values).returning({ id: reportSchedules.id });
  return row!.id;
}

/** Changes a schedule. */
export async function updateSchedule(executor: Executor, id: string, changes: Partial<typeof reportSchedules.$inferInsert>): Promise<void> {
  await executor.update(reportSchedules).set(changes).where(eq(reportSchedules.id, id));
}

/** Sets a schedule's reporting agencies, in this order (any it had are removed first when `replace`). */
export async function setScheduleReporters(
  executor: Executor,
  scheduleId: string,
  reporters: readonly { agencyId: string; orgUnitId: string }[],
  { replace }: { replace: boolean },
): Promise<void> {
  if (replace) await executor.delete(reportScheduleReporters).where(eq(reportScheduleReporters.scheduleId, scheduleId));
  await executor
    .insert(reportScheduleReporters)
    .values(reporters.map((reporter, position) => ({ scheduleId, agencyId: reporter.agencyId, orgUnitId: reporter.orgUnitId, position })));
}
