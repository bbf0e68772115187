import {
  victimConsents,
  victimExploitation,
  victimFacilityStays,
  victimFollowUpVisits,
  victimIdentificationEvents,
  victimProtectionAssessments,
  victimReferrals,
  victimStatements,
  victimSupportServices,
  victimThreats,
} from '@atmis/db';
import {
  type Actor,
  type ConfidentialityFlag,
  type ControlMeans,
  type EvidenceSource,
  type ExploitationForm,
  type FileClosureReason,
  type IdentificationStatus,
  type IdentificationTransition,
  type ProtectionMeasure,
  type ReceptionWay,
  type RecruiterRelationship,
  type RecruitmentMethod,
  type SupportType,
  type VictimFileDetail,
} from '@atmis/domain';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { recordAudit, type AuditContext } from '../../platform/audit/audit-log.ts';
import { toIso } from '../../platform/http/pagination.ts';
import { AAD, isPersonVisible, loadFileAccess, presentMaskedPerson, todayOf, type VictimDeps } from './victim-access.ts';
import { fileRecordSections } from './victim-record-views.ts';
import {
  initialVerificationDeadline,
  loadDeadlineContext,
  presentConsent,
  presentFollowUp,
  presentReferral,
  presentStay,
  presentSupportService,
  referralPartiesOf,
  selectReferrals,
  selectStays,
  supportDecisionDeadlines,
  type DeadlineView,
} from './victim-views.ts';
import { agencyNames, orgUnitNames, receiverAgencyIds } from './victims.repository.ts';

/**
 * The detail of a victim file as one reader may see it: the sections of their relation to the file
 * (`visibleFileSections`), the persons they may see (everyone, or the referred persons through a
 * referral), identity always masked, deadlines under the rules in force. Every opening is recorded
 * (`victim.file_viewed`: who, which file, how they reach it) — the file holds protection details,
 * threats and notes that may identify, and a victim's file is need-to-know.
 */
