import { agencies, plans, taskAgencies, taskOccurrences, tasks, taskUpdates, users, type Executor } from '@atmis/db';
import type { ScopeFilter } from '@atmis/domain';
import { and, asc, eq, gt, inArray, sql, type SQL } from 'drizzle-orm';
import { scopeCondition } from '../../platform/access/scope-sql.ts';
import { compareAndSetVersion, currentVersionOf } from '../../platform/commands/versions.repository.ts';
import { taskDueDate } from '../plans/index.ts';

/**
 * Tasks an actor reaches: the plan's unit is inside their scope, or an agency they hold a grant
 * for is one of the task's agencies (lead, coordinating, requested). Same rule as matchesScope().
 */
export function taskScope(filter: ScopeFilter): SQL {
  return scopeCondition(filter, { orgUnitId: tasks.orgUnitId, agencyIdsArray: tasks.agencyIds });
}

const OPEN = sql`${tasks.status} in ('not_started','in_progress','returned')`;

const taskColumns = {
  id: tasks.id,
  planId: tasks.planId,
  planTitle: plans.title,
  planNumber: plans.number,
  planSymbol: plans.symbol,
  planStatus: plans.status,
  sectionPath: tasks.sectionPath,
  sectionTitle: tasks.sectionTitle,
  position: tasks.position,
  content: tasks.content,
  context: tasks.context,
  leadAgencyId: tasks.leadAgencyId,
  leadAgencyName: agencies.name,
  phase: tasks.phase,
  deadline: tasks.deadline,
  deadlineText: tasks.deadlineText,
  recurrence: tasks.recurrence,
  campaignFrom: tasks.campaignFrom,
  campaignTo: tasks.campaignTo,
  dueDate: taskDueDate,
  status: tasks.status,
  progressPercent: tasks.progressPercent,
  orgUnitId: tasks.orgUnitId,
  updatedAt: tasks.updatedAt,
  version: tasks.version,
};

function selectTasks(executor: Executor) {
  return executor
    .select(taskColumns)
    .from(tasks)
    .innerJoin(plans, eq(plans.id, tasks.planId))
    .leftJoin(agencies, eq(agencies.id, tasks.leadAgencyId));
}
export type TaskRow = Awaited<ReturnType<ReturnType<typeof selectTasks>['where']>>[number];

export interface TaskListFilter {
  limit: number;
  after: string | null;
  q?: string | undefined;
  planId?: string | undefined;
  agencyId?: string | undefined;
  status?: string | undefined;
  overdue?: boolean;
  dueSoon?: boolean;
  /** The actor's own agencies (the inbox); an empty list matches nothing. */
  mineAgencyIds?: string[] | undefined;
  today: string;
  soon: string;
}

function uuidArray(ids: readonly string[]): SQL {
  return sql`array[${sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )}]::uuid[]`;
}

export async function listTasks(executor: Executor, filter: ScopeFilter, query: TaskListFilter) {
  const conditions: SQL[] = [taskScope(filter)];
  if (query.q) conditions.push(sql`${tasks.searchKey} like '%' || vn_fold(${query.q}) || '%'`);
  if (query.planId) conditions.push(eq(tasks.planId, query.planId));
  if (query.agencyId) conditions.push(sql`${tasks.agencyIds} && ${uuidArray([query.agencyId])}`);
  if (query.status) conditions.push(sql`${tasks.status} = ${query.status}`);
  if (query.overdue) conditions.push(sql`${OPEN} and ${taskDueDate} < ${query.today}::date`);
  if (query.dueSoon) conditions.push(sql`${OPEN} and ${taskDueDate} between ${query.today}::date and ${query.soon}::date`);
  if (query.mineAgencyIds)
    conditions.push(query.mineAgencyIds.length ? sql`${tasks.agencyIds} && ${uuidArray(query.mineAgencyIds)}` : sql`false`);
  const where = and(...conditions);
  const rows = await selectTasks(executor)
    .where(query.after ? and(where, gt(tasks.id, query.after)) : where)
    .orderBy(asc(tasks.id))
    .limit(query.limit + 1);
  const [count] = await executor
    .select({ total: sql<number>`count(*)::int` })
    .from(tasks)
    .where(where);
  return { rows: rows.slice(0, query.limit), total: count?.total ?? 0, hasMore: rows.length > query.limit };
}

export async function findTaskInScope(executor: Executor, filter: ScopeFilter, id: string): Promise<TaskRow | null> {
  const [row] = await selectTasks(executor).where(and(eq(tasks.id, id), taskScope(filter)));
  return row ?? null;
}

export async function agenciesOfTasks(executor: Executor, taskIds: readonly string[]) {
  if (!taskIds.length) return [];
  return executor
    .select({
      taskId: taskAgencies.taskId,
      agencyId: taskAgencies.agencyId,
      agencyName: agencies.name,
      nameAsWritten: taskAgencies.nameAsWritten,
      role: taskAgencies.role,
    })
    .from(taskAgencies)
    .leftJoin(agencies, eq(agencies.id, taskAgencies.agencyId))
    .where(inArray(taskAgencies.taskId, [...taskIds]))
    .orderBy(asc(taskAgencies.taskId), asc(taskAgencies.position));
}

