import { orgUnits, type Executor } from '@atmis/db';
import type { OrgUnitView } from '@atmis/domain';
import { and, asc, eq, gt, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import { decodeCursor, encodeCursor } from '../../platform/http/pagination.ts';
import { searchCondition } from '../../platform/http/search.ts';

export type OrgUnitRow = typeof orgUnits.$inferSelect;

export function presentOrgUnit(row: OrgUnitRow): OrgUnitView {
  const { searchKey: _searchKey, successorId: _successorId, ...view } = row;
  return view;
}

export async function listOrgUnits(
  executor: Executor,
  query: {
    limit: number;
    cursor?: string | undefined;
    q?: string | undefined;
    parentId?: string | undefined;
    level?: OrgUnitView['level'] | undefined;
    era: 'current' | 'pre2025' | 'all';
  },
): Promise<{ items: OrgUnitView[]; total: number; nextCursor: string | null }> {
  const conditions = [
    searchCondition(orgUnits.searchKey, query.q),
    query.parentId ? eq(orgUnits.parentId, query.parentId) : undefined,
    query.level ? eq(orgUnits.level, query.level) : undefined,
    query.era === 'current' ? sql`(${orgUnits.validTo} is null)` : undefined,
    query.era === 'pre2025' ? isNotNull(orgUnits.validTo) : undefined,
  ].filter((condition): condition is SQL => condition !== undefined);
  const where = conditions.length ? and(...conditions) : undefined;
  const after = decodeCursor(query.cursor, 1) as [string] | null;
  const rows = await executor
    .select()
    .from(orgUnits)
    .where(after ? and(where, gt(orgUnits.id, after[0])) : where)
    .orderBy(asc(orgUnits.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(presentOrgUnit),
    total: await executor.$count(orgUnits, where),
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.id]) : null,
  };
}

/** An administrative unit by its id, current or not; null when there is none. */
export async function findOrgUnit(executor: Executor, id: string): Promise<OrgUnitRow | null> {
  const [row] = await executor.select().from(orgUnits).where(eq(orgUnits.id, id));
  return row ?? null;
}

/**
 * Units' full names by id (ids not found, null or repeated are left out): the one lookup every module
 * uses to name the units of the rows it shows.
 */
export async function orgUnitNamesById(executor: Executor, ids: readonly (string | null | undefined)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (!wanted.length) return new Map();
  const rows = await executor.select({ id: orgUnits.id, name: orgUnits.fullName }).from(orgUnits).where(inArray(orgUnits.id, wanted));
  return new Map(rows.map((row) => [row.id, row.name]));
}
