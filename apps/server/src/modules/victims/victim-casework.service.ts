import {
  type Actor,
  applyIdentificationTransition,
  type consentBodySchema,
  type EvidenceSource,
  type exploitationBodySchema,
  type followUpBodySchema,
  IDENTIFICATION_STATUS_LABELS,
  IDENTIFICATION_TRANSITION_LABELS,
  type identificationBodySchema,
  type IdentificationDecision,
  type IdentificationState,
  type IdentificationStatus,
  type protectionAssessmentBodySchema,
  type statementBodySchema,
  type threatBodySchema,
  type withdrawConsentBodySchema,
  formatVietnamDate,
} from '@atmis/domain';
import type { z } from 'zod';
import type { AuditContext } from '../../platform/audit/audit-log.ts';
import { AppError, forbidden, notFound } from '../../platform/errors/app-error.ts';
import {
  AAD,
  accessColumnsOf,
  createFileDateChecker,
  createFileWriter,
  invalid,
  loadFileAccess,
  personOf,
  requireManage,
  requireOpen,
  todayOf,
  type VictimDeps,
} from './victim-access.ts';
import {
  consentById,
  fileIdOfPerson,
  identificationEventById,
  insertConsent,
  insertFollowUpVisit,
  insertIdentificationEvent,
  insertProtectionAssessment,
  insertStatement,
  insertThreat,
  updatePersonIdentificationInStatus,
  upsertExploitation,
  withdrawConsentIfActive,
} from './victim-casework.repository.ts';
import { presentConsent } from './victim-views.ts';
import { unknownOrgUnits } from './victims.repository.ts';

type Body<T extends z.ZodType> = z.infer<T>;

