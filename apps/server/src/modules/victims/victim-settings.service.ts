import {
  victimDeadlineRules,
  victimFacilities,
  victimFacilityStays,
  victimHolidays,
  victimSupportRates,
  type Transaction,
} from '@atmis/db';
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
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { recordAudit, type AuditContext } from '../../platform/audit/audit-log.ts';
import { AppError, forbidden, notFound } from '../../platform/errors/app-error.ts';
import { toIso } from '../../platform/http/pagination.ts';
import { invalid, requireAnyPermission, type VictimDeps } from './victim-access.ts';
import { presentRate } from './victim-views.ts';
import { deadlineSettingsRows, orgUnitNames, selectFacilities } from './victims.repository.ts';

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
      async (tx) => {
        await tx
          .insert(victimDeadlineRules)
          .values({ code, ...values, updatedBy: actor.userId, updatedAt: clock() })
          .onConflictDoUpdate({ target: victimDeadlineRules.code, set: { ...values, updatedBy: actor.userId, updatedAt: clock() } });
      },
    );
  }

  async function resetRule(actor: Actor, code: string, context: AuditContext) {
    if (!canManageDeadlines(actor)) throw forbidden();
    const rule = defaultRule(code);
    const [current] = await db.select().from(victimDeadlineRules).where(eq(victimDeadlineRules.code, code));
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
      async (tx) => {
        await tx.delete(victimDeadlineRules).where(eq(victimDeadlineRules.code, code));
      },
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
      async (tx) => {
        await tx
          .insert(victimHolidays)
          .values({ date: body.date, name: body.name, createdBy: actor.userId, createdAt: clock() })
          .onConflictDoUpdate({ target: victimHolidays.date, set: { name: body.name } });
      },
    );
  }

  async function removeHoliday(actor: Actor, date: string, context: AuditContext) {
    if (!canManageDeadlines(actor)) throw forbidden();
    const [current] = await db.select().from(victimHolidays).where(eq(victimHolidays.date, date));
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
      async (tx) => {
        await tx.delete(victimHolidays).where(eq(victimHolidays.date, date));
      },
    );
  }

  // ── Registry edits ────────────────────────────────────────────────────────────────────────────
  async function updateRate(actor: Actor, id: string, body: Body<typeof supportRateUpdateBodySchema>, context: AuditContext) {
    const [rate] = await db.select().from(victimSupportRates).where(eq(victimSupportRates.id, id));
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
      const [updated] = await tx.update(victimSupportRates).set({ validTo, legalBasis }).where(eq(victimSupportRates.id, id)).returning();
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
    return presentRate(row, await orgUnitNames(db, [row.orgUnitId]));
  }

  /**
   * Renaming, resizing, (de)activating a facility: manage:support over it (a facility seen from a
   * unit below it but not managed is a 403). Never below the persons staying there now, never
   * deactivated while someone stays.
   */
  async function updateFacility(actor: Actor, id: string, body: Body<typeof facilityUpdateBodySchema>, context: AuditContext) {
    requireAnyPermission(actor, ['read:support']);
    const [facility] = await db.select().from(victimFacilities).where(eq(victimFacilities.id, id));
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
      await tx.execute(sql`select id from ${victimFacilities} where ${victimFacilities.id} = ${id} for update`);
      const [count] = await tx
        .select({ occupied: sql<number>`count(*)::int` })
        .from(victimFacilityStays)
        .where(and(eq(victimFacilityStays.facilityId, id), isNull(victimFacilityStays.dischargedOn)));
      const occupied = count?.occupied ?? 0;
      if (changes.capacity < occupied) {
        throw new AppError('victim.facility_below_occupancy', { facility: changes.name, capacity: changes.capacity, occupied });
      }
      if (!changes.isActive && facility.isActive && occupied > 0) {
        throw new AppError('resource.conflict', {
          detail: `${facility.name} đang có ${occupied} người ở; cần ghi nhận ngày ra của họ trước khi ngừng hoạt động cơ sở`,
        });
      }
      await tx
        .update(victimFacilities)
        .set({ ...changes, updatedAt: clock() })
        .where(eq(victimFacilities.id, id));
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
    const [view] = await selectFacilities(db).where(eq(victimFacilities.id, id));
    return view!;
  }

  return { deadlineSettings, setRule, resetRule, setHoliday, removeHoliday, updateRate, updateFacility };
}
