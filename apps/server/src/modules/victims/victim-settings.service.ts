import type { Transaction } from '@atmis/db';
import {
  type Actor,
  canAccess,
  type deadlineRuleUpdateBodySchema,
  type DeadlineKind,
  DEFAULT_DEADLINE_RULES,
  type facilityUpdateBodySchema,
  type holidayBodySchema,
  type supportRateUpdateBodySchema,
  formatVietnamDate,
} from '@atmis/domain';
import type { z } from 'zod';
import { recordAudit, type AuditContext } from '../../platform/audit/audit-log.ts';
import { AppError, forbidden, notFound } from '../../platform/errors/app-error.ts';
import { toIso } from '../../platform/http/pagination.ts';
import { invalid, requireAnyPermission, type VictimDeps } from './victim-access.ts';
import {
  deadlineRuleOverride,
  deleteDeadlineRule,
  deleteHoliday,
  facilityViewById,
  holidayOn,
  updateSupportRate,
  upsertDeadlineRule,
  upsertHoliday,
  writeFacilityChanges,
} from './victim-settings.repository.ts';
import { countOpenStays, facilityById, lockFacility, supportRateById } from './victim-support.repository.ts';
import { presentRate } from './victim-views.ts';
import { orgUnitNamesById } from '../org-units/index.ts';
import { deadlineSettingsRows } from './victims.repository.ts';

type Body<T extends z.ZodType> = z.infer<T>;

/**
 * Administrators' data of the victims module: the legal deadline rules (national overrides of the
 * domain defaults) and the extra non-working days, and the edits of the support-rate and facility
 * registries. Rates are never re-priced or deleted: a rate ends and a new one is entered.
 */
