import type { plans } from '@atmis/db';
import type { Recurrence } from '@atmis/domain/plans/import/index';
import { occurrencesFor } from '@atmis/domain/plans/index';

/** Everything a plan is made of, ready to be written in one transaction. */
export interface PlanGraph {
  plan: Omit<typeof plans.$inferInsert, 'id' | 'agencyIds' | 'provinceCode' | 'searchKey' | 'createdAt' | 'updatedAt'>;
  targets: { text: string; comparator: string; value: number; unit: string; noun: string | null; sectionPath: string | null }[];
  sections: { path: string; heading: string }[];
  tasks: PlanGraphTask[];
}

export interface PlanGraphTask {
  sectionPath: string;
  sectionTitle: string;
  content: string;
  context: string | null;
  agencies: { agencyId: string | null; nameAsWritten: string; role: 'lead' | 'coordinating' | 'requested' }[];
  phase: string | null;
  deadline: string | null;
  deadlineText: string | null;
  recurrence: Recurrence | null;
  campaignFrom: string | null;
  campaignTo: string | null;
}

/** The phase (lộ trình) a deadline falls in, by the plan's phases. */
export function phaseOf(phases: { label: string; from: string | null; to: string | null }[], date: string | null): string | null {
  if (!date) return null;
  return phases.find((phase) => (!phase.from || phase.from <= date) && (!phase.to || date <= phase.to))?.label ?? null;
}

/** The plan a task belongs to, as task writing needs it. */
export interface TaskPlanContext {
  id: string;
  orgUnitId: string;
  provinceCode: string | null;
  periodFrom: string | null;
  periodTo: string | null;
}

/**
 * The occurrences a task has: one per period of its recurrence within its campaign, else the plan
 * period; none for a one-off task or a recurring one with a fixed deadline.
 */
export function occurrencePlanOf(
  task: Pick<PlanGraphTask, 'recurrence' | 'deadline' | 'campaignFrom' | 'campaignTo'>,
  plan: Pick<TaskPlanContext, 'periodFrom' | 'periodTo'>,
) {
  if (!task.recurrence || task.deadline) return [];
  return occurrencesFor(task.recurrence, task.campaignFrom ?? plan.periodFrom, task.campaignTo ?? plan.periodTo);
}
