import { randomBytes } from 'node:crypto';
import type { Executor } from '@atmis/db';
import {
  type Actor,
  canAccess,
  type ConfidentialityFlag,
  type CreateVictimFileBody,
  type Guardian,
  isPossibleDuplicate,
  type PersonInput,
  type ReceptionWay,
  type RevealField,
  validatePersonInput,
  formatVietnamTimeOfDay,
} from '@atmis/domain';
import { recordAudit, type AuditContext } from '../../platform/audit/audit-log.ts';
import { AppError, forbidden, notFound } from '../../platform/errors/app-error.ts';
import { notifyAgency } from '../notifications/index.ts';
import { toIso } from '../../platform/http/pagination.ts';
import {
  AAD,
  INDEX,
  invalid,
  isPersonVisible,
  loadFileAccess,
  presentMaskedPerson,
  requireAnyPermission,
  todayOf,
  type VictimDeps,
} from './victim-access.ts';
import { createFileDetailReader } from './victim-detail.ts';
import { victimFileCondition, type VictimFileFilter } from './victim-list.repository.ts';
import { birthYearOf, nameTokens, personColumns } from './victim-person-codec.ts';
import {
  countDuplicateProbes,
  fileReferences,
  fileStatementContents,
  insertVictimFile,
  insertVictimPerson,
  lockDuplicateProbesOf,
  victimFilePage,
  type VictimFileSort,
} from './victim-register.repository.ts';
import { initialVerificationDeadline, loadDeadlineContext } from './victim-views.ts';
import { agencyNamesById } from '../agencies/index.ts';
import { orgUnitNamesById } from '../org-units/index.ts';
import { agencyRow, duplicateCandidates, unknownOrgUnits } from './victims.repository.ts';

/** A possible duplicate found on creation: the file ids the actor may open, or only where the others are. */
export class PossibleDuplicateError extends AppError {
  constructor(
    readonly inScope: { fileId: string; reference: string }[],
    unitNames: string[],
  ) {
    super(
      inScope.length ? 'victim.possible_duplicate' : 'victim.possible_duplicate_elsewhere',
      inScope.length ? { count: inScope.length } : { unitName: unitNames.join(', ') },
    );
  }
}

/**
 * The duplicate check answers "is this person registered elsewhere, and where": a lookup oracle if
 * unbounded. Every match outside the actor's scope is audited (`victim.duplicate_probe`: the kind of
 * match and the matched file id, never identity) and the holding unit is told; a user with
 * `DUPLICATE_PROBE_LIMIT` such matches in the last `DUPLICATE_PROBE_WINDOW_MS` gets no further check
 * (429, audited), whether or not the new reception would match — so the refusal itself reveals nothing.
 */
export const DUPLICATE_PROBE_LIMIT = 10;
export const DUPLICATE_PROBE_WINDOW_MS = 24 * 60 * 60 * 1000;

const REFERENCE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
function newReference(receivedOn: string): string {
  const bytes = randomBytes(6);
  return `NN-${receivedOn.slice(0, 4)}-${Array.from(bytes, (byte) => REFERENCE_ALPHABET[byte % REFERENCE_ALPHABET.length]).join('')}`;
}

function prefixed(prefix: string, errors: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([field, message]) => [`${prefix}.${field}`, message]));
}

