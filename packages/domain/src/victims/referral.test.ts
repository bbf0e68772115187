import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ConsentRecord } from './consent.ts';
import {
  applyReferralTransition,
  canFireReferralTransition,
  DEFAULT_REFERRAL_RESPONSE_RULE,
  NEVER_REFERRED_SECTIONS,
  nextReferralStatus,
  REFERRAL_SECTIONS,
  REFERRAL_STATUSES,
  REFERRAL_TRANSITIONS,
  referralIsActive,
  referralSendingBasis,
  referralTiming,
  visibleSectionsForReferral,
  type ReferralParty,
  type ReferralStatus,
} from './referral.ts';

describe('referral state machine', () => {
  const expected: Record<string, ReferralStatus> = {
    'sent/accept': 'accepted',
    'sent/decline': 'declined',
    'accepted/complete': 'completed',
    'sent/cancel': 'cancelled',
    'accepted/cancel': 'cancelled',
  };
  it('allows exactly the listed transitions, exhaustively', () => {
    for (const status of REFERRAL_STATUSES) {
      for (const transition of REFERRAL_TRANSITIONS) {
        expect(nextReferralStatus(status, transition), `${status}/${transition}`).toBe(expected[`${status}/${transition}`] ?? null);
      }
    }
  });
  it('is active while sent or accepted only', () => {
    expect(REFERRAL_STATUSES.filter(referralIsActive)).toEqual(['sent', 'accepted']);
  });
  it('the receiving unit accepts, declines and completes; only the sender cancels', () => {
    expect(canFireReferralTransition('sent', 'accept', 'receiver')).toBe(true);
    expect(canFireReferralTransition('sent', 'accept', 'sender')).toBe(false);
    expect(canFireReferralTransition('sent', 'decline', 'receiver')).toBe(true);
    expect(canFireReferralTransition('accepted', 'complete', 'receiver')).toBe(true);
    expect(canFireReferralTransition('accepted', 'complete', 'sender')).toBe(false);
    expect(canFireReferralTransition('accepted', 'cancel', 'sender')).toBe(true);
    expect(canFireReferralTransition('accepted', 'cancel', 'receiver')).toBe(false);
    expect(canFireReferralTransition('completed', 'cancel', 'sender')).toBe(false);
  });
  it('requires a reason to decline or cancel, and says so in Vietnamese', () => {
    expect(applyReferralTransition('sent', 'decline', { by: 'receiver' })).toEqual({
      ok: false,
      message: 'Cần ghi rõ lý do.',
      field: 'reason',
    });
    expect(applyReferralTransition('sent', 'cancel', { by: 'sender', reason: '   ' })).toMatchObject({ ok: false, field: 'reason' });
    expect(applyReferralTransition('sent', 'decline', { by: 'receiver', reason: ' Cơ sở  đã hết chỗ ' })).toEqual({
      ok: true,
      status: 'declined',
      reason: 'Cơ sở đã hết chỗ',
    });
    expect(applyReferralTransition('sent', 'accept', { by: 'receiver' })).toEqual({ ok: true, status: 'accepted', reason: null });
  });
  it('refuses a transition from the wrong state or by the wrong party, explaining why', () => {
    expect(applyReferralTransition('declined', 'accept', { by: 'receiver' })).toEqual({
      ok: false,
      message: 'Không thể "tiếp nhận" khi chuyển tuyến đang ở trạng thái "Từ chối tiếp nhận".',
    });
    expect(applyReferralTransition('sent', 'accept', { by: 'sender' })).toEqual({
      ok: false,
      message: 'Chỉ đơn vị nhận được "tiếp nhận".',
    });
    expect(applyReferralTransition('sent', 'cancel', { by: 'receiver', reason: 'x' })).toEqual({
      ok: false,
      message: 'Chỉ đơn vị chuyển được "hủy chuyển tuyến".',
    });
  });
  it('property: final states have no way out, whoever tries', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<ReferralStatus>('declined', 'completed', 'cancelled'),
        fc.constantFrom(...REFERRAL_TRANSITIONS),
        fc.constantFrom<ReferralParty>('sender', 'receiver'),
        (status, transition, by) => {
          expect(applyReferralTransition(status, transition, { by, reason: 'lý do' }).ok).toBe(false);
        },
      ),
    );
  });
});

