import { canAccess, grantsFor, type Actor } from '../access/scope.ts';
import type { Permission } from '../access/permissions.ts';
import { canFireTaskTransition, isFinalTaskStatus, type TaskParty, type TaskStatus } from './task-status.ts';

/** What the server shows the UI it may offer on one task; the UI only reads this list. */
export const TASK_ACTIONS = ['view', 'progress', 'contribute', 'submit', 'accept', 'return', 'cancel', 'chase', 'edit'] as const;
export type TaskAction = (typeof TASK_ACTIONS)[number];

/** What the policy needs of a task: where its plan sits, who it is addressed to, and its state. */
export interface TaskAccessRecord {
  /** The org unit of the plan (the issuer's unit). */
  orgUnitId: string;
  leadAgencyId: string | null;
  coordinatingAgencyIds: readonly string[];
  requestedAgencyIds: readonly string[];
  status: TaskStatus;
}

export interface TaskRelations {
  canView: boolean;
  isLead: boolean;
  isCoordinating: boolean;
  isRequested: boolean;
  /** Holds chase:tasks over the plan's unit (subtree or national): the standing office there. */
  isStandingOffice: boolean;
  /** Holds manage:plans over the plan's unit: may correct the plan's tasks (like the standing office). */
  managesPlan: boolean;
}

/**
 * The agencies an actor acts for with a permission: the agencies named on the grants that carry
 * it, and the actor's own agency when they hold it at all.
 */
export function actingAgencyIds(actor: Actor, permission: Permission): Set<string> {
  const grants = grantsFor(actor, permission);
  const ids = new Set<string>();
  for (const grant of grants) if (grant.agencyId) ids.add(grant.agencyId);
  if (grants.length && actor.agencyId) ids.add(actor.agencyId);
  return ids;
}

export function taskAgencyIds(task: Pick<TaskAccessRecord, 'leadAgencyId' | 'coordinatingAgencyIds' | 'requestedAgencyIds'>): string[] {
  return [...new Set([...(task.leadAgencyId ? [task.leadAgencyId] : []), ...task.coordinatingAgencyIds, ...task.requestedAgencyIds])];
}

/**
 * A task is visible to whoever's read:tasks scope covers the plan's unit, or names one of the
 * task's agencies (lead, coordinating, requested). Acting on it needs update:tasks in scope and
 * being the agency in that role; the standing office of the plan's area holds chase:tasks there.
 */
export function taskRelationsOf(actor: Actor, task: TaskAccessRecord): TaskRelations {
  const scoped = { orgUnitId: task.orgUnitId, agencyIds: taskAgencyIds(task) };
  const canView = canAccess(actor, 'read:tasks', scoped);
  const canUpdate = canView && canAccess(actor, 'update:tasks', scoped);
  const updating = canUpdate ? actingAgencyIds(actor, 'update:tasks') : new Set<string>();
  const reading = canView ? actingAgencyIds(actor, 'read:tasks') : new Set<string>();
  return {
    canView,
    isLead: Boolean(task.leadAgencyId && updating.has(task.leadAgencyId)),
    isCoordinating: task.coordinatingAgencyIds.some((id) => updating.has(id)),
    isRequested: task.requestedAgencyIds.some((id) => reading.has(id)),
    isStandingOffice: canView && canAccess(actor, 'chase:tasks', { orgUnitId: task.orgUnitId }),
    managesPlan: canView && canAccess(actor, 'manage:plans', { orgUnitId: task.orgUnitId }),
  };
}

/** Correcting a task (content, agencies, dates) is for whoever follows or manages the plan's tasks. */
export function mayEditTasks(relations: TaskRelations): boolean {
  return relations.isStandingOffice || relations.managesPlan;
}

export function partiesOf(relations: TaskRelations): Set<TaskParty> {
  const parties = new Set<TaskParty>();
  if (relations.isLead) parties.add('lead');
  if (relations.isStandingOffice) parties.add('standing_office');
  return parties;
}

/** The actions an actor may take on a task now; empty when the task is not visible to them. */
export function allowedTaskActions(actor: Actor, task: TaskAccessRecord): TaskAction[] {
  const relations = taskRelationsOf(actor, task);
  if (!relations.canView) return [];
  const parties = partiesOf(relations);
  const open = !isFinalTaskStatus(task.status);
  const actions: TaskAction[] = ['view'];
  if (relations.isLead && ['not_started', 'in_progress', 'returned'].includes(task.status)) actions.push('progress');
  if (relations.isCoordinating && open) actions.push('contribute');
  if (canFireTaskTransition(task.status, 'submit', parties)) actions.push('submit');
  if (canFireTaskTransition(task.status, 'accept', parties)) actions.push('accept');
  if (canFireTaskTransition(task.status, 'return', parties)) actions.push('return');
  if (canFireTaskTransition(task.status, 'cancel', parties)) actions.push('cancel');
  if (relations.isStandingOffice && open && task.status !== 'submitted') actions.push('chase');
  if (mayEditTasks(relations) && open) actions.push('edit');
  return actions;
}

export function canTakeTaskAction(actor: Actor, task: TaskAccessRecord, action: TaskAction): boolean {
  return allowedTaskActions(actor, task).includes(action);
}
