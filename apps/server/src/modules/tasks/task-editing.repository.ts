import { planSections, plans, taskAgencies, taskOccurrences, tasks, taskUpdates, type Executor } from '@atmis/db';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';

/** The plan a task is written into: unit, province, period, phases and status (the plan must exist). */
export async function planContextOf(executor: Executor, planId: string) {
  const [plan] = await executor
    .select({
      id: plans.id,
      orgUnitId: plans.orgUnitId,
      provinceCode: plans.provinceCode,
      periodFrom: plans.periodFrom,
      periodTo: plans.periodTo,
      phases: plans.phases,
      status: plans.status,
    })
    .from(plans)
    .where(eq(plans.id, planId));
  return plan!;
}

/** The first section of a plan at that path (by position), or undefined. */
export async function planSectionAt(
  executor: Executor,
  planId: string,
  path: string,
): Promise<{ id: string; heading: string } | undefined> {
  const [section] = await executor
    .select({ id: planSections.id, heading: planSections.heading })
    .from(planSections)
    .where(and(eq(planSections.planId, planId), eq(planSections.path, path)))
    .orderBy(asc(planSections.position))
    .limit(1);
  return section;
}

/** Adds a section at the end of a plan; the section as written. */
export async function appendPlanSection(executor: Executor, planId: string, path: string, heading: string) {
  const [inserted] = await executor
    .insert(planSections)
    .values({
      planId,
      path,
      heading,
      position: sql`(select coalesce(max(position) + 1, 0) from ${planSections} where plan_id = ${planId})`,
    })
    .returning({ id: planSections.id, path: planSections.path, heading: planSections.heading });
  return inserted!;
}

/** The position after the last task of a plan (0 for a plan without tasks). */
export async function nextTaskPosition(executor: Executor, planId: string): Promise<number> {
  const [{ next }] = (await executor
    .select({ next: sql<number>`coalesce(max(${tasks.position}) + 1, 0)::int` })
    .from(tasks)
    .where(eq(tasks.planId, planId))) as [{ next: number }];
  return Number(next);
}

/** Marks a plan saved now (its tasks changed). */
export async function touchPlanUpdatedAt(executor: Executor, planId: string, now: Date): Promise<void> {
  await executor.update(plans).set({ updatedAt: now }).where(eq(plans.id, planId));
}

/** The editable columns of a task, as an edit writes them. */
export type TaskChanges = Partial<typeof tasks.$inferInsert>;

/** Replaces a task's agencies with these rows, in this order. */
export async function replaceTaskAgencies(
  executor: Executor,
  taskId: string,
  rows: { agencyId: string | null; nameAsWritten: string; role: 'lead' | 'coordinating' | 'requested' }[],
): Promise<void> {
  await executor.delete(taskAgencies).where(eq(taskAgencies.taskId, taskId));
  if (rows.length) await executor.insert(taskAgencies).values(rows.map((row, position) => ({ ...row, taskId, position })));
}

/** Writes a task's edited fields if it is still in that status; whether it was written. */
export async function updateTaskInStatus(executor: Executor, id: string, status: TaskStatusValue, changes: TaskChanges): Promise<boolean> {
  const saved = await executor
    .update(tasks)
    .set(changes)
    .where(and(eq(tasks.id, id), eq(tasks.status, status)))
    .returning({ id: tasks.id });
  return saved.length > 0;
}

type TaskStatusValue = (typeof tasks.$inferSelect)['status'];

/** A task's occurrences, each with whether progress has been reported on it. */
export async function occurrencesWithReportsOf(executor: Executor, taskId: string) {
  return executor
    .select({
      id: taskOccurrences.id,
      periodLabel: taskOccurrences.periodLabel,
      periodFrom: taskOccurrences.periodFrom,
      periodTo: taskOccurrences.periodTo,
      // Qualified by hand: inside the subquery a bare "id" would be the update's.
      reported: sql<boolean>`exists (select 1 from ${taskUpdates} u where u.occurrence_id = task_occurrences.id)`,
    })
    .from(taskOccurrences)
    .where(eq(taskOccurrences.taskId, taskId));
}

/** Deletes these occurrences. */
export async function deleteOccurrences(executor: Executor, ids: string[]): Promise<void> {
  await executor.delete(taskOccurrences).where(inArray(taskOccurrences.id, ids));
}

/** Adds occurrences to a task. */
export async function insertOccurrences(
  executor: Executor,
  taskId: string,
  rows: Omit<typeof taskOccurrences.$inferInsert, 'id' | 'taskId'>[],
): Promise<void> {
  await executor.insert(taskOccurrences).values(rows.map((o) => ({ ...o, taskId })));
}
