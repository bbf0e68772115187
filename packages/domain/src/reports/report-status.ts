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

export const REPORT_TRANSITION_RULES: Readonly<Record<ReportTransition, ReportTransitionRule>> = {
  save: { moves: { not_started: 'draft', draft: 'draft', returned: 'returned' }, by: 'reporter' },
  submit: { moves: { draft: 'submitted' }, by: 'reporter' },
  resubmit: { moves: { returned: 'resubmitted' }, by: 'reporter' },
  return: { moves: { submitted: 'returned', resubmitted: 'returned' }, by: 'reviewer' },
  accept: { moves: { submitted: 'accepted', resubmitted: 'accepted' }, by: 'reviewer' },
  lock: { moves: { accepted: 'locked' }, by: 'reviewer' },
  unlock: { moves: { locked: 'returned' }, by: 'reviewer' },
};

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
  return REPORT_TRANSITION_RULES[transition].moves[status] ?? null;
}

/** Saving starts a report (not_started → draft) and otherwise keeps its status; null where saving is refused. */
export function statusAfterSave(status: ReportStatus): ReportStatus | null {
  return nextReportStatus(status, 'save');
}

/** Whether `parties` (what the actor is to this report) may fire `transition` from `status`. */
export function canFireReportTransition(status: ReportStatus, transition: ReportTransition, parties: ReadonlySet<ReportParty>): boolean {
  return nextReportStatus(status, transition) !== null && parties.has(REPORT_TRANSITION_RULES[transition].by);
}

/** Returning needs a comment (what to fix) and unlocking a reason; both are kept in the history. */
export function transitionNeedsComment(transition: ReportTransition): boolean {
  return transition === 'return' || transition === 'unlock';
}