export function createVictimsService({ db, clock, cipher }: VictimDeps) {
  const today = () => todayOf(clock);

  /** Existing persons that may be `person` (domain `isPossibleDuplicate`, names compared after decryption in memory). */
  async function findDuplicates(executor: Executor, person: PersonInput) {
    const citizenIdHmac = person.citizenId ? cipher.blindIndex(person.citizenId, INDEX.citizenId) : null;
    const candidates = await duplicateCandidates(executor, {
      citizenIdHmac,
      homeOrgUnitId: person.homeOrgUnitId,
      birthYear: birthYearOf(person),
      nameTokens: nameTokens(cipher, [person.fullName]),
    });
    return candidates
      .map((candidate) => ({
        ...candidate,
        matchKind:
          citizenIdHmac !== null && candidate.citizenIdHmac === citizenIdHmac ? ('citizen_id' as const) : ('name_birth_home' as const),
      }))
      .filter(
        (candidate) =>
          candidate.matchKind === 'citizen_id' ||
          isPossibleDuplicate(
            {
              fullName: person.fullName,
              dateOfBirth: person.dateOfBirth,
              birthYear: person.birthYear,
              homeOrgUnitId: person.homeOrgUnitId,
            },
            {
              fullName: cipher.decrypt(candidate.fullNameEnc, AAD.fullName),
              dateOfBirth: candidate.dateOfBirth,
              birthYear: candidate.birthYear,
              homeOrgUnitId: candidate.homeOrgUnitId,
            },
          ),
      );
  }

  /**
   * The duplicate check of a reception, one at a time per user. Under a transaction lock on the
   * actor, the out-of-scope matches of the window are counted: at `DUPLICATE_PROBE_LIMIT` the check
   * is refused (429, audited) before any lookup; otherwise the lookup runs and its out-of-scope
   * matches are recorded in the same transaction. Probes sent at once are thus counted one after
   * another and never pass the limit. The answer: the matched files in the actor's scope, and the
   * names of the units that hold the others.
   */
  async function probeDuplicates(actor: Actor, probingOrgUnitId: string, persons: readonly PersonInput[], context: AuditContext) {
    const outcome = await db.transaction(async (tx) => {
      await lockDuplicateProbesOf(tx, actor.userId);
      const since = new Date(clock().getTime() - DUPLICATE_PROBE_WINDOW_MS);
      const matchesInWindow = await countDuplicateProbes(tx, actor.userId, since);
      if (matchesInWindow >= DUPLICATE_PROBE_LIMIT) {
        await recordAudit(
          tx,
          context,
          {
            action: 'victim.duplicate_probe_refused',
            entityType: 'victim_file',
            orgUnitId: actor.orgUnitId,
            details: { limit: DUPLICATE_PROBE_LIMIT, matchesInWindow },
          },
          clock(),
        );
        return null;
      }
      const duplicates: Awaited<ReturnType<typeof findDuplicates>> = [];
      for (const person of persons) duplicates.push(...(await findDuplicates(tx, person)));
      const inScope = new Set<string>();
      const elsewhere = new Set<string>();
      const outOfScope = new Map<string, (typeof duplicates)[number]>();
      for (const candidate of duplicates) {
        if (canAccess(actor, 'read:victims', { orgUnitId: candidate.fileOrgUnitId, agencyId: candidate.fileAgencyId })) {
          inScope.add(candidate.fileId);
        } else {
          elsewhere.add(candidate.fileOrgUnitName);
          const known = outOfScope.get(candidate.fileId);
          if (!known || candidate.matchKind === 'citizen_id') outOfScope.set(candidate.fileId, candidate);
        }
      }
      if (outOfScope.size) await recordProbe(tx, actor, probingOrgUnitId, [...outOfScope.values()], context);
      return { inScope: [...inScope], elsewhere: [...elsewhere].sort() };
    });
    // The refusal is committed (audited) first; then the 429.
    if (!outcome) throw new AppError('victim.duplicate_probe_limit', { limit: DUPLICATE_PROBE_LIMIT });
    return outcome;
  }

  /** One audit row per matched file outside the actor's scope, and a notification to the unit that holds it. */
  async function recordProbe(
    tx: Executor,
    actor: Actor,
    probingOrgUnitId: string,
    matches: { fileId: string; fileOrgUnitId: string; fileAgencyId: string | null; matchKind: 'citizen_id' | 'name_birth_home' }[],
    context: AuditContext,
  ) {
    const at = clock();
    const probingName = (await orgUnitNamesById(tx, [probingOrgUnitId])).get(probingOrgUnitId);
    const files = await fileReferences(
      tx,
      matches.map((match) => match.fileId),
    );
    const references = new Map(files.map((file) => [file.id, file.reference]));
    for (const match of matches) {
      await recordAudit(
        tx,
        context,
        {
          action: 'victim.duplicate_probe',
          entityType: 'victim_file',
          entityId: match.fileId,
          orgUnitId: match.fileOrgUnitId,
          // What matched and who asked from where: never the identity that was entered.
          details: { matchKind: match.matchKind, probingOrgUnitId, holdingOrgUnitId: match.fileOrgUnitId },
        },
        at,
      );
      // The holding unit's officers learn that their file was matched, by whom and when (in the system only).
      if (match.fileAgencyId) {
        await notifyAgency(tx, match.fileAgencyId, {
          kind: 'victim_duplicate_probe',
          title: `Đơn vị khác kiểm tra trùng với hồ sơ ${references.get(match.fileId) ?? ''}`,
          body:
            `${probingName ?? probingOrgUnitId} (người dùng ${actor.username}) đã nhập một lượt tiếp nhận ` +
            `có thể trùng với hồ sơ này (${match.matchKind === 'citizen_id' ? 'cùng số định danh' : 'gần giống họ tên, năm sinh và nơi thường trú'}) ` +
            `lúc ${formatVietnamTimeOfDay(at)}. Nếu lượt kiểm tra này không có lý do chính đáng, hãy báo cho đơn vị cấp trên.`,
          link: `/victim-files/${match.fileId}`,
          entityType: 'victim_file',
          entityId: match.fileId,
        });
      }
    }
  }

  async function create(actor: Actor, body: CreateVictimFileBody, context: AuditContext) {
    const day = today();
    const orgUnitId = body.orgUnitId ?? actor.orgUnitId;
    const agencyId = body.agencyId === undefined ? actor.agencyId : body.agencyId;
    // Where the file is created must be within the creator's manage:victims scope.
    if (!canAccess(actor, 'manage:victims', { orgUnitId, agencyId })) throw forbidden();

    const fieldErrors: Record<string, string> = {};
    const warnings: Record<string, string> = {};
    const entries = [
      { prefix: 'person', role: 'under_identification' as const, relationship: null as string | null, input: body.person },
      ...(body.companions ?? []).map((companion, index) => ({
        prefix: `companions.${index}.person`,
        role: companion.role,
        relationship: companion.relationship ?? null,
        input: companion.person,
      })),
    ];
    const persons: { prefix: string; role: (typeof entries)[number]['role']; relationship: string | null; value: PersonInput }[] = [];
    for (const entry of entries) {
      const result = validatePersonInput(entry.input, day);
      Object.assign(warnings, prefixed(entry.prefix, result.warnings));
      if (!result.ok) Object.assign(fieldErrors, prefixed(entry.prefix, result.fieldErrors));
      else persons.push({ prefix: entry.prefix, role: entry.role, relationship: entry.relationship, value: result.value });
    }
    const reception = body.reception;
    if (reception.receivedOn > day) fieldErrors['reception.receivedOn'] = 'Ngày tiếp nhận không được sau ngày hiện tại.';
    else if (reception.receivedOn < '1990-01-01') fieldErrors['reception.receivedOn'] = 'Ngày tiếp nhận không hợp lệ.';
    for (const person of persons) {
      const birth = person.value.dateOfBirth;
      if (birth && birth > reception.receivedOn) fieldErrors[`${person.prefix}.dateOfBirth`] = 'Ngày sinh không được sau ngày tiếp nhận.';
    }
    if ((await unknownOrgUnits(db, [orgUnitId])).length) fieldErrors.orgUnitId = `Không có đơn vị hành chính mã ${orgUnitId}.`;
    const unknownHomes = new Set(
      await unknownOrgUnits(
        db,
        persons.map((person) => person.value.homeOrgUnitId),
      ),
    );
    for (const person of persons) {
      const home = person.value.homeOrgUnitId;
      if (home && unknownHomes.has(home)) fieldErrors[`${person.prefix}.homeOrgUnitId`] = `Không có đơn vị hành chính mã ${home}.`;
    }
    for (const [field, id] of [
      ['agencyId', agencyId],
      ['reception.receivedByAgencyId', reception.receivedByAgencyId],
    ] as const) {
      if (id && !(await agencyRow(db, id))) fieldErrors[field] = 'Không có cơ quan này trong danh mục.';
    }
    if (Object.keys(fieldErrors).length) throw invalid(fieldErrors);

    // Only a complete, valid reception reaches the check (every error above is a 400 first), and a
    // user who has used up the out-of-scope matches is refused before any lookup.
    if (!body.confirmNotDuplicate) {
      const { inScope, elsewhere } = await probeDuplicates(
        actor,
        orgUnitId,
        persons.map((person) => person.value),
        context,
      );
      if (inScope.length) {
        const rows = await fileReferences(db, inScope);
        throw new PossibleDuplicateError(
          rows.map((row) => ({ fileId: row.id, reference: row.reference })),
          [],
        );
      }
      if (elsewhere.length) throw new PossibleDuplicateError([], elsewhere);
    }

    const fileId = await db.transaction(async (tx) => {
      const file = await insertVictimFile(tx, {
        reference: newReference(reception.receivedOn),
        orgUnitId,
        agencyId,
        ownerUserId: actor.userId,
        receivedOn: reception.receivedOn,
        receivedByAgencyId: reception.receivedByAgencyId ?? null,
        receivedByName: reception.receivedByName ?? null,
        receivingOfficer: reception.receivingOfficer ?? null,
        receptionPlace: reception.place ?? null,
        receptionWay: reception.way,
        fromCountry: reception.fromCountry ?? null,
        borderGate: reception.borderGate ?? null,
        initialSupportEnc: cipher.encryptNullable(reception.initialSupport, AAD.initialSupport),
        needs: reception.needs ?? [],
        createdBy: actor.userId,
        createdAt: clock(),
        updatedAt: clock(),
      });
      let primaryId: string | null = null;
      for (const [position, person] of persons.entries()) {
        const personId = await insertVictimPerson(tx, {
          fileId: file.id,
          orgUnitId,
          agencyId,
          position,
          role: person.role,
          relatedPersonId: position === 0 ? null : primaryId,
          relationship: person.relationship,
          ...personColumns(cipher, person.value),
          identificationStatus: person.role === 'under_identification' ? 'received' : null,
          createdAt: clock(),
          updatedAt: clock(),
        });
        if (position === 0) primaryId = personId;
      }
      await recordAudit(
        tx,
        context,
        {
          action: 'victim.file_created',
          entityType: 'victim_file',
          entityId: file.id,
          orgUnitId,
          // Never identifying data in the audit trail: the reference, roles and counts only.
          details: {
            reference: file.reference,
            receptionWay: reception.way,
            roles: persons.map((person) => person.role),
            possibleDuplicateConfirmed: Boolean(body.confirmNotDuplicate),
          },
        },
        clock(),
      );
      return file;
    });
    return { id: fileId.id, reference: fileId.reference, warnings };
  }

  // ── List ──────────────────────────────────────────────────────────────────────────────────────
  async function list(
    actor: Actor,
    query: {
      limit: number;
      cursor?: string | undefined;
      q?: string | undefined;
      citizenId?: string | undefined;
      sort: VictimFileSort;
    } & VictimFileFilter,
  ) {
    requireAnyPermission(actor, ['read:victims', 'read:support']);
    const day = today();
    const deadlines = await loadDeadlineContext(db);
    const where = victimFileCondition(cipher, actor, query);
    const { rows: page, total, primaries: persons, nextCursor } = await victimFilePage(db, actor, where, query);
    const byId = new Map(persons.map((person) => [person.id, person]));
    const agencyNameMap = await agencyNamesById(
      db,
      page.map((row) => row.agencyId),
    );
    const items = page.map((row) => {
      const person = presentMaskedPerson(cipher, byId.get(row.primaryId)!, day, new Map());
      return {
        id: row.id,
        reference: row.reference,
        orgUnitId: row.orgUnitId,
        orgUnitName: row.orgUnitName,
        agencyId: row.agencyId,
        agencyName: row.agencyId ? (agencyNameMap.get(row.agencyId) ?? null) : null,
        receivedOn: row.receivedOn,
        receptionWay: row.receptionWay as ReceptionWay,
        personCount: row.personCount,
        primary: {
          id: person.id,
          maskedName: person.maskedName,
          sex: person.sex,
          birthYear: person.birthYear,
          treatedAsChild: person.treatedAsChild,
          identificationStatus: person.identificationStatus,
        },
        access: row.direct ? ('file' as const) : ('referral' as const),
        hasOverdueDeadline: initialVerificationDeadline(deadlines, row.receivedOn, person.identificationStatus, day).status === 'overdue',
        status: row.status,
        confidentialityFlags: row.confidentialityFlags as ConfidentialityFlag[],
        createdAt: toIso(row.createdAt) as string,
      };
    });
    return { items, total, nextCursor };
  }

  const get = createFileDetailReader({ db, clock, cipher });

  // ── Reveal ────────────────────────────────────────────────────────────────────────────────────
  /**
   * The plaintext of identifying fields, for a stated reason: read:victim_identity in the file's
   * scope (or for the receiving agency of an active referral, the referral's persons only). Every
   * reveal is written to the audit trail with its reason, the fields and the persons — never the values.
   */
  async function reveal(
    actor: Actor,
    id: string,
    body: { reason: string; fields: RevealField[]; personIds?: string[] | undefined },
    context: AuditContext,
  ) {
    const access = await loadFileAccess(db, actor, id);
    const { relations } = access;
    const viaFile = relations.canRevealIdentity;
    const viaReferral = relations.isReferralReceiver && relations.referralCanRevealIdentity;
    if (!viaFile && !viaReferral) throw forbidden();
    const fields = [...new Set(body.fields)];
    // Statements never travel through a referral.
    if (fields.includes('statements') && !(viaFile && access.sections.includes('statements'))) throw forbidden();
    const visible = access.persons.filter((person) => viaFile || isPersonVisible(access, person.id));
    let persons = visible;
    if (body.personIds?.length) {
      persons = visible.filter((person) => body.personIds!.includes(person.id));
      if (persons.length !== new Set(body.personIds).size) throw notFound();
    }
    const want = (field: RevealField) => fields.includes(field);
    const revealed = persons.map((person) => {
      const guardian = want('guardian') ? cipher.decryptJson<Guardian>(person.guardianEnc, AAD.guardian) : undefined;
      return {
        id: person.id,
        ...(want('fullName') ? { fullName: cipher.decrypt(person.fullNameEnc, AAD.fullName) } : {}),
        ...(want('otherNames') ? { otherNames: cipher.decryptJson<string[]>(person.otherNamesEnc, AAD.otherNames) ?? [] } : {}),
        ...(want('dateOfBirth') ? { dateOfBirth: person.dateOfBirth } : {}),
        ...(want('citizenId') ? { citizenId: cipher.decryptNullable(person.citizenIdEnc, AAD.citizenId) } : {}),
        ...(want('passportNumber') ? { passportNumber: cipher.decryptNullable(person.passportEnc, AAD.passport) } : {}),
        ...(want('phone') ? { phone: cipher.decryptNullable(person.phoneEnc, AAD.phone) } : {}),
        ...(want('homeAddress') ? { homeAddress: cipher.decryptNullable(person.homeAddressEnc, AAD.homeAddress) } : {}),
        ...(guardian !== undefined ? { guardian: guardian ? { ...guardian, phone: guardian.phone ?? null } : null } : {}),
      };
    });
    const statements = want('statements')
      ? (await fileStatementContents(db, id)).map((row) => ({ id: row.id, content: cipher.decrypt(row.contentEnc, AAD.statement) }))
      : undefined;
    await db.transaction((tx) =>
      recordAudit(
        tx,
        context,
        {
          action: 'victim.reveal',
          entityType: 'victim_file',
          entityId: id,
          orgUnitId: access.file.orgUnitId,
          details: {
            reason: body.reason,
            fields,
            personIds: persons.map((person) => person.id),
            via: viaFile ? 'file' : 'referral',
            ...(statements ? { statementIds: statements.map((statement) => statement.id) } : {}),
          },
        },
        clock(),
      ),
    );
    return { persons: revealed, ...(statements ? { statements } : {}) };
  }

  return { create, list, get, reveal };
}
