import {
  victimConsents,
  victimExploitation,
  victimFollowUpVisits,
  victimIdentificationEvents,
  victimPersons,
  victimProtectionAssessments,
  victimStatements,
  victimThreats,
  type Executor,
} from '@atmis/db';
import { and, eq, isNull } from 'drizzle-orm';

// ── Persons and identification ──────────────────────────────────────────────────────────────────
/** The file a person belongs to, or null when there is no such person. */
export async function fileIdOfPerson(executor: Executor, personId: string): Promise<string | null> {
  const [row] = await executor.select({ fileId: victimPersons.fileId }).from(victimPersons).where(eq(victimPersons.id, personId));
  return row?.fileId ?? null;
}

export type IdentificationEventRow = typeof victimIdentificationEvents.$inferSelect;
export type NewIdentificationEvent = typeof victimIdentificationEvents.$inferInsert;

/** One identification event, or null. */
export async function identificationEventById(executor: Executor, id: string): Promise<IdentificationEventRow | null> {
  const [row] = await executor.select().from(victimIdentificationEvents).where(eq(victimIdentificationEvents.id, id));
  return row ?? null;
}

/** Writes an identification event; its id. */
export async function insertIdentificationEvent(executor: Executor, values: NewIdentificationEvent): Promise<string> {
  const [row] = await executor.insert(victimIdentificationEvents).values(values).returning({ id: victimIdentificationEvents.id });
  return row!.id;
}

/** The identification columns of a person, as a transition writes them. */
export type PersonIdentificationChanges = Pick<
  typeof victimPersons.$inferInsert,
  'identificationStatus' | 'role' | 'lastDecisionDate' | 'currentDecisionId' | 'updatedAt'
>;

/** Updates a person's identification if it is still in `status`: false when no row matched (changed meanwhile). */
export async function updatePersonIdentificationInStatus(
  executor: Executor,
  personId: string,
  status: string,
  changes: PersonIdentificationChanges,
): Promise<boolean> {
  const changed = await executor
    .update(victimPersons)
    .set(changes)
    .where(and(eq(victimPersons.id, personId), eq(victimPersons.identificationStatus, status)))
    .returning({ id: victimPersons.id });
  return changed.length > 0;
}

// ── Consents ──────────────────────────────────────────────────────────────────────────────────────
export type ConsentRow = typeof victimConsents.$inferSelect;
export type NewConsent = typeof victimConsents.$inferInsert;

/** One consent, or null. */
export async function consentById(executor: Executor, id: string): Promise<ConsentRow | null> {
  const [row] = await executor.select().from(victimConsents).where(eq(victimConsents.id, id));
  return row ?? null;
}

/** Records a consent; the row as written. */
export async function insertConsent(executor: Executor, values: NewConsent): Promise<ConsentRow> {
  const [row] = await executor.insert(victimConsents).values(values).returning();
  return row!;
}

/** Marks a consent withdrawn if it is not yet: the row as written, or null when it already was (or is gone). */
export async function withdrawConsentIfActive(
  executor: Executor,
  id: string,
  changes: Pick<NewConsent, 'withdrawnOn' | 'withdrawalReason' | 'updatedAt'>,
): Promise<ConsentRow | null> {
  const [row] = await executor
    .update(victimConsents)
    .set(changes)
    .where(and(eq(victimConsents.id, id), isNull(victimConsents.withdrawnOn)))
    .returning();
  return row ?? null;
}

// ── Follow-ups, exploitation, statements, protection ──────────────────────────────────────────────
/** Records a follow-up visit; its id. */
export async function insertFollowUpVisit(executor: Executor, values: typeof victimFollowUpVisits.$inferInsert): Promise<string> {
  const [row] = await executor.insert(victimFollowUpVisits).values(values).returning({ id: victimFollowUpVisits.id });
  return row!.id;
}

export type NewExploitation = typeof victimExploitation.$inferInsert;

/** Writes a person's exploitation record: `values` when there is none yet, else `changes` over the existing one. */
export async function upsertExploitation(
  executor: Executor,
  values: NewExploitation,
  changes: Partial<Omit<NewExploitation, 'id' | 'fileId' | 'personId'>>,
): Promise<void> {
  await executor.insert(victimExploitation).values(values).onConflictDoUpdate({ target: victimExploitation.personId, set: changes });
}

/** Records a statement; its id. */
export async function insertStatement(executor: Executor, values: typeof victimStatements.$inferInsert): Promise<string> {
  const [row] = await executor.insert(victimStatements).values(values).returning({ id: victimStatements.id });
  return row!.id;
}

/** Records a protection assessment; its id. */
export async function insertProtectionAssessment(
  executor: Executor,
  values: typeof victimProtectionAssessments.$inferInsert,
): Promise<string> {
  const [row] = await executor.insert(victimProtectionAssessments).values(values).returning({ id: victimProtectionAssessments.id });
  return row!.id;
}

/** Records a threat; its id. */
export async function insertThreat(executor: Executor, values: typeof victimThreats.$inferInsert): Promise<string> {
  const [row] = await executor.insert(victimThreats).values(values).returning({ id: victimThreats.id });
  return row!.id;
}