export function createVictimSettingsService({ db, clock }: Pick<VictimDeps, 'db' | 'clock'>) {
  /** Deadline rules are national: only a national grant of manage:victims changes them. */
  const canManageDeadlines = (actor: Actor) => canAccess(actor, 'manage:victims', { orgUnitId: 'VN' });

  async function deadlineSettings(actor: Actor) {
    requireAnyPermission(actor, ['read:victims', 'read:support']);
    const { overrides, holidays } = await deadlineSettingsRows(db);
    const byCode = new Map(overrides.map((row) => [row.code, row]));
    return {
      rules: DEFAULT_DEADLINE_RULES.map((rule) => {
        const override = byCode.get(rule.code);
        return {
          code: rule.code,
          label: rule.label,
          labelEn: rule.labelEn,
          days: override?.days ?? rule.days,
          kind: (override?.kind as DeadlineKind | undefined) ?? rule.kind,
          from: rule.from,
          legalReference: override ? override.legalReference : rule.legalReference,
          note: override ? override.note : (rule.note ?? null),
          isOverridden: Boolean(override),
          defaultDays: rule.days,
          defaultKind: rule.kind,
          updatedAt: override ? toIso(override.updatedAt) : null,
        };
      }),
      holidays: holidays.map((row) => ({ date: row.date, name: row.name })),
      canManage: canManageDeadlines(actor),
    };
  }

  /** A change of the settings by a national administrator, audited in its transaction; answers the new settings. */
  async function changeSettings(
    actor: Actor,
    context: AuditContext,
    audit: {
      action: 'victim.deadline_rule_changed' | 'victim.holiday_changed';
      entityType: string;
      entityId: string | null;
      details: Record<string, unknown>;
    },
    work: (tx: Transaction) => Promise<void>,
  ) {
    await db.transaction(async (tx) => {
      await work(tx);
      await recordAudit(tx, context, { ...audit, orgUnitId: 'VN' }, clock());
    });
    return deadlineSettings(actor);
  }

  function defaultRule(code: string) {
    const rule = DEFAULT_DEADLINE_RULES.find((candidate) => candidate.code === code);
    if (!rule) throw notFound();
    return rule;
  }

  async function setRule(actor: Actor, code: string, body: Body<typeof deadlineRuleUpdateBodySchema>, context: AuditContext) {
    if (!canManageDeadlines(actor)) throw forbidden();
    const rule = defaultRule(code);
    const values = { days: body.days, kind: body.kind, legalReference: body.legalReference, note: body.note ?? null };
    return changeSettings(
      actor,
      context,
      {
        action: 'victim.deadline_rule_changed',
        entityType: 'victim_deadline_rule',
        entityId: null,
        details: {
          code,
          days: body.days,
          kind: body.kind,
          legalReference: body.legalReference,
          defaultDays: rule.days,
          defaultKind: rule.kind,
        },
      },
      (tx) => upsertDeadlineRule(tx, code, { ...values, updatedBy: actor.userId, updatedAt: clock() }),
    );
  }

  async function resetRule(actor: Actor, code: string, context: AuditContext) {
    if (!canManageDeadlines(actor)) throw forbidden();
    const rule = defaultRule(code);
    const current = await deadlineRuleOverride(db, code);
    if (!current) throw notFound();
    return changeSettings(
      actor,
      context,
      {
        action: 'victim.deadline_rule_changed',
        entityType: 'victim_deadline_rule',
        entityId: null,
        details: { code, reset: true, days: rule.days, kind: rule.kind, previousDays: current.days, previousKind: current.kind },
      },
      (tx) => deleteDeadlineRule(tx, code),
    );
  }

  async function setHoliday(actor: Actor, body: Body<typeof holidayBodySchema>, context: AuditContext) {
    if (!canManageDeadlines(actor)) throw forbidden();
    return changeSettings(
      actor,
      context,
      {
        action: 'victim.holiday_changed',
        entityType: 'victim_holiday',
        entityId: null,
        details: { date: body.date, name: body.name, set: true },
      },
      (tx) => upsertHoliday(tx, { date: body.date, name: body.name, createdBy: actor.userId, createdAt: clock() }),
    );
  }

  async function removeHoliday(actor: Actor, date: string, context: AuditContext) {
    if (!canManageDeadlines(actor)) throw forbidden();
    const current = await holidayOn(db, date);
    if (!current) throw notFound();
    return changeSettings(
      actor,
      context,
      {
        action: 'victim.holiday_changed',
        entityType: 'victim_holiday',
        entityId: null,
        details: { date, name: current.name, removed: true },
      },
      (tx) => deleteHoliday(tx, date),
    );
  }

  // ── Registry edits ────────────────────────────────────────────────────────────────────────────
  async function updateRate(actor: Actor, id: string, body: Body<typeof supportRateUpdateBodySchema>, context: AuditContext) {
    const rate = await supportRateById(db, id);
    if (!rate) throw notFound();
    if (!canAccess(actor, 'manage:support', { orgUnitId: rate.orgUnitId })) throw forbidden();
    const validTo = body.validTo === undefined ? rate.validTo : body.validTo;
    const legalBasis = body.legalBasis ?? rate.legalBasis;
    if (validTo && validTo < rate.validFrom) {
      throw invalid({ validTo: `Ngày hết hiệu lực không được trước ngày bắt đầu áp dụng (${formatVietnamDate(rate.validFrom)}).` });
    }
    if (validTo === rate.validTo && legalBasis === rate.legalBasis)
      throw invalid({ validTo: 'Không có thay đổi nào so với định mức hiện tại.' });
    const row = await db.transaction(async (tx) => {
      const updated = await updateSupportRate(tx, id, { validTo, legalBasis });
      await recordAudit(
        tx,
        context,
        {
          action: 'victim.support_rate_updated',
          entityType: 'victim_support_rate',
          entityId: id,
          orgUnitId: rate.orgUnitId,
          details: { type: rate.type, before: { validTo: rate.validTo, legalBasis: rate.legalBasis }, after: { validTo, legalBasis } },
        },
        clock(),
      );
      return updated!;
    });
    return presentRate(row, await orgUnitNamesById(db, [row.orgUnitId]));
  }

  /**
   * Renaming, resizing, (de)activating a facility: manage:support over it (a facility seen from a
   * unit below it but not managed is a 403). Never below the persons staying there now, never
   * deactivated while someone stays.
   */
  async function updateFacility(actor: Actor, id: string, body: Body<typeof facilityUpdateBodySchema>, context: AuditContext) {
    requireAnyPermission(actor, ['read:support']);
    const facility = await facilityById(db, id);
    if (!facility) throw notFound();
    const record = { orgUnitId: facility.orgUnitId, agencyId: facility.agencyId };
    const seenFromBelow = actor.assignments.some((assignment) => assignment.orgUnitId.startsWith(`${facility.orgUnitId}.`));
    if (!canAccess(actor, 'read:support', record) && !seenFromBelow) throw notFound();
    if (!canAccess(actor, 'manage:support', record)) throw forbidden();
    const changes = {
      name: body.name ?? facility.name,
      capacity: body.capacity ?? facility.capacity,
      isActive: body.isActive ?? facility.isActive,
    };
    if (changes.name === facility.name && changes.capacity === facility.capacity && changes.isActive === facility.isActive) {
      throw invalid({ name: 'Không có thay đổi nào so với thông tin hiện tại của cơ sở.' });
    }
    await db.transaction(async (tx) => {
      // The same lock as an admission: the occupancy counted here cannot grow before the change is written.
      await lockFacility(tx, id);
      const occupied = await countOpenStays(tx, id);
      if (changes.capacity < occupied) {
        throw new AppError('victim.facility_below_occupancy', { facility: changes.name, capacity: changes.capacity, occupied });
      }
      if (!changes.isActive && facility.isActive && occupied > 0) {
        throw new AppError('resource.conflict', {
          detail: `${facility.name} đang có ${occupied} người ở; cần ghi nhận ngày ra của họ trước khi ngừng hoạt động cơ sở`,
        });
      }
      await writeFacilityChanges(tx, id, { ...changes, updatedAt: clock() });
      await recordAudit(
        tx,
        context,
        {
          action: 'victim.facility_updated',
          entityType: 'victim_facility',
          entityId: id,
          orgUnitId: facility.orgUnitId,
          details: {
            before: { name: facility.name, capacity: facility.capacity, isActive: facility.isActive },
            after: changes,
          },
        },
        clock(),
      );
    });
    return (await facilityViewById(db, id))!;
  }

  return { deadlineSettings, setRule, resetRule, setHoliday, removeHoliday, updateRate, updateFacility };
}
