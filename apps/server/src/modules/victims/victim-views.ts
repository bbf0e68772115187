import type { Executor, victimConsents, victimFollowUpVisits, victimSupportRates, victimSupportServices } from '@atmis/db';
import {
  type Actor,
  type ConsentGiver,
  type ConsentPurpose,
  type consentViewSchema,
  deadlineDueDate,
  type DeadlineKind,
  type DeadlineRule,
  deadlineStatus,
  DEFAULT_DEADLINE_RULES,
  isConsentInForce,
  maskName,
  type ReferralParty,
  type ReferralStatus,
  type referralViewSchema,
  referralWorkflow,
  resolveDeadlineRules,
  SUPPORT_TYPE_LABELS,
  type supportServiceViewSchema,
  type SupportStatus,
  type SupportType,
} from '@atmis/domain';
import type { z } from 'zod';
import type { FieldCipher } from '../../platform/crypto/field-cipher.ts';
import { AAD } from './victim-access.ts';
import type { ReferralJoinedRow, StayJoinedRow } from './victim-files.repository.ts';
import { deadlineSettingsRows, receiverAgencyIds } from './victims.repository.ts';

/** The deadline rules in force (the domain defaults with administrators' overrides) and the extra holidays. */
export interface DeadlineContext {
  rules: DeadlineRule[];
  /** ISO dates of the non-working days beyond the fixed public holidays. */
  holidays: string[];
}

type DeadlineSettingsRows = Awaited<ReturnType<typeof deadlineSettingsRows>>;

/** An override row as a rule: the default's labels and start event, the administrator's days, kind, reference and note. */
export function overriddenRules(overrides: DeadlineSettingsRows['overrides']): DeadlineRule[] {
  return overrides.flatMap((row) => {
    const base = DEFAULT_DEADLINE_RULES.find((rule) => rule.code === row.code);
    if (!base) return [];
    return [{ ...base, days: row.days, kind: row.kind as DeadlineKind, legalReference: row.legalReference, note: row.note }];
  });
}

export function deadlineContextOf(rows: DeadlineSettingsRows): DeadlineContext {
  return { rules: resolveDeadlineRules(overriddenRules(rows.overrides)), holidays: rows.holidays.map((row) => row.date) };
}

/** Every deadline the server computes reads the rules through here (never the defaults alone). */
export async function loadDeadlineContext(executor: Executor): Promise<DeadlineContext> {
  return deadlineContextOf(await deadlineSettingsRows(executor));
}

export function deadlineRule(context: DeadlineContext, code: string): DeadlineRule {
  const rule = context.rules.find((candidate) => candidate.code === code);
  if (!rule) throw new Error(`missing deadline rule ${code}`);
  return rule;
}

/** The due date under rule `code` of an event on `fromDate`, with the extra holidays. */
export function dueDateOf(context: DeadlineContext, code: string, fromDate: string): string {
  return deadlineDueDate(deadlineRule(context, code), fromDate, context.holidays);
}

export interface DeadlineView {
  code: string;
  label: string;
  dueOn: string;
  status: 'done' | 'overdue' | 'due_soon' | 'ok';
  legalReference: string | null;
}

/** Initial verification with the police: due 3 days after reception (by default), done once verification started. */
export function initialVerificationDeadline(
  context: DeadlineContext,
  receivedOn: string,
  identificationStatus: string | null,
  today: string,
): DeadlineView {
  const rule = deadlineRule(context, 'initial_verification');
  const dueOn = deadlineDueDate(rule, receivedOn, context.holidays);
  return {
    code: rule.code,
    label: rule.label,
    dueOn,
    status: identificationStatus !== null && identificationStatus !== 'received' ? 'done' : deadlineStatus(dueOn, today),
    legalReference: rule.legalReference,
  };
}

/** The decision on each support application still planned, as deadlines of the file. */
export function supportDecisionDeadlines(context: DeadlineContext, services: readonly SupportServiceView[], today: string): DeadlineView[] {
  const rule = deadlineRule(context, 'support_application');
  return services
    .filter((service) => service.status === 'planned' && service.decisionDueOn)
    .map((service) => ({
      code: rule.code,
      label: `${rule.label} (${SUPPORT_TYPE_LABELS[service.type].vi.toLowerCase()})`,
      dueOn: service.decisionDueOn!,
      status: service.isDecisionOverdue ? 'overdue' : deadlineStatus(service.decisionDueOn!, today),
      legalReference: rule.legalReference,
    }));
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

/**
 * A support record as every view shows it; `agencyNames` names the providing agency (load them with
 * `agencyNamesById()` of the agencies module for the rows shown).
 */
export function presentSupportService(
  cipher: FieldCipher,
  row: SupportServiceRow,
  today: string,
  context: DeadlineContext,
  agencyNames: ReadonlyMap<string, string>,
): SupportServiceView {
  const decisionDueOn = row.appliedOn ? dueDateOf(context, 'support_application', row.appliedOn) : null;
  return {
    id: row.id,
    personId: row.personId,
    type: row.type as SupportType,
    providerAgencyId: row.providerAgencyId,
    providerAgencyName: row.providerAgencyId ? (agencyNames.get(row.providerAgencyId) ?? null) : null,
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

export type SupportRateRow = typeof victimSupportRates.$inferSelect;

/** A support rate with the name of the unit whose decision sets it. */
export function presentRate(row: SupportRateRow, unitNames: ReadonlyMap<string, string>) {
  return {
    id: row.id,
    orgUnitId: row.orgUnitId,
    orgUnitName: unitNames.get(row.orgUnitId) ?? row.orgUnitId,
    type: row.type as SupportType,
    amountVnd: row.amountVnd,
    per: row.per as 'person' | 'day' | 'month',
    validFrom: row.validFrom,
    validTo: row.validTo,
    legalBasis: row.legalBasis,
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
  // The answer is due on the date fixed when the referral was sent (under the rules then in force).
  const answerDueOn = referral.answerDueOn;
  const timing: ReferralView['timing'] =
    status === 'cancelled' ? 'withdrawn' : status !== 'sent' ? 'answered' : today > answerDueOn ? 'overdue' : 'awaiting_answer';
  const actingAs = new Set<ReferralParty>();
  if (parties.isReceiver) actingAs.add('receiver');
  if (parties.isSender) actingAs.add('sender');
  const allowed: ReferralView['allowedActions'] = referralWorkflow.allowedActions(status, { parties: actingAs });
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
    answerDueOn,
    answeredOn: referral.answeredOn,
    closedOn: referral.closedOn,
    declineReason: referral.declineReason,
    cancelReason: referral.cancelReason,
    timing,
    isOverdue: timing === 'overdue',
    allowedActions: allowed,
  };
}

// ── Facility stays ────────────────────────────────────────────────────────────────────────────────

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
