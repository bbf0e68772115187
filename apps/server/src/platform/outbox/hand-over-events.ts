import type { OutboxEventInput } from './outbox.repository.ts';

/**
 * Hand-overs of work, as outbox events: each one tells the receiving party (notifications). The
 * payloads carry identifiers and labels (titles, agency names, comments), never a victim's identity;
 * who receives is resolved when the event is delivered.
 */
export const HAND_OVER_EVENTS = {
  planIssued: 'plan.issued',
  taskAssigned: 'task.assigned',
  taskProgressReported: 'task.progress_reported',
  taskSubmitted: 'task.submitted',
  taskAccepted: 'task.accepted',
  taskReturned: 'task.returned',
  taskCancelled: 'task.cancelled',
  taskChased: 'task.chased',
  reportSubmitted: 'report.submitted',
  reportReturned: 'report.returned',
  reportAccepted: 'report.accepted',
  reportUnlocked: 'report.unlocked',
  reportExtended: 'report.extended',
  referralSent: 'victim_referral.sent',
  referralAccepted: 'victim_referral.accepted',
  referralDeclined: 'victim_referral.declined',
  referralCompleted: 'victim_referral.completed',
  referralCancelled: 'victim_referral.cancelled',
} as const;
export type HandOverEventType = (typeof HAND_OVER_EVENTS)[keyof typeof HAND_OVER_EVENTS];

/** Every hand-over names who handed over: they are not told of their own act. */
interface ByActor {
  actorUserId: string;
}

/** A plan issued: each lead agency hears of the tasks it now leads. */
export interface PlanIssuedPayload extends ByActor {
  planId: string;
  planTitle: string;
  leads: { agencyId: string; taskIds: string[]; firstTaskContent: string }[];
}

/** A task's hand-over: to its lead agency, or (progress, submission) to the standing office over its plan. */
export interface TaskHandOverPayload extends ByActor {
  taskId: string;
  planId: string;
  planTitle: string;
  content: string;
  dueDate: string | null;
  leadAgencyId: string | null;
  leadAgencyName: string | null;
  percent?: number | null;
  comment?: string | null;
}

/** A report's hand-over: to the agency that must act on it next. */
export interface ReportHandOverPayload extends ByActor {
  reportId: string;
  recipientAgencyId: string;
  scheduleName: string;
  /** "Báo cáo <schedule> – <period> của <agency>". */
  label: string;
  agencyName: string;
  resubmitted?: boolean;
  comment?: string | null;
  fromDueDate?: string | null;
  toDueDate?: string | null;
}

/** A referral's hand-over: the file's reference and the agencies, never the person. */
export interface ReferralHandOverPayload extends ByActor {
  referralId: string;
  fileId: string;
  fileReference: string;
  /** The agency told; null when the file has none (then `recipientUserId`, who sent the referral). */
  recipientAgencyId: string | null;
  recipientUserId?: string | null;
  senderOrgUnitName?: string | null;
  receiverAgencyName?: string | null;
  answerDueOn?: string | null;
  reason?: string | null;
}

const truncated = (text: string, max = 200) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function planIssuedEvent(payload: PlanIssuedPayload): OutboxEventInput {
  return {
    type: HAND_OVER_EVENTS.planIssued,
    aggregateType: 'plan',
    aggregateId: payload.planId,
    payload: {
      ...payload,
      planTitle: truncated(payload.planTitle),
      leads: payload.leads.map((lead) => ({ ...lead, firstTaskContent: truncated(lead.firstTaskContent) })),
    },
  };
}

export function taskHandOverEvent(type: HandOverEventType, payload: TaskHandOverPayload): OutboxEventInput {
  return {
    type,
    aggregateType: 'task',
    aggregateId: payload.taskId,
    payload: { ...payload, planTitle: truncated(payload.planTitle), content: truncated(payload.content) },
  };
}

export function reportHandOverEvent(type: HandOverEventType, payload: ReportHandOverPayload): OutboxEventInput {
  return { type, aggregateType: 'report', aggregateId: payload.reportId, payload: { ...payload } };
}

export function referralHandOverEvent(type: HandOverEventType, payload: ReferralHandOverPayload): OutboxEventInput {
  return { type, aggregateType: 'victim_referral', aggregateId: payload.referralId, payload: { ...payload } };
}
