import { victimConsents, victimFiles, victimReferrals, type Executor } from '@atmis/db';
import type { Actor, Permission } from '@atmis/domain';
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { REFERRAL_OVERDUE, selectReferrals, type ReferralJoinedRow } from './victim-files.repository.ts';
import { fileScope, uuidList } from './victims.repository.ts';

export type ReferralRow = typeof victimReferrals.$inferSelect;
export type NewReferral = typeof victimReferrals.$inferInsert;
/** The columns an answer or an end of a referral writes. */
export type ReferralChanges = Partial<NewReferral>;
type ReferralStatusValue = ReferralRow['status'];

/** One referral with the file's reference and agency, the person's (encrypted) name and both parties' names, or null. */
export async function findReferralJoined(executor: Executor, id: string): Promise<ReferralJoinedRow | null> {
  const [row] = await selectReferrals(executor).where(eq(victimReferrals.id, id));
  return row ?? null;
}

/** One referral as stored, or null. */
export async function referralById(executor: Executor, id: string): Promise<ReferralRow | null> {
  const [row] = await executor.select().from(victimReferrals).where(eq(victimReferrals.id, id));
  return row ?? null;
}

/** The agency and reference of a file, or null when there is no such file. */
export async function fileAgencyAndReference(executor: Executor, fileId: string) {
  const [row] = await executor
    .select({ agencyId: victimFiles.agencyId, reference: victimFiles.reference })
    .from(victimFiles)
    .where(eq(victimFiles.id, fileId));
  return row ?? null;
}

/** Every consent recorded for a person (given and withdrawn). */
export async function consentsOfPerson(executor: Executor, personId: string) {
  return executor.select().from(victimConsents).where(eq(victimConsents.personId, personId));
}

/** Writes a referral; its id. */
export async function insertReferral(executor: Executor, values: NewReferral): Promise<string> {
  const [row] = await executor.insert(victimReferrals).values(values).returning({ id: victimReferrals.id });
  return row!.id;
}

/** Updates a referral if it is still in `status`: false when no row matched (it changed meanwhile). */
export async function updateReferralInStatus(
  executor: Executor,
  id: string,
  status: ReferralStatusValue,
  changes: ReferralChanges,
): Promise<boolean> {
  const changed = await executor
    .update(victimReferrals)
    .set(changes)
    .where(and(eq(victimReferrals.id, id), eq(victimReferrals.status, status)))
    .returning({ id: victimReferrals.id });
  return changed.length > 0;
}

/** Which referrals a list holds: those to these receiving agencies, or those of the files an actor reaches with any of these permissions. */
export type ReferralListScope =
  { receivingAgencyIds: readonly string[] } | { filesOf: { actor: Actor; permissions: readonly Permission[] } };

export interface ReferralListFilter {
  scope: ReferralListScope;
  status?: ReferralStatusValue | undefined;
  /** Only the referrals overdue (sent, not answered after their due date) on this day. */
  overdueOn?: string | undefined;
}

/**
 * A page of referrals, newest sent first (then by id), after the keyset `after` ([sentOn, id]),
 * `limit + 1` rows so the caller knows whether there is more; and how many match in all.
 */
export async function listReferralRows(
  executor: Executor,
  filter: ReferralListFilter,
  page: { after: readonly [string, string] | null; limit: number },
): Promise<{ rows: ReferralJoinedRow[]; total: number }> {
  const conditions: SQL[] = [];
  if ('receivingAgencyIds' in filter.scope) {
    const ids = filter.scope.receivingAgencyIds;
    conditions.push(ids.length ? sql`${victimReferrals.receivingAgencyId} in (${uuidList(ids)})` : sql`false`);
  } else {
    const { actor, permissions } = filter.scope.filesOf;
    conditions.push(
      sql`(${sql.join(
        permissions.map((permission) => fileScope(actor, permission)),
        sql` or `,
      )})`,
    );
  }
  if (filter.status) conditions.push(eq(victimReferrals.status, filter.status));
  if (filter.overdueOn) conditions.push(REFERRAL_OVERDUE(filter.overdueOn));
  const where = and(...conditions)!;
  const { after } = page;
  const pageWhere = after
    ? and(where, sql`(${victimReferrals.sentOn}, ${victimReferrals.id}) < (${after[0]}::date, ${after[1]}::uuid)`)
    : where;
  const rows = await selectReferrals(executor)
    .where(pageWhere)
    .orderBy(desc(victimReferrals.sentOn), desc(victimReferrals.id))
    .limit(page.limit + 1);
  const [count] = await executor
    .select({ total: sql<number>`count(*)::int` })
    .from(victimReferrals)
    .innerJoin(victimFiles, eq(victimFiles.id, victimReferrals.fileId))
    .where(where);
  return { rows, total: count?.total ?? 0 };
}
