import type { Permission } from '../access/permissions.ts';
import { defineWorkflow, GUARD_OK, type WorkflowContext } from './define-workflow.ts';

/**
 * The life of a plan (kế hoạch):
 *
 *   draft ─issue→ issued
 *   draft, issued ─supersede→ superseded (final: a newer plan replaces it)
 *   update (content): a draft or an issued plan, never a superseded one; it keeps its status
 *
 * Whoever manages plans for the plan's unit (manage:plans in scope) fires every transition. A plan
 * is issued only when each of its tasks (not cancelled) has a lead agency: an issued task without
 * one is nobody's work and shows "—" when it falls overdue.
 */
export const PLAN_STATUSES = ['draft', 'issued', 'superseded'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const PLAN_TRANSITIONS = ['update', 'issue', 'supersede'] as const;
export type PlanTransition = (typeof PLAN_TRANSITIONS)[number];

export type PlanParty = Extract<Permission, 'manage:plans'>;

/** What issuing checks: the plan's tasks without a lead agency (their contents), when the caller has read them. */
export interface PlanContext extends WorkflowContext<PlanParty> {
  tasksWithoutLead?: readonly string[];
}

/** How many task contents the refusal quotes (the count says how many there are). */
const QUOTED_TASKS = 3;

export const planWorkflow = defineWorkflow<PlanStatus, PlanTransition, PlanParty, PlanContext>({
  name: 'plan',
  states: PLAN_STATUSES,
  initial: 'draft',
  final: ['superseded'],
  transitions: {
    update: { from: ['draft', 'issued'], to: (from) => from, targets: ['draft', 'issued'], by: 'manage:plans', emits: ['plan.updated'] },
    issue: {
      from: ['draft'],
      to: 'issued',
      by: 'manage:plans',
      emits: ['plan.issued'],
      guard: ({ tasksWithoutLead = [] }) =>
        tasksWithoutLead.length
          ? {
              ok: false,
              refused: 'plan.tasks_without_lead',
              params: {
                count: tasksWithoutLead.length,
                tasks:
                  tasksWithoutLead
                    .slice(0, QUOTED_TASKS)
                    .map((content) => `«${content.length > 80 ? `${content.slice(0, 79)}…` : content}»`)
                    .join(', ') + (tasksWithoutLead.length > QUOTED_TASKS ? ', …' : ''),
              },
            }
          : GUARD_OK,
    },
    supersede: { from: ['draft', 'issued'], to: 'superseded', by: 'manage:plans', emits: ['plan.updated'] },
  },
  wrongState: { code: 'plan.not_draft' },
});

/** The plan actions a view lists (`PlanView.allowedActions`): update and issue, as the workflow allows them. */
export function planActionsFor(status: PlanStatus, canManage: boolean): Array<'update' | 'issue'> {
  const parties = new Set<PlanParty>(canManage ? ['manage:plans'] : []);
  return planWorkflow.allowedActions(status, { parties }).filter((action) => action === 'update' || action === 'issue');
}
