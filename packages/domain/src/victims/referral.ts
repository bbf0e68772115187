import { hasInvalidCharacters, normalizeText } from '../text/vietnamese.ts';
import type { ConsentPurpose } from './codes.ts';
import { CONSENT_GIVER_PHRASES, consentCheck, type ConsentRecord } from './consent.ts';
import { DEFAULT_DEADLINE_RULES, deadlineDueDate, type DeadlineKind } from './deadlines.ts';
import type { AgeFacts } from './person.ts';
import { defineWorkflow } from '../workflow/define-workflow.ts';

/**
 * Referral (chuyển tuyến) of a person to another agency or facility, as a state machine.
 *
 *   sent ─accept→ accepted ─complete→ completed
 *     └─decline (reason)→ declined
 *   cancel (by the sender, reason): from sent or accepted
 *
 * The receiving unit accepts, declines (with a reason) and completes; the sender may cancel.
 * While a referral is active (sent or accepted) the receiving unit sees the referral sections of the
 * file (`REFERRAL_SECTIONS`), never statements, evidence or case links.
 */
export const REFERRAL_STATUSES = ['sent', 'accepted', 'declined', 'completed', 'cancelled'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export const REFERRAL_TRANSITIONS = ['accept', 'decline', 'complete', 'cancel'] as const;
export type ReferralTransition = (typeof REFERRAL_TRANSITIONS)[number];

export type ReferralParty = 'sender' | 'receiver';

interface ReferralRule {
  from: readonly ReferralStatus[];
  to: ReferralStatus;
  by: ReferralParty;
  reasonRequired: boolean;
}

/** Declining and cancelling need a reason (kept on the referral). */
const REASON_REQUIRED: ReadonlySet<ReferralTransition> = new Set(['decline', 'cancel']);

export const referralWorkflow = defineWorkflow<ReferralStatus, ReferralTransition, ReferralParty>({
  name: 'referral',
  states: REFERRAL_STATUSES,
  initial: 'sent',
  final: ['declined', 'completed', 'cancelled'],
  transitions: {
    accept: { from: ['sent'], to: 'accepted', by: 'receiver', emits: ['victim.referral_accepted'] },
    decline: { from: ['sent'], to: 'declined', by: 'receiver', emits: ['victim.referral_declined'] },
    complete: { from: ['accepted'], to: 'completed', by: 'receiver', emits: ['victim.referral_completed'] },
    cancel: { from: ['sent', 'accepted'], to: 'cancelled', by: 'sender', emits: ['victim.referral_cancelled'] },
  },
  wrongState: {
    code: 'victim.referral_not_allowed',
    params: (status, transition) => ({
      action: REFERRAL_TRANSITION_LABELS[transition].vi.toLowerCase(),
      status: REFERRAL_STATUS_LABELS[status].vi,
    }),
  },
});

export const REFERRAL_TRANSITION_RULES: Readonly<Record<ReferralTransition, ReferralRule>> = Object.fromEntries(
  REFERRAL_TRANSITIONS.map((transition) => {
    const rule = referralWorkflow.definition.transitions[transition];
    return [transition, { from: rule.from, to: rule.to as ReferralStatus, by: rule.by!, reasonRequired: REASON_REQUIRED.has(transition) }];
  }),
) as Record<ReferralTransition, ReferralRule>;

export const REFERRAL_STATUS_LABELS: Readonly<Record<ReferralStatus, { vi: string; en: string }>> = {
  sent: { vi: 'Đã gửi, chờ tiếp nhận', en: 'Sent, awaiting answer' },
  accepted: { vi: 'Đã tiếp nhận', en: 'Accepted' },
  declined: { vi: 'Từ chối tiếp nhận', en: 'Declined' },
  completed: { vi: 'Đã hoàn thành', en: 'Completed' },
  cancelled: { vi: 'Đã hủy', en: 'Cancelled' },
};

export const REFERRAL_TRANSITION_LABELS: Readonly<Record<ReferralTransition, { vi: string; en: string }>> = {
  accept: { vi: 'Tiếp nhận', en: 'Accept' },
  decline: { vi: 'Từ chối', en: 'Decline' },
  complete: { vi: 'Hoàn thành', en: 'Complete' },
  cancel: { vi: 'Hủy chuyển tuyến', en: 'Cancel' },
};

export function referralIsActive(status: ReferralStatus): boolean {
  return status === 'sent' || status === 'accepted';
}

export function nextReferralStatus(status: ReferralStatus, transition: ReferralTransition): ReferralStatus | null {
  return referralWorkflow.next(status, transition);
}

export function canFireReferralTransition(status: ReferralStatus, transition: ReferralTransition, party: ReferralParty): boolean {
  return referralWorkflow.can(status, transition, { parties: new Set([party]) });
}

export type ReferralTransitionResult =
  { ok: true; status: ReferralStatus; reason: string | null } | { ok: false; message: string; field?: 'reason' };

const PARTY_WORDS: Record<ReferralParty, string> = { sender: 'đơn vị chuyển', receiver: 'đơn vị nhận' };

export function applyReferralTransition(
  status: ReferralStatus,
  transition: ReferralTransition,
  input: { by: ReferralParty; reason?: string | null },
): ReferralTransitionResult {
  const rule = REFERRAL_TRANSITION_RULES[transition];
  const to = nextReferralStatus(status, transition);
  if (to === null) {
    return {
      ok: false,
      message: `Không thể "${REFERRAL_TRANSITION_LABELS[transition].vi.toLowerCase()}" khi chuyển tuyến đang ở trạng thái "${REFERRAL_STATUS_LABELS[status].vi}".`,
    };
  }
  if (rule.by !== input.by) {
    return { ok: false, message: `Chỉ ${PARTY_WORDS[rule.by]} được "${REFERRAL_TRANSITION_LABELS[transition].vi.toLowerCase()}".` };
  }
  const raw = input.reason ?? '';
  const reason = hasInvalidCharacters(raw) ? '' : normalizeText(raw);
  if (rule.reasonRequired && reason === '') return { ok: false, message: 'Cần ghi rõ lý do.', field: 'reason' };
  if (reason.length > 2000) return { ok: false, message: 'Lý do quá dài (tối đa 2000 ký tự).', field: 'reason' };
  return { ok: true, status: to, reason: reason === '' ? null : reason };
}

/** Consents that allow sending a referral, in order of preference. */
export const REFERRAL_CONSENT_PURPOSES: readonly ConsentPurpose[] = ['referral', 'share_with_agency'];

export type ReferralSendingBasis =
  | { ok: true; basis: 'consent'; purpose: ConsentPurpose }
  | { ok: true; basis: 'legal_basis'; legalBasis: string }
  | { ok: false; message: string };

/**
 * Whether a referral may be sent on `onDate`: a consent in force for referral (or for sharing with
 * another agency) from whoever must give it (see consent.ts: a child's guardian, and the child from 7),
 * or else a recorded legal basis (e.g. a procuracy request, an emergency to protect life).
 */
export function referralSendingBasis(args: {
  consents: readonly ConsentRecord[];
  person: AgeFacts;
  onDate: string;
  legalBasis?: string | null;
}): ReferralSendingBasis {
  const checks = REFERRAL_CONSENT_PURPOSES.map((purpose) => ({
    purpose,
    check: consentCheck(args.consents, purpose, args.person, args.onDate),
  }));
  const valid = checks.find(({ check }) => check.valid);
  if (valid) return { ok: true, basis: 'consent', purpose: valid.purpose };
  const legalBasis = args.legalBasis && !hasInvalidCharacters(args.legalBasis) ? normalizeText(args.legalBasis) : '';
  if (legalBasis !== '') return { ok: true, basis: 'legal_basis', legalBasis };
  const whose = checks[0]!.check.missing.map((giver) => CONSENT_GIVER_PHRASES[giver]).join(' và ');
  return {
    ok: false,
    message: `Không thể chuyển tuyến: chưa có sự đồng ý ${whose} (còn hiệu lực) cho việc chuyển tuyến hoặc chia sẻ thông tin, và chưa ghi căn cứ pháp lý.`,
  };
}

export const DEFAULT_REFERRAL_RESPONSE_RULE: { days: number; kind: DeadlineKind } = (() => {
  const rule = DEFAULT_DEADLINE_RULES.find((candidate) => candidate.code === 'referral_response')!;
  return { days: rule.days, kind: rule.kind };
})();

export type ReferralTiming = 'awaiting_answer' | 'overdue' | 'answered' | 'withdrawn';

/**
 * Whether a sent referral waits too long for an answer: it is due `rule.days` days after it was sent
 * (default 3 working days, the `referral_response` rule) and overdue from the day after.
 * Answered (accepted, declined, completed) and cancelled referrals no longer wait.
 */
export function referralTiming(
  referral: { status: ReferralStatus; sentOn: string },
  today: string,
  rule: { days: number; kind: DeadlineKind } = DEFAULT_REFERRAL_RESPONSE_RULE,
  extraHolidays: readonly string[] = [],
): { timing: ReferralTiming; answerDueOn: string } {
  const answerDueOn = deadlineDueDate(rule, referral.sentOn, extraHolidays);
  if (referral.status === 'cancelled') return { timing: 'withdrawn', answerDueOn };
  if (referral.status !== 'sent') return { timing: 'answered', answerDueOn };
  return { timing: today > answerDueOn ? 'overdue' : 'awaiting_answer', answerDueOn };
}

/** The parts of a victim file, for need-to-know display. */
export const VICTIM_FILE_SECTIONS = [
  'identity',
  'identification',
  'needs',
  'support_plan',
  'support_records',
  'protection_summary',
  'protection_details',
  'consents',
  'statements',
  'evidence',
  'case_links',
  'repatriation',
] as const;
export type VictimFileSection = (typeof VICTIM_FILE_SECTIONS)[number];

export const VICTIM_FILE_SECTION_LABELS: Readonly<Record<VictimFileSection, { vi: string; en: string }>> = {
  identity: { vi: 'Nhân thân, liên lạc', en: 'Identity and contact' },
  identification: { vi: 'Tình trạng xác định nạn nhân', en: 'Identification status' },
  needs: { vi: 'Nhu cầu hỗ trợ', en: 'Needs' },
  support_plan: { vi: 'Kế hoạch hỗ trợ', en: 'Support plan' },
  support_records: { vi: 'Các lần hỗ trợ đã thực hiện', en: 'Support provided' },
  protection_summary: { vi: 'Tóm tắt biện pháp bảo vệ', en: 'Protection summary' },
  protection_details: { vi: 'Chi tiết bảo vệ (nơi ở, lực lượng)', en: 'Protection details (location, staff)' },
  consents: { vi: 'Sự đồng ý', en: 'Consents' },
  statements: { vi: 'Lời khai, biên bản', en: 'Statements' },
  evidence: { vi: 'Tài liệu, chứng cứ', en: 'Evidence' },
  case_links: { vi: 'Liên kết vụ án, tin báo', en: 'Linked cases and tip-offs' },
  repatriation: { vi: 'Hồi hương', en: 'Repatriation' },
};

/**
 * What the receiving unit of an active referral may see: identity (masked unless the receiving
 * officer holds read:victim_identity for that agency), identification status (it decides the
 * support regime), needs, the support plan and the support given (so that it neither repeats nor
 * misses a service, and sees what it records itself), and a protection summary (so they keep the
 * person safe) — all for the referred persons only.
 */
export const REFERRAL_SECTIONS: readonly VictimFileSection[] = [
  'identity',
  'identification',
  'needs',
  'support_plan',
  'support_records',
  'protection_summary',
];

/** Never shown through a referral: they serve the investigation and the victim's safety. */
export const NEVER_REFERRED_SECTIONS: readonly VictimFileSection[] = [
  'statements',
  'evidence',
  'case_links',
  'protection_details',
  'repatriation',
];

export function visibleSectionsForReferral(args: { status: ReferralStatus; canRevealIdentity: boolean }): {
  sections: VictimFileSection[];
  identityMasked: boolean;
} {
  if (!referralIsActive(args.status)) return { sections: [], identityMasked: true };
  return { sections: [...REFERRAL_SECTIONS], identityMasked: !args.canRevealIdentity };
}
