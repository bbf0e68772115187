import { agencies, agencyNameHistory, orgUnits, type Executor } from '@atmis/db';
import { parseSort, type AgencyView } from '@atmis/domain';
import { aliasedTable, and, asc, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { keysetAfter, keysetCursor, keysetOrder, textSortExpression, type KeysetSort } from '../../platform/http/pagination.ts';
import { searchCondition } from '../../platform/http/search.ts';

const parent = aliasedTable(agencies, 'parent');
const successor = aliasedTable(agencies, 'successor');

const agencyColumns = {
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

/** An agency as the registry shows it, before the reader's allowed actions are added. */
export type AgencyRow = Omit<AgencyView, 'allowedActions'>;

export async function listAgencies(
  executor: Executor,
  query: {
    limit: number;
    cursor?: string | undefined;
    sort: 'code' | '-code' | 'name' | '-name';
    q?: string | undefined;
    orgUnitId?: string | undefined;
    type?: string | undefined;
    includeInactive?: 'true' | 'false' | undefined;
  },
): Promise<{ rows: AgencyRow[]; total: number; nextCursor: string | null }> {
  const conditions: SQL[] = [];
  const search = searchCondition(agencies.searchKey, query.q);
  if (search) conditions.push(search);
  if (query.orgUnitId) conditions.push(eq(agencies.orgUnitId, query.orgUnitId));
  if (query.type) conditions.push(eq(agencies.type, query.type));
  if (query.includeInactive !== 'true') conditions.push(isNull(agencies.validTo));
  const where = conditions.length ? and(...conditions) : undefined;
  const { key, isDescending } = parseSort(query.sort);
  const sort: KeysetSort = { key, expression: textSortExpression(agencies[key], key === 'name'), idColumn: agencies.id, isDescending };
  const rows: (AgencyRow & { sortValue: string })[] = await executor
    .select({ ...agencyColumns, sortValue: sql<string>`${sort.expression}` })
    .from(agencies)
    .innerJoin(orgUnits, eq(orgUnits.id, agencies.orgUnitId))
    .leftJoin(parent, eq(parent.id, agencies.parentId))
    .leftJoin(successor, eq(successor.id, agencies.successorId))
    .where(and(where, keysetAfter(sort, query.cursor)))
    .orderBy(...keysetOrder(sort))
    .limit(query.limit + 1);
  const total = await executor.$count(agencies, where);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    rows: page.map(({ sortValue: _sortValue, ...row }) => row),
    total,
    nextCursor: rows.length > query.limit && last ? keysetCursor(sort, last.sortValue, last.id) : null,
  };
}

export async function findAgency(executor: Executor, id: string): Promise<AgencyRow | null> {
  const [row] = await executor
    .select(agencyColumns)
    .from(agencies)
    .innerJoin(orgUnits, eq(orgUnits.id, agencies.orgUnitId))
    .leftJoin(parent, eq(parent.id, agencies.parentId))
    .leftJoin(successor, eq(successor.id, agencies.successorId))
    .where(eq(agencies.id, id));
  return row ?? null;
}

/** Where an agency sits (its own org unit), current or not; null when there is no such agency. */
export async function findAgencyPlace(executor: Executor, id: string): Promise<{ id: string; orgUnitId: string } | null> {
  const [row] = await executor.select({ id: agencies.id, orgUnitId: agencies.orgUnitId }).from(agencies).where(eq(agencies.id, id));
  return row ?? null;
}

/** The agency that already holds this code, if any (codes are unique). */
export async function findAgencyByCode(executor: Executor, code: string): Promise<{ id: string } | null> {
  const [row] = await executor.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, code));
  return row ?? null;
}

export async function insertAgency(executor: Executor, values: typeof agencies.$inferInsert): Promise<string> {
  const [row] = await executor.insert(agencies).values(values).returning({ id: agencies.id });
  return row!.id;
}

export async function updateAgency(executor: Executor, id: string, changes: Partial<typeof agencies.$inferInsert>): Promise<void> {
  await executor.update(agencies).set(changes).where(eq(agencies.id, id));
}

/** A line of the agency's name history (created, renamed). */
export async function insertAgencyName(executor: Executor, values: typeof agencyNameHistory.$inferInsert): Promise<void> {
  await executor.insert(agencyNameHistory).values(values);
}

/** The name in force: the newest history line without an end. */
export async function currentAgencyName(executor: Executor, agencyId: string) {
  const [row] = await executor
    .select()
    .from(agencyNameHistory)
    .where(and(eq(agencyNameHistory.agencyId, agencyId), isNull(agencyNameHistory.validTo)))
    .orderBy(desc(agencyNameHistory.createdAt))
    .limit(1);
  return row ?? null;
}

/** Ends one history line's validity on the given day. */
export async function endAgencyName(executor: Executor, historyId: string, validTo: string): Promise<void> {
  await executor.update(agencyNameHistory).set({ validTo }).where(eq(agencyNameHistory.id, historyId));
}

/** Ends every open history line of the agency on the given day (the agency itself ends). */
export async function endAgencyNames(executor: Executor, agencyId: string, validTo: string): Promise<void> {
  await executor
    .update(agencyNameHistory)
    .set({ validTo })
    .where(and(eq(agencyNameHistory.agencyId, agencyId), isNull(agencyNameHistory.validTo)));
}

/**
 * Agencies' current names by id, in force or not (ids not found, null or repeated are left out): the
 * one lookup every module uses to name the agencies of the rows it shows.
 */
export async function agencyNamesById(executor: Executor, ids: readonly (string | null | undefined)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (!wanted.length) return new Map();
  const rows = await executor.select({ id: agencies.id, name: agencies.name }).from(agencies).where(inArray(agencies.id, wanted));
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** Every name the agency has borne, oldest first. */
export async function agencyNamesOf(executor: Executor, agencyId: string) {
  return executor
    .select()
    .from(agencyNameHistory)
    .where(eq(agencyNameHistory.agencyId, agencyId))
    .orderBy(asc(agencyNameHistory.createdAt));
}
