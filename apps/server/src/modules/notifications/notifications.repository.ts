import { queryRows, users, type Executor } from '@atmis/db';
import { and, eq, inArray, sql } from 'drizzle-orm';

export interface Recipient {
  userId: string;
  email: string | null;
}

/**
 * The standing office over a plan (who accepts, returns and chases its tasks): active users holding
 * chase:tasks over the plan's unit. Among them, those acting for the plan's issuing agency when it
 * has any; otherwise those whose grant sits nearest the plan's unit (a province's office, not the
 * national one, for a provincial plan).
 */
export async function standingOfficeOfPlan(executor: Executor, planId: string): Promise<Recipient[]> {
  const rows = await queryRows<{
    userId: string;
    email: string | null;
    orgUnitId: string;
    agencyId: string | null;
    issuerAgencyId: string | null;
  }>(
    executor,
    sql`select distinct u.id as "userId", u.email, a.org_unit_id as "orgUnitId", a.agency_id as "agencyId",
               p.issuer_agency_id as "issuerAgencyId"
        from plans p
        join user_assignments a on a.revoked_at is null
        join roles r on r.id = a.role_id and 'chase:tasks' = any(r.permissions)
        join users u on u.id = a.user_id and u.status = 'active'
        where p.id = ${planId}::uuid
          and (a.scope = 'national'
               or (a.scope = 'subtree' and (p.org_unit_id = a.org_unit_id or p.org_unit_id like a.org_unit_id || '.%')))`,
  );
  if (!rows.length) return [];
  const issuer = rows[0]!.issuerAgencyId;
  const ofIssuer = issuer ? rows.filter((row) => row.agencyId === issuer) : [];
  const deepest = Math.max(...rows.map((row) => row.orgUnitId.length));
  const chosen = ofIssuer.length ? ofIssuer : rows.filter((row) => row.orgUnitId.length === deepest);
  const byUser = new Map(chosen.map((row) => [row.userId, { userId: row.userId, email: row.email }]));
  return [...byUser.values()];
}

/** The named users who are still active (a notice to a person, e.g. who sent a referral). */
export async function activeUsers(executor: Executor, ids: readonly string[]): Promise<Recipient[]> {
  if (!ids.length) return [];
  return executor
    .select({ userId: users.id, email: users.email })
    .from(users)
    .where(and(inArray(users.id, [...ids]), eq(users.status, 'active')));
}
