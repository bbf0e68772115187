import type { Executor } from '@atmis/db';
import { and, eq, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';

/** A table whose rows the command pipeline versions: `id`, `version`, `updated_at`. */
export type VersionedTable = PgTable & { id: PgColumn; version: PgColumn; updatedAt: PgColumn };

/**
 * Compare-and-set on a row's version (`UPDATE … SET version = version + 1 WHERE id = … AND
 * version = expected`): the new version, or null when another write came first.
 */
export async function compareAndSetVersion(
  executor: Executor,
  table: VersionedTable,
  id: string,
  expectedVersion: number,
): Promise<number | null> {
  const rows = (await executor
    .update(table)
    .set({ version: sql`${table.version} + 1` } as never)
    .where(and(eq(table.id, id), eq(table.version, expectedVersion)))
    .returning({ version: table.version })) as { version: number }[];
  return rows[0]?.version ?? null;
}

/** A row's current version and when it was last saved (for the 409 of a stale write). */
export async function currentVersionOf(
  executor: Executor,
  table: VersionedTable,
  id: string,
): Promise<{ version: number; updatedAt: Date } | null> {
  const rows = (await executor
    .select({ version: table.version, updatedAt: table.updatedAt })
    .from(table as PgTable)
    .where(eq(table.id, id))) as { version: number; updatedAt: Date }[];
  return rows[0] ?? null;
}
