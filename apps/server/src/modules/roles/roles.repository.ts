import { roles, type Executor } from '@atmis/db';
import { asc, eq } from 'drizzle-orm';

export type RoleRow = typeof roles.$inferSelect;

export async function listRoles(executor: Executor): Promise<RoleRow[]> {
  return executor.select().from(roles).orderBy(asc(roles.name));
}

export async function findRole(executor: Executor, id: string): Promise<RoleRow | null> {
  const [row] = await executor.select().from(roles).where(eq(roles.id, id));
  return row ?? null;
}

/** The role that already holds this code, if any (codes are unique). */
export async function findRoleByCode(executor: Executor, code: string): Promise<{ id: string } | null> {
  const [row] = await executor.select({ id: roles.id }).from(roles).where(eq(roles.code, code));
  return row ?? null;
}

export async function insertRole(executor: Executor, values: typeof roles.$inferInsert): Promise<RoleRow> {
  const [row] = await executor.insert(roles).values(values).returning();
  return row!;
}

export async function updateRole(executor: Executor, id: string, changes: Partial<typeof roles.$inferInsert>): Promise<RoleRow> {
  const [row] = await executor.update(roles).set(changes).where(eq(roles.id, id)).returning();
  return row!;
}
