/**
 * Who may see and act on a report instance (ADR 0003).
 *
 * - Reporter: holds submit:reports over the instance's unit and acts for its agency (a sở for its
 *   own report, a commune through its People's Committee, the standing office for its own unit
 *   report and for the consolidated report).
 * - Reviewer: holds review:reports AT the recipient unit (the standing office of the province for
 *   reports addressed to the province; the national level for the consolidated reports addressed to VN),
 *   or nationally. A reviewer higher up does not review what is addressed to a unit below it: the
 *   national office sees a province's consolidated report, not the departments' reports it sums.
 * - Reader: read:reports over the unit, acting for the report's agency.
 *
 * A department therefore sees only its own reports; the standing office reviews every report
 * addressed to its province but edits none but its own.
 */
import { canAccess, grantsFor, type Actor } from '../access/scope.ts';
import { actingAgencyIds } from '../plans/task-policy.ts';
import { canFireReportTransition, isEditableReportStatus, type ReportParty, type ReportStatus } from './report-status.ts';

export const REPORT_KINDS = ['unit', 'consolidated'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** What the policy needs of a report instance. */
export interface ReportAccessRecord {
  /** The unit the report is about (the reporting agency's org unit). */
  orgUnitId: string;
  /** The reporting agency. */
  agencyId: string;
  /** Where it is sent: the schedule's org unit (unit reports) or the parent unit (consolidated reports). */
  recipientOrgUnitId: string;
  status: ReportStatus;
  kind: ReportKind;
}

export interface ReportRelations {
  canView: boolean;
  isReporter: boolean;
  isReviewer: boolean;
}

/** What the server tells the UI it may offer on one report; the UI only reads this list. */
export const REPORT_ACTIONS = ['view', 'edit', 'submit', 'resubmit', 'return', 'accept', 'lock', 'unlock', 'extend', 'export'] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];

/** Holds `permission` over the report's unit and acts for the report's agency. */
function actsForReport(actor: Actor, permission: 'submit:reports' | 'read:reports', record: ReportAccessRecord): boolean {
  return (
    canAccess(actor, permission, { orgUnitId: record.orgUnitId, agencyId: record.agencyId }) &&
    actingAgencyIds(actor, permission).has(record.agencyId)
  );
}

/**
 * The recipient units an actor reviews reports for: where their review:reports grants sit (subtree
 * or agency scope), or everything with a national grant. The server turns the same value into SQL.
 */
export function reviewerUnitsOf(actor: Actor): { all: boolean; orgUnitIds: string[]; covers(recipientOrgUnitId: string): boolean } {
  const grants = grantsFor(actor, 'review:reports').filter((grant) => grant.scope !== 'own');
  const all = grants.some((grant) => grant.scope === 'national');
  const orgUnitIds = [...new Set(grants.map((grant) => grant.orgUnitId))].sort();
  return { all, orgUnitIds, covers: (recipient) => all || orgUnitIds.includes(recipient) };
}

export function reportRelationsOf(actor: Actor, record: ReportAccessRecord): ReportRelations {
  const isReviewer = reviewerUnitsOf(actor).covers(record.recipientOrgUnitId);
  const isReporter = actsForReport(actor, 'submit:reports', record);
  return { canView: isReviewer || isReporter || actsForReport(actor, 'read:reports', record), isReporter, isReviewer };
}

export function reportPartiesOf(relations: ReportRelations): Set<ReportParty> {
  const parties = new Set<ReportParty>();
  if (relations.isReporter) parties.add('reporter');
  if (relations.isReviewer) parties.add('reviewer');
  return parties;
}

/** The actions an actor may take on a report now, in REPORT_ACTIONS order; empty when it is not visible to them. */
export function reportActionsFor(actor: Actor, record: ReportAccessRecord): ReportAction[] {
  const relations = reportRelationsOf(actor, record);
  if (!relations.canView) return [];
  const parties = reportPartiesOf(relations);
  const editable = isEditableReportStatus(record.status);
  const allowed = new Set<ReportAction>(['view', 'export']);
  if (relations.isReporter && editable) allowed.add('edit');
  for (const transition of ['submit', 'resubmit', 'return', 'accept', 'lock', 'unlock'] as const) {
    if (canFireReportTransition(record.status, transition, parties)) allowed.add(transition);
  }
  // Extending the unit's deadline makes sense only while the report still awaits (re)submission.
  if (relations.isReviewer && editable) allowed.add('extend');
  return REPORT_ACTIONS.filter((action) => allowed.has(action));
}

export function canTakeReportAction(actor: Actor, record: ReportAccessRecord, action: ReportAction): boolean {
  return reportActionsFor(actor, record).includes(action);
}