describe('referralSendingBasis', () => {
  const adult = { dateOfBirth: '1990-01-01' };
  const child = { dateOfBirth: '2012-01-01' };
  const onDate = '2026-03-10';
  const given = (
    purpose: ConsentRecord['purpose'],
    givenBy: ConsentRecord['givenBy'],
    extra: Partial<ConsentRecord> = {},
  ): ConsentRecord => ({
    purpose,
    givenBy,
    givenOn: '2026-03-01',
    ...extra,
  });
  it('allows sending with a consent to referral, or to sharing with another agency', () => {
    expect(referralSendingBasis({ consents: [given('referral', 'person')], person: adult, onDate })).toEqual({
      ok: true,
      basis: 'consent',
      purpose: 'referral',
    });
    expect(referralSendingBasis({ consents: [given('share_with_agency', 'person')], person: adult, onDate })).toEqual({
      ok: true,
      basis: 'consent',
      purpose: 'share_with_agency',
    });
  });
  it('does not accept a consent for another purpose, nor a withdrawn one', () => {
    expect(referralSendingBasis({ consents: [given('media', 'person')], person: adult, onDate }).ok).toBe(false);
    expect(referralSendingBasis({ consents: [given('referral', 'person', { withdrawnOn: '2026-03-09' })], person: adult, onDate }).ok).toBe(
      false,
    );
  });
  it('for a child needs the guardian and the child', () => {
    const result = referralSendingBasis({ consents: [given('referral', 'person')], person: child, onDate });
    expect(result).toEqual({
      ok: false,
      message:
        'Không thể chuyển tuyến: chưa có sự đồng ý của cha, mẹ hoặc người giám hộ (còn hiệu lực) cho việc chuyển tuyến hoặc chia sẻ thông tin, và chưa ghi căn cứ pháp lý.',
    });
    const both = [given('referral', 'person'), given('referral', 'guardian')];
    expect(referralSendingBasis({ consents: both, person: child, onDate }).ok).toBe(true);
  });
  it('allows sending without consent on a recorded legal basis', () => {
    expect(referralSendingBasis({ consents: [], person: adult, onDate, legalBasis: ' Văn bản yêu cầu số 12/VKS ' })).toEqual({
      ok: true,
      basis: 'legal_basis',
      legalBasis: 'Văn bản yêu cầu số 12/VKS',
    });
    expect(referralSendingBasis({ consents: [], person: adult, onDate, legalBasis: '  ' }).ok).toBe(false);
  });
});

describe('referralTiming', () => {
  it('defaults to an answer within 3 working days', () => {
    expect(DEFAULT_REFERRAL_RESPONSE_RULE).toEqual({ days: 3, kind: 'working' });
  });
  it('a referral sent on Thursday is due the next Tuesday and overdue from Wednesday', () => {
    const referral = { status: 'sent' as const, sentOn: '2026-03-05' };
    expect(referralTiming(referral, '2026-03-10')).toEqual({ timing: 'awaiting_answer', answerDueOn: '2026-03-10' });
    expect(referralTiming(referral, '2026-03-11')).toEqual({ timing: 'overdue', answerDueOn: '2026-03-10' });
  });
  it('takes another number of days, or calendar days', () => {
    const referral = { status: 'sent' as const, sentOn: '2026-03-02' };
    expect(referralTiming(referral, '2026-03-04', { days: 1, kind: 'calendar' }).timing).toBe('overdue');
    expect(referralTiming(referral, '2026-03-04', { days: 5, kind: 'working' }).timing).toBe('awaiting_answer');
  });
  it('an answered or cancelled referral is never overdue', () => {
    for (const status of ['accepted', 'declined', 'completed'] as const) {
      expect(referralTiming({ status, sentOn: '2026-01-01' }, '2026-03-10').timing).toBe('answered');
    }
    expect(referralTiming({ status: 'cancelled', sentOn: '2026-01-01' }, '2026-03-10').timing).toBe('withdrawn');
  });
});

describe('what a receiving unit sees', () => {
  it('while active: identity (masked without read:victim_identity), identification status, needs, support plan and records, protection summary', () => {
    expect(visibleSectionsForReferral({ status: 'sent', canRevealIdentity: false })).toEqual({
      sections: ['identity', 'identification', 'needs', 'support_plan', 'support_records', 'protection_summary'],
      identityMasked: true,
    });
    expect(visibleSectionsForReferral({ status: 'accepted', canRevealIdentity: true }).identityMasked).toBe(false);
  });
  it('never statements, evidence, case links or protection details', () => {
    for (const section of NEVER_REFERRED_SECTIONS) expect(REFERRAL_SECTIONS).not.toContain(section);
    expect(NEVER_REFERRED_SECTIONS).toEqual(expect.arrayContaining(['statements', 'evidence', 'repatriation']));
  });
  it('nothing once the referral is over', () => {
    for (const status of ['declined', 'completed', 'cancelled'] as const) {
      expect(visibleSectionsForReferral({ status, canRevealIdentity: true })).toEqual({ sections: [], identityMasked: true });
    }
  });
});
