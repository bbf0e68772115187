import {
  type Actor,
  canAccess,
  type dischargeBodySchema,
  type facilityBodySchema,
  scopeFilterFor,
  type stayBodySchema,
  type supportRateBodySchema,
  type supportServiceBodySchema,
  type supportServiceUpdateBodySchema,
  type SupportStatus,
  canMoveSupport,
  SUPPORT_STATUS_LABELS,
  supportNeedsStartDate,
  formatVietnamDate,
} from '@atmis/domain';
import type { z } from 'zod';
import { recordAudit, type AuditContext } from '../../platform/audit/audit-log.ts';
import { AppError, forbidden, notFound } from '../../platform/errors/app-error.ts';
import { findOrgUnit } from '../org-units/index.ts';
import {
  AAD,
  accessColumnsOf,
  createFileDateChecker,
  createFileWriter,
  invalid,
  loadFileAccess,
  requireAnyPermission,
  requireOpen,
  requireSupportManager,
  todayOf,
  type FileAccess,
  type VictimDeps,
} from './victim-access.ts';
import { referralById } from './victim-referrals.repository.ts';
import {
  countOpenStays,
  dischargeStayIfOpen,
  facilityById,
  insertFacility,
  insertStay,
  insertSupportRate,
  insertSupportService,
  listReachableFacilities,
  listSupportRates,
  lockFacility,
  openStayOfPerson,
  stayById,
  supportRateById,
  supportServiceById,
  updateSupportServiceInStatus,
} from './victim-support.repository.ts';
import { loadDeadlineContext, presentRate, presentStay, presentSupportService } from './victim-views.ts';
import { agencyNamesById } from '../agencies/index.ts';
import { orgUnitNamesById } from '../org-units/index.ts';
import { agencyRow, unknownOrgUnits } from './victims.repository.ts';

type Body<T extends z.ZodType> = z.infer<T>;

/**
 * Support for the persons of a victim file: support services, the support rates administrators
 * set, and facilities with the stays of persons placed in them.
 */
