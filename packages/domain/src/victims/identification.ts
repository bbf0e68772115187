import { hasInvalidCharacters, normalizeText } from '../text/vietnamese.ts';
import { EVIDENCE_SOURCES, isEvidenceSource, type EvidenceSource, type PersonRole } from './codes.ts';
import { formatVietnameseDate, isRealIsoDate } from './person.ts';
import { defineWorkflow } from '../workflow/define-workflow.ts';

/**
 * Verification and identification of a person as a victim (xác minh, xác định nạn nhân) as an
 * explicit state machine.
 *
 *   received ─start_verification→ verifying ─decide_victim────→ identified_victim
 *                                    ↑       └decide_not_victim→ not_victim
 *                                    └──────────── revise ──────────┘ (from either decision)
 *
 * A decision is a formal act: deciding agency, decision number, decision date (not in the future,
 * not before reception, not before a decision it revises), legal basis; a victim decision names at
 * least one evidence source of khoản 1 Điều 32 Luật Phòng, chống mua bán người 2024. A decision is
 * revised, never edited: `revise` (new evidence, reason required) reopens verification and the old
 * decision stays in the history. The person's role follows the status.
 */
export const IDENTIFICATION_STATUSES = ['received', 'verifying', 'identified_victim', 'not_victim'] as const;
export type IdentificationStatus = (typeof IDENTIFICATION_STATUSES)[number];

export const IDENTIFICATION_TRANSITIONS = ['start_verification', 'decide_victim', 'decide_not_victim', 'revise'] as const;
export type IdentificationTransition = (typeof IDENTIFICATION_TRANSITIONS)[number];

export const identificationWorkflow = defineWorkflow<IdentificationStatus, IdentificationTransition, never>({
  name: 'identification',
  states: IDENTIFICATION_STATUSES,
  initial: 'received',
  transitions: {
    start_verification: { from: ['received'], to: 'verifying', emits: ['victim.identification_transition'] },
    decide_victim: { from: ['verifying'], to: 'identified_victim', emits: ['victim.identification_transition'] },
    decide_not_victim: { from: ['verifying'], to: 'not_victim', emits: ['victim.identification_transition'] },
    revise: { from: ['identified_victim', 'not_victim'], to: 'verifying', emits: ['victim.identification_transition'] },
  },
  wrongState: {
    code: 'victim.identification_not_allowed',
    params: (status, transition) => ({
      action: IDENTIFICATION_TRANSITION_LABELS[transition].vi.toLowerCase(),
      status: IDENTIFICATION_STATUS_LABELS[status].vi,
    }),
  },
});

export const IDENTIFICATION_TRANSITION_RULES: Readonly<
  Record<IdentificationTransition, { from: readonly IdentificationStatus[]; to: IdentificationStatus }>
> = Object.fromEntries(
  IDENTIFICATION_TRANSITIONS.map((transition) => {
    const rule = identificationWorkflow.definition.transitions[transition];
    return [transition, { from: rule.from, to: rule.to as IdentificationStatus }];
  }),
) as Record<IdentificationTransition, { from: readonly IdentificationStatus[]; to: IdentificationStatus }>;

export const IDENTIFICATION_STATUS_LABELS: Readonly<Record<IdentificationStatus, { vi: string; en: string }>> = {
  received: { vi: 'Đã tiếp nhận', en: 'Received' },
  verifying: { vi: 'Đang xác minh', en: 'Being verified' },
  identified_victim: { vi: 'Đã xác định là nạn nhân', en: 'Identified as a victim' },
  not_victim: { vi: 'Xác định không phải nạn nhân', en: 'Found not to be a victim' },
};

export const IDENTIFICATION_TRANSITION_LABELS: Readonly<Record<IdentificationTransition, { vi: string; en: string }>> = {
  start_verification: { vi: 'Bắt đầu xác minh', en: 'Start verification' },
  decide_victim: { vi: 'Quyết định xác định là nạn nhân', en: 'Decide: victim' },
  decide_not_victim: { vi: 'Kết luận không phải nạn nhân', en: 'Decide: not a victim' },
  revise: { vi: 'Xem xét lại kết luận (có tài liệu, chứng cứ mới)', en: 'Revise the decision (new evidence)' },
};

export function nextIdentificationStatus(status: IdentificationStatus, transition: IdentificationTransition): IdentificationStatus | null {
  return identificationWorkflow.next(status, transition);
}

/** The role of the identified person in the file while the identification is in `status`. */
export function roleForIdentificationStatus(status: IdentificationStatus): PersonRole {
  if (status === 'identified_victim') return 'victim';
  if (status === 'not_victim') return 'not_victim';
  return 'under_identification';
}

export interface IdentificationDecision {
  outcome: 'victim' | 'not_victim';
  /** The deciding agency (an agency id, or its name when outside the catalogue). */
  decidingAgency: string;
  /** Number and symbol, e.g. "15/QĐ-CAT-PV01". */
  decisionNumber: string;
  decisionDate: string;
  legalBasis: string;
  evidenceSources: EvidenceSource[];
}

export interface IdentificationState {
  status: IdentificationStatus;
  receivedOn: string;
  /** The decision in force; null while received or verifying. */
  decision: IdentificationDecision | null;
  /** The date of the latest decision ever taken (kept after a revision): a new decision may not predate it. */
  lastDecisionDate: string | null;
}

export interface IdentificationHistoryEntry {
  transition: IdentificationTransition;
  from: IdentificationStatus;
  to: IdentificationStatus;
  /** The day the step was recorded. */
  on: string;
  decision: IdentificationDecision | null;
  /** Why a decision was revised. */
  reason: string | null;
  /** The decision a revision set aside. */
  revisedDecision: IdentificationDecision | null;
}

