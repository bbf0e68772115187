import { orgUnits, planSections, planTargets, plans, taskAgencies, taskOccurrences, tasks, type Executor } from '@atmis/db';
import { eq, inArray, sql } from 'drizzle-orm';
import { occurrencePlanOf, type PlanGraph, type PlanGraphTask, type TaskPlanContext } from './plan-graph.ts';

/** The province code of a unit, or null when the unit has none (or does not exist). */
export async function provinceCodeOf(executor: Executor, orgUnitId: string): Promise<string | null> {
  const [unit] = await executor.select({ provinceCode: orgUnits.provinceCode }).from(orgUnits).where(eq(orgUnits.id, orgUnitId));
  return unit?.provinceCode ?? null;
}

/** "15/KH-BCĐ" of a legal reference → the plan of that number and symbol, when it is in the system. */
async function linkLegalBasis(executor: Executor, legalBasis: Record<string, unknown>[]): Promise<Record<string, unknown>[]> {
  const numbers = legalBasis.map((ref) => ref.number).filter((n): n is string => typeof n === 'string' && n.includes('/'));
  if (!numbers.length) return legalBasis;
  const found = await executor
    .select({ id: plans.id, key: sql<string>`${plans.number} || '/' || ${plans.symbol}` })
    .from(plans)
    .where(inArray(sql`${plans.number} || '/' || ${plans.symbol}`, numbers));
  const byKey = new Map(found.map((row) => [row.key, row.id]));
  return legalBasis.map((ref) =>
    typeof ref.number === 'string' && byKey.has(ref.number) ? { ...ref, planId: byKey.get(ref.number) } : ref,
  );
}

/**
 * Writes a plan with its targets, sections, tasks (with their agencies) and the occurrences of
 * recurring tasks. Must run inside the caller's transaction.
 */
export async function insertPlanGraph(tx: Executor, graph: PlanGraph): Promise<{ planId: string; taskIds: string[] }> {
  const provinceCode = await provinceCodeOf(tx, graph.plan.orgUnitId);
  const taskAgencyIds = graph.tasks.map((task) => [
    ...new Set(task.agencies.map((a) => a.agencyId).filter((id): id is string => Boolean(id))),
  ]);
  // A plan is addressed to its issuer and to every agency of its tasks.
  const planAgencyIds = [...new Set([...(graph.plan.issuerAgencyId ? [graph.plan.issuerAgencyId] : []), ...taskAgencyIds.flat()])];
  const legalBasis = await linkLegalBasis(tx, graph.plan.legalBasis ?? []);
  const [plan] = await tx
    .insert(plans)
    .values({ ...graph.plan, legalBasis, provinceCode, agencyIds: planAgencyIds })
    .returning({ id: plans.id });
  const planId = plan!.id;
  if (graph.targets.length) {
    await tx.insert(planTargets).values(graph.targets.map((target, position) => ({ ...target, planId, position })));
  }
  const sectionIds = new Map<string, string>();
  if (graph.sections.length) {
    const inserted = await tx
      .insert(planSections)
      .values(graph.sections.map((section, position) => ({ ...section, planId, position })))
      .returning({ id: planSections.id, path: planSections.path });
    for (const row of inserted) if (!sectionIds.has(row.path)) sectionIds.set(row.path, row.id);
  }
  const taskIds = await insertTasks(
    tx,
    {
      id: planId,
      orgUnitId: graph.plan.orgUnitId,
      provinceCode,
      periodFrom: graph.plan.periodFrom ?? null,
      periodTo: graph.plan.periodTo ?? null,
    },
    graph.tasks,
    { firstPosition: 0, sectionIds },
  );
  return { planId, taskIds };
}

/** Recomputes the agencies a plan is addressed to (issuer and task agencies) after a change. */
export async function refreshPlanAgencies(tx: Executor, planId: string): Promise<void> {
  await tx.execute(sql`update ${plans} set agency_ids = array(
      select distinct x from (select unnest(t.agency_ids) as x from ${tasks} t where t.plan_id = ${planId}
                              union select p.issuer_agency_id from ${plans} p where p.id = ${planId} and p.issuer_agency_id is not null) s)
    where id = ${planId}`);
}

/** Writes tasks of a plan with their agencies and occurrences. Must run inside the caller's transaction. */
export async function insertTasks(
  tx: Executor,
  plan: TaskPlanContext,
  graphTasks: PlanGraphTask[],
  { firstPosition, sectionIds }: { firstPosition: number; sectionIds: ReadonlyMap<string, string> },
): Promise<string[]> {
  const taskAgencyIds = graphTasks.map((task) => [
    ...new Set(task.agencies.map((a) => a.agencyId).filter((id): id is string => Boolean(id))),
  ]);
  const taskIds: string[] = [];
  // Batches keep each statement's parameter count well under PostgreSQL's limit.
  for (let start = 0; start < graphTasks.length; start += 200) {
    const batch = graphTasks.slice(start, start + 200);
    const inserted = await tx
      .insert(tasks)
      .values(
        batch.map((task, offset) => ({
          planId: plan.id,
          sectionId: sectionIds.get(task.sectionPath) ?? null,
          sectionPath: task.sectionPath,
          sectionTitle: task.sectionTitle,
          position: firstPosition + start + offset,
          content: task.content,
          context: task.context,
          leadAgencyId: task.agencies.find((a) => a.role === 'lead' && a.agencyId)?.agencyId ?? null,
          agencyIds: taskAgencyIds[start + offset]!,
          phase: task.phase,
          deadline: task.deadline,
          deadlineText: task.deadlineText,
          recurrence: task.recurrence,
          campaignFrom: task.campaignFrom,
          campaignTo: task.campaignTo,
          orgUnitId: plan.orgUnitId,
          provinceCode: plan.provinceCode,
        })),
      )
      .returning({ id: tasks.id });
    taskIds.push(...inserted.map((row) => row.id));
  }
  const agencyRows = graphTasks.flatMap((task, index) =>
    task.agencies.map((agency, position) => ({ ...agency, taskId: taskIds[index]!, position })),
  );
  for (let start = 0; start < agencyRows.length; start += 500) await tx.insert(taskAgencies).values(agencyRows.slice(start, start + 500));
  const occurrenceRows = graphTasks.flatMap((task, index) => occurrencePlanOf(task, plan).map((o) => ({ ...o, taskId: taskIds[index]! })));
  for (let start = 0; start < occurrenceRows.length; start += 500)
    await tx.insert(taskOccurrences).values(occurrenceRows.slice(start, start + 500));
  return taskIds;
}
