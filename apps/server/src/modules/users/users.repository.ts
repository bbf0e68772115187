import { agencies, orgUnits, roles, userAssignments, users, type Executor } from '@atmis/db';
import { parseSort, type ScopeFilter, type Scope, type UserView, type AssignmentView, type USER_SORT_KEYS } from '@atmis/domain';
import { and, asc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { scopeCondition, withinUnit } from '../../platform/access/scope-sql.ts';
import { keysetAfter, keysetCursor, keysetOrder, textSortExpression, toIso, type KeysetSort } from '../../platform/http/pagination.ts';

type UserSort = (typeof USER_SORT_KEYS)[number] | `-${(typeof USER_SORT_KEYS)[number]}`;
import { searchCondition } from '../../platform/http/search.ts';

const userColumns = {
  id: users.id,
  username: users.username,
  fullName: users.fullName,
  email: users.email,
  phone: users.phone,
  orgUnitId: users.orgUnitId,
  orgUnitName: orgUnits.fullName,
  agencyId: users.agencyId,
  agencyName: agencies.name,
  status: users.status,
  lockedUntil: users.lockedUntil,
  totpEnabled: users.totpEnabled,
  lastLoginAt: users.lastLoginAt,
  createdAt: users.createdAt,
};

type UserRow = { [K in keyof typeof userColumns]: unknown } & {
  id: string;
  username: string;
  fullName: string;
  email: string | null;
  phone: string | null;
  orgUnitId: string;
  orgUnitName: string;
  agencyId: string | null;
  agencyName: string | null;
  status: 'active' | 'disabled';
  lockedUntil: Date | null;
  totpEnabled: boolean;
  lastLoginAt: Date | null;
  createdAt: Date;
};

function present(row: UserRow, now: Date): UserView {
  return {
    id: row.id,
    username: row.username,
    fullName: row.fullName,
    email: row.email,
    phone: row.phone,
    orgUnitId: row.orgUnitId,
    orgUnitName: row.orgUnitName,
    agencyId: row.agencyId,
    agencyName: row.agencyName,
    status: row.status,
    isLocked: Boolean(row.lockedUntil && row.lockedUntil > now),
    totpEnabled: row.totpEnabled,
    lastLoginAt: toIso(row.lastLoginAt),
    createdAt: toIso(row.createdAt) as string,
  };
}

/** The users an actor may see: the account's own unit and agency decide, like any record. */
export function userScope(filter: ScopeFilter): SQL {
  return scopeCondition(filter, { orgUnitId: users.orgUnitId, agencyId: users.agencyId, ownerUserId: users.id });
}

export async function listUsers(
  executor: Executor,
  filter: ScopeFilter,
  query: {
    limit: number;
    cursor?: string | undefined;
    sort: UserSort;
    q?: string | undefined;
    orgUnitId?: string | undefined;
    status?: 'active' | 'disabled' | undefined;
  },
  now: Date,
): Promise<{ items: UserView[]; total: number; nextCursor: string | null }> {
  const conditions: SQL[] = [userScope(filter)];
  const search = searchCondition(users.searchKey, query.q);
  if (search) conditions.push(search);
  if (query.orgUnitId) conditions.push(withinUnit(users.orgUnitId, query.orgUnitId));
  if (query.status) conditions.push(eq(users.status, query.status));
  const where = and(...conditions);
  const { key, isDescending } = parseSort(query.sort);
  const sort: KeysetSort = {
    key,
    expression: key === 'createdAt' ? sql`${users.createdAt}` : textSortExpression(users[key], key === 'fullName'),
    idColumn: users.id,
    isDescending,
    isTimestamp: key === 'createdAt',
  };
  const pageWhere = and(where, keysetAfter(sort, query.cursor));
  const rows = await executor
    .select({ ...userColumns, sortValue: sql<string | Date>`${sort.expression}` })
    .from(users)
    .innerJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
    .leftJoin(agencies, eq(agencies.id, users.agencyId))
    .where(pageWhere)
    .orderBy(...keysetOrder(sort))
    .limit(query.limit + 1);
  const [count] = await executor
    .select({ total: sql<number>`count(*)::int` })
    .from(users)
    .where(where);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => present(row as UserRow, now)),
    total: count?.total ?? 0,
    nextCursor: rows.length > query.limit && last ? keysetCursor(sort, last.sortValue, last.id) : null,
  };
}

