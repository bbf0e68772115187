import { defineWorkflow } from '../workflow/define-workflow.ts';

/**
 * The life of a report instance (ADR 0003) as an explicit state machine.
 *
 *   not_started ─save→ draft ─submit→ submitted ─accept→ accepted ─lock→ locked
 *   returned ─resubmit→ resubmitted ─accept→ accepted
 *   submitted, resubmitted ─return (comment)→ returned
 *   locked ─unlock (reason)→ returned
 *   save: not_started → draft; a draft stays a draft and a returned report stays returned
 *
 * The reporting agency (reporter) saves and submits; the reviewer over the recipient unit returns
 * with a comment, accepts, locks and unlocks with a reason.
 */
export const REPORT_STATUSES = ['not_started', 'draft', 'submitted', 'returned', 'resubmitted', 'accepted', 'locked'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REPORT_TRANSITIONS = ['save', 'submit', 'resubmit', 'return', 'accept', 'lock', 'unlock'] as const;
export type ReportTransition = (typeof REPORT_TRANSITIONS)[number];

export const REPORT_PARTIES = ['reporter', 'reviewer'] as const;
export type ReportParty = (typeof REPORT_PARTIES)[number];

export interface ReportTransitionRule {
  /** From each status it applies in, the status it leads to. */
  moves: Partial<Record<ReportStatus, ReportStatus>>;
  by: ReportParty;
}

/** Saving starts a report and otherwise keeps its status. */
const SAVE_MOVES: Partial<Record<ReportStatus, ReportStatus>> = { not_started: 'draft', draft: 'draft', returned: 'returned' };

export const reportWorkflow = defineWorkflow<ReportStatus, ReportTransition, ReportParty>({
  name: 'report',
  states: REPORT_STATUSES,
  initial: 'not_started',
  transitions: {
    save: {
      from: ['not_started', 'draft', 'returned'],
      to: (from) => SAVE_MOVES[from]!,
      targets: ['draft', 'returned'],
      by: 'reporter',
      emits: ['report.saved'],
    },
    submit: { from: ['draft'], to: 'submitted', by: 'reporter', emits: ['report.submitted'] },
    resubmit: { from: ['returned'], to: 'resubmitted', by: 'reporter', emits: ['report.submitted'] },
    return: { from: ['submitted', 'resubmitted'], to: 'returned', by: 'reviewer', emits: ['report.returned'] },
    accept: { from: ['submitted', 'resubmitted'], to: 'accepted', by: 'reviewer', emits: ['report.accepted'] },
    lock: { from: ['accepted'], to: 'locked', by: 'reviewer', emits: ['report.locked'] },
    unlock: { from: ['locked'], to: 'returned', by: 'reviewer', emits: ['report.unlocked'] },
  },
  wrongState: {
    code: 'report.transition_not_allowed',
    params: (status, transition) => ({
      action: REPORT_TRANSITION_LABELS[transition].vi.toLowerCase(),
      status: REPORT_STATUS_LABELS[status].vi,
    }),
  },
});

/** The workflow's table in its historical shape (from each status, where the transition leads). */
export const REPORT_TRANSITION_RULES: Readonly<Record<ReportTransition, ReportTransitionRule>> = Object.fromEntries(
  REPORT_TRANSITIONS.map((transition) => {
    const rule = reportWorkflow.definition.transitions[transition];
    const moves = Object.fromEntries(rule.from.map((from) => [from, reportWorkflow.next(from, transition)]));
    return [transition, { moves, by: rule.by! }];
  }),
) as Record<ReportTransition, ReportTransitionRule>;

export const REPORT_STATUS_LABELS: Record<ReportStatus, { vi: string; en: string }> = {
  not_started: { vi: 'Chưa lập', en: 'Not started' },
  draft: { vi: 'Đang soạn', en: 'Draft' },
  submitted: { vi: 'Đã gửi', en: 'Submitted' },
  returned: { vi: 'Bị trả lại', en: 'Returned' },
  resubmitted: { vi: 'Đã gửi lại', en: 'Resubmitted' },
  accepted: { vi: 'Đã chấp nhận', en: 'Accepted' },
  locked: { vi: 'Đã khóa', en: 'Locked' },
};

export const REPORT_TRANSITION_LABELS: Record<ReportTransition, { vi: string; en: string }> = {
  save: { vi: 'Lưu', en: 'Save' },
  submit: { vi: 'Gửi báo cáo', en: 'Submit' },
  resubmit: { vi: 'Gửi lại', en: 'Resubmit' },
  return: { vi: 'Trả lại', en: 'Return' },
  accept: { vi: 'Chấp nhận', en: 'Accept' },
  lock: { vi: 'Khóa số liệu', en: 'Lock' },
  unlock: { vi: 'Mở khóa', en: 'Unlock' },
};

/**
 * The statuses in which the reporter may still change the report, which are also those in which
 * it awaits (re)submission: deadlines, reminders and extensions apply only here.
 */
export const EDITABLE_REPORT_STATUSES: readonly ReportStatus[] = ['not_started', 'draft', 'returned'];

export function isEditableReportStatus(status: ReportStatus): boolean {
  return EDITABLE_REPORT_STATUSES.includes(status);
}

/** The state a transition leads to from `status`, or null when it does not apply there. */
export function nextReportStatus(status: ReportStatus, transition: ReportTransition): ReportStatus | null {
  return reportWorkflow.next(status, transition);
}

/** Saving starts a report (not_started → draft) and otherwise keeps its status; null where saving is refused. */
export function statusAfterSave(status: ReportStatus): ReportStatus | null {
  return nextReportStatus(status, 'save');
}

/** Whether `parties` (what the actor is to this report) may fire `transition` from `status`. */
export function canFireReportTransition(status: ReportStatus, transition: ReportTransition, parties: ReadonlySet<ReportParty>): boolean {
  return reportWorkflow.can(status, transition, { parties });
}

/** Returning needs a comment (what to fix) and unlocking a reason; both are kept in the history. */
export function transitionNeedsComment(transition: ReportTransition): boolean {
  return transition === 'return' || transition === 'unlock';
}
