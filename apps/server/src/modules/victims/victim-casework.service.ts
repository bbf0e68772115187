import {
  victimConsents,
  victimExploitation,
  victimFiles,
  victimFollowUpVisits,
  victimIdentificationEvents,
  victimPersons,
  victimProtectionAssessments,
  victimReferrals,
  victimStatements,
  victimThreats,
} from '@atmis/db';
import {
  type Actor,
  applyIdentificationTransition,
  applyReferralTransition,
  type AuditAction,
  canAccess,
  type consentBodySchema,
  type ConsentGiver,
  type ConsentPurpose,
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
  REFERRAL_STATUS_LABELS,
  REFERRAL_TRANSITION_LABELS,
  type referralBodySchema,
  referralSendingBasis,
  type ReferralStatus,
  type ReferralTransition,
  type statementBodySchema,
  type threatBodySchema,
  type withdrawConsentBodySchema,
} from '@atmis/domain';
import { and, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { recordAudit, type AuditContext } from '../../platform/audit/audit-log.ts';
import { AppError, forbidden, notFound } from '../../platform/errors/app-error.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/pagination.ts';
import { notifyAgency } from '../notifications/notifications.service.ts';
import {
  AAD,
  accessColumnsOf,
  ageFactsOf,
  createFileDateChecker,
  createFileWriter,
  invalid,
  loadFileAccess,
  personOf,
  requireAnyPermission,
  requireManage,
  requireOpen,
  todayOf,
  type VictimDeps,
} from './victim-access.ts';
import {
  dueDateOf,
  loadDeadlineContext,
  presentConsent,
  presentReferral,
  referralPartiesOf,
  REFERRAL_OVERDUE,
  selectReferrals,
} from './victim-views.ts';
import { agencyRow, fileScope, receiverAgencyIds, unknownOrgUnits, uuidList } from './victims.repository.ts';

type Body<T extends z.ZodType> = z.infer<T>;

const REFERRAL_AUDIT: Record<ReferralTransition, AuditAction> = {
  accept: 'victim.referral_accepted',
  decline: 'victim.referral_declined',
  complete: 'victim.referral_completed',
  cancel: 'victim.referral_cancelled',
};

export function createVictimCaseworkService({ db, clock, cipher }: VictimDeps) {
  const today = () => todayOf(clock);

  const write = createFileWriter({ db, clock });
  const checkDates = createFileDateChecker(clock);

  // ── Identification ────────────────────────────────────────────────────────────────────────────
  async function identify(actor: Actor, personId: string, body: Body<typeof identificationBodySchema>, context: AuditContext) {
    const [found] = await db.select({ fileId: victimPersons.fileId }).from(victimPersons).where(eq(victimPersons.id, personId));
    if (!found) throw notFound();
    const access = await loadFileAccess(db, actor, found.fileId);
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
      const [event] = await db.select().from(victimIdentificationEvents).where(eq(victimIdentificationEvents.id, person.currentDecisionId));
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
        const [event] = await tx
          .insert(victimIdentificationEvents)
          .values({
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
          })
          .returning({ id: victimIdentificationEvents.id });
        const changed = await tx
          .update(victimPersons)
          .set({
            identificationStatus: result.state.status,
            role: result.role,
            lastDecisionDate: result.state.lastDecisionDate,
            currentDecisionId: entry.decision ? event!.id : null,
            updatedAt: clock(),
          })
          .where(and(eq(victimPersons.id, personId), eq(victimPersons.identificationStatus, status)))
          .returning({ id: victimPersons.id });
        if (!changed.length) throw new AppError('resource.version_conflict');
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
      async (tx) => {
        const [row] = await tx
          .insert(victimConsents)
          .values({
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
          })
          .returning();
        return row!;
      },
    );
    return presentConsent(id, today());
  }

  async function withdrawConsent(actor: Actor, consentId: string, body: Body<typeof withdrawConsentBodySchema>, context: AuditContext) {
    const [consent] = await db.select().from(victimConsents).where(eq(victimConsents.id, consentId));
    if (!consent) throw notFound();
    const access = await loadFileAccess(db, actor, consent.fileId);
    if (!access.sections.includes('consents')) throw notFound();
    requireManage(access, 'either');
    if (consent.withdrawnOn)
      throw new AppError('victim.consent_already_withdrawn', { date: consent.withdrawnOn.split('-').reverse().join('/') });
    const withdrawnOn = body.withdrawnOn ?? today();
    const errors = checkDates(access, { withdrawnOn }, false);
    if (withdrawnOn < consent.givenOn) errors.withdrawnOn = 'Ngày rút lại không được trước ngày đồng ý.';
    if (Object.keys(errors).length) throw invalid(errors);
    const row = await write(
      access,
      context,
      { action: 'victim.consent_withdrawn', details: { consentId, personId: consent.personId, purpose: consent.purpose, withdrawnOn } },
      async (tx) => {
        const [updated] = await tx
          .update(victimConsents)
          .set({ withdrawnOn, withdrawalReason: body.reason, updatedAt: clock() })
          .where(and(eq(victimConsents.id, consentId), isNull(victimConsents.withdrawnOn)))
          .returning();
        if (!updated) throw new AppError('resource.version_conflict');
        return updated;
      },
      // A person may always withdraw a consent, even once the file is closed.
      { allowClosed: true },
    );
    return presentConsent(row, today());
  }

  // ── Referrals ─────────────────────────────────────────────────────────────────────────────────
  async function referralView(actor: Actor, id: string) {
    const [row] = await selectReferrals(db).where(eq(victimReferrals.id, id));
    if (!row) throw notFound();
    const canManageFile =
      canAccess(actor, 'manage:victims', { orgUnitId: row.referral.orgUnitId, agencyId: row.fileAgencyId }) ||
      canAccess(actor, 'manage:support', { orgUnitId: row.referral.orgUnitId, agencyId: row.fileAgencyId });
    return presentReferral(cipher, row, today(), referralPartiesOf(actor, row.referral, canManageFile));
  }

  async function sendReferral(actor: Actor, fileId: string, body: Body<typeof referralBodySchema>, context: AuditContext) {
    const access = await loadFileAccess(db, actor, fileId);
    if (access.access !== 'file') throw forbidden();
    requireManage(access, 'either');
    const person = personOf(access, body.personId);
    requireOpen(access);
    const receiver = await agencyRow(db, body.receivingAgencyId);
    const day = today();
    if (!receiver || (receiver.validTo !== null && receiver.validTo < day)) {
      throw invalid({ receivingAgencyId: 'Cơ quan nhận không có trong danh mục hoặc đã giải thể, sáp nhập.' });
    }
    if (receiver.id === access.file.agencyId)
      throw invalid({ receivingAgencyId: 'Không thể chuyển tuyến cho chính cơ quan đang quản lý hồ sơ.' });
    const [open] = await db
      .select({ id: victimReferrals.id })
      .from(victimReferrals)
      .where(
        and(
          eq(victimReferrals.personId, body.personId),
          eq(victimReferrals.receivingAgencyId, receiver.id),
          sql`${victimReferrals.status} in ('sent','accepted')`,
        ),
      );
    if (open) throw new AppError('victim.referral_already_active', { agency: receiver.name });
    const consents = await db.select().from(victimConsents).where(eq(victimConsents.personId, body.personId));
    const basis = referralSendingBasis({
      consents: consents.map((row) => ({
        purpose: row.purpose as ConsentPurpose,
        givenBy: row.givenBy as ConsentGiver,
        givenOn: row.givenOn,
        withdrawnOn: row.withdrawnOn,
      })),
      person: ageFactsOf(person),
      onDate: day,
      legalBasis: body.legalBasis ?? null,
    });
    if (!basis.ok) throw new AppError('victim.referral_basis_missing', { detail: basis.message });
    // Due under the referral_response rule in force today; the date is kept with the referral.
    const answerDueOn = dueDateOf(await loadDeadlineContext(db), 'referral_response', day);
    const id = await write(
      access,
      context,
      {
        action: 'victim.referral_sent',
        details: { personId: body.personId, receivingAgencyId: receiver.id, basis: basis.basis, services: body.services ?? [] },
      },
      async (tx) => {
        const [row] = await tx
          .insert(victimReferrals)
          .values({
            fileId,
            personId: body.personId,
            ...accessColumnsOf(access.file),
            receivingAgencyId: receiver.id,
            receivingOrgUnitId: receiver.orgUnitId,
            status: 'sent',
            reason: body.reason,
            services: body.services ?? [],
            basis: basis.basis,
            consentPurpose: basis.basis === 'consent' ? basis.purpose : null,
            legalBasis: basis.basis === 'legal_basis' ? basis.legalBasis : null,
            sentOn: day,
            answerDueOn,
            sentBy: actor.userId,
            createdAt: clock(),
            updatedAt: clock(),
          })
          .returning({ id: victimReferrals.id });
        // The receiving agency is told that a referral waits: the file reference only, no identity.
        await notifyAgency(tx, receiver.id, {
          kind: 'victim_referral',
          title: `Đề nghị chuyển tuyến hồ sơ ${access.file.reference}`,
          body: `${access.file.orgUnitName} đề nghị tiếp nhận chuyển tuyến. Hạn trả lời: ${answerDueOn.split('-').reverse().join('/')}.`,
          link: `/victim-referrals/${row!.id}`,
          entityType: 'victim_referral',
          entityId: row!.id,
        });
        return row!.id;
      },
    );
    return referralView(actor, id);
  }

  async function actOnReferral(
    actor: Actor,
    id: string,
    transition: ReferralTransition,
    body: { reason?: string | null | undefined },
    context: AuditContext,
  ) {
    requireAnyPermission(actor, ['manage:victims', 'manage:support']);
    const [referral] = await db.select().from(victimReferrals).where(eq(victimReferrals.id, id));
    if (!referral) throw notFound();
    const [file] = await db.select({ agencyId: victimFiles.agencyId }).from(victimFiles).where(eq(victimFiles.id, referral.fileId));
    const record = { orgUnitId: referral.orgUnitId, agencyId: file?.agencyId ?? null };
    const isSender = canAccess(actor, 'manage:victims', record) || canAccess(actor, 'manage:support', record);
    const isReceiver = receiverAgencyIds(actor, ['manage:victims', 'manage:support']).includes(referral.receivingAgencyId);
    const seesIt =
      isSender ||
      receiverAgencyIds(actor).includes(referral.receivingAgencyId) ||
      canAccess(actor, 'read:victims', record) ||
      canAccess(actor, 'read:support', record);
    if (!seesIt) throw notFound();
    const status = referral.status as ReferralStatus;
    const party = transition === 'cancel' ? 'sender' : 'receiver';
    if ((party === 'sender' && !isSender) || (party === 'receiver' && !isReceiver)) throw forbidden();
    const result = applyReferralTransition(status, transition, { by: party, reason: body.reason ?? null });
    if (!result.ok) {
      if (result.field === 'reason') throw invalid({ reason: result.message });
      throw new AppError('victim.referral_not_allowed', {
        action: REFERRAL_TRANSITION_LABELS[transition].vi,
        status: REFERRAL_STATUS_LABELS[status].vi,
      });
    }
    const day = today();
    await db.transaction(async (tx) => {
      const changes: Partial<typeof victimReferrals.$inferInsert> = { status: result.status, updatedAt: clock() };
      if (transition === 'accept' || transition === 'decline') {
        changes.answeredOn = day;
        changes.answeredBy = actor.userId;
      }
      if (transition === 'decline') changes.declineReason = result.reason;
      if (transition === 'cancel') changes.cancelReason = result.reason;
      if (transition !== 'accept') changes.closedOn = day;
      const changed = await tx
        .update(victimReferrals)
        .set(changes)
        .where(and(eq(victimReferrals.id, id), eq(victimReferrals.status, status)))
        .returning({ id: victimReferrals.id });
      if (!changed.length) throw new AppError('resource.version_conflict');
      await recordAudit(
        tx,
        context,
        {
          action: REFERRAL_AUDIT[transition],
          entityType: 'victim_referral',
          entityId: id,
          orgUnitId: referral.orgUnitId,
          details: { fileId: referral.fileId, from: status, to: result.status, reason: result.reason },
        },
        clock(),
      );
    });
    return referralView(actor, id);
  }

  async function listReferrals(
    actor: Actor,
    query: {
      view: 'incoming' | 'outgoing';
      status?: ReferralStatus | undefined;
      overdue?: 'true' | 'false' | undefined;
      limit: number;
      cursor?: string | undefined;
    },
  ) {
    requireAnyPermission(actor, ['read:victims', 'read:support']);
    const day = today();
    const conditions: SQL[] = [];
    if (query.view === 'incoming') {
      const mine = receiverAgencyIds(actor);
      conditions.push(mine.length ? sql`${victimReferrals.receivingAgencyId} in (${uuidList(mine)})` : sql`false`);
    } else {
      conditions.push(sql`(${fileScope(actor, 'read:victims')} or ${fileScope(actor, 'read:support')})`);
    }
    if (query.status) conditions.push(eq(victimReferrals.status, query.status));
    if (query.overdue === 'true') conditions.push(REFERRAL_OVERDUE(day));
    const where = and(...conditions)!;
    const after = decodeCursor(query.cursor, 2) as [string, string] | null;
    const page = after
      ? and(where, sql`(${victimReferrals.sentOn}, ${victimReferrals.id}) < (${after[0]}::date, ${after[1]}::uuid)`)
      : where;
    const rows = await selectReferrals(db)
      .where(page)
      .orderBy(desc(victimReferrals.sentOn), desc(victimReferrals.id))
      .limit(query.limit + 1);
    const [count] = await db
      .select({ total: sql<number>`count(*)::int` })
      .from(victimReferrals)
      .innerJoin(victimFiles, eq(victimFiles.id, victimReferrals.fileId))
      .where(where);
    const items = rows.slice(0, query.limit).map((row) => {
      const record = { orgUnitId: row.referral.orgUnitId, agencyId: row.fileAgencyId };
      const canManageFile = canAccess(actor, 'manage:victims', record) || canAccess(actor, 'manage:support', record);
      return presentReferral(cipher, row, day, referralPartiesOf(actor, row.referral, canManageFile));
    });
    const last = items.at(-1);
    return {
      items,
      total: count?.total ?? 0,
      nextCursor: rows.length > query.limit && last ? encodeCursor([last.sentOn, last.id]) : null,
    };
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
      async (tx) => {
        const [row] = await tx
          .insert(victimFollowUpVisits)
          .values({
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
          })
          .returning({ id: victimFollowUpVisits.id });
        return row!.id;
      },
    );
    return { id };
  }

  async function setExploitation(actor: Actor, personId: string, body: Body<typeof exploitationBodySchema>, context: AuditContext) {
    const [found] = await db.select({ fileId: victimPersons.fileId }).from(victimPersons).where(eq(victimPersons.id, personId));
    if (!found) throw notFound();
    const access = await loadFileAccess(db, actor, found.fileId);
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
        await tx
          .insert(victimExploitation)
          .values({ fileId: found.fileId, personId, ...accessColumnsOf(access.file), ...values, createdAt: clock() })
          .onConflictDoUpdate({ target: victimExploitation.personId, set: values });
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
      async (tx) => {
        const [row] = await tx
          .insert(victimStatements)
          .values({
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
          })
          .returning({ id: victimStatements.id });
        return row!.id;
      },
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
      async (tx) => {
        const [row] = await tx
          .insert(victimProtectionAssessments)
          .values({
            fileId,
            ...accessColumnsOf(access.file),
            assessedOn: body.assessedOn,
            riskLevel: body.riskLevel,
            measures: body.measures,
            summary: body.summary ?? null,
            detailsEnc: cipher.encryptNullable(body.details, AAD.protectionDetails),
            createdBy: actor.userId,
            createdAt: clock(),
          })
          .returning({ id: victimProtectionAssessments.id });
        return row!.id;
      },
    );
    return { id };
  }

  async function addThreat(actor: Actor, fileId: string, body: Body<typeof threatBodySchema>, context: AuditContext) {
    const access = await loadFileAccess(db, actor, fileId);
    requireManage(access, 'victims');
    requireOpen(access);
    const errors = checkDates(access, { reportedOn: body.reportedOn }, false);
    if (Object.keys(errors).length) throw invalid(errors);
    const id = await write(access, context, { action: 'victim.threat_recorded', details: { reportedOn: body.reportedOn } }, async (tx) => {
      const [row] = await tx
        .insert(victimThreats)
        .values({
          fileId,
          ...accessColumnsOf(access.file),
          reportedOn: body.reportedOn,
          descriptionEnc: cipher.encrypt(body.description, AAD.threat),
          createdBy: actor.userId,
          createdAt: clock(),
        })
        .returning({ id: victimThreats.id });
      return row!.id;
    });
    return { id };
  }

  return {
    identify,
    addConsent,
    withdrawConsent,
    sendReferral,
    actOnReferral,
    listReferrals,
    referralView,
    addFollowUp,
    setExploitation,
    addStatement,
    addProtectionAssessment,
    addThreat,
  };
}