export interface IdentificationInput {
  decidingAgency?: string | null;
  decisionNumber?: string | null;
  decisionDate?: string | null;
  legalBasis?: string | null;
  evidenceSources?: readonly string[] | null;
  reason?: string | null;
}

export type IdentificationResult =
  | { ok: true; state: IdentificationState; entry: IdentificationHistoryEntry; role: PersonRole }
  | { ok: false; code: 'transition_not_allowed' | 'invalid_input'; message: string; fieldErrors: Record<string, string> };

/** The initial state of a person received on `receivedOn`. */
export function initialIdentificationState(receivedOn: string): IdentificationState {
  return { status: 'received', receivedOn, decision: null, lastDecisionDate: null };
}

function cleanText(value: string | null | undefined, max: number): string | null | 'too_long' | 'invalid' {
  if (value === null || value === undefined) return null;
  if (hasInvalidCharacters(value)) return 'invalid';
  const text = normalizeText(value);
  if (text === '') return null;
  return text.length > max ? 'too_long' : text;
}

function requireText(
  fieldErrors: Record<string, string>,
  field: string,
  value: string | null | undefined,
  max: number,
  missing: string,
): string {
  const text = cleanText(value, max);
  if (text === null) fieldErrors[field] = missing;
  else if (text === 'too_long') fieldErrors[field] = `Nội dung quá dài (tối đa ${max} ký tự).`;
  else if (text === 'invalid') fieldErrors[field] = 'Nội dung chứa ký tự không hợp lệ.';
  else return text;
  return '';
}

/**
 * Fire `transition` on `state` with its `input`, on `today` (ISO date in Vietnam). Returns the new
 * state, the history entry to append and the person's role; or a Vietnamese error.
 */
export function applyIdentificationTransition(
  state: IdentificationState,
  transition: IdentificationTransition,
  input: IdentificationInput,
  today: string,
): IdentificationResult {
  const to = nextIdentificationStatus(state.status, transition);
  if (to === null) {
    return {
      ok: false,
      code: 'transition_not_allowed',
      message: `Không thể "${IDENTIFICATION_TRANSITION_LABELS[transition].vi.toLowerCase()}" khi hồ sơ đang ở trạng thái "${IDENTIFICATION_STATUS_LABELS[state.status].vi}".`,
      fieldErrors: {},
    };
  }
  const fieldErrors: Record<string, string> = {};
  let decision: IdentificationDecision | null = null;
  let reason: string | null = null;

  if (transition === 'decide_victim' || transition === 'decide_not_victim') {
    const decidingAgency = requireText(fieldErrors, 'decidingAgency', input.decidingAgency, 200, 'Cần ghi cơ quan ra quyết định.');
    const decisionNumber = requireText(fieldErrors, 'decisionNumber', input.decisionNumber, 50, 'Cần ghi số, ký hiệu văn bản quyết định.');
    const legalBasis = requireText(fieldErrors, 'legalBasis', input.legalBasis, 2000, 'Cần ghi căn cứ pháp lý của quyết định.');
    const decisionDate = input.decisionDate ?? '';
    if (decisionDate === '') fieldErrors.decisionDate = 'Cần ghi ngày ra quyết định.';
    else if (!isRealIsoDate(decisionDate)) fieldErrors.decisionDate = 'Ngày ra quyết định không hợp lệ.';
    else if (decisionDate > today) {
      fieldErrors.decisionDate = `Ngày ra quyết định không được sau ngày hiện tại (${formatVietnameseDate(today)}).`;
    } else if (decisionDate < state.receivedOn) {
      fieldErrors.decisionDate = `Ngày ra quyết định không được trước ngày tiếp nhận (${formatVietnameseDate(state.receivedOn)}).`;
    } else if (state.lastDecisionDate !== null && decisionDate < state.lastDecisionDate) {
      fieldErrors.decisionDate = `Ngày ra quyết định không được trước ngày của quyết định trước đó (${formatVietnameseDate(state.lastDecisionDate)}).`;
    }
    const sources = input.evidenceSources ?? [];
    const unknown = sources.filter((source) => !isEvidenceSource(source));
    if (unknown.length > 0) fieldErrors.evidenceSources = `Nguồn tài liệu, chứng cứ không hợp lệ: ${unknown.join(', ')}.`;
    else if (transition === 'decide_victim' && sources.length === 0) {
      fieldErrors.evidenceSources = 'Cần ít nhất một căn cứ xác định nạn nhân (khoản 1 Điều 32 Luật Phòng, chống mua bán người 2024).';
    }
    decision = {
      outcome: transition === 'decide_victim' ? 'victim' : 'not_victim',
      decidingAgency,
      decisionNumber,
      decisionDate,
      legalBasis,
      // In the order of the law, once each.
      evidenceSources: EVIDENCE_SOURCES.filter((source) => sources.includes(source)),
    };
  } else if (transition === 'revise') {
    reason = requireText(fieldErrors, 'reason', input.reason, 2000, 'Cần ghi lý do xem xét lại (tài liệu, chứng cứ mới).');
  }

  if (Object.keys(fieldErrors).length > 0) {
    return { ok: false, code: 'invalid_input', message: 'Thông tin chưa đầy đủ hoặc không hợp lệ.', fieldErrors };
  }
  const next: IdentificationState = {
    status: to,
    receivedOn: state.receivedOn,
    decision: transition === 'revise' ? null : (decision ?? state.decision),
    lastDecisionDate: decision ? decision.decisionDate : state.lastDecisionDate,
  };
  return {
    ok: true,
    state: next,
    entry: {
      transition,
      from: state.status,
      to,
      on: today,
      decision,
      reason,
      revisedDecision: transition === 'revise' ? state.decision : null,
    },
    role: roleForIdentificationStatus(to),
  };
}
