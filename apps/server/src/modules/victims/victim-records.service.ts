import {
  type Actor,
  canMoveRepatriation,
  changedFields,
  type closeFileBodySchema,
  CONFIDENTIALITY_FLAGS,
  type confidentialityBodySchema,
  fileClosureProblem,
  type FileStatus,
  type personCorrectionBodySchema,
  type receptionCorrectionBodySchema,
  type reopenFileBodySchema,
  REPATRIATION_STATUS_LABELS,
  type repatriationBodySchema,
  repatriationProblems,
  type RepatriationStatus,
  type repatriationUpdateBodySchema,
  validatePersonInput,
  formatVietnamDate,
} from '@atmis/domain';
import type { z } from 'zod';
import type { AuditContext } from '../../platform/audit/audit-log.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import {
  AAD,
  accessColumnsOf,
  checkFileDates,
  createFileWriter,
  fileStaleError,
  type FileAccess,
  invalid,
  loadFileAccess,
  personOf,
  requireManage,
  requireOpen,
  todayOf,
  type VictimDeps,
} from './victim-access.ts';
import { fileIdOfPerson } from './victim-casework.repository.ts';
import { comparablePerson, personColumns, plaintextPerson } from './victim-person-codec.ts';
import { presentRepatriation } from './victim-record-views.ts';
import {
  earliestRecordDate,
  fileClosureCounts,
  insertRecordVersion,
  insertRepatriation,
  repatriationById,
  updateFile,
  updateFileInStatus,
  updatePerson,
  updateRepatriationInStatus,
} from './victim-records.repository.ts';
import { agencyRow, unknownOrgUnits } from './victims.repository.ts';

type Body<T extends z.ZodType> = z.infer<T>;

/**
 * Corrections with history, closing and reopening, confidentiality flags and repatriation. Every
 * write goes through the file writer: the file must be open (except to reopen it), the version
 * moves, the audit event is written in the same transaction and names fields, never their values.
 */