export async function findUserInScope(executor: Executor, filter: ScopeFilter, id: string, now: Date): Promise<UserView | null> {
  const [row] = await executor
    .select(userColumns)
    .from(users)
    .innerJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
    .leftJoin(agencies, eq(agencies.id, users.agencyId))
    .where(and(eq(users.id, id), userScope(filter)));
  return row ? present(row as UserRow, now) : null;
}

/** The account that already holds this username, if any (usernames are unique). */
export async function findUserByUsername(executor: Executor, username: string): Promise<{ id: string } | null> {
  const [row] = await executor.select({ id: users.id }).from(users).where(eq(users.username, username));
  return row ?? null;
}

export async function listAssignments(executor: Executor, userId: string): Promise<AssignmentView[]> {
  const rows = await executor
    .select({
      id: userAssignments.id,
      roleId: roles.id,
      roleCode: roles.code,
      roleName: roles.name,
      permissions: roles.permissions,
      orgUnitId: userAssignments.orgUnitId,
      orgUnitName: orgUnits.fullName,
      agencyId: userAssignments.agencyId,
      agencyName: agencies.name,
      scope: userAssignments.scope,
    })
    .from(userAssignments)
    .innerJoin(roles, eq(roles.id, userAssignments.roleId))
    .innerJoin(orgUnits, eq(orgUnits.id, userAssignments.orgUnitId))
    .leftJoin(agencies, eq(agencies.id, userAssignments.agencyId))
    .where(and(eq(userAssignments.userId, userId), isNull(userAssignments.revokedAt)))
    .orderBy(asc(userAssignments.createdAt));
  return rows.map((row) => ({ ...row, permissions: row.permissions as AssignmentView['permissions'] }));
}

export async function insertUser(executor: Executor, values: typeof users.$inferInsert): Promise<string> {
  const [row] = await executor.insert(users).values(values).returning({ id: users.id });
  return row!.id;
}

export async function updateUser(executor: Executor, id: string, changes: Partial<typeof users.$inferInsert>): Promise<void> {
  await executor.update(users).set(changes).where(eq(users.id, id));
}

/** The assignment in force that gives this user the same role over the same place and reach, if any. */
export async function findSameAssignment(
  executor: Executor,
  assignment: { userId: string; roleId: string; orgUnitId: string; agencyId: string | null; scope: Scope },
): Promise<{ id: string } | null> {
  const [row] = await executor
    .select({ id: userAssignments.id })
    .from(userAssignments)
    .where(
      and(
        eq(userAssignments.userId, assignment.userId),
        eq(userAssignments.roleId, assignment.roleId),
        eq(userAssignments.orgUnitId, assignment.orgUnitId),
        eq(userAssignments.scope, assignment.scope),
        isNull(userAssignments.revokedAt),
        assignment.agencyId ? eq(userAssignments.agencyId, assignment.agencyId) : isNull(userAssignments.agencyId),
      ),
    );
  return row ?? null;
}

export async function insertAssignment(executor: Executor, values: typeof userAssignments.$inferInsert): Promise<string> {
  const [row] = await executor.insert(userAssignments).values(values).returning({ id: userAssignments.id });
  return row!.id;
}

/** One of the user's assignments in force, with what its role permits; null when there is none. */
export async function findOpenAssignment(executor: Executor, userId: string, assignmentId: string) {
  const [row] = await executor
    .select({
      id: userAssignments.id,
      orgUnitId: userAssignments.orgUnitId,
      agencyId: userAssignments.agencyId,
      scope: userAssignments.scope,
      permissions: roles.permissions,
      roleCode: roles.code,
    })
    .from(userAssignments)
    .innerJoin(roles, eq(roles.id, userAssignments.roleId))
    .where(and(eq(userAssignments.id, assignmentId), eq(userAssignments.userId, userId), isNull(userAssignments.revokedAt)));
  return row ?? null;
}

export async function markAssignmentRevoked(executor: Executor, assignmentId: string, revokedBy: string, now: Date): Promise<void> {
  await executor.update(userAssignments).set({ revokedAt: now, revokedBy }).where(eq(userAssignments.id, assignmentId));
}
