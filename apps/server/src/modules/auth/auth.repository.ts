import { agencies, orgUnits, queryRows, sessions, users, type Executor } from '@atmis/db';
import { and, eq, isNotNull, notLike, sql } from 'drizzle-orm';

export type AccountRow = typeof users.$inferSelect;

/** The account signing in, by its normalized username. */
export async function findAccountByUsername(executor: Executor, username: string): Promise<AccountRow | null> {
  const [row] = await executor.select().from(users).where(eq(users.username, username)).limit(1);
  return row ?? null;
}

export async function findAccount(executor: Executor, userId: string): Promise<AccountRow | null> {
  const [row] = await executor.select().from(users).where(eq(users.id, userId));
  return row ?? null;
}

export async function lockedUntilOf(executor: Executor, userId: string): Promise<Date | null> {
  const [row] = await executor.select({ lockedUntil: users.lockedUntil }).from(users).where(eq(users.id, userId));
  return row?.lockedUntil ?? null;
}

/**
 * Counts one attempt on an account in one statement and locks it at the threshold (the rule of
 * `nextLockoutState`). Nothing is counted while a lock runs: the answer is then null.
 */
export async function countLoginAttempt(
  executor: Executor,
  userId: string,
  lockout: { maxFailures: number; minutes: number },
  now: Date,
): Promise<{ failures: number; lockedUntil: Date | null } | null> {
  const lockUntil = new Date(now.getTime() + lockout.minutes * 60_000).toISOString();
  const nextCount = sql`(case when locked_until is null then failed_login_count + 1 else 1 end)`;
  const rows = await queryRows<{ failed_login_count: number; locked_until: string | Date | null }>(
    executor,
    sql`
      update users set
        failed_login_count = ${nextCount},
        locked_until = case when ${nextCount} >= ${lockout.maxFailures} then ${lockUntil}::timestamptz else null end
      where id = ${userId} and (locked_until is null or locked_until <= ${now.toISOString()}::timestamptz)
      returning failed_login_count, locked_until`,
  );
  const row = rows[0];
  if (!row) return null;
  return { failures: Number(row.failed_login_count), lockedUntil: row.locked_until ? new Date(row.locked_until) : null };
}

/** The account's own changes (sign-in state, password, second factor). */
export async function updateAccount(executor: Executor, userId: string, changes: Partial<typeof users.$inferInsert>): Promise<void> {
  await executor.update(users).set(changes).where(eq(users.id, userId));
}

/** The account's second-factor secret (sealed) and whether it is in force. */
export async function secondFactorOf(executor: Executor, userId: string): Promise<{ secret: string | null; enabled: boolean } | null> {
  const [row] = await executor.select({ secret: users.totpSecret, enabled: users.totpEnabled }).from(users).where(eq(users.id, userId));
  return row ?? null;
}

export async function markSecondFactorPassed(executor: Executor, sessionId: string): Promise<void> {
  await executor.update(sessions).set({ isSecondFactorPending: false }).where(eq(sessions.id, sessionId));
}

/** Ends the account's other sessions; the one named stays. */
export async function deleteOtherSessions(executor: Executor, userId: string, keptSessionId: string): Promise<void> {
  await executor.execute(sql`delete from sessions where user_id = ${userId} and id <> ${keptSessionId}`);
}

/** What the signed-in user's own page names: e-mail, unit and agency. */
export async function profileOf(executor: Executor, userId: string) {
  const [row] = await executor
    .select({ email: users.email, orgUnitName: orgUnits.fullName, agencyName: agencies.name })
    .from(users)
    .innerJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
    .leftJoin(agencies, eq(agencies.id, users.agencyId))
    .where(eq(users.id, userId));
  return row ?? null;
}

/** The names (role, unit, agency) of the user's assignments in force. */
export async function assignmentNamesOf(executor: Executor, userId: string) {
  return queryRows<{
    id: string;
    role_id: string;
    role_code: string;
    role_name: string;
    org_unit_name: string;
    agency_name: string | null;
  }>(
    executor,
    sql`
      select a.id, r.id as role_id, r.code as role_code, r.name as role_name, o.full_name as org_unit_name, ag.name as agency_name
      from user_assignments a join roles r on r.id = a.role_id join org_units o on o.id = a.org_unit_id
      left join agencies ag on ag.id = a.agency_id
      where a.user_id = ${userId} and a.revoked_at is null`,
  );
}

/** Second-factor secrets still stored in plaintext (before encryption): none begins with the ciphertext prefix. */
export async function plainTotpSecrets(executor: Executor, ciphertextPrefix: string): Promise<{ id: string; secret: string | null }[]> {
  return executor
    .select({ id: users.id, secret: users.totpSecret })
    .from(users)
    .where(and(isNotNull(users.totpSecret), notLike(users.totpSecret, `${ciphertextPrefix}:%`)));
}

/** Replaces a secret, unless it changed since it was read. */
export async function replaceTotpSecret(executor: Executor, userId: string, expected: string, sealed: string): Promise<void> {
  await executor
    .update(users)
    .set({ totpSecret: sealed })
    .where(and(eq(users.id, userId), eq(users.totpSecret, expected)));
}
