import { notifications, queryRows, tasks, users, type Executor } from '@atmis/db';
import { scopeFilterFor, type Actor } from '@atmis/domain';
import { actingAgencyIds } from '@atmis/domain/plans/index';
import { and, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { scopeCondition } from '../../platform/access/scope-sql.ts';
import { tasksDueBy } from '../tasks/index.ts';

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

/** The active users who act for an agency: their account's agency, or an unrevoked assignment for it. */
export async function agencyRecipients(executor: Executor, agencyIds: readonly string[]) {
  if (!agencyIds.length) return [];
  return queryRows<{ agencyId: string; userId: string; email: string | null }>(
    executor,
    sql`select distinct a.agency_id as "agencyId", u.id as "userId", u.email
        from (select id as user_id, agency_id from users where agency_id is not null
              union select user_id, agency_id from user_assignments where agency_id is not null and revoked_at is null) a
        join users u on u.id = a.user_id
        where u.status = 'active' and a.agency_id in (${sql.join(
          agencyIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`,
  );
}

export type NotificationRow = typeof notifications.$inferSelect;
export type NotificationInsert = typeof notifications.$inferInsert;

/** Inserts notifications, skipping those whose dedupe key exists; the recipient user of each inserted one. */
export async function insertNotifications(executor: Executor, values: NotificationInsert[]) {
  return executor
    .insert(notifications)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: notifications.id, recipientUserId: notifications.recipientUserId });
}

/** Mine: addressed to me, or to an agency I act for. */
function mine(actor: Actor): SQL {
  const agencyIds = [...actingAgencyIds(actor, 'read:tasks'), ...(actor.agencyId ? [actor.agencyId] : [])];
  return or(
    eq(notifications.recipientUserId, actor.userId),
    agencyIds.length ? inArray(notifications.recipientAgencyId, [...new Set(agencyIds)]) : undefined,
  ) as SQL;
}

/**
 * A page of the actor's notifications, unread first, newest first within each group (keyset after
 * (read?, id)), one more than `limit` to tell whether another page follows; with the total and unread counts.
 */
export async function listNotifications(
  executor: Executor,
  actor: Actor,
  query: { limit: number; after: [number, string] | null; unreadOnly: boolean },
) {
  const isRead = sql`(${notifications.readAt} is not null)::int`;
  const conditions: SQL[] = [mine(actor)];
  if (query.unreadOnly) conditions.push(isNull(notifications.readAt));
  const where = and(...conditions);
  const after = query.after;
  const page = after
    ? and(where, sql`(${isRead} > ${after[0]} or (${isRead} = ${after[0]} and ${notifications.id} < ${after[1]}))`)
    : where;
  const rows = await executor
    .select()
    .from(notifications)
    .where(page)
    .orderBy(isRead, desc(notifications.id))
    .limit(query.limit + 1);
  const [count] = await executor
    .select({ total: sql<number>`count(*)::int`, unread: sql<number>`count(*) filter (where ${notifications.readAt} is null)::int` })
    .from(notifications)
    .where(where);
  return { rows, total: count?.total ?? 0, unread: count?.unread ?? 0 };
}

/** One of the actor's notifications; null when it does not exist or is not theirs. */
export async function findMyNotification(executor: Executor, actor: Actor, id: string): Promise<NotificationRow | null> {
  const [row] = await executor
    .select()
    .from(notifications)
    .where(and(eq(notifications.id, id), mine(actor)));
  return row ?? null;
}

/** Marks a notification read at `at`; the saved row. */
export async function markNotificationRead(executor: Executor, id: string, at: Date): Promise<NotificationRow> {
  const [saved] = await executor.update(notifications).set({ readAt: at }).where(eq(notifications.id, id)).returning();
  return saved!;
}

/** Tasks of issued plans in the actor's manage:plans reach that are due by `date` (the digest's input). */
export async function digestTasksDueBy(executor: Executor, actor: Actor, date: string) {
  const units = scopeCondition(scopeFilterFor(actor, 'manage:plans'), { orgUnitId: tasks.orgUnitId });
  return tasksDueBy(executor, units, date);
}
