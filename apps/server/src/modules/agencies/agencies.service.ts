import { agencies, agencyNameHistory, orgUnits, type Database } from '@atmis/db';
import { canAccess, parseSort, type Actor, type AgencyView } from '@atmis/domain';
import { aliasedTable, and, asc, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { recordAudit, type AuditContext } from '../../platform/audit/audit-log.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import { keysetAfter, keysetCursor, keysetOrder, textSortExpression, toIso, type KeysetSort } from '../../platform/http/pagination.ts';
import { searchCondition } from '../../platform/http/search.ts';

const parent = aliasedTable(agencies, 'parent');
const successor = aliasedTable(agencies, 'successor');

const columns = {
  id: agencies.id,
  code: agencies.code,
  name: agencies.name,
  shortName: agencies.shortName,
  type: agencies.type,
  parentId: agencies.parentId,
  parentName: parent.name,
  orgUnitId: agencies.orgUnitId,
  orgUnitName: orgUnits.fullName,
  validFrom: agencies.validFrom,
  validTo: agencies.validTo,
  successorId: agencies.successorId,
  successorName: successor.name,
};

type Row = Omit<AgencyView, 'allowedActions'>;

/**
 * The agency registry is reference data every signed-in user reads (tasks are addressed across
 * units); changing an agency needs manage:agencies over the agency's org unit.
 */
export function createAgenciesService({ db, clock }: { db: Database; clock: () => Date }) {
  function withActions(actor: Actor, row: Row): AgencyView {
    const canManage = canAccess(actor, 'manage:agencies', { orgUnitId: row.orgUnitId, agencyId: row.id });
    return { ...row, allowedActions: canManage && !row.validTo ? ['update', 'rename', 'merge'] : canManage ? ['update'] : [] };
  }

  function baseQuery() {
    return db
      .select(columns)
      .from(agencies)
      .innerJoin(orgUnits, eq(orgUnits.id, agencies.orgUnitId))
      .leftJoin(parent, eq(parent.id, agencies.parentId))
      .leftJoin(successor, eq(successor.id, agencies.successorId));
  }

  async function list(
    actor: Actor,
    query: {
      limit: number;
      cursor?: string | undefined;
      sort: 'code' | '-code' | 'name' | '-name';
      q?: string | undefined;
      orgUnitId?: string | undefined;
      type?: string | undefined;
      includeInactive?: 'true' | 'false' | undefined;
    },
  ) {
    const conditions: SQL[] = [];
    const search = searchCondition(agencies.searchKey, query.q);
    if (search) conditions.push(search);
    if (query.orgUnitId) conditions.push(eq(agencies.orgUnitId, query.orgUnitId));
    if (query.type) conditions.push(eq(agencies.type, query.type));
    if (query.includeInactive !== 'true') conditions.push(isNull(agencies.validTo));
    const where = conditions.length ? and(...conditions) : undefined;
    const { key, isDescending } = parseSort(query.sort);
    const sort: KeysetSort = { key, expression: textSortExpression(agencies[key], key === 'name'), idColumn: agencies.id, isDescending };
    const rows: (Row & { sortValue: string })[] = await db
      .select({ ...columns, sortValue: sql<string>`${sort.expression}` })
      .from(agencies)
      .innerJoin(orgUnits, eq(orgUnits.id, agencies.orgUnitId))
      .leftJoin(parent, eq(parent.id, agencies.parentId))
      .leftJoin(successor, eq(successor.id, agencies.successorId))
      .where(and(where, keysetAfter(sort, query.cursor)))
      .orderBy(...keysetOrder(sort))
      .limit(query.limit + 1);
    const [count] = await db
      .select({ total: sql<number>`count(*)::int` })
      .from(agencies)
      .where(where);
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    const items = page.map(({ sortValue: _sortValue, ...row }) => withActions(actor, row));
    return {
      items,
      total: count?.total ?? 0,
      nextCursor: rows.length > query.limit && last ? keysetCursor(sort, last.sortValue, last.id) : null,
    };
  }

  async function get(actor: Actor, id: string): Promise<AgencyView> {
    const [row] = await baseQuery().where(eq(agencies.id, id));
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
    const [row] = await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.id, parentId));
    if (!row) throw new AppError('validation.failed', {}, [{ path: 'parentId', message: 'Cơ quan cấp trên không tồn tại.' }]);
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
    const [unit] = await db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.id, input.orgUnitId));
    if (!unit) throw new AppError('validation.failed', {}, [{ path: 'orgUnitId', message: 'Đơn vị hành chính không tồn tại.' }]);
    await assertParent(input.parentId);
    const [existing] = await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, input.code));
    if (existing) throw new AppError('resource.conflict', { detail: input.code });
    const id = await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(agencies)
        .values({
          code: input.code,
          name: input.name,
          shortName: input.shortName ?? null,
          type: input.type,
          parentId: input.parentId ?? null,
          orgUnitId: input.orgUnitId,
          validFrom: input.validFrom ?? null,
        })
        .returning({ id: agencies.id });
      await tx.insert(agencyNameHistory).values({
        agencyId: row!.id,
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
          entityId: row!.id,
          orgUnitId: input.orgUnitId,
          details: { code: input.code, name: input.name, type: input.type },
        },
        clock(),
      );
      return row!.id;
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
      await tx
        .update(agencies)
        .set({ ...input, updatedAt: clock() })
        .where(eq(agencies.id, id));
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
      const [current] = await tx
        .select()
        .from(agencyNameHistory)
        .where(and(eq(agencyNameHistory.agencyId, id), isNull(agencyNameHistory.validTo)))
        .orderBy(desc(agencyNameHistory.createdAt))
        .limit(1);
      const dayBefore = new Date(Date.parse(`${input.effectiveFrom}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
      if (current) await tx.update(agencyNameHistory).set({ validTo: dayBefore }).where(eq(agencyNameHistory.id, current.id));
      await tx.insert(agencyNameHistory).values({
        agencyId: id,
        name: input.name,
        shortName: input.shortName ?? null,
        validFrom: input.effectiveFrom,
        reason: input.reason ?? null,
        changedBy: actor.userId,
      });
      await tx
        .update(agencies)
        .set({ name: input.name, shortName: input.shortName ?? null, updatedAt: clock() })
        .where(eq(agencies.id, id));
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
      await tx.update(agencies).set({ validTo: lastDay, successorId: input.successorId, updatedAt: clock() }).where(eq(agencies.id, id));
      await tx
        .update(agencyNameHistory)
        .set({ validTo: lastDay })
        .where(and(eq(agencyNameHistory.agencyId, id), isNull(agencyNameHistory.validTo)));
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
    const rows = await db
      .select()
      .from(agencyNameHistory)
      .where(eq(agencyNameHistory.agencyId, id))
      .orderBy(asc(agencyNameHistory.createdAt));
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
