import {
  victimFacilityStays,
  victimFiles,
  victimFollowUpVisits,
  victimIdentificationEvents,
  victimPersons,
  victimRecordVersions,
  victimReferrals,
  victimRepatriations,
  victimSupportServices,
  type Executor,
} from '@atmis/db';
import { and, eq, sql } from 'drizzle-orm';
import { ACTIVE_REFERRAL } from './victims.repository.ts';

// The SQL of the file's own records: corrections with their history, closing and reopening,
// confidentiality flags, repatriation. Which write is allowed is the service's rule.

// ── Corrections ─────────────────────────────────────────────────────────────────────────────────
export type NewRecordVersion = typeof victimRecordVersions.$inferInsert;
/** The columns of a person a correction writes. */
export type PersonChanges = Partial<Omit<typeof victimPersons.$inferInsert, 'id' | 'fileId'>>;
/** The columns of a file a correction, a closing or a change of flags writes. */
export type FileChanges = Partial<Omit<typeof victimFiles.$inferInsert, 'id'>>;
type FileStatusValue = (typeof victimFiles.$inferSelect)['status'];

/** Writes the history row of a correction (which fields, why, who, the previous values encrypted). */
export async function insertRecordVersion(executor: Executor, values: NewRecordVersion): Promise<void> {
  await executor.insert(victimRecordVersions).values(values);
}

/** Updates a person's columns. */
export async function updatePerson(executor: Executor, personId: string, changes: PersonChanges): Promise<void> {
  await executor.update(victimPersons).set(changes).where(eq(victimPersons.id, personId));
}

/** Updates a file's columns. */
export async function updateFile(executor: Executor, fileId: string, changes: FileChanges): Promise<void> {
  await executor.update(victimFiles).set(changes).where(eq(victimFiles.id, fileId));
}

/**
 * The earliest date recorded in a file's records (identification events and decisions, support
 * applied or started, facility admissions, follow-up visits, mission contacts), or null when none.
 */
export async function earliestRecordDate(executor: Executor, fileId: string): Promise<string | null> {
  const first = (column: unknown, table: unknown, extra = sql``) =>
    sql`(select min(${column}) from ${table} where file_id = ${fileId}::uuid ${extra})`;
  const [row] = await executor
    .select({
      earliest: sql<string | null>`least(
          ${first(victimIdentificationEvents.onDate, victimIdentificationEvents)},
          ${first(victimIdentificationEvents.decisionDate, victimIdentificationEvents)},
          ${first(sql`least(${victimSupportServices.appliedOn}, ${victimSupportServices.startedOn})`, victimSupportServices)},
          ${first(victimFacilityStays.admittedOn, victimFacilityStays)},
          ${first(victimFollowUpVisits.visitedOn, victimFollowUpVisits)},
          ${first(victimRepatriations.missionContactedOn, victimRepatriations)}
        )::text`,
    })
    .from(victimFiles)
    .where(eq(victimFiles.id, fileId));
  return row?.earliest ?? null;
}

// ── Closing and reopening ───────────────────────────────────────────────────────────────────────
/**
 * What may keep a file open: its active referrals (sent, accepted) and its stays not yet ended;
 * undefined when there is no such file.
 */
export async function fileClosureCounts(
  executor: Executor,
  fileId: string,
): Promise<{ activeReferrals: number; openStays: number } | undefined> {
  const [counts] = await executor
    .select({
      activeReferrals: sql<number>`(select count(*)::int from ${victimReferrals} where ${victimReferrals.fileId} = ${fileId}::uuid and ${ACTIVE_REFERRAL})`,
      openStays: sql<number>`(select count(*)::int from ${victimFacilityStays} where ${victimFacilityStays.fileId} = ${fileId}::uuid and ${victimFacilityStays.dischargedOn} is null)`,
    })
    .from(victimFiles)
    .where(eq(victimFiles.id, fileId));
  return counts;
}

/** Updates a file's columns if it is still in `status`: false when no row matched (it changed meanwhile). */
export async function updateFileInStatus(
  executor: Executor,
  fileId: string,
  status: FileStatusValue,
  changes: FileChanges,
): Promise<boolean> {
  const changed = await executor
    .update(victimFiles)
    .set(changes)
    .where(and(eq(victimFiles.id, fileId), eq(victimFiles.status, status)))
    .returning({ id: victimFiles.id });
  return changed.length > 0;
}

// ── Repatriation ────────────────────────────────────────────────────────────────────────────────
export type RepatriationRow = typeof victimRepatriations.$inferSelect;
export type NewRepatriation = typeof victimRepatriations.$inferInsert;
/** The columns an update of a repatriation writes. */
export type RepatriationChanges = Partial<Omit<NewRepatriation, 'id' | 'fileId' | 'personId'>>;

/** One repatriation record, or null. */
export async function repatriationById(executor: Executor, id: string): Promise<RepatriationRow | null> {
  const [row] = await executor.select().from(victimRepatriations).where(eq(victimRepatriations.id, id));
  return row ?? null;
}

/** Records a repatriation; the row as written. */
export async function insertRepatriation(executor: Executor, values: NewRepatriation): Promise<RepatriationRow> {
  const [row] = await executor.insert(victimRepatriations).values(values).returning();
  return row!;
}

/** Updates a repatriation if it is still in `status`: the row as written, or null when no row matched (it changed meanwhile). */
export async function updateRepatriationInStatus(
  executor: Executor,
  id: string,
  status: string,
  changes: RepatriationChanges,
): Promise<RepatriationRow | null> {
  const [row] = await executor
    .update(victimRepatriations)
    .set(changes)
    .where(and(eq(victimRepatriations.id, id), eq(victimRepatriations.status, status)))
    .returning();
  return row ?? null;
}
