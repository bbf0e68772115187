import {
  agencies,
  orgUnits,
  victimConsents,
  victimExploitation,
  victimFacilities,
  victimFacilityStays,
  victimFiles,
  victimFollowUpVisits,
  victimIdentificationEvents,
  victimPersons,
  victimProtectionAssessments,
  victimReferrals,
  victimStatements,
  victimSupportServices,
  victimThreats,
  users,
  victimAttachments,
  victimRecordVersions,
  victimRepatriations,
  type Executor,
} from '@atmis/db';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';

// ── Referrals ─────────────────────────────────────────────────────────────────────────────────────
const sendingUnit = alias(orgUnits, 'sending_unit');
const sendingAgency = alias(agencies, 'sending_agency');
const receivingAgency = alias(agencies, 'receiving_agency');

/** Referrals with the file's reference and agency, the person's (encrypted) name and the names of both parties; add `.where`. */
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

/** SQL: a referral still waiting for an answer after its due date. */
export const REFERRAL_OVERDUE = (today: string) =>
  sql`(${victimReferrals.status} = 'sent' and ${victimReferrals.answerDueOn} < ${today}::date)`;

/**
 * The referrals of a file, newest first: all of them, or (`receiverAgencyIds` given) only those to
 * these receiving agencies — what a reader through a referral sees.
 */
export async function fileReferrals(
  executor: Executor,
  fileId: string,
  receiverAgencyIds: readonly string[] | null,
): Promise<ReferralJoinedRow[]> {
  return selectReferrals(executor)
    .where(
      receiverAgencyIds === null
        ? eq(victimReferrals.fileId, fileId)
        : and(eq(victimReferrals.fileId, fileId), inArray(victimReferrals.receivingAgencyId, [...receiverAgencyIds])),
    )
    .orderBy(desc(victimReferrals.sentOn), desc(victimReferrals.id));
}

// ── Facility stays ────────────────────────────────────────────────────────────────────────────────
/** Facility stays with the facility's name; add `.where`. */
export function selectStays(executor: Executor) {
  return executor
    .select({ stay: victimFacilityStays, facilityName: victimFacilities.name })
    .from(victimFacilityStays)
    .innerJoin(victimFacilities, eq(victimFacilities.id, victimFacilityStays.facilityId));
}
export type StayJoinedRow = Awaited<ReturnType<ReturnType<typeof selectStays>['where']>>[number];

/** The facility stays of these persons of a file, in order of admission. */
export async function fileStays(executor: Executor, fileId: string, personIds: readonly string[]): Promise<StayJoinedRow[]> {
  return selectStays(executor)
    .where(and(eq(victimFacilityStays.fileId, fileId), inArray(victimFacilityStays.personId, [...personIds])))
    .orderBy(asc(victimFacilityStays.admittedOn), asc(victimFacilityStays.id));
}

// ── Sections of the file detail ───────────────────────────────────────────────────────────────────
/** The identification events of these persons of a file, oldest first. */
export async function fileIdentificationEvents(executor: Executor, fileId: string, personIds: readonly string[]) {
  return executor
    .select()
    .from(victimIdentificationEvents)
    .where(and(eq(victimIdentificationEvents.fileId, fileId), inArray(victimIdentificationEvents.personId, [...personIds])))
    .orderBy(asc(victimIdentificationEvents.createdAt), asc(victimIdentificationEvents.id));
}

/** The consents of a file, by the day they were given. */
export async function fileConsents(executor: Executor, fileId: string) {
  return executor
    .select()
    .from(victimConsents)
    .where(eq(victimConsents.fileId, fileId))
    .orderBy(asc(victimConsents.givenOn), asc(victimConsents.id));
}

/** The support services (planned and given) of these persons of a file, oldest first. */
export async function fileSupportServices(executor: Executor, fileId: string, personIds: readonly string[]) {
  return executor
    .select()
    .from(victimSupportServices)
    .where(and(eq(victimSupportServices.fileId, fileId), inArray(victimSupportServices.personId, [...personIds])))
    .orderBy(asc(victimSupportServices.createdAt), asc(victimSupportServices.id));
}

/**
 * The follow-up visits of a file by visit date: all of them, or (`personIds` given) only the visits
 * to these persons — a visit to the household, without a person, is then left out.
 */
