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
  supportDecisionDeadlines,
  type DeadlineView,
} from './victim-views.ts';
import {
  fileConsents,
  fileExploitation,
  fileFollowUps,
  fileIdentificationEvents,
  fileProtectionAssessments,
  fileReferrals,
  fileStatementHeaders,
  fileStays,
  fileSupportServices,
  fileThreats,
} from './victim-files.repository.ts';
import { agencyNamesById } from '../agencies/index.ts';
import { orgUnitNamesById } from '../org-units/index.ts';
import { receiverAgencyIds } from './victims.repository.ts';

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
    const unitNames = await orgUnitNamesById(
      db,
      visible.map((person) => person.homeOrgUnitId),
    );
    const persons = has('identity') ? visible.map((person) => presentMaskedPerson(cipher, person, day, unitNames)) : [];

    const events = has('identification') ? await fileIdentificationEvents(db, id, visibleIds) : null;
    const consents = has('consents') ? await fileConsents(db, id) : null;
    const direct = relations.canView || relations.canViewSupport;
    const referralRows = await fileReferrals(db, id, direct ? null : receiverAgencyIds(actor));
    const showPlan = has('support_plan');
    const showRecords = has('support_records');
    const services =
      showPlan || showRecords
        ? (await fileSupportServices(db, id, visibleIds)).filter((row) => (row.status === 'planned' ? showPlan : showRecords))
        : null;
    // Through a referral, only the visits to the referred persons (a visit to the household, without a person, is not theirs).
    const followUps = showRecords ? await fileFollowUps(db, id, access.access === 'file' ? null : visibleIds) : null;
    const stays = showRecords ? await fileStays(db, id, visibleIds) : null;
    const exploitation = relations.canView ? await fileExploitation(db, id) : null;
    const statements = has('statements') ? await fileStatementHeaders(db, id) : null;
    const assessments = has('protection_summary') || has('protection_details') ? await fileProtectionAssessments(db, id) : [];
    const threats = has('protection_details') ? await fileThreats(db, id) : [];
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
    const providers = await agencyNamesById(db, services?.map((row) => row.providerAgencyId) ?? []);
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
