import {
  agencies,
  orgUnits,
  victimFacilities,
  victimFacilityStays,
  type victimConsents,
  victimFiles,
  type victimFollowUpVisits,
  victimPersons,
  victimReferrals,
  type victimSupportServices,
  type Executor,
} from '@atmis/db';
import {
  type Actor,
  type ConsentGiver,
  type ConsentPurpose,
  type consentViewSchema,
  deadlineDueDate,
  deadlineStatus,
  isConsentInForce,
  maskName,
  type ReferralStatus,
  referralTiming,
  type referralViewSchema,
  resolveDeadlineRules,
  type supportServiceViewSchema,
  type SupportStatus,
  type SupportType,
} from '@atmis/domain';
import { eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { FieldCipher } from '../../platform/crypto/field-cipher.ts';
import { AAD } from './victim-access.ts';
import { receiverAgencyIds } from './victims.repository.ts';

/**
 * The legal deadlines, with administrators' overrides once they can enter them (none are stored
 * yet: the defaults of the domain apply).
 */
export const DEADLINE_RULES = resolveDeadlineRules([]);
export function deadlineRule(code: string) {
  const rule = DEADLINE_RULES.find((candidate) => candidate.code === code);
  if (!rule) throw new Error(`missing deadline rule ${code}`);
  return rule;
}

export interface DeadlineView {
  code: string;
  label: string;
  dueOn: string;
  status: 'done' | 'overdue' | 'due_soon' | 'ok';
  legalReference: string | null;
}

/** Initial verification with the police: due 3 days after reception, done once verification started. */
export function initialVerificationDeadline(receivedOn: string, identificationStatus: string | null, today: string): DeadlineView {
  const rule = deadlineRule('initial_verification');
  const dueOn = deadlineDueDate(rule, receivedOn);
  return {
    code: rule.code,
    label: rule.label,
    dueOn,
    status: identificationStatus !== null && identificationStatus !== 'received' ? 'done' : deadlineStatus(dueOn, today),
    legalReference: rule.legalReference,
  };
}

export type ConsentView = z.infer<typeof consentViewSchema>;
export type ConsentRow = typeof victimConsents.$inferSelect;

export function presentConsent(row: ConsentRow, today: string): ConsentView {
  return {
    id: row.id,
    personId: row.personId,
    purpose: row.purpose as ConsentPurpose,
    givenBy: row.givenBy as ConsentGiver,
    givenOn: row.givenOn,
    note: row.note,
    withdrawnOn: row.withdrawnOn,
    withdrawalReason: row.withdrawalReason,
    inForce: isConsentInForce(
      { purpose: row.purpose as ConsentPurpose, givenBy: row.givenBy as ConsentGiver, givenOn: row.givenOn, withdrawnOn: row.withdrawnOn },
      today,
    ),
  };
}

export type SupportServiceView = z.infer<typeof supportServiceViewSchema>;
export type SupportServiceRow = typeof victimSupportServices.$inferSelect;

export function presentSupportService(cipher: FieldCipher, row: SupportServiceRow, today: string): SupportServiceView {
  const rule = deadlineRule('support_application');
  const decisionDueOn = row.appliedOn ? deadlineDueDate(rule, row.appliedOn) : null;
  return {
    id: row.id,
    personId: row.personId,
    type: row.type as SupportType,
    providerAgencyId: row.providerAgencyId,
    providerName: row.providerName,
    status: row.status as SupportStatus,
    appliedOn: row.appliedOn,
    startedOn: row.startedOn,
    endedOn: row.endedOn,
    amountVnd: row.amountVnd,
    rateId: row.rateId,
    referralId: row.referralId,
    notes: cipher.decryptNullable(row.notesEnc, AAD.supportNotes),
    decisionDueOn,
    isDecisionOverdue: row.status === 'planned' && decisionDueOn !== null && today > decisionDueOn,
  };
}

export type FollowUpRow = typeof victimFollowUpVisits.$inferSelect;
export function presentFollowUp(cipher: FieldCipher, row: FollowUpRow) {
  return {
    id: row.id,
    personId: row.personId,
    visitedOn: row.visitedOn,
    visitedBy: row.visitedBy,
    situation: row.situation,
    notes: cipher.decryptNullable(row.notesEnc, AAD.followUpNotes),
    nextVisitOn: row.nextVisitOn,
  };
}

// ── Referrals ─────────────────────────────────────────────────────────────────────────────────────
const sendingUnit = alias(orgUnits, 'sending_unit');
const sendingAgency = alias(agencies, 'sending_agency');
const receivingAgency = alias(agencies, 'receiving_agency');

export function selectReferrals(executor: Executor) {
  return executor
    .select({
      referral: victimReferrals,
      fileReference: victimFiles.reference,
      fileAgencyId: victimFiles.agencyId,
      fullNameEnc: victimPersons.fullNameEnc,
      sendingOrgUnitName: sendingUnit.fullName,
      sendingAgencyName: sendingAgency.name,
      receivingAgencyName: receivingAgency.name,
    })
    .from(victimReferrals)
    .innerJoin(victimFiles, eq(victimFiles.id, victimReferrals.fileId))
    .innerJoin(victimPersons, eq(victimPersons.id, victimReferrals.personId))
    .innerJoin(sendingUnit, eq(sendingUnit.id, victimReferrals.orgUnitId))
    .leftJoin(sendingAgency, eq(sendingAgency.id, victimReferrals.agencyId))
    .innerJoin(receivingAgency, eq(receivingAgency.id, victimReferrals.receivingAgencyId));
}
export type ReferralJoinedRow = Awaited<ReturnType<ReturnType<typeof selectReferrals>['where']>>[number];

/** The referral's parties as the actor is one: receiver (acts for the receiving agency), sender (manages the file). */
export function referralPartiesOf(actor: Actor, row: { receivingAgencyId: string }, canManageFile: boolean) {
  return {
    isReceiver: receiverAgencyIds(actor, ['manage:victims', 'manage:support']).includes(row.receivingAgencyId),
    isSender: canManageFile,
  };
}

export type ReferralView = z.infer<typeof referralViewSchema>;

export function presentReferral(
  cipher: FieldCipher,
  row: ReferralJoinedRow,
  today: string,
  parties: { isReceiver: boolean; isSender: boolean },
): ReferralView {
  const referral = row.referral;
  const status = referral.status as ReferralStatus;
  const { timing, answerDueOn } = referralTiming({ status, sentOn: referral.sentOn }, today);
  const allowed: ReferralView['allowedActions'] = [];
  if (parties.isReceiver && status === 'sent') allowed.push('accept', 'decline');
  if (parties.isReceiver && status === 'accepted') allowed.push('complete');
  if (parties.isSender && (status === 'sent' || status === 'accepted')) allowed.push('cancel');
  return {
    id: referral.id,
    fileId: referral.fileId,
    fileReference: row.fileReference,
    personId: referral.personId,
    personMaskedName: maskName(cipher.decrypt(row.fullNameEnc, AAD.fullName)),
    sendingOrgUnitId: referral.orgUnitId,
    sendingOrgUnitName: row.sendingOrgUnitName,
    sendingAgencyId: referral.agencyId,
    sendingAgencyName: row.sendingAgencyName,
    receivingAgencyId: referral.receivingAgencyId,
    receivingAgencyName: row.receivingAgencyName,
    status,
    reason: referral.reason,
    services: referral.services as SupportType[],
    basis: referral.basis as 'consent' | 'legal_basis',
    legalBasis: referral.legalBasis,
    sentOn: referral.sentOn,
    answerDueOn: referral.answerDueOn ?? answerDueOn,
    answeredOn: referral.answeredOn,
    closedOn: referral.closedOn,
    declineReason: referral.declineReason,
    cancelReason: referral.cancelReason,
    timing,
    isOverdue: timing === 'overdue',
    allowedActions: allowed,
  };
}

/** SQL: a referral still waiting for an answer after its due date. */
export const REFERRAL_OVERDUE = (today: string) =>
  sql`(${victimReferrals.status} = 'sent' and ${victimReferrals.answerDueOn} < ${today}::date)`;

// ── Facility stays ────────────────────────────────────────────────────────────────────────────────
export function selectStays(executor: Executor) {
  return executor
    .select({ stay: victimFacilityStays, facilityName: victimFacilities.name })
    .from(victimFacilityStays)
    .innerJoin(victimFacilities, eq(victimFacilities.id, victimFacilityStays.facilityId));
}
export type StayJoinedRow = Awaited<ReturnType<ReturnType<typeof selectStays>['where']>>[number];

export function presentStay(cipher: FieldCipher, row: StayJoinedRow) {
  return {
    id: row.stay.id,
    personId: row.stay.personId,
    facilityId: row.stay.facilityId,
    facilityName: row.facilityName,
    admittedOn: row.stay.admittedOn,
    dischargedOn: row.stay.dischargedOn,
    notes: cipher.decryptNullable(row.stay.notesEnc, AAD.stayNotes),
  };
}