export async function fileFollowUps(executor: Executor, fileId: string, personIds: readonly string[] | null) {
  return executor
    .select()
    .from(victimFollowUpVisits)
    .where(
      personIds === null
        ? eq(victimFollowUpVisits.fileId, fileId)
        : and(eq(victimFollowUpVisits.fileId, fileId), inArray(victimFollowUpVisits.personId, [...personIds])),
    )
    .orderBy(asc(victimFollowUpVisits.visitedOn), asc(victimFollowUpVisits.id));
}

/** The exploitation records of a file, oldest first. */
export async function fileExploitation(executor: Executor, fileId: string) {
  return executor.select().from(victimExploitation).where(eq(victimExploitation.fileId, fileId)).orderBy(asc(victimExploitation.createdAt));
}

/** The statements of a file without their content: who, when, how it was taken. */
export async function fileStatementHeaders(executor: Executor, fileId: string) {
  return executor
    .select({
      id: victimStatements.id,
      personId: victimStatements.personId,
      kind: victimStatements.kind,
      takenOn: victimStatements.takenOn,
      takenBy: victimStatements.takenBy,
      language: victimStatements.language,
      interpreter: victimStatements.interpreter,
    })
    .from(victimStatements)
    .where(eq(victimStatements.fileId, fileId))
    .orderBy(asc(victimStatements.takenOn), asc(victimStatements.id));
}

/** The protection assessments of a file, oldest first (the last is the one in force). */
export async function fileProtectionAssessments(executor: Executor, fileId: string) {
  return executor
    .select()
    .from(victimProtectionAssessments)
    .where(eq(victimProtectionAssessments.fileId, fileId))
    .orderBy(asc(victimProtectionAssessments.assessedOn), asc(victimProtectionAssessments.createdAt));
}

/** The threats reported in a file, by the day they were reported. */
export async function fileThreats(executor: Executor, fileId: string) {
  return executor
    .select()
    .from(victimThreats)
    .where(eq(victimThreats.fileId, fileId))
    .orderBy(asc(victimThreats.reportedOn), asc(victimThreats.id));
}

// ── Records that complete a file: repatriation, documents, corrections ─────────────────────────────
/** The repatriation records of a file, oldest first. */
export async function fileRepatriations(executor: Executor, fileId: string) {
  return executor
    .select()
    .from(victimRepatriations)
    .where(eq(victimRepatriations.fileId, fileId))
    .orderBy(asc(victimRepatriations.createdAt), asc(victimRepatriations.id));
}

/** Attachment metadata without the content (the content is read one document at a time, audited); add `.where`. */
export function selectAttachmentMeta(executor: Executor) {
  return executor
    .select({
      id: victimAttachments.id,
      fileId: victimAttachments.fileId,
      personId: victimAttachments.personId,
      kind: victimAttachments.kind,
      fileNameEnc: victimAttachments.fileNameEnc,
      descriptionEnc: victimAttachments.descriptionEnc,
      mediaType: victimAttachments.mediaType,
      size: victimAttachments.size,
      sha256: victimAttachments.sha256,
      uploadedByName: users.fullName,
      createdAt: victimAttachments.createdAt,
    })
    .from(victimAttachments)
    .leftJoin(users, eq(users.id, victimAttachments.uploadedBy));
}
export type AttachmentMetaRow = Awaited<ReturnType<ReturnType<typeof selectAttachmentMeta>['where']>>[number];

/** The metadata of every document of a file, oldest first (who may see which is the caller's rule). */
export async function fileAttachmentMeta(executor: Executor, fileId: string): Promise<AttachmentMetaRow[]> {
  return selectAttachmentMeta(executor)
    .where(eq(victimAttachments.fileId, fileId))
    .orderBy(asc(victimAttachments.createdAt), asc(victimAttachments.id));
}

/** The corrections of a file's records with the name of who made them, newest first. */
export async function fileCorrections(executor: Executor, fileId: string) {
  return executor
    .select({
      id: victimRecordVersions.id,
      entityType: victimRecordVersions.entityType,
      entityId: victimRecordVersions.entityId,
      changedFields: victimRecordVersions.changedFields,
      reason: victimRecordVersions.reason,
      changedAt: victimRecordVersions.changedAt,
      changedByName: users.fullName,
    })
    .from(victimRecordVersions)
    .leftJoin(users, eq(users.id, victimRecordVersions.changedBy))
    .where(eq(victimRecordVersions.fileId, fileId))
    .orderBy(desc(victimRecordVersions.changedAt), desc(victimRecordVersions.id));
}