export function createVictimRecordsService({ db, clock, cipher }: VictimDeps) {
  const today = () => todayOf(clock);
  const write = createFileWriter({ db, clock });

  async function accessOfPerson(actor: Actor, personId: string) {
    const fileId = await fileIdOfPerson(db, personId);
    if (!fileId) throw notFound();
    return loadFileAccess(db, actor, fileId);
  }

  /** A stale version is refused before anything is validated against the file's current content. */
  async function requireVersion(access: FileAccess, version: number): Promise<void> {
    if (access.file.version !== version) throw await fileStaleError(db, access.file.id);
  }

  /** The history row of a correction: which fields, why, who, and the previous values encrypted. */
  function versionRow(
    access: FileAccess,
    actor: Actor,
    entity: { type: 'person' | 'reception'; id: string },
    before: Record<string, unknown>,
    fields: string[],
    reason: string,
  ) {
    return {
      fileId: access.file.id,
      ...accessColumnsOf(access.file),
      entityType: entity.type,
      entityId: entity.id,
      changedFields: fields,
      previousEnc: cipher.encryptJson(before, AAD.previousValues)!,
      reason,
      changedBy: actor.userId,
      changedAt: clock(),
    };
  }

  // ── Corrections ───────────────────────────────────────────────────────────────────────────────
  async function correctPerson(actor: Actor, personId: string, body: Body<typeof personCorrectionBodySchema>, context: AuditContext) {
    const access = await accessOfPerson(actor, personId);
    requireManage(access, 'victims');
    const current = personOf(access, personId);
    requireOpen(access);
    await requireVersion(access, body.version);
    const result = validatePersonInput(body.person, today());
    const errors: Record<string, string> = {};
    if (!result.ok) for (const [field, message] of Object.entries(result.fieldErrors)) errors[`person.${field}`] = message;
    else {
      // The same rules as at reception: born before the reception, living in a known unit.
      if (result.value.dateOfBirth && result.value.dateOfBirth > access.file.receivedOn)
        errors['person.dateOfBirth'] = 'Ngày sinh không được sau ngày tiếp nhận.';
      const home = result.value.homeOrgUnitId;
      if (home && (await unknownOrgUnits(db, [home])).length) errors['person.homeOrgUnitId'] = `Không có đơn vị hành chính mã ${home}.`;
    }
    const isCompanion = current.position > 0;
    if (!isCompanion && body.relationship) errors.relationship = 'Chỉ ghi quan hệ cho người đi cùng (trẻ em, người thân).';
    if (Object.keys(errors).length || !result.ok) throw invalid(errors);

    const relationship = body.relationship === undefined ? current.relationship : body.relationship;
    const before = { ...plaintextPerson(cipher, current), ...(isCompanion ? { relationship: current.relationship } : {}) };
    const after = { ...comparablePerson(result.value), ...(isCompanion ? { relationship } : {}) };
    const fields = changedFields(before, after);
    if (!fields.length) throw invalid({ person: 'Thông tin không khác với hiện tại: không có gì để đính chính.' });
    await write(
      access,
      context,
      { action: 'victim.person_corrected', details: { personId, changedFields: fields, reason: body.reason } },
      async (tx) => {
        await insertRecordVersion(tx, versionRow(access, actor, { type: 'person', id: personId }, before, fields, body.reason));
        await updatePerson(tx, personId, { ...personColumns(cipher, result.value), relationship, updatedAt: clock() });
      },
      { expectedVersion: body.version },
    );
    return { id: personId };
  }

  async function correctReception(actor: Actor, fileId: string, body: Body<typeof receptionCorrectionBodySchema>, context: AuditContext) {
    const access = await loadFileAccess(db, actor, fileId);
    requireManage(access, 'victims');
    requireOpen(access);
    await requireVersion(access, body.version);
    const { file } = access;
    const reception = body.reception;
    const errors: Record<string, string> = {};
    if (reception.receivedOn > today()) errors['reception.receivedOn'] = 'Ngày tiếp nhận không được sau ngày hiện tại.';
    else if (reception.receivedOn < '1990-01-01') errors['reception.receivedOn'] = 'Ngày tiếp nhận không hợp lệ.';
    else {
      const born = access.persons
        .map((person) => person.dateOfBirth)
        .filter((date): date is string => Boolean(date) && date! > reception.receivedOn);
      // The earliest date recorded in the file (verification, support, stays, visits…): the reception may not follow it.
      const earliest = await earliestRecordDate(db, fileId);
      if (born.length) errors['reception.receivedOn'] = 'Ngày tiếp nhận không được trước ngày sinh của người trong hồ sơ.';
      else if (earliest && reception.receivedOn > earliest) {
        errors['reception.receivedOn'] =
          `Ngày tiếp nhận không được sau ngày ${formatVietnamDate(earliest)} đã ghi trong hồ sơ (xác minh, hỗ trợ, lưu trú, thăm hỏi, hồi hương).`;
      }
    }
    if (reception.receivedByAgencyId && !(await agencyRow(db, reception.receivedByAgencyId)))
      errors['reception.receivedByAgencyId'] = 'Không có cơ quan này trong danh mục.';
    if (Object.keys(errors).length) throw invalid(errors);

    const before: Record<string, unknown> = {
      receivedOn: file.receivedOn,
      receivedByAgencyId: file.receivedByAgencyId,
      receivedByName: file.receivedByName,
      receivingOfficer: file.receivingOfficer,
      place: file.receptionPlace,
      way: file.receptionWay,
      fromCountry: file.fromCountry,
      borderGate: file.borderGate,
      initialSupport: cipher.decryptNullable(file.initialSupportEnc, AAD.initialSupport),
      needs: file.needs,
    };
    // A field left out keeps its value; null clears it.
    const after = Object.fromEntries(
      Object.entries(before).map(([field, value]) => {
        const given = (reception as Record<string, unknown>)[field];
        return [field, given === undefined ? value : given];
      }),
    );
    const fields = changedFields(before, after);
    if (!fields.length) throw invalid({ reception: 'Thông tin không khác với hiện tại: không có gì để đính chính.' });
    await write(
      access,
      context,
      { action: 'victim.reception_corrected', details: { changedFields: fields, reason: body.reason } },
      async (tx) => {
        await insertRecordVersion(tx, versionRow(access, actor, { type: 'reception', id: fileId }, before, fields, body.reason));
        await updateFile(tx, fileId, {
          receivedOn: after.receivedOn as string,
          receivedByAgencyId: after.receivedByAgencyId as string | null,
          receivedByName: after.receivedByName as string | null,
          receivingOfficer: after.receivingOfficer as string | null,
          receptionPlace: after.place as string | null,
          receptionWay: after.way as string,
          fromCountry: after.fromCountry as string | null,
          borderGate: after.borderGate as string | null,
          initialSupportEnc: cipher.encryptNullable(after.initialSupport as string | null, AAD.initialSupport),
          needs: after.needs as string[],
        });
      },
      { expectedVersion: body.version },
    );
    return { id: fileId };
  }

  // ── Closing and reopening ─────────────────────────────────────────────────────────────────────
  async function close(actor: Actor, fileId: string, body: Body<typeof closeFileBodySchema>, context: AuditContext) {
    const access = await loadFileAccess(db, actor, fileId);
    requireManage(access, 'victims');
    const status = access.file.status as FileStatus;
    const problem = fileClosureProblem({ status, action: 'close', reason: body.reason, note: body.note });
    if (problem && problem.field !== 'note') throw new AppError('victim.file_status', { detail: problem.message });
    const errors: Record<string, string> = problem ? { note: problem.message } : {};
    if (body.closedOn > today()) errors.closedOn = 'Ngày đóng hồ sơ không được sau ngày hiện tại.';
    else if (body.closedOn < access.file.receivedOn) errors.closedOn = 'Ngày đóng hồ sơ không được trước ngày tiếp nhận.';
    if (Object.keys(errors).length) throw invalid(errors);
    await write(
      access,
      context,
      { action: 'victim.file_closed', details: { closedOn: body.closedOn, reason: body.reason, hasNote: Boolean(body.note) } },
      async (tx) => {
        // Counted after the file row is locked by the writer: a referral sent meanwhile is seen here.
        const counts = await fileClosureCounts(tx, fileId);
        const blocking = fileClosureProblem({ status, action: 'close', reason: body.reason, note: body.note, ...counts });
        if (blocking) throw new AppError('victim.file_status', { detail: blocking.message });
        await updateFile(tx, fileId, {
          status: 'closed',
          closedOn: body.closedOn,
          closureReason: body.reason,
          closureNoteEnc: cipher.encryptNullable(body.note, AAD.closureNote),
        });
      },
    );
    return { id: fileId };
  }

  async function reopen(actor: Actor, fileId: string, body: Body<typeof reopenFileBodySchema>, context: AuditContext) {
    const access = await loadFileAccess(db, actor, fileId);
    requireManage(access, 'victims');
    const problem = fileClosureProblem({ status: access.file.status as FileStatus, action: 'reopen' });
    if (problem) throw new AppError('victim.file_status', { detail: problem.message });
    await write(
      access,
      context,
      {
        action: 'victim.file_reopened',
        details: { reason: body.reason, closedOn: access.file.closedOn, closureReason: access.file.closureReason },
      },
      async (tx) => {
        const changed = await updateFileInStatus(tx, fileId, 'closed', {
          status: 'open',
          closedOn: null,
          closureReason: null,
          closureNoteEnc: null,
        });
        if (!changed) throw new AppError('resource.version_conflict');
      },
      { allowClosed: true },
    );
    return { id: fileId };
  }

  // ── Confidentiality flags ─────────────────────────────────────────────────────────────────────
  async function setConfidentiality(actor: Actor, fileId: string, body: Body<typeof confidentialityBodySchema>, context: AuditContext) {
    const access = await loadFileAccess(db, actor, fileId);
    requireManage(access, 'victims');
    requireOpen(access);
    const before = access.file.confidentialityFlags;
    const after = CONFIDENTIALITY_FLAGS.filter((flag) => body.flags.includes(flag));
    if (changedFields({ flags: [...before].sort() }, { flags: [...after].sort() }).length === 0) {
      throw invalid({ flags: 'Chỉ dẫn bảo mật không thay đổi.' });
    }
    await write(
      access,
      context,
      { action: 'victim.confidentiality_changed', details: { before, after, reason: body.reason } },
      async (tx) => {
        await updateFile(tx, fileId, { confidentialityFlags: after });
      },
    );
    return { id: fileId };
  }

  // ── Repatriation ──────────────────────────────────────────────────────────────────────────────
  /** Field errors of a repatriation as it would be stored (domain rules, dates, country). */
  function repatriationErrors(
    access: FileAccess,
    citizenship: string,
    record: {
      country: string;
      status: RepatriationStatus;
      missionContactedOn: string | null;
      handoverOn: string | null;
      handoverPlace: string | null;
    },
  ) {
    const day = today();
    const errors = repatriationProblems({ citizenship, ...record });
    if (record.country === 'VN' && citizenship !== 'VN') errors.country = 'Nước hồi hương phải là một nước khác Việt Nam.';
    Object.assign(errors, checkFileDates(access, day, { missionContactedOn: record.missionContactedOn }));
    // A handover may be planned ahead; once it took place its date is a real, past one.
    if (record.handoverOn) {
      if (record.handoverOn < access.file.receivedOn) errors.handoverOn = 'Ngày bàn giao không được trước ngày tiếp nhận.';
      else if (record.status === 'handed_over' && record.handoverOn > day)
        errors.handoverOn = 'Ngày bàn giao không được sau ngày hiện tại.';
    }
    return errors;
  }

  async function addRepatriation(actor: Actor, fileId: string, body: Body<typeof repatriationBodySchema>, context: AuditContext) {
    const access = await loadFileAccess(db, actor, fileId);
    requireManage(access, 'either');
    const person = personOf(access, body.personId);
    requireOpen(access);
    const record = {
      country: body.country ?? person.citizenship,
      status: body.status,
      missionContactedOn: body.missionContactedOn ?? null,
      handoverOn: body.handoverOn ?? null,
      handoverPlace: body.handoverPlace ?? null,
    };
    const errors = repatriationErrors(access, person.citizenship, record);
    if (body.status === 'cancelled') errors.status = 'Không ghi nhận mới một việc hồi hương đã hủy.';
    if (Object.keys(errors).length) throw invalid(errors);
    const row = await write(
      access,
      context,
      { action: 'victim.repatriation_recorded', details: { personId: person.id, country: record.country, status: record.status } },
      async (tx) => {
        return insertRepatriation(tx, {
          fileId,
          personId: person.id,
          ...accessColumnsOf(access.file),
          ...record,
          mission: body.mission ?? null,
          notesEnc: cipher.encryptNullable(body.notes, AAD.repatriationNotes),
          createdBy: actor.userId,
          createdAt: clock(),
          updatedAt: clock(),
        });
      },
    );
    return presentRepatriation(cipher, row);
  }

  async function updateRepatriation(actor: Actor, id: string, body: Body<typeof repatriationUpdateBodySchema>, context: AuditContext) {
    const current = await repatriationById(db, id);
    if (!current) throw notFound();
    const access = await loadFileAccess(db, actor, current.fileId);
    requireManage(access, 'either');
    const person = personOf(access, current.personId);
    requireOpen(access);
    const from = current.status as RepatriationStatus;
    if (!canMoveRepatriation(from, body.status)) {
      throw new AppError('victim.repatriation_status_not_allowed', {
        from: REPATRIATION_STATUS_LABELS[from].vi,
        to: REPATRIATION_STATUS_LABELS[body.status].vi,
      });
    }
    const keep = <T>(given: T | undefined, stored: T) => (given === undefined ? stored : given);
    const record = {
      country: current.country,
      status: body.status,
      missionContactedOn: keep(body.missionContactedOn, current.missionContactedOn),
      handoverOn: keep(body.handoverOn, current.handoverOn),
      handoverPlace: keep(body.handoverPlace, current.handoverPlace),
    };
    const errors = repatriationErrors(access, person.citizenship, record);
    if (Object.keys(errors).length) throw invalid(errors);
    const row = await write(
      access,
      context,
      { action: 'victim.repatriation_updated', details: { repatriationId: id, personId: person.id, from, to: body.status } },
      async (tx) => {
        const updated = await updateRepatriationInStatus(tx, id, from, {
          ...record,
          mission: keep(body.mission, current.mission),
          notesEnc: body.notes === undefined ? current.notesEnc : cipher.encryptNullable(body.notes, AAD.repatriationNotes),
          updatedAt: clock(),
        });
        if (!updated) throw new AppError('resource.version_conflict');
        return updated;
      },
    );
    return presentRepatriation(cipher, row);
  }

  return { correctPerson, correctReception, close, reopen, setConfidentiality, addRepatriation, updateRepatriation };
}
