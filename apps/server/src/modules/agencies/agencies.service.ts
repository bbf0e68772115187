import type { Database } from '@atmis/db';
import { canAccess, type Actor, type AgencyView } from '@atmis/domain';
import { recordAudit, type AuditContext } from '../../platform/audit/audit-log.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import { toIso } from '../../platform/http/pagination.ts';
import { findOrgUnit } from '../org-units/index.ts';
import {
  agencyNamesOf,
  currentAgencyName,
  endAgencyName,
  endAgencyNames,
  findAgency,
  findAgencyByCode,
  findAgencyPlace,
  insertAgency,
  insertAgencyName,
  listAgencies,
  updateAgency,
  type AgencyRow,
} from './agencies.repository.ts';

/**
 * The agency registry is reference data every signed-in user reads (tasks are addressed across
 * units); changing an agency needs manage:agencies over the agency's org unit.
 */
export function createAgenciesService({ db, clock }: { db: Database; clock: () => Date }) {
  function withActions(actor: Actor, row: AgencyRow): AgencyView {
    const canManage = canAccess(actor, 'manage:agencies', { orgUnitId: row.orgUnitId, agencyId: row.id });
    return { ...row, allowedActions: canManage && !row.validTo ? ['update', 'rename', 'merge'] : canManage ? ['update'] : [] };
  }

  async function list(actor: Actor, query: Parameters<typeof listAgencies>[1]) {
    const { rows, total, nextCursor } = await listAgencies(db, query);
    return { items: rows.map((row) => withActions(actor, row)), total, nextCursor };
  }

  async function get(actor: Actor, id: string): Promise<AgencyView> {
    const row = await findAgency(db, id);
    if (!row) throw notFound();
    return withActions(actor, row);
  }

  async function requireManageable(actor: Actor, id: string): Promise<AgencyView> {
    const agency = await get(actor, id);
    if (!agency.allowedActions.includes('update')) throw new AppError('auth.forbidden');
    return agency;
  }

  async function assertParent(parentId: string | null | undefined, selfId?: string) {
    if (!parentId) return;
    if (parentId === selfId)
      throw new AppError('validation.failed', {}, [{ path: 'parentId', message: 'Cơ quan không thể là cấp trên của chính nó.' }]);
    if (!(await findAgencyPlace(db, parentId)))
      throw new AppError('validation.failed', {}, [{ path: 'parentId', message: 'Cơ quan cấp trên không tồn tại.' }]);
  }

  async function create(
    actor: Actor,
    input: {
      code: string;
      name: string;
      shortName?: string | null | undefined;
      type: string;
      parentId?: string | null | undefined;
      orgUnitId: string;
      validFrom?: string | null | undefined;
    },
    context: AuditContext,
  ) {
    if (!canAccess(actor, 'manage:agencies', { orgUnitId: input.orgUnitId })) throw new AppError('auth.forbidden');
    if (!(await findOrgUnit(db, input.orgUnitId)))
      throw new AppError('validation.failed', {}, [{ path: 'orgUnitId', message: 'Đơn vị hành chính không tồn tại.' }]);
    await assertParent(input.parentId);
    if (await findAgencyByCode(db, input.code)) throw new AppError('resource.conflict', { detail: input.code });
    const id = await db.transaction(async (tx) => {
      const agencyId = await insertAgency(tx, {
        code: input.code,
        name: input.name,
        shortName: input.shortName ?? null,
        type: input.type,
        parentId: input.parentId ?? null,
        orgUnitId: input.orgUnitId,
        validFrom: input.validFrom ?? null,
      });
      await insertAgencyName(tx, {
        agencyId,
        name: input.name,
        shortName: input.shortName ?? null,
        validFrom: input.validFrom ?? null,
        changedBy: actor.userId,
        reason: 'created',
      });
      await recordAudit(
        tx,
        context,
        {
          action: 'agency.created',
          entityType: 'agency',
          entityId: agencyId,
          orgUnitId: input.orgUnitId,
          details: { code: input.code, name: input.name, type: input.type },
        },
        clock(),
      );
      return agencyId;
    });
    return get(actor, id);
  }

  async function update(
    actor: Actor,
    id: string,
    input: { type?: string | undefined; parentId?: string | null | undefined },
    context: AuditContext,
  ) {
    const agency = await requireManageable(actor, id);
    await assertParent(input.parentId, id);
    await db.transaction(async (tx) => {
      await updateAgency(tx, id, { ...input, updatedAt: clock() });
      await recordAudit(
        tx,
        context,
        {
          action: 'agency.updated',
          entityType: 'agency',
          entityId: id,
          orgUnitId: agency.orgUnitId,
          details: { before: { type: agency.type, parentId: agency.parentId }, after: input },
        },
        clock(),
      );
    });
    return get(actor, id);
  }

  /** A rename closes the current name's validity and opens a new one; the old name stays in history. */
  async function rename(
    actor: Actor,
    id: string,
    input: { name: string; shortName?: string | null | undefined; effectiveFrom: string; reason?: string | null | undefined },
    context: AuditContext,
  ) {
    const agency = await requireManageable(actor, id);
    if (agency.validTo) throw new AppError('resource.conflict', { detail: 'cơ quan đã hết hiệu lực' });
    await db.transaction(async (tx) => {
      const current = await currentAgencyName(tx, id);
      const dayBefore = new Date(Date.parse(`${input.effectiveFrom}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
      if (current) await endAgencyName(tx, current.id, dayBefore);
      await insertAgencyName(tx, {
        agencyId: id,
        name: input.name,
        shortName: input.shortName ?? null,
        validFrom: input.effectiveFrom,
        reason: input.reason ?? null,
        changedBy: actor.userId,
      });
      await updateAgency(tx, id, { name: input.name, shortName: input.shortName ?? null, updatedAt: clock() });
      await recordAudit(
        tx,
        context,
        {
          action: 'agency.renamed',
          entityType: 'agency',
          entityId: id,
          orgUnitId: agency.orgUnitId,
          details: { from: agency.name, to: input.name, effectiveFrom: input.effectiveFrom, reason: input.reason ?? null },
        },
        clock(),
      );
    });
    return get(actor, id);
  }

  /** Merging ends the agency's validity and names its successor; its records keep pointing at it. */
  async function merge(
    actor: Actor,
    id: string,
    input: { successorId: string; effectiveFrom: string; reason?: string | null | undefined },
    context: AuditContext,
  ) {
    const agency = await requireManageable(actor, id);
    if (agency.validTo) throw new AppError('resource.conflict', { detail: 'cơ quan đã hết hiệu lực' });
    if (input.successorId === id)
      throw new AppError('validation.failed', {}, [{ path: 'successorId', message: 'Không thể sáp nhập vào chính cơ quan này.' }]);
    const target = await get(actor, input.successorId).catch(() => null);
    if (!target || target.validTo)
      throw new AppError('validation.failed', {}, [
        { path: 'successorId', message: 'Cơ quan tiếp nhận không tồn tại hoặc đã hết hiệu lực.' },
      ]);
    const lastDay = new Date(Date.parse(`${input.effectiveFrom}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    await db.transaction(async (tx) => {
      await updateAgency(tx, id, { validTo: lastDay, successorId: input.successorId, updatedAt: clock() });
      await endAgencyNames(tx, id, lastDay);
      await recordAudit(
        tx,
        context,
        {
          action: 'agency.merged',
          entityType: 'agency',
          entityId: id,
          orgUnitId: agency.orgUnitId,
          details: { into: input.successorId, intoName: target.name, effectiveFrom: input.effectiveFrom, reason: input.reason ?? null },
        },
        clock(),
      );
    });
    return get(actor, id);
  }

  async function history(id: string) {
    const rows = await agencyNamesOf(db, id);
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      shortName: row.shortName,
      validFrom: row.validFrom,
      validTo: row.validTo,
      reason: row.reason,
      createdAt: toIso(row.createdAt) as string,
    }));
  }

  return { list, get, create, update, rename, merge, history };
}
