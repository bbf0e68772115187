import { planImports, type Executor } from '@atmis/db';
import { and, eq } from 'drizzle-orm';

/** A stored plan import: the extracted text, the parse result under review and its agency matches. */
export type PlanImportRow = typeof planImports.$inferSelect;

/** Stores a new plan import (pending review); the row as written. */
export async function insertPlanImport(
  executor: Executor,
  values: Pick<
    typeof planImports.$inferInsert,
    'fileName' | 'extractedText' | 'result' | 'agencyMatches' | 'orgUnitId' | 'parentPlanId' | 'createdBy'
  >,
): Promise<PlanImportRow> {
  const [created] = await executor.insert(planImports).values(values).returning();
  return created!;
}

/** The plan import of that id, or null. */
export async function findPlanImport(executor: Executor, id: string): Promise<PlanImportRow | null> {
  const [row] = await executor.select().from(planImports).where(eq(planImports.id, id));
  return row ?? null;
}

/**
 * Saves the reviewed result of a pending import; the saved row, or null when the import is no
 * longer pending.
 */
export async function updatePendingPlanImport(
  executor: Executor,
  id: string,
  changes: Pick<typeof planImports.$inferInsert, 'result' | 'agencyMatches' | 'parentPlanId' | 'updatedAt'>,
): Promise<PlanImportRow | null> {
  const [saved] = await executor
    .update(planImports)
    .set(changes)
    .where(and(eq(planImports.id, id), eq(planImports.status, 'pending')))
    .returning();
  return saved ?? null;
}

/** Marks an import confirmed as the plan it created. */
export async function markPlanImportConfirmed(executor: Executor, id: string, planId: string, now: Date): Promise<void> {
  await executor.update(planImports).set({ status: 'confirmed', planId, updatedAt: now }).where(eq(planImports.id, id));
}