export function createVictimCaseworkService({ db, clock, cipher }: VictimDeps) {
  const today = () => todayOf(clock);

  const write = createFileWriter({ db, clock });
  const checkDates = createFileDateChecker(clock);

  // ── Identification ────────────────────────────────────────────────────────────────────────────
  async function identify(actor: Actor, personId: string, body: Body<typeof identificationBodySchema>, context: AuditContext) {
    const fileId = await fileIdOfPerson(db, personId);
    if (!fileId) throw notFound();
    const access = await loadFileAccess(db, actor, fileId);
    requireManage(access, 'victims');
    const person = personOf(access, personId);
    requireOpen(access);
    if (!person.identificationStatus) {
      throw new AppError('validation.failed', {}, [
        { path: 'personId', message: 'Người này không thuộc diện xác định nạn nhân (trẻ em đi cùng, người thân).' },
      ]);
    }
    const status = person.identificationStatus as IdentificationStatus;
    let decision: IdentificationDecision | null = null;
    if (person.currentDecisionId) {
      const event = await identificationEventById(db, person.currentDecisionId);
      if (event) {
        decision = {
          outcome: event.outcome as 'victim' | 'not_victim',
          decidingAgency: event.decidingAgency ?? '',
          decisionNumber: event.decisionNumber ?? '',
          decisionDate: event.decisionDate ?? '',
          legalBasis: event.legalBasis ?? '',
          evidenceSources: event.evidenceSources as EvidenceSource[],
        };
      }
    }
    const state: IdentificationState = { status, receivedOn: access.file.receivedOn, decision, lastDecisionDate: person.lastDecisionDate };
    const result = applyIdentificationTransition(state, body.transition, body, today());
    if (!result.ok) {
      if (result.code === 'transition_not_allowed') {
        throw new AppError('victim.identification_not_allowed', {
          action: IDENTIFICATION_TRANSITION_LABELS[body.transition].vi,
          status: IDENTIFICATION_STATUS_LABELS[status].vi,
        });
      }
      throw invalid(result.fieldErrors);
    }
    const { entry } = result;
    await write(
      access,
      context,
      {
        action: 'victim.identification_transition',
        details: {
          personId,
          transition: entry.transition,
          from: entry.from,
          to: entry.to,
          decisionNumber: entry.decision?.decisionNumber ?? null,
        },
      },
      async (tx) => {
        const eventId = await insertIdentificationEvent(tx, {
          fileId: access.file.id,
          personId,
          ...accessColumnsOf(access.file),
          transition: entry.transition,
          fromStatus: entry.from,
          toStatus: entry.to,
          onDate: entry.on,
          outcome: entry.decision?.outcome ?? null,
          decidingAgency: entry.decision?.decidingAgency ?? null,
          decisionNumber: entry.decision?.decisionNumber ?? null,
          decisionDate: entry.decision?.decisionDate ?? null,
          legalBasis: entry.decision?.legalBasis ?? null,
          evidenceSources: entry.decision?.evidenceSources ?? [],
          indicators: body.indicators ?? [],
          reason: entry.reason,
          revisedEventId: entry.transition === 'revise' ? person.currentDecisionId : null,
          createdBy: actor.userId,
          createdAt: clock(),
        });
        const changed = await updatePersonIdentificationInStatus(tx, personId, status, {
          identificationStatus: result.state.status,
          role: result.role,
          lastDecisionDate: result.state.lastDecisionDate,
          currentDecisionId: entry.decision ? eventId : null,
          updatedAt: clock(),
        });
        if (!changed) throw new AppError('resource.version_conflict');
      },
    );
    return { id: personId };
  }

  // ── Consents ──────────────────────────────────────────────────────────────────────────────────
  async function addConsent(actor: Actor, fileId: string, body: Body<typeof consentBodySchema>, context: AuditContext) {
    const access = await loadFileAccess(db, actor, fileId);
    requireManage(access, 'either');
    personOf(access, body.personId);
    requireOpen(access);
    const errors = checkDates(access, { givenOn: body.givenOn }, false);
    if (Object.keys(errors).length) throw invalid(errors);
    const id = await write(
      access,
      context,
      {
        action: 'victim.consent_given',
        details: { personId: body.personId, purpose: body.purpose, givenBy: body.givenBy, givenOn: body.givenOn },
      },
      async (tx) =>
        insertConsent(tx, {
          fileId,
          personId: body.personId,
          ...accessColumnsOf(access.file),
          purpose: body.purpose,
          givenBy: body.givenBy,
          givenOn: body.givenOn,
          note: body.note ?? null,
          recordedBy: actor.userId,
          createdAt: clock(),
          updatedAt: clock(),
        }),
    );
    return presentConsent(id, today());
  }

  async function withdrawConsent(actor: Actor, consentId: string, body: Body<typeof withdrawConsentBodySchema>, context: AuditContext) {
    const consent = await consentById(db, consentId);
    if (!consent) throw notFound();
    const access = await loadFileAccess(db, actor, consent.fileId);
    if (!access.sections.includes('consents')) throw notFound();
    requireManage(access, 'either');
    if (consent.withdrawnOn) throw new AppError('victim.consent_already_withdrawn', { date: formatVietnamDate(consent.withdrawnOn) });
    const withdrawnOn = body.withdrawnOn ?? today();
    const errors = checkDates(access, { withdrawnOn }, false);
    if (withdrawnOn < consent.givenOn) errors.withdrawnOn = 'Ngày rút lại không được trước ngày đồng ý.';
    if (Object.keys(errors).length) throw invalid(errors);
    const row = await write(
      access,
      context,
      { action: 'victim.consent_withdrawn', details: { consentId, personId: consent.personId, purpose: consent.purpose, withdrawnOn } },
      async (tx) => {
        const updated = await withdrawConsentIfActive(tx, consentId, { withdrawnOn, withdrawalReason: body.reason, updatedAt: clock() });
        if (!updated) throw new AppError('resource.version_conflict');
        return updated;
      },
      // A person may always withdraw a consent, even once the file is closed.
      { allowClosed: true },
    );
    return presentConsent(row, today());
  }

  // ── Follow-ups, exploitation, statements, protection ──────────────────────────────────────────
  async function addFollowUp(actor: Actor, fileId: string, body: Body<typeof followUpBodySchema>, context: AuditContext) {
    const access = await loadFileAccess(db, actor, fileId);
    requireManage(access, 'either');
    if (body.personId) personOf(access, body.personId);
    requireOpen(access);
    const errors = checkDates(access, { visitedOn: body.visitedOn });
    if (body.nextVisitOn && body.nextVisitOn < body.visitedOn) errors.nextVisitOn = 'Ngày thăm tiếp theo phải sau ngày thăm.';
    if (Object.keys(errors).length) throw invalid(errors);
    const id = await write(
      access,
      context,
      {
        action: 'victim.follow_up_recorded',
        details: { personId: body.personId ?? null, visitedOn: body.visitedOn, situation: body.situation },
      },
      async (tx) =>
        insertFollowUpVisit(tx, {
          fileId,
          personId: body.personId ?? null,
          ...accessColumnsOf(access.file),
          visitedOn: body.visitedOn,
          visitedBy: body.visitedBy ?? null,
          situation: body.situation,
          notesEnc: cipher.encryptNullable(body.notes, AAD.followUpNotes),
          nextVisitOn: body.nextVisitOn ?? null,
          createdBy: actor.userId,
          createdAt: clock(),
        }),
    );
    return { id };
  }

  async function setExploitation(actor: Actor, personId: string, body: Body<typeof exploitationBodySchema>, context: AuditContext) {
    const fileId = await fileIdOfPerson(db, personId);
    if (!fileId) throw notFound();
    const access = await loadFileAccess(db, actor, fileId);
    requireManage(access, 'victims');
    personOf(access, personId);
    requireOpen(access);
    const errors: Record<string, string> = {};
    const unknown = new Set(
      await unknownOrgUnits(
        db,
        body.places.map((place) => place.orgUnitId),
      ),
    );
    body.places.forEach((place, index) => {
      if (place.orgUnitId && unknown.has(place.orgUnitId))
        errors[`places.${index}.orgUnitId`] = `Không có đơn vị hành chính mã ${place.orgUnitId}.`;
      if (place.orgUnitId && place.country !== 'VN')
        errors[`places.${index}.orgUnitId`] = 'Chỉ ghi đơn vị hành chính cho địa điểm ở Việt Nam.';
    });
    Object.assign(
      errors,
      checkDates(access, { recruitedOn: body.recruitedOn, exploitedFrom: body.exploitedFrom, exploitedTo: body.exploitedTo }, false),
    );
    if (body.exploitedFrom && body.exploitedTo && body.exploitedTo < body.exploitedFrom)
      errors.exploitedTo = 'Ngày kết thúc không được trước ngày bắt đầu.';
    if (Object.keys(errors).length) throw invalid(errors);
    const values = {
      forms: body.forms,
      controlMeans: body.controlMeans,
      recruitmentMethod: body.recruitmentMethod ?? null,
      recruiterRelationship: body.recruiterRelationship ?? null,
      destinationCountry: body.destinationCountry ?? null,
      places: body.places.map((place) => ({ country: place.country, orgUnitId: place.orgUnitId ?? null, place: place.place ?? null })),
      recruitedOn: body.recruitedOn ?? null,
      exploitedFrom: body.exploitedFrom ?? null,
      exploitedTo: body.exploitedTo ?? null,
      updatedBy: actor.userId,
      updatedAt: clock(),
    };
    await write(
      access,
      context,
      { action: 'victim.exploitation_recorded', details: { personId, forms: body.forms, destinationCountry: values.destinationCountry } },
      async (tx) => {
        await upsertExploitation(tx, { fileId, personId, ...accessColumnsOf(access.file), ...values, createdAt: clock() }, values);
      },
    );
    return { id: personId };
  }

  async function addStatement(actor: Actor, fileId: string, body: Body<typeof statementBodySchema>, context: AuditContext) {
    const access = await loadFileAccess(db, actor, fileId);
    requireManage(access, 'victims');
    if (!access.sections.includes('statements')) throw forbidden();
    if (body.personId) personOf(access, body.personId);
    requireOpen(access);
    const errors = checkDates(access, { takenOn: body.takenOn }, false);
    if (Object.keys(errors).length) throw invalid(errors);
    const id = await write(
      access,
      context,
      { action: 'victim.statement_recorded', details: { personId: body.personId ?? null, kind: body.kind, takenOn: body.takenOn } },
      async (tx) =>
        insertStatement(tx, {
          fileId,
          personId: body.personId ?? null,
          ...accessColumnsOf(access.file),
          kind: body.kind,
          takenOn: body.takenOn,
          takenBy: body.takenBy ?? null,
          language: body.language,
          interpreter: body.interpreter,
          contentEnc: cipher.encrypt(body.content, AAD.statement),
          createdBy: actor.userId,
          createdAt: clock(),
        }),
    );
    return { id };
  }

  async function addProtectionAssessment(
    actor: Actor,
    fileId: string,
    body: Body<typeof protectionAssessmentBodySchema>,
    context: AuditContext,
  ) {
    const access = await loadFileAccess(db, actor, fileId);
    requireManage(access, 'victims');
    requireOpen(access);
    const errors = checkDates(access, { assessedOn: body.assessedOn }, false);
    if (Object.keys(errors).length) throw invalid(errors);
    const id = await write(
      access,
      context,
      {
        action: 'victim.protection_assessed',
        details: { assessedOn: body.assessedOn, riskLevel: body.riskLevel, measures: body.measures },
      },
      async (tx) =>
        insertProtectionAssessment(tx, {
          fileId,
          ...accessColumnsOf(access.file),
          assessedOn: body.assessedOn,
          riskLevel: body.riskLevel,
          measures: body.measures,
          summary: body.summary ?? null,
          detailsEnc: cipher.encryptNullable(body.details, AAD.protectionDetails),
          createdBy: actor.userId,
          createdAt: clock(),
        }),
    );
    return { id };
  }

  async function addThreat(actor: Actor, fileId: string, body: Body<typeof threatBodySchema>, context: AuditContext) {
    const access = await loadFileAccess(db, actor, fileId);
    requireManage(access, 'victims');
    requireOpen(access);
    const errors = checkDates(access, { reportedOn: body.reportedOn }, false);
    if (Object.keys(errors).length) throw invalid(errors);
    const id = await write(access, context, { action: 'victim.threat_recorded', details: { reportedOn: body.reportedOn } }, async (tx) =>
      insertThreat(tx, {
        fileId,
        ...accessColumnsOf(access.file),
        reportedOn: body.reportedOn,
        descriptionEnc: cipher.encrypt(body.description, AAD.threat),
        createdBy: actor.userId,
        createdAt: clock(),
      }),
    );
    return { id };
  }

  return {
    identify,
    addConsent,
    withdrawConsent,
    addFollowUp,
    setExploitation,
    addStatement,
    addProtectionAssessment,
    addThreat,
  };
}