export function createVictimSupportService({ db, clock, cipher }: VictimDeps) {
  const today = () => todayOf(clock);

  const write = createFileWriter({ db, clock });
  const checkDates = createFileDateChecker(clock);

  // ── Support ───────────────────────────────────────────────────────────────────────────────────
  /** The file of a support record, for one who may record support for the person (else 403/404); open files only. */
  async function supportAccess(actor: Actor, fileId: string, personId: string) {
    const access = await loadFileAccess(db, actor, fileId);
    await requireSupportManager(db, actor, access, personId);
    requireOpen(access);
    return access;
  }

  function checkSupportDates(access: FileAccess, body: { appliedOn?: string | null; startedOn?: string | null; endedOn?: string | null }) {
    const errors = checkDates(access, { appliedOn: body.appliedOn, startedOn: body.startedOn, endedOn: body.endedOn });
    if (body.startedOn && body.endedOn && body.endedOn < body.startedOn) errors.endedOn = 'Ngày kết thúc không được trước ngày bắt đầu.';
    return errors;
  }

  async function addSupport(actor: Actor, fileId: string, body: Body<typeof supportServiceBodySchema>, context: AuditContext) {
    const access = await supportAccess(actor, fileId, body.personId);
    const errors = checkSupportDates(access, body);
    if (supportNeedsStartDate(body.status) && !body.startedOn) errors.startedOn = 'Cần ghi ngày bắt đầu hỗ trợ.';
    if (body.providerAgencyId && !(await agencyRow(db, body.providerAgencyId)))
      errors.providerAgencyId = 'Không có cơ quan này trong danh mục.';
    let amountVnd = body.amountVnd ?? null;
    if (body.rateId) {
      const rate = await supportRateById(db, body.rateId);
      const on = body.startedOn ?? body.appliedOn ?? today();
      if (!rate || rate.type !== body.type) errors.rateId = 'Định mức không có hoặc không đúng loại hỗ trợ.';
      else if (rate.validFrom > on || (rate.validTo !== null && rate.validTo < on))
        errors.rateId = 'Định mức không còn hiệu lực vào ngày hỗ trợ.';
      else if (rate.per === 'person' && amountVnd === null) amountVnd = rate.amountVnd;
    }
    if (body.referralId) {
      const referral = await referralById(db, body.referralId);
      if (referral?.fileId !== fileId) errors.referralId = 'Chuyển tuyến không thuộc hồ sơ này.';
    }
    if (Object.keys(errors).length) throw invalid(errors);
    const row = await write(
      access,
      context,
      { action: 'victim.support_created', details: { personId: body.personId, type: body.type, status: body.status, amountVnd } },
      (tx) =>
        insertSupportService(tx, {
          fileId,
          personId: body.personId,
          ...accessColumnsOf(access.file),
          type: body.type,
          providerAgencyId: body.providerAgencyId ?? null,
          providerName: body.providerName ?? null,
          status: body.status,
          appliedOn: body.appliedOn ?? null,
          startedOn: body.startedOn ?? null,
          endedOn: body.endedOn ?? null,
          amountVnd,
          rateId: body.rateId ?? null,
          referralId: body.referralId ?? null,
          notesEnc: cipher.encryptNullable(body.notes, AAD.supportNotes),
          createdBy: actor.userId,
          createdAt: clock(),
          updatedAt: clock(),
        }),
    );
    return presentSupportService(cipher, row, today(), await loadDeadlineContext(db), await agencyNamesById(db, [row.providerAgencyId]));
  }

  async function updateSupport(actor: Actor, id: string, body: Body<typeof supportServiceUpdateBodySchema>, context: AuditContext) {
    const current = await supportServiceById(db, id);
    if (!current) throw notFound();
    const access = await supportAccess(actor, current.fileId, current.personId);
    const from = current.status as SupportStatus;
    if (!canMoveSupport(from, body.status)) {
      throw new AppError('victim.support_status_not_allowed', {
        from: SUPPORT_STATUS_LABELS[from].vi,
        to: SUPPORT_STATUS_LABELS[body.status].vi,
      });
    }
    const startedOn = body.startedOn === undefined ? current.startedOn : body.startedOn;
    const endedOn = body.endedOn === undefined ? current.endedOn : body.endedOn;
    const errors = checkSupportDates(access, { startedOn, endedOn });
    if (supportNeedsStartDate(body.status) && !startedOn) errors.startedOn = 'Cần ghi ngày bắt đầu hỗ trợ.';
    if (Object.keys(errors).length) throw invalid(errors);
    const row = await write(
      access,
      context,
      {
        action: 'victim.support_updated',
        details: { supportId: id, from, to: body.status, amountVnd: body.amountVnd ?? current.amountVnd },
      },
      async (tx) => {
        const updated = await updateSupportServiceInStatus(tx, id, from, {
          status: body.status,
          startedOn,
          endedOn,
          amountVnd: body.amountVnd === undefined ? current.amountVnd : body.amountVnd,
          notesEnc: body.notes === undefined ? current.notesEnc : cipher.encryptNullable(body.notes, AAD.supportNotes),
          updatedAt: clock(),
        });
        if (!updated) throw new AppError('resource.version_conflict');
        return updated;
      },
    );
    return presentSupportService(cipher, row, today(), await loadDeadlineContext(db), await agencyNamesById(db, [row.providerAgencyId]));
  }

  // ── Support rates (administrators' data: amounts are never hard-coded) ─────────────────────────

  async function listRates(query: { type?: string | undefined; orgUnitId?: string | undefined; on?: string | undefined }) {
    const rows = await listSupportRates(db, query);
    const unitNames = await orgUnitNamesById(
      db,
      rows.map((row) => row.orgUnitId),
    );
    return { items: rows.map((row) => presentRate(row, unitNames)) };
  }

  async function createRate(actor: Actor, body: Body<typeof supportRateBodySchema>, context: AuditContext) {
    if (!canAccess(actor, 'manage:support', { orgUnitId: body.orgUnitId })) throw forbidden();
    const errors: Record<string, string> = {};
    const unit = await findOrgUnit(db, body.orgUnitId);
    if (!unit) errors.orgUnitId = `Không có đơn vị hành chính mã ${body.orgUnitId}.`;
    else if (unit.level !== 'national' && unit.level !== 'province')
      errors.orgUnitId = 'Định mức hỗ trợ do cấp tỉnh hoặc trung ương ban hành.';
    if (body.validTo && body.validTo < body.validFrom) errors.validTo = 'Ngày hết hiệu lực không được trước ngày bắt đầu áp dụng.';
    if (Object.keys(errors).length) throw invalid(errors);
    const row = await db.transaction(async (tx) => {
      const inserted = await insertSupportRate(tx, { ...body, validTo: body.validTo ?? null, createdBy: actor.userId, createdAt: clock() });
      await recordAudit(
        tx,
        context,
        {
          action: 'victim.support_rate_created',
          entityType: 'victim_support_rate',
          entityId: inserted.id,
          orgUnitId: body.orgUnitId,
          details: { type: body.type, amountVnd: body.amountVnd, per: body.per, validFrom: body.validFrom, validTo: body.validTo ?? null },
        },
        clock(),
      );
      return inserted;
    });
    return presentRate(row, await orgUnitNamesById(db, [row.orgUnitId]));
  }

  // ── Facilities and stays ─────────────────────────────────────────────────────────────────────────
  /** Facilities a reader may place persons in: those in their read:support scope and those of the units above them. */
  async function listFacilities(actor: Actor, query: { orgUnitId?: string | undefined }) {
    requireAnyPermission(actor, ['read:support']);
    const rows = await listReachableFacilities(db, {
      scope: scopeFilterFor(actor, 'read:support'),
      belowOrgUnitIds: [...new Set(actor.assignments.map((assignment) => assignment.orgUnitId))],
      orgUnitId: query.orgUnitId,
    });
    return { items: rows };
  }

  async function createFacility(actor: Actor, body: Body<typeof facilityBodySchema>, context: AuditContext) {
    const orgUnitId = body.orgUnitId ?? actor.orgUnitId;
    const agencyId = body.agencyId === undefined ? actor.agencyId : body.agencyId;
    if (!canAccess(actor, 'manage:support', { orgUnitId, agencyId })) throw forbidden();
    const errors: Record<string, string> = {};
    if ((await unknownOrgUnits(db, [orgUnitId])).length) errors.orgUnitId = `Không có đơn vị hành chính mã ${orgUnitId}.`;
    if (agencyId && !(await agencyRow(db, agencyId))) errors.agencyId = 'Không có cơ quan này trong danh mục.';
    if (Object.keys(errors).length) throw invalid(errors);
    const id = await db.transaction(async (tx) => {
      const facilityId = await insertFacility(tx, {
        name: body.name,
        orgUnitId,
        agencyId,
        capacity: body.capacity,
        createdBy: actor.userId,
        createdAt: clock(),
        updatedAt: clock(),
      });
      await recordAudit(
        tx,
        context,
        {
          action: 'victim.facility_created',
          entityType: 'victim_facility',
          entityId: facilityId,
          orgUnitId,
          details: { name: body.name, capacity: body.capacity },
        },
        clock(),
      );
      return facilityId;
    });
    const { items } = await listFacilities(actor, {});
    return items.find((item) => item.id === id)!;
  }

  async function admit(actor: Actor, fileId: string, body: Body<typeof stayBodySchema>, context: AuditContext) {
    const access = await supportAccess(actor, fileId, body.personId);
    const facility = await facilityById(db, body.facilityId);
    const errors = checkDates(access, { admittedOn: body.admittedOn });
    if (!facility || !facility.isActive) errors.facilityId = 'Không có cơ sở này hoặc cơ sở đã ngừng hoạt động.';
    if (Object.keys(errors).length) throw invalid(errors);
    const id = await write(
      access,
      context,
      { action: 'victim.stay_admitted', details: { personId: body.personId, facilityId: facility!.id, admittedOn: body.admittedOn } },
      async (tx) => {
        // One admission at a time per facility: the capacity check and the insert see the same occupancy.
        await lockFacility(tx, facility!.id);
        const open = await openStayOfPerson(tx, body.personId);
        if (open) {
          throw new AppError('victim.stay_open', {
            facility: open.facilityName,
            date: formatVietnamDate(open.stay.admittedOn),
          });
        }
        if ((await countOpenStays(tx, facility!.id)) >= facility!.capacity) {
          throw new AppError('victim.facility_full', { facility: facility!.name, capacity: facility!.capacity });
        }
        return insertStay(tx, {
          facilityId: facility!.id,
          fileId,
          personId: body.personId,
          ...accessColumnsOf(access.file),
          admittedOn: body.admittedOn,
          notesEnc: cipher.encryptNullable(body.notes, AAD.stayNotes),
          createdBy: actor.userId,
          createdAt: clock(),
          updatedAt: clock(),
        });
      },
    );
    return presentStay(cipher, (await stayById(db, id))!);
  }

  async function discharge(actor: Actor, stayId: string, body: Body<typeof dischargeBodySchema>, context: AuditContext) {
    const current = await stayById(db, stayId);
    if (!current) throw notFound();
    const access = await supportAccess(actor, current.stay.fileId, current.stay.personId);
    if (current.stay.dischargedOn)
      throw new AppError('resource.conflict', {
        detail: `đã ra khỏi cơ sở ngày ${formatVietnamDate(current.stay.dischargedOn)}`,
      });
    const dischargedOn = body.dischargedOn ?? today();
    const errors = checkDates(access, { dischargedOn });
    if (dischargedOn < current.stay.admittedOn) errors.dischargedOn = 'Ngày ra không được trước ngày vào cơ sở.';
    if (Object.keys(errors).length) throw invalid(errors);
    await write(
      access,
      context,
      { action: 'victim.stay_discharged', details: { stayId, personId: current.stay.personId, dischargedOn } },
      async (tx) => {
        const discharged = await dischargeStayIfOpen(tx, stayId, {
          dischargedOn,
          notesEnc: body.notes === undefined ? current.stay.notesEnc : cipher.encryptNullable(body.notes, AAD.stayNotes),
          updatedAt: clock(),
        });
        if (!discharged) throw new AppError('resource.version_conflict');
      },
    );
    return presentStay(cipher, (await stayById(db, stayId))!);
  }

  return {
    addSupport,
    updateSupport,
    listRates,
    createRate,
    listFacilities,
    createFacility,
    admit,
    discharge,
  };
}
