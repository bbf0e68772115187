import type { CodeLabel } from './codes.ts';
import { defineWorkflow } from '../workflow/define-workflow.ts';

/**
 * The life of a support record (khoản hỗ trợ) and of a follow-up visit's finding: one set of rules
 * for the server, which enforces them, and the web app, which offers only the allowed moves.
 */
export const SUPPORT_STATUSES = ['planned', 'in_progress', 'completed', 'cancelled'] as const;
export type SupportStatus = (typeof SUPPORT_STATUSES)[number];

export const SUPPORT_STATUS_LABELS: Readonly<Record<SupportStatus, CodeLabel>> = {
  planned: { vi: 'Đã lập kế hoạch', en: 'Planned' },
  in_progress: { vi: 'Đang hỗ trợ', en: 'In progress' },
  completed: { vi: 'Đã hoàn thành', en: 'Completed' },
  cancelled: { vi: 'Đã hủy', en: 'Cancelled' },
};

/**
 * A planned support may start, end or be cancelled; one in progress may end or be cancelled; a
 * completed one keeps its status (its dates, amount and notes may still be completed: `amend`); a
 * cancelled one is final. `amend` keeps the status so that the other fields can be corrected.
 */
export const SUPPORT_ACTIONS = ['start', 'complete', 'cancel', 'amend'] as const;
export type SupportAction = (typeof SUPPORT_ACTIONS)[number];

export const supportWorkflow = defineWorkflow<SupportStatus, SupportAction, never>({
  name: 'support',
  states: SUPPORT_STATUSES,
  initial: 'planned',
  final: ['cancelled'],
  transitions: {
    start: { from: ['planned'], to: 'in_progress', emits: ['victim.support_updated'] },
    complete: { from: ['planned', 'in_progress'], to: 'completed', emits: ['victim.support_updated'] },
    cancel: { from: ['planned', 'in_progress'], to: 'cancelled', emits: ['victim.support_updated'] },
    amend: {
      from: ['planned', 'in_progress', 'completed'],
      to: (from) => from,
      targets: ['planned', 'in_progress', 'completed'],
      emits: ['victim.support_updated'],
    },
  },
  wrongState: {
    code: 'victim.support_status_not_allowed',
    params: (status) => ({ from: SUPPORT_STATUS_LABELS[status].vi, to: SUPPORT_STATUS_LABELS[status].vi }),
  },
});

/** Whether a support in `from` may take status `to` (the same status: its other fields are amended). */
export function canMoveSupport(from: SupportStatus, to: SupportStatus): boolean {
  return SUPPORT_ACTIONS.some((action) => supportWorkflow.next(from, action) === to);
}

/** The statuses a support in `from` may take, in the list's order. */
export function nextSupportStatuses(from: SupportStatus): SupportStatus[] {
  return SUPPORT_STATUSES.filter((status) => canMoveSupport(from, status));
}

/** A support that has started (or ended) needs its start date. */
export function supportNeedsStartDate(status: SupportStatus): boolean {
  return status === 'in_progress' || status === 'completed';
}

/** What a follow-up visit found. */
export const FOLLOW_UP_SITUATIONS = ['stable', 'needs_support', 'at_risk', 'unreachable'] as const;
export type FollowUpSituation = (typeof FOLLOW_UP_SITUATIONS)[number];

export const FOLLOW_UP_SITUATION_LABELS: Readonly<Record<FollowUpSituation, CodeLabel>> = {
  stable: { vi: 'Ổn định', en: 'Stable' },
  needs_support: { vi: 'Cần hỗ trợ thêm', en: 'Needs more support' },
  at_risk: { vi: 'Có nguy cơ (bị mua bán lại, bị đe dọa)', en: 'At risk (re-trafficking, threats)' },
  unreachable: { vi: 'Không liên lạc được', en: 'Unreachable' },
};
