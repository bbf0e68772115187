import {
  type Actor,
  applyReferralTransition,
  type AuditAction,
  canAccess,
  type ConsentGiver,
  type ConsentPurpose,
  REFERRAL_STATUS_LABELS,
  REFERRAL_TRANSITION_LABELS,
  type referralBodySchema,
  referralSendingBasis,
  type ReferralStatus,
  type ReferralTransition,
} from '@atmis/domain';
import type { z } from 'zod';
import { recordAudit, type AuditContext } from '../../platform/audit/audit-log.ts';
import { AppError, forbidden, notFound } from '../../platform/errors/app-error.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/pagination.ts';
import { HAND_OVER_EVENTS, referralHandOverEvent, type HandOverEventType } from '../../platform/outbox/hand-over-events.ts';
import { insertOutboxEvents } from '../../platform/outbox/outbox.repository.ts';
import {
  accessColumnsOf,
  ageFactsOf,
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
  consentsOfPerson,
  fileAgencyAndReference,
  findReferralJoined,
  insertReferral,
  listReferralRows,
  referralById,
  updateReferralInStatus,
  type ReferralChanges,
} from './victim-referrals.repository.ts';
import { dueDateOf, loadDeadlineContext, presentReferral, referralPartiesOf } from './victim-views.ts';
import { agencyRow, hasActiveReferralOfPerson, receiverAgencyIds } from './victims.repository.ts';

type Body<T extends z.ZodType> = z.infer<T>;

const REFERRAL_AUDIT: Record<ReferralTransition, AuditAction> = {
  accept: 'victim.referral_accepted',
  decline: 'victim.referral_declined',
  complete: 'victim.referral_completed',
  cancel: 'victim.referral_cancelled',
};

/**
 * Referrals of the persons of a victim file to another agency: sending, the receiver's and the
 * sender's actions on them, and the incoming and outgoing lists.
 */
/** The hand-over each answer or end of a referral is. */
const REFERRAL_HAND_OVERS: Record<ReferralTransition, HandOverEventType> = {
  accept: HAND_OVER_EVENTS.referralAccepted,
  decline: HAND_OVER_EVENTS.referralDeclined,
  complete: HAND_OVER_EVENTS.referralCompleted,
  cancel: HAND_OVER_EVENTS.referralCancelled,
};

export function createVictimReferralsService({ db, clock, cipher }: VictimDeps) {
  const today = () => todayOf(clock);

  const write = createFileWriter({ db, clock });

  // ── Referrals ─────────────────────────────────────────────────────────────────────────────────
  async function referralView(actor: Actor, id: string) {
    const row = await findReferralJoined(db, id);
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
    if (await hasActiveReferralOfPerson(db, body.personId, [receiver.id]))
      throw new AppError('victim.referral_already_active', { agency: receiver.name });
    const consents = await consentsOfPerson(db, body.personId);
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
        const referralId = await insertReferral(tx, {
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
        });
        // The receiving agency is told that a referral waits (in the system, and by email after commit
        // when SMTP is set): the file reference only, no identity.
        await insertOutboxEvents(
          tx,
          [
            referralHandOverEvent(HAND_OVER_EVENTS.referralSent, {
              actorUserId: actor.userId,
              referralId,
              fileId,
              fileReference: access.file.reference,
              recipientAgencyId: receiver.id,
              senderOrgUnitName: access.file.orgUnitName,
              receiverAgencyName: receiver.name,
              answerDueOn,
            }),
          ],
          clock(),
        );
        return referralId;
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
    const referral = await referralById(db, id);
    if (!referral) throw notFound();
    const file = await fileAgencyAndReference(db, referral.fileId);
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
      const changes: ReferralChanges = { status: result.status, updatedAt: clock() };
      if (transition === 'accept' || transition === 'decline') {
        changes.answeredOn = day;
        changes.answeredBy = actor.userId;
      }
      if (transition === 'decline') changes.declineReason = result.reason;
      if (transition === 'cancel') changes.cancelReason = result.reason;
      if (transition !== 'accept') changes.closedOn = day;
      if (!(await updateReferralInStatus(tx, id, status, changes))) throw new AppError('resource.version_conflict');
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
      // The other party is told: the sender (the file's agency, or whoever sent it) of an answer or an
      // end, the receiving agency of a withdrawal. The file reference only, no identity.
      const toSender = transition !== 'cancel';
      await insertOutboxEvents(
        tx,
        [
          referralHandOverEvent(REFERRAL_HAND_OVERS[transition], {
            actorUserId: actor.userId,
            referralId: id,
            fileId: referral.fileId,
            fileReference: file?.reference ?? '',
            recipientAgencyId: toSender ? (file?.agencyId ?? null) : referral.receivingAgencyId,
            recipientUserId: toSender && !file?.agencyId ? referral.sentBy : null,
            receiverAgencyName: (await agencyRow(tx, referral.receivingAgencyId))?.name ?? null,
            reason: result.reason,
          }),
        ],
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
    // Incoming: the referrals to the agencies the actor receives for; outgoing: those of the files they read.
    const scope =
      query.view === 'incoming'
        ? { receivingAgencyIds: receiverAgencyIds(actor) }
        : { filesOf: { actor, permissions: ['read:victims', 'read:support'] as const } };
    const after = decodeCursor(query.cursor, 2) as [string, string] | null;
    const { rows, total } = await listReferralRows(
      db,
      { scope, status: query.status, overdueOn: query.overdue === 'true' ? day : undefined },
      { after, limit: query.limit },
    );
    const items = rows.slice(0, query.limit).map((row) => {
      const record = { orgUnitId: row.referral.orgUnitId, agencyId: row.fileAgencyId };
      const canManageFile = canAccess(actor, 'manage:victims', record) || canAccess(actor, 'manage:support', record);
      return presentReferral(cipher, row, day, referralPartiesOf(actor, row.referral, canManageFile));
    });
    const last = items.at(-1);
    return {
      items,
      total,
      nextCursor: rows.length > query.limit && last ? encodeCursor([last.sentOn, last.id]) : null,
    };
  }

  return {
    sendReferral,
    actOnReferral,
    listReferrals,
    referralView,
  };
}