export function createFileDetailReader({ db, clock, cipher }: VictimDeps) {
  const today = () => todayOf(clock);

  async function get(actor: Actor, id: string, context: AuditContext): Promise<VictimFileDetail> {
    const day = today();
    const access = await loadFileAccess(db, actor, id);
    const { file, relations, sections } = access;
    const has = (section: (typeof sections)[number]) => sections.includes(section);
    const visible = access.persons.filter((person) => isPersonVisible(access, person.id));
    const visibleIds = visible.map((person) => person.id);
    const unitNames = await orgUnitNames(
      db,
      visible.map((person) => person.homeOrgUnitId),
    );
    const persons = has('identity') ? visible.map((person) => presentMaskedPerson(cipher, person, day, unitNames)) : [];

    const events = has('identification')
      ? await db
          .select()
          .from(victimIdentificationEvents)
          .where(and(eq(victimIdentificationEvents.fileId, id), inArray(victimIdentificationEvents.personId, visibleIds)))
          .orderBy(asc(victimIdentificationEvents.createdAt), asc(victimIdentificationEvents.id))
      : null;
    const consents = has('consents')
      ? await db
          .select()
          .from(victimConsents)
          .where(eq(victimConsents.fileId, id))
          .orderBy(asc(victimConsents.givenOn), asc(victimConsents.id))
      : null;
    const direct = relations.canView || relations.canViewSupport;
    const referralRows = await selectReferrals(db)
      .where(
        direct
          ? eq(victimReferrals.fileId, id)
          : and(eq(victimReferrals.fileId, id), inArray(victimReferrals.receivingAgencyId, receiverAgencyIds(actor))),
      )
      .orderBy(desc(victimReferrals.sentOn), desc(victimReferrals.id));
    const showPlan = has('support_plan');
    const showRecords = has('support_records');
    const services =
      showPlan || showRecords
        ? (
            await db
              .select()
              .from(victimSupportServices)
              .where(and(eq(victimSupportServices.fileId, id), inArray(victimSupportServices.personId, visibleIds)))
              .orderBy(asc(victimSupportServices.createdAt), asc(victimSupportServices.id))
          ).filter((row) => (row.status === 'planned' ? showPlan : showRecords))
        : null;
    // Through a referral, only the visits to the referred persons (a visit to the household, without a person, is not theirs).
    const followUps = showRecords
      ? await db
          .select()
          .from(victimFollowUpVisits)
          .where(
            access.access === 'file'
              ? eq(victimFollowUpVisits.fileId, id)
              : and(eq(victimFollowUpVisits.fileId, id), inArray(victimFollowUpVisits.personId, visibleIds)),
          )
          .orderBy(asc(victimFollowUpVisits.visitedOn), asc(victimFollowUpVisits.id))
      : null;
    const stays = showRecords
      ? await selectStays(db)
          .where(and(eq(victimFacilityStays.fileId, id), inArray(victimFacilityStays.personId, visibleIds)))
          .orderBy(asc(victimFacilityStays.admittedOn), asc(victimFacilityStays.id))
      : null;
    const exploitation = relations.canView
      ? await db.select().from(victimExploitation).where(eq(victimExploitation.fileId, id)).orderBy(asc(victimExploitation.createdAt))
      : null;
    const statements = has('statements')
      ? await db
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
          .where(eq(victimStatements.fileId, id))
          .orderBy(asc(victimStatements.takenOn), asc(victimStatements.id))
      : null;
    const assessments =
      has('protection_summary') || has('protection_details')
        ? await db
            .select()
            .from(victimProtectionAssessments)
            .where(eq(victimProtectionAssessments.fileId, id))
            .orderBy(asc(victimProtectionAssessments.assessedOn), asc(victimProtectionAssessments.createdAt))
        : [];
    const threats = has('protection_details')
      ? await db
          .select()
          .from(victimThreats)
          .where(eq(victimThreats.fileId, id))
          .orderBy(asc(victimThreats.reportedOn), asc(victimThreats.id))
      : [];
    const summaryOf = (row: (typeof assessments)[number]) => ({
      assessedOn: row.assessedOn,
      riskLevel: row.riskLevel as 'low' | 'medium' | 'high',
      measures: row.measures as ProtectionMeasure[],
      summary: row.summary,
    });
    const latest = assessments.at(-1);

    const deadlineContext = await loadDeadlineContext(db);
    const deadlines: DeadlineView[] = [];
    const primary = access.persons[0];
    if (relations.canView && primary) {
      deadlines.push(initialVerificationDeadline(deadlineContext, file.receivedOn, primary.identificationStatus, day));
    }
    const providers = await agencyNames(db, services?.map((row) => row.providerAgencyId) ?? []);
    const serviceViews = services?.map((row) => presentSupportService(cipher, row, day, deadlineContext, providers)) ?? null;
    deadlines.push(...supportDecisionDeadlines(deadlineContext, serviceViews ?? [], day));
    const records = await fileRecordSections(db, cipher, access);
    const parties = (row: (typeof referralRows)[number]) =>
      referralPartiesOf(actor, row.referral, relations.canManage || relations.canManageSupport);
    await db.transaction((tx) =>
      recordAudit(
        tx,
        context,
        {
          action: 'victim.file_viewed',
          entityType: 'victim_file',
          entityId: file.id,
          orgUnitId: file.orgUnitId,
          details: { reference: file.reference, via: access.access, sections },
        },
        clock(),
      ),
    );

    return {
      id: file.id,
      reference: file.reference,
      orgUnitId: file.orgUnitId,
      orgUnitName: file.orgUnitName,
      agencyId: file.agencyId,
      agencyName: file.agencyName,
      status: file.status,
      closure:
        relations.canView && file.closedOn && file.closureReason
          ? {
              closedOn: file.closedOn,
              reason: file.closureReason as FileClosureReason,
              note: cipher.decryptNullable(file.closureNoteEnc, AAD.closureNote),
            }
          : null,
      confidentialityFlags: file.confidentialityFlags as ConfidentialityFlag[],
      version: file.version,
      access: access.access,
      sections,
      identityMasked: true,
      canRevealIdentity: relations.canRevealIdentity || (relations.isReferralReceiver && relations.referralCanRevealIdentity),
      canManage: relations.canManage,
      canManageSupport: relations.canManageSupport,
      reception: relations.canView
        ? {
            receivedOn: file.receivedOn,
            receivedByAgencyId: file.receivedByAgencyId,
            receivedByName: file.receivedByName,
            receivingOfficer: file.receivingOfficer,
            place: file.receptionPlace,
            way: file.receptionWay as ReceptionWay,
            fromCountry: file.fromCountry,
            borderGate: file.borderGate,
            initialSupport: cipher.decryptNullable(file.initialSupportEnc, AAD.initialSupport),
          }
        : null,
      needs: has('needs') ? (file.needs as SupportType[]) : null,
      persons,
      identificationHistory:
        events?.map((event) => ({
          id: event.id,
          personId: event.personId,
          transition: event.transition as IdentificationTransition,
          fromStatus: event.fromStatus as IdentificationStatus,
          toStatus: event.toStatus as IdentificationStatus,
          onDate: event.onDate,
          outcome: (event.outcome as 'victim' | 'not_victim' | null) ?? null,
          decidingAgency: event.decidingAgency,
          decisionNumber: event.decisionNumber,
          decisionDate: event.decisionDate,
          legalBasis: event.legalBasis,
          evidenceSources: event.evidenceSources as EvidenceSource[],
          indicators: event.indicators,
          reason: event.reason,
          revisedEventId: event.revisedEventId,
          createdAt: toIso(event.createdAt) as string,
        })) ?? null,
      deadlines,
      consents: consents?.map((row) => presentConsent(row, day)) ?? null,
      referrals: referralRows.map((row) => presentReferral(cipher, row, day, parties(row))),
      supportServices: serviceViews,
      followUps: followUps?.map((row) => presentFollowUp(cipher, row)) ?? null,
      stays: stays?.map((row) => presentStay(cipher, row)) ?? null,
      exploitation:
        exploitation?.map((row) => ({
          personId: row.personId,
          forms: row.forms as ExploitationForm[],
          controlMeans: row.controlMeans as ControlMeans[],
          recruitmentMethod: (row.recruitmentMethod as RecruitmentMethod | null) ?? null,
          recruiterRelationship: (row.recruiterRelationship as RecruiterRelationship | null) ?? null,
          destinationCountry: row.destinationCountry,
          places: row.places,
          recruitedOn: row.recruitedOn,
          exploitedFrom: row.exploitedFrom,
          exploitedTo: row.exploitedTo,
        })) ?? null,
      statements: statements?.map((row) => ({ ...row, kind: row.kind as 'statement' | 'record' })) ?? null,
      protection: has('protection_summary') && latest ? summaryOf(latest) : null,
      protectionDetails: has('protection_details')
        ? {
            assessments: assessments.map((row) => ({
              id: row.id,
              ...summaryOf(row),
              details: cipher.decryptNullable(row.detailsEnc, AAD.protectionDetails),
            })),
            threats: threats.map((row) => ({
              id: row.id,
              reportedOn: row.reportedOn,
              description: cipher.decrypt(row.descriptionEnc, AAD.threat),
            })),
          }
        : null,
      ...records,
      createdAt: toIso(file.createdAt) as string,
      updatedAt: toIso(file.updatedAt) as string,
    };
  }

  return get;
}