export async function updatesOfTask(executor: Executor, taskId: string) {
  return executor
    .select({
      id: taskUpdates.id,
      kind: taskUpdates.kind,
      authorUserId: taskUpdates.authorUserId,
      authorName: users.fullName,
      agencyId: taskUpdates.agencyId,
      agencyName: agencies.name,
      percent: taskUpdates.percent,
      narrative: taskUpdates.narrative,
      fromStatus: taskUpdates.fromStatus,
      toStatus: taskUpdates.toStatus,
      occurrenceId: taskUpdates.occurrenceId,
      createdAt: taskUpdates.createdAt,
    })
    .from(taskUpdates)
    .innerJoin(users, eq(users.id, taskUpdates.authorUserId))
    .leftJoin(agencies, eq(agencies.id, taskUpdates.agencyId))
    .where(eq(taskUpdates.taskId, taskId))
    .orderBy(asc(taskUpdates.createdAt), asc(taskUpdates.id));
}

/** The task a progress update belongs to, or null when there is no such update. */
export async function taskIdOfUpdate(executor: Executor, updateId: string): Promise<string | null> {
  const [update] = await executor.select({ taskId: taskUpdates.taskId }).from(taskUpdates).where(eq(taskUpdates.id, updateId));
  return update?.taskId ?? null;
}

export async function occurrencesOfTask(executor: Executor, taskId: string) {
  return executor
    .select({
      id: taskOccurrences.id,
      periodLabel: taskOccurrences.periodLabel,
      periodFrom: taskOccurrences.periodFrom,
      periodTo: taskOccurrences.periodTo,
      dueDate: taskOccurrences.dueDate,
      status: taskOccurrences.status,
    })
    .from(taskOccurrences)
    .where(eq(taskOccurrences.taskId, taskId))
    .orderBy(asc(taskOccurrences.dueDate));
}

/** Open tasks due by `until` (overdue or due soon), within the units a filter reaches: for the digest. */
export async function tasksDueBy(executor: Executor, unitCondition: SQL, until: string) {
  return executor
    .select({
      id: tasks.id,
      content: tasks.content,
      planTitle: plans.title,
      leadAgencyId: tasks.leadAgencyId,
      status: tasks.status,
      dueDate: taskDueDate,
    })
    .from(tasks)
    .innerJoin(plans, eq(plans.id, tasks.planId))
    .where(and(unitCondition, OPEN, sql`${plans.status} = 'issued'`, sql`${taskDueDate} <= ${until}::date`));
}

/** Compare-and-set on the task's version (the command pipeline's versioned write). */
export const bumpTaskVersion = (executor: Executor, id: string, expectedVersion: number) =>
  compareAndSetVersion(executor, tasks, id, expectedVersion);

/** The task's current version and when it was last saved (for the 409 of a stale edit). */
export const taskVersionOf = (executor: Executor, id: string) => currentVersionOf(executor, tasks, id);

/** An occurrence of this task (progress may name the period it reports on); null when it belongs elsewhere. */
export async function occurrenceOfTask(executor: Executor, taskId: string, occurrenceId: string): Promise<{ id: string } | null> {
  const [row] = await executor
    .select({ id: taskOccurrences.id })
    .from(taskOccurrences)
    .where(and(eq(taskOccurrences.id, occurrenceId), eq(taskOccurrences.taskId, taskId)));
  return row ?? null;
}

/** A line of the task's history (progress, submission, decision, chase): its id. */
export async function insertTaskUpdate(executor: Executor, values: typeof taskUpdates.$inferInsert): Promise<string> {
  const [row] = await executor.insert(taskUpdates).values(values).returning({ id: taskUpdates.id });
  return row!.id;
}

/** The task's state after an update: status, progress and when; occurrences follow (done at 100 %, cancelled with the task). */
export async function applyTaskUpdate(
  executor: Executor,
  id: string,
  change: { status?: string; progressPercent?: number; occurrenceDoneId?: string | null; cancelPendingOccurrences?: boolean },
  now: Date,
): Promise<void> {
  const changes: Partial<typeof tasks.$inferInsert> = { updatedAt: now };
  if (change.status !== undefined) changes.status = change.status as (typeof tasks.$inferInsert)['status'];
  if (change.progressPercent !== undefined) changes.progressPercent = change.progressPercent;
  await executor.update(tasks).set(changes).where(eq(tasks.id, id));
  if (change.occurrenceDoneId)
    await executor.update(taskOccurrences).set({ status: 'done', updatedAt: now }).where(eq(taskOccurrences.id, change.occurrenceDoneId));
  if (change.cancelPendingOccurrences)
    await executor
      .update(taskOccurrences)
      .set({ status: 'cancelled', updatedAt: now })
      .where(and(eq(taskOccurrences.taskId, id), eq(taskOccurrences.status, 'pending')));
}
